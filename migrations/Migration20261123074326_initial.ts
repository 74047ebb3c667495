import { Migration } from '@mikro-orm/migrations';

export class Migration20261123074326_initial extends Migration {

  override name = 'Migration20261123074326_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_event" ("seq" bigserial primary key, "occurred_at" timestamptz not null, "request_id" varchar(100) not null, "principal_kind" text not null, "client_id" varchar(100) null, "department_code" varchar(18) null, "holder_hash" varchar(64) null, "purpose" text null, "case_number" text null, "action" varchar(100) not null, "operation_name" text null, "operation_hash" varchar(64) null, "outcome" text not null, "error_codes" text[] not null, "resource_types" text[] not null, "subject_hashes" text[] not null, "fields_returned" text[] not null, "fields_masked" text[] not null, "fields_denied" text[] not null, "details" jsonb null);`);
    this.addSql(`create index "audit_event_department_code_occurred_at_index" on "audit_event" ("department_code", "occurred_at");`);
    this.addSql(`create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at");`);

    this.addSql(`create table "department" ("code" varchar(18) not null, "short_code" varchar(40) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "created_at" timestamptz not null default now(), primary key ("code"));`);
    this.addSql(`alter table "department" add constraint "department_short_code_unique" unique ("short_code");`);

    this.addSql(`create table "client" ("id" varchar(100) not null, "name" varchar(200) not null, "department_code" varchar(18) not null, "kind" text not null, "roles" text[] not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`);

    this.addSql(`create table "hub_setting" ("key" varchar(100) not null, "value" jsonb not null, "updated_at" timestamptz not null default now(), primary key ("key"));`);

    this.addSql(`create table "subject" ("id" varchar(18) not null, "kind" text not null, "name" varchar(200) not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "subject_kind_index" on "subject" ("kind");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_principal_kind_check" check ("principal_kind" in ('CLIENT', 'HOLDER', 'ANONYMOUS'));`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_outcome_check" check ("outcome" in ('SUCCESS', 'PARTIAL', 'DENIED', 'REFUSED', 'ERROR'));`);

    this.addSql(`alter table "client" add constraint "client_department_code_foreign" foreign key ("department_code") references "department" ("code");`);
    this.addSql(`alter table "client" add constraint "client_kind_check" check ("kind" in ('MACHINE', 'USER'));`);
    this.addSql(`alter table "client" add constraint "client_roles_check" check ("roles" <@ array['SYSTEM'::text, 'DATA_ADMIN'::text, 'WINDOW_CLERK'::text, 'AUDITOR'::text]);`);

    this.addSql(`alter table "subject" add constraint "subject_kind_check" check ("kind" in ('PERSON', 'ORGANIZATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "client" drop constraint "client_department_code_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "department" cascade;`);
    this.addSql(`drop table if exists "client" cascade;`);
    this.addSql(`drop table if exists "hub_setting" cascade;`);
    this.addSql(`drop table if exists "subject" cascade;`);
  }

}
