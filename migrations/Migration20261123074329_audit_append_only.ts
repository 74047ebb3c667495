import { Migration } from '@mikro-orm/migrations';

export class Migration20261123074329_audit_append_only extends Migration {

  override name = 'Migration20261123074329_audit_append_only';

  override up(): void | Promise<void> {
    // The audit log is append-only: no role that connects through the hub may change or remove an event.
    this.addSql(`create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger audit_event_append_only before update or delete on "audit_event" for each row execute function audit_event_refuse_change();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event" for each statement execute function audit_event_refuse_change();`);
    this.addSql(`revoke update, delete, truncate on "audit_event" from public;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists audit_event_no_truncate on "audit_event";`);
    this.addSql(`drop trigger if exists audit_event_append_only on "audit_event";`);
    this.addSql(`drop function if exists audit_event_refuse_change();`);
  }

}
