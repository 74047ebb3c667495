import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082145_audit_no_truncate extends Migration {

  override name = 'Migration20261123082145_audit_no_truncate';

  override up(): void | Promise<void> {
    // Written by hand: the ORM does not introspect statement-level TRUNCATE triggers, so it never generates this.
    this.addSql(`create or replace function audit_event_refuse_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event" for each statement execute function audit_event_refuse_truncate();`);
    this.addSql(`revoke update, delete, truncate on "audit_event" from public;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists audit_event_no_truncate on "audit_event";`);
    this.addSql(`drop function if exists audit_event_refuse_truncate();`);
  }

}
