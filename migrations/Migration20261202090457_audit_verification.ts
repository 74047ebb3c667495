import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090457_audit_verification extends Migration {

  override name = 'Migration20261202090457_audit_verification';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_verification" ("id" bigserial primary key, "verified_at" timestamptz not null, "is_intact" boolean not null, "events" int not null, "checkpoints" int not null, "from_seq" bigint not null, "last_checkpoint_seq" bigint null, "first_broken_seq" bigint null, "problem" text null);`);
    this.addSql(`create index "audit_verification_verified_at_index" on "audit_verification" ("verified_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_verification" cascade;`);
  }

}
