import { Migration } from '@mikro-orm/migrations';

export class Migration20261202070755_trusted_documents extends Migration {

  override name = 'Migration20261202070755_trusted_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table "trusted_document" ("client_id" varchar(100) not null, "document_id" varchar(71) not null, "body" text not null, "operation_names" text[] not null, "registered_at" timestamptz not null, primary key ("client_id", "document_id"));`);

    this.addSql(`alter table "client" add "document_mode" text null;`);
    this.addSql(`alter table "client" add constraint "client_document_mode_check" check ("document_mode" in ('OFF', 'ALLOW', 'REQUIRE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "trusted_document" cascade;`);

    this.addSql(`alter table "client" drop constraint "client_document_mode_check";`);
    this.addSql(`alter table "client" drop column "document_mode";`);
  }

}
