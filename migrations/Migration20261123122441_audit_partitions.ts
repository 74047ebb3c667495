import { Migration } from '@mikro-orm/migrations';

/** The audit_event columns, in order, without the partition key (shared by up and down). */
const COLUMNS = `"occurred_at", "request_id", "principal_kind", "client_id", "department_code", "holder_hash", "purpose",
  "case_number", "action", "operation_name", "operation_hash", "outcome", "error_codes", "resource_types", "subject_hashes",
  "fields_returned", "fields_masked", "fields_denied", "details", "prev_hash", "hash"`;

const COLUMN_DEFINITIONS = `"seq" bigint not null default nextval('audit_event_seq_seq'), "occurred_at" timestamptz not null,
  "request_id" varchar(100) not null, "principal_kind" text not null, "client_id" varchar(100) null, "department_code" varchar(18) null,
  "holder_hash" varchar(64) null, "purpose" text null, "case_number" text null, "action" varchar(100) not null, "operation_name" text null,
  "operation_hash" varchar(64) null, "outcome" text not null, "error_codes" text[] not null, "resource_types" text[] not null,
  "subject_hashes" text[] not null, "fields_returned" text[] not null, "fields_masked" text[] not null, "fields_denied" text[] not null,
  "details" jsonb null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null`;

/** Names the table's constraints and indexes take, freed on the table moved aside before the new one is made. */
const SHARED_INDEXES = [
  'audit_event_department_code_seq_index',
  'audit_event_client_id_seq_index',
  'audit_event_holder_hash_seq_index',
  'audit_event_subject_hashes_gin',
  'audit_event_resource_types_gin',
];
/** Time-range searches page by (occurred_at, seq) now; before, occurred_at was indexed alone. */
const INDEXES_BEFORE = ['audit_event_occurred_at_index', ...SHARED_INDEXES];
const INDEXES_AFTER = ['audit_event_occurred_at_seq_index', ...SHARED_INDEXES];
const CONSTRAINTS = ['audit_event_pkey', 'audit_event_principal_kind_check', 'audit_event_outcome_check'];

/** Constraints, indexes and append-only triggers of a new audit_event (partitioned or not). */
function decorate(sql: (statement: string) => void): void {
  sql(`alter table "audit_event" add constraint "audit_event_principal_kind_check" check ("principal_kind" in ('CLIENT', 'HOLDER', 'ANONYMOUS'));`);
  sql(`alter table "audit_event" add constraint "audit_event_outcome_check" check ("outcome" in ('SUCCESS', 'PARTIAL', 'DENIED', 'REFUSED', 'ERROR'));`);
  sql(`create index "audit_event_occurred_at_seq_index" on "audit_event" ("occurred_at", "seq");`);
  sql(`create index "audit_event_department_code_seq_index" on "audit_event" ("department_code", "seq");`);
  sql(`create index "audit_event_client_id_seq_index" on "audit_event" ("client_id", "seq");`);
  sql(`create index "audit_event_holder_hash_seq_index" on "audit_event" ("holder_hash", "seq");`);
  sql(`create index "audit_event_subject_hashes_gin" on "audit_event" using gin ("subject_hashes");`);
  sql(`create index "audit_event_resource_types_gin" on "audit_event" using gin ("resource_types");`);
  sql(`create trigger "audit_event_append_only" before update or delete on "audit_event" for each row execute function "audit_event_audit_event_append_only_fn"();`);
  sql(`create trigger audit_event_no_truncate before truncate on "audit_event" for each statement execute function audit_event_refuse_truncate();`);
  sql(`revoke update, delete, truncate on "audit_event" from public;`);
  sql(`alter sequence "audit_event_seq_seq" owned by "audit_event"."seq";`);
}

/** Moves the current audit_event aside as `name`, keeping the sequence (the chain's numbering goes on). */
function moveAside(sql: (statement: string) => void, name: string, indexes: string[]): void {
  sql(`alter sequence "audit_event_seq_seq" owned by none;`);
  sql(`alter table "audit_event" rename to "${name}";`);
  for (const index of indexes) sql(`drop index "${index}";`);
  for (const constraint of CONSTRAINTS) sql(`alter table "${name}" drop constraint "${constraint}";`);
}

export class Migration20261123122441_audit_partitions extends Migration {

  override name = 'Migration20261123122441_audit_partitions';

