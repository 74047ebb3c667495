// A subject's entry in a resource type (共享数据), versioned: an update never destroys the earlier version.
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { RecordValues } from '../src/catalog/definition.js';

@Entity({ tableName: 'record' })
@Unique({ properties: ['resourceTypeCode', 'subjectId'] })
export class SharedRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  subjectId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  data!: RecordValues;

  /** SHA-256 of the canonical data: a re-import of the same values is not a new version. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** Every version of every record, including the current one. */
@Entity({ tableName: 'record_version' })
@Index({ properties: ['resourceTypeCode', 'subjectId', 'version'] })
export class RecordVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  subjectId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  data!: RecordValues;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
