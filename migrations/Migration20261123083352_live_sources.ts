import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083352_live_sources extends Migration {

  override name = 'Migration20261123083352_live_sources';

  override up(): void | Promise<void> {
    this.addSql(`create table "live_source" ("resource_type_code" varchar(63) not null, "provider_code" varchar(18) not null, "url" text not null, "entity_type_name" varchar(100) not null, "key_field" varchar(100) not null, "timeout_ms" int not null, "credential" text not null, "token_endpoint" text null, "client_id" varchar(200) null, "secret_jwe" text null, "is_fallback_to_published" boolean not null default false, "version" int not null default 1, "registered_by" varchar(100) not null, "registered_at" timestamptz not null, primary key ("resource_type_code"));`);

    this.addSql(`alter table "live_source" add constraint "live_source_credential_check" check ("credential" in ('NONE', 'STATIC_BEARER', 'CLIENT_CREDENTIALS'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "live_source" cascade;`);
  }

}