  override up(): void | Promise<void> {
    // Written by hand (the generated diff only knew the new column and key): audit_event becomes a table partitioned by
    // month of recorded_at. The existing events move over in chain order; an event's recorded_at is the latest occurred_at
    // up to it, so the months hold consecutive runs of the chain as the writer keeps them from now on.
    this.addSql(`create table "audit_archive" ("month" varchar(7) not null, "partition_name" varchar(63) not null, "events" int not null, "anchor_seq" bigint not null, "anchor_hash" varchar(64) not null, "end_seq" bigint not null, "end_hash" varchar(64) not null, "file_name" text not null, "file_sha256" varchar(64) not null, "file_bytes" bigint not null, "archived_at" timestamptz not null, primary key ("month"));`);
    const sql = (statement: string) => this.addSql(statement);
    moveAside(sql, 'audit_event_unpartitioned', INDEXES_BEFORE);
    sql(`create table "audit_event" (${COLUMN_DEFINITIONS}, "recorded_at" timestamptz not null, primary key ("seq", "recorded_at")) partition by range ("recorded_at");`);
    decorate(sql);
    // The one way partitions are made (by the hub ahead of time, and by the writer if a month has none yet): a UTC
    // month, named audit_event_YYYY_MM, refusing TRUNCATE like its parent; concurrent callers serialize on a lock.
    sql(`create or replace function sharehub_audit_partition(at timestamptz) returns text language plpgsql as $$
declare
  month_start timestamp := date_trunc('month', at at time zone 'UTC');
  partition_name text := 'audit_event_' || to_char(month_start, 'YYYY_MM');
begin
  perform pg_advisory_xact_lock(hashtext('sharehub:audit_partitions'));
  if to_regclass(partition_name) is null then
    execute format('create table %I partition of audit_event for values from (%L) to (%L)', partition_name,
      month_start at time zone 'UTC', (month_start + interval '1 month') at time zone 'UTC');
    execute format('create trigger audit_event_no_truncate before truncate on %I for each statement execute function audit_event_refuse_truncate()', partition_name);
  end if;
  return partition_name;
end $$;`);
    // The writer's one statement per batch: under the chain lock (one batch at a time across instances), the head must
    // still be the event the writer linked the batch to, or nothing is written (SH409, and the writer reads the head
    // again). Each statement in a volatile function sees what committed before it, so the check sees the last batch.
    sql(`create or replace function sharehub_audit_append(expected_seq bigint, events jsonb, at timestamptz)
returns table (last_seq text, last_hash text) language plpgsql as $$
declare
  head bigint;
begin
  perform pg_advisory_xact_lock(hashtext('sharehub:audit_chain'));
  -- The head: the last live event, else (every month archived) the last archive's end, else the chain's start (0).
  head := coalesce((select e.seq from audit_event e order by e.seq desc limit 1), (select max(a.end_seq) from audit_archive a), 0);
  if head <> expected_seq then
    raise exception 'the audit chain head moved' using errcode = 'SH409';
  end if;
  return query
    with inserted as (
      insert into audit_event (${COLUMNS}, "recorded_at")
      select ${COLUMNS}, at
      from jsonb_to_recordset(events) as r(occurred_at timestamptz, request_id text, principal_kind text, client_id text,
        department_code text, holder_hash text, purpose text, case_number text, action text, operation_name text,
        operation_hash text, outcome text, error_codes text[], resource_types text[], subject_hashes text[],
        fields_returned text[], fields_masked text[], fields_denied text[], details jsonb, prev_hash text, hash text, n int)
      order by r.n
      returning audit_event.seq, audit_event.hash)
    select i.seq::text, i.hash::text from inserted i order by i.seq desc limit 1;
end $$;`);
    sql(`select sharehub_audit_partition(m) from (select distinct date_trunc('month', occurred_at at time zone 'UTC') at time zone 'UTC' as m from "audit_event_unpartitioned" union select now()) months;`);
    sql(`insert into "audit_event" ("seq", ${COLUMNS}, "recorded_at") select "seq", ${COLUMNS}, max("occurred_at") over (order by "seq") from "audit_event_unpartitioned" order by "seq";`);
    sql(`drop table "audit_event_unpartitioned";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_archive" cascade;`);
    const sql = (statement: string) => this.addSql(statement);
    moveAside(sql, 'audit_event_partitioned', INDEXES_AFTER);
    sql(`create table "audit_event" (${COLUMN_DEFINITIONS}, primary key ("seq"));`);
    decorate(sql);
    sql(`insert into "audit_event" ("seq", ${COLUMNS}) select "seq", ${COLUMNS} from "audit_event_partitioned" order by "seq";`);
    sql(`drop table "audit_event_partitioned" cascade;`);
    sql(`drop function if exists sharehub_audit_partition(timestamptz);`);
    sql(`drop function if exists sharehub_audit_append(bigint, jsonb, timestamptz);`);
  }

}
