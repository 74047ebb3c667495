// A department taking part in the hub, identified by its unified social credit code.
import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'department' })
export class Department {
  [PrimaryKeyProp]?: 'code';

  /** Unified social credit code (GB 32100). */
  @PrimaryKey({ type: 'string', length: 18 })
  code!: string;

  /** Short stable handle used in client ids and configuration, e.g. `psb`. */
  @Property({ type: 'string', length: 40, unique: true })
  shortCode!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
