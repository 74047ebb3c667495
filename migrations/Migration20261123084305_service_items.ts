import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084305_service_items extends Migration {

  override name = 'Migration20261123084305_service_items';

  override up(): void | Promise<void> {
    this.addSql(`create table "application" ("case_number" varchar(100) not null, "service_item_code" varchar(63) not null, "applicant_hash" varchar(64) not null, "prepared_by_department" varchar(18) not null, "prepared_at" timestamptz not null, "consent_given_at" timestamptz null, "receipt" text null, primary key ("case_number"));`);
    this.addSql(`create index "application_applicant_hash_index" on "application" ("applicant_hash");`);

    this.addSql(`create table "service_item" ("code" varchar(63) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "department_code" varchar(18) not null, "materials" jsonb not null, "version" int not null default 1, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("code"));`);

    this.addSql(`create table "service_item_version" ("id" bigserial primary key, "service_item_code" varchar(63) not null, "version" int not null, "definition" jsonb not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null);`);
    this.addSql(`alter table "service_item_version" add constraint "service_item_version_service_item_code_version_unique" unique ("service_item_code", "version");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "application" cascade;`);
    this.addSql(`drop table if exists "service_item" cascade;`);
    this.addSql(`drop table if exists "service_item_version" cascade;`);
  }

}
