// The departments' Bitstring Status Lists. Certificates issued before them get their places when the hub starts
// (backfillStatusEntries in src/services/statusLists.ts), with the bits their status asks for.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090828_status_lists extends Migration {

  override name = 'Migration20261202090828_status_lists';

  override up(): void | Promise<void> {
    this.addSql(`create table "status_list" ("id" bigserial primary key, "issuer_code" varchar(18) not null, "purpose" varchar(20) not null, "number" int not null, "length" int not null, "bits" bytea not null, "allocated" int not null, "version" int not null, "changed_at" timestamptz not null);`);
    this.addSql(`alter table "status_list" add constraint "status_list_issuer_code_purpose_number_unique" unique ("issuer_code", "purpose", "number");`);

    this.addSql(`create table "status_list_entry" ("list_id" bigint not null, "list_index" int not null, "identifier" varchar(64) not null, "purpose" varchar(20) not null, primary key ("list_id", "list_index"));`);
    this.addSql(`alter table "status_list_entry" add constraint "status_list_entry_identifier_purpose_unique" unique ("identifier", "purpose");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "status_list" cascade;`);
    this.addSql(`drop table if exists "status_list_entry" cascade;`);
  }

}
