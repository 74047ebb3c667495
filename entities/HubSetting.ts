// Small durable facts about this installation (for example which demo seed version is loaded).
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'hub_setting' })
export class HubSetting {
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'json' })
  value!: unknown;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
