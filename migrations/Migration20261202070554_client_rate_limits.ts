import { Migration } from '@mikro-orm/migrations';

export class Migration20261202070554_client_rate_limits extends Migration {

  override name = 'Migration20261202070554_client_rate_limits';

  override up(): void | Promise<void> {
    this.addSql(`alter table "client" add "rate_limit_per_second" double precision null, add "rate_limit_burst" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "client" drop column "rate_limit_per_second", drop column "rate_limit_burst";`);
  }

}
