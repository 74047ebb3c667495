import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090742_certificates extends Migration {

  override name = 'Migration20261123090742_certificates';

  override up(): void | Promise<void> {
    this.addSql(`create table "certificate" ("identifier" varchar(64) not null, "type_code" varchar(63) not null, "issuer_code" varchar(18) not null, "serial" int not null, "edition" int not null, "holder_id_type" text not null, "holder_id" varchar(18) not null, "holder_name" varchar(200) not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "face" jsonb not null, "type_version" int not null, "status" text not null, "status_reason" text null, "version" int not null, "kid" varchar(100) not null, "signature" text not null, "predecessor" varchar(64) null, "successor" varchar(64) null, "issued_by" varchar(100) not null, "issued_at" timestamptz not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("identifier"));`);
    this.addSql(`create index "certificate_holder_id_type_code_index" on "certificate" ("holder_id", "type_code");`);
    this.addSql(`alter table "certificate" add constraint "certificate_type_code_serial_edition_unique" unique ("type_code", "serial", "edition");`);

    this.addSql(`create table "certificate_issuance" ("id" bigserial primary key, "issuer_code" varchar(18) not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "identifier" varchar(64) not null, "client_id" varchar(100) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "certificate_issuance" add constraint "certificate_issuance_issuer_code_idempotency_key_unique" unique ("issuer_code", "idempotency_key");`);

    this.addSql(`create table "certificate_type_version" ("id" bigserial primary key, "certificate_type_code" varchar(63) not null, "version" int not null, "definition" jsonb not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "certificate_type_version_certificate_type_code_index" on "certificate_type_version" ("certificate_type_code");`);
    this.addSql(`alter table "certificate_type_version" add constraint "certificate_type_version_certificate_type_code_version_unique" unique ("certificate_type_code", "version");`);

    this.addSql(`create table "certificate_version" ("id" bigserial primary key, "identifier" varchar(64) not null, "version" int not null, "action" varchar(20) not null, "status" text not null, "reason" text null, "successor" varchar(64) null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`alter table "certificate_version" add constraint "certificate_version_identifier_version_unique" unique ("identifier", "version");`);

    this.addSql(`create table "certificate_type" ("code" varchar(63) not null, "identifier_code" varchar(8) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "issuer_code" varchar(18) not null, "holder_kind" varchar(20) not null, "description" text not null, "default_validity_days" int null, "fields" jsonb not null, "version" int not null default 1, "last_serial" int not null default 0, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("code"));`);
    this.addSql(`alter table "certificate_type" add constraint "certificate_type_identifier_code_unique" unique ("identifier_code");`);

    this.addSql(`alter table "certificate" add constraint "certificate_holder_id_type_check" check ("holder_id_type" in ('RESIDENT_ID', 'CREDIT_CODE'));`);
    this.addSql(`alter table "certificate" add constraint "certificate_status_check" check ("status" in ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED'));`);

    this.addSql(`alter table "certificate_version" add constraint "certificate_version_status_check" check ("status" in ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED'));`);

    this.addSql(`alter table "certificate_type" add constraint "certificate_type_issuer_code_foreign" foreign key ("issuer_code") references "department" ("code");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "certificate" cascade;`);
    this.addSql(`drop table if exists "certificate_issuance" cascade;`);
    this.addSql(`drop table if exists "certificate_type_version" cascade;`);
    this.addSql(`drop table if exists "certificate_version" cascade;`);
    this.addSql(`drop table if exists "certificate_type" cascade;`);
  }

}
