import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090000_audit_outbox extends Migration {

  override name = 'Migration20261202090000_audit_outbox';

  override up(): void | Promise<void> {
    // Written by hand: a change's audit event is inserted here in the change's own transaction, and the chain writer
    // moves it into audit_event (linked, in outbox order) with sharehub_audit_append_outbox. So a committed change
    // always has its event: linked before the response, or after a crash by the next writer to run.
    this.addSql(`create table "audit_outbox" ("id" bigserial primary key, "event" jsonb not null, "created_at" timestamptz not null default now());`);
    this.addSql(`revoke update, truncate on "audit_outbox" from public;`);
    // sharehub_audit_append with the outbox rows the batch links: under the chain lock, the head must still be the one
    // expected and every named outbox row still there (else another writer linked them: SH409, nothing written); the
    // rows are deleted in the same statement as their events are inserted.
    this.addSql(`create or replace function sharehub_audit_append_outbox(expected_seq bigint, events jsonb, at timestamptz, outbox_ids bigint[])
returns table (last_seq text, last_hash text) language plpgsql as $$
declare
  taken int;
begin
  perform pg_advisory_xact_lock(hashtext('sharehub:audit_chain'));
  with gone as (delete from audit_outbox o where o.id = any(outbox_ids) returning o.id) select count(*) into taken from gone;
  if taken <> coalesce(array_length(outbox_ids, 1), 0) then
    raise exception 'the audit outbox was linked by another writer' using errcode = 'SH409';
  end if;
  return query select * from sharehub_audit_append(expected_seq, events, at);
end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists sharehub_audit_append_outbox(bigint, jsonb, timestamptz, bigint[]);`);
    this.addSql(`drop table if exists "audit_outbox";`);
  }

}
