import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082144_initial extends Migration {

  override name = 'Migration20261123082144_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "access_request" ("id" uuid not null, "consumer_code" varchar(18) not null, "client_id" varchar(100) null, "resource_type_code" varchar(63) not null, "provider_code" varchar(18) not null, "fields" text[] not null, "conditional_fields" text[] not null, "purposes" text[] not null, "justification" text not null, "valid_from" timestamptz not null, "valid_until" timestamptz not null, "status" text not null, "requested_by" varchar(100) not null, "requested_at" timestamptz not null, "due_at" timestamptz not null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "decision_reason" text null, "grant_ids" text[] not null, primary key ("id"));`);
    this.addSql(`create index "access_request_consumer_code_status_index" on "access_request" ("consumer_code", "status");`);
    this.addSql(`create index "access_request_provider_code_status_index" on "access_request" ("provider_code", "status");`);

    this.addSql(`create table "audit_checkpoint" ("seq" bigint not null, "head_hash" varchar(64) not null, "created_at" timestamptz not null, "kid" varchar(100) not null, "jws" text not null, primary key ("seq"));`);

    this.addSql(`create table "audit_event" ("seq" bigserial primary key, "occurred_at" timestamptz not null, "request_id" varchar(100) not null, "principal_kind" text not null, "client_id" varchar(100) null, "department_code" varchar(18) null, "holder_hash" varchar(64) null, "purpose" text null, "case_number" text null, "action" varchar(100) not null, "operation_name" text null, "operation_hash" varchar(64) null, "outcome" text not null, "error_codes" text[] not null, "resource_types" text[] not null, "subject_hashes" text[] not null, "fields_returned" text[] not null, "fields_masked" text[] not null, "fields_denied" text[] not null, "details" jsonb null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_event_department_code_occurred_at_index" on "audit_event" ("department_code", "occurred_at");`);
    this.addSql(`create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at");`);

    this.addSql(`create table "correction_report" ("id" uuid not null, "resource_type_code" varchar(63) not null, "provider_code" varchar(18) not null, "subject_id" varchar(18) not null, "field" varchar(63) not null, "record_version" int not null, "comment" text not null, "reporter_code" varchar(18) not null, "reported_by" varchar(100) not null, "reported_at" timestamptz not null, "status" text not null default 'OPEN', "resolution" text null, "corrected_version" int null, "resolved_by" varchar(100) null, "resolved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "correction_report_reporter_code_index" on "correction_report" ("reporter_code");`);
    this.addSql(`create index "correction_report_provider_code_status_index" on "correction_report" ("provider_code", "status");`);

    this.addSql(`create table "department" ("code" varchar(18) not null, "short_code" varchar(40) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "created_at" timestamptz not null default now(), primary key ("code"));`);
    this.addSql(`alter table "department" add constraint "department_short_code_unique" unique ("short_code");`);

    this.addSql(`create table "client" ("id" varchar(100) not null, "name" varchar(200) not null, "department_code" varchar(18) not null, "kind" text not null, "roles" text[] not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`);

    this.addSql(`create table "access_grant" ("id" uuid not null, "version" int not null default 1, "consumer_code" varchar(18) not null, "client_id" varchar(100) null, "resource_type_code" varchar(63) not null, "provider_code" varchar(18) not null, "rules" jsonb not null, "purposes" text[] not null, "valid_from" timestamptz not null, "valid_until" timestamptz not null, "row_scope" jsonb null, "status" text not null default 'ACTIVE', "access_request_id" uuid null, "status_reason" text null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "access_grant_consumer_code_resource_type_code_index" on "access_grant" ("consumer_code", "resource_type_code");`);

    this.addSql(`create table "access_grant_version" ("id" bigserial primary key, "grant_id" uuid not null, "version" int not null, "snapshot" jsonb not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`alter table "access_grant_version" add constraint "access_grant_version_grant_id_version_unique" unique ("grant_id", "version");`);

    this.addSql(`create table "hub_setting" ("key" varchar(100) not null, "value" jsonb not null, "updated_at" timestamptz not null default now(), primary key ("key"));`);

    this.addSql(`create table "record_version" ("id" bigserial primary key, "resource_type_code" varchar(63) not null, "subject_id" varchar(18) not null, "version" int not null, "data" jsonb not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "record_version_resource_type_code_subject_id_version_index" on "record_version" ("resource_type_code", "subject_id", "version");`);

    this.addSql(`create table "resource_type" ("code" varchar(63) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "provider_code" varchar(18) not null, "subject_kind" varchar(20) not null, "description" text not null, "fields" jsonb not null, "version" int not null default 1, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("code"));`);

    this.addSql(`create table "resource_type_version" ("id" bigserial primary key, "resource_type_code" varchar(63) not null, "version" int not null, "definition" jsonb not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "resource_type_version_resource_type_code_index" on "resource_type_version" ("resource_type_code");`);
    this.addSql(`alter table "resource_type_version" add constraint "resource_type_version_resource_type_code_version_unique" unique ("resource_type_code", "version");`);

    this.addSql(`create table "record" ("id" bigserial primary key, "resource_type_code" varchar(63) not null, "subject_id" varchar(18) not null, "version" int not null, "data" jsonb not null, "content_hash" varchar(64) not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`alter table "record" add constraint "record_resource_type_code_subject_id_unique" unique ("resource_type_code", "subject_id");`);

    this.addSql(`create table "signing_key" ("kid" varchar(100) not null, "owner" varchar(100) not null, "alg" varchar(20) not null, "public_jwk" jsonb not null, "private_jwe" text not null, "created_at" timestamptz not null, "retired_at" timestamptz null, primary key ("kid"));`);
    this.addSql(`create index "signing_key_owner_retired_at_index" on "signing_key" ("owner", "retired_at");`);

    this.addSql(`create table "subject" ("id" varchar(18) not null, "kind" text not null, "name" varchar(200) not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "subject_kind_index" on "subject" ("kind");`);

    this.addSql(`alter table "access_request" add constraint "access_request_status_check" check ("status" in ('PENDING', 'APPROVED', 'REJECTED'));`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_principal_kind_check" check ("principal_kind" in ('CLIENT', 'HOLDER', 'ANONYMOUS'));`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_outcome_check" check ("outcome" in ('SUCCESS', 'PARTIAL', 'DENIED', 'REFUSED', 'ERROR'));`);
    this.addSql(`create or replace function "audit_event_audit_event_append_only_fn"() returns trigger as \$\$ begin raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_event_append_only" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_audit_event_append_only_fn"();`);

    this.addSql(`alter table "correction_report" add constraint "correction_report_status_check" check ("status" in ('OPEN', 'CORRECTED', 'REJECTED'));`);

    this.addSql(`alter table "client" add constraint "client_department_code_foreign" foreign key ("department_code") references "department" ("code");`);
    this.addSql(`alter table "client" add constraint "client_kind_check" check ("kind" in ('MACHINE', 'USER'));`);
    this.addSql(`alter table "client" add constraint "client_roles_check" check ("roles" <@ array['SYSTEM'::text, 'DATA_ADMIN'::text, 'WINDOW_CLERK'::text, 'AUDITOR'::text]);`);

    this.addSql(`alter table "access_grant" add constraint "access_grant_status_check" check ("status" in ('ACTIVE', 'SUSPENDED', 'REVOKED'));`);

    this.addSql(`alter table "resource_type" add constraint "resource_type_provider_code_foreign" foreign key ("provider_code") references "department" ("code");`);

    this.addSql(`alter table "subject" add constraint "subject_kind_check" check ("kind" in ('PERSON', 'ORGANIZATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "client" drop constraint "client_department_code_foreign";`);
    this.addSql(`alter table "resource_type" drop constraint "resource_type_provider_code_foreign";`);

    this.addSql(`drop table if exists "access_request" cascade;`);
    this.addSql(`drop table if exists "audit_checkpoint" cascade;`);
    this.addSql(`drop trigger if exists "audit_event_append_only" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_audit_event_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "correction_report" cascade;`);
    this.addSql(`drop table if exists "department" cascade;`);
    this.addSql(`drop table if exists "client" cascade;`);
    this.addSql(`drop table if exists "access_grant" cascade;`);
    this.addSql(`drop table if exists "access_grant_version" cascade;`);
    this.addSql(`drop table if exists "hub_setting" cascade;`);
    this.addSql(`drop table if exists "record_version" cascade;`);
    this.addSql(`drop table if exists "resource_type" cascade;`);
    this.addSql(`drop table if exists "resource_type_version" cascade;`);
    this.addSql(`drop table if exists "record" cascade;`);
    this.addSql(`drop table if exists "signing_key" cascade;`);
    this.addSql(`drop table if exists "subject" cascade;`);
  }

}
