// A catalog entry (信息资源目录): one data set a provider shares, with its typed fields; every change is a version.
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { FieldDefinition, SubjectKindName } from '../src/catalog/definition.js';
import { Department } from './Department.js';

@Entity({ tableName: 'resource_type' })
export class ResourceType {
  /** snake_case; the GraphQL type is its PascalCase form. */
  @PrimaryKey({ type: 'string', length: 63 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @ManyToOne(() => Department, { fieldName: 'provider_code' })
  provider!: Department;

  @Property({ type: 'string', length: 20 })
  subjectKind!: SubjectKindName;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json' })
  fields!: FieldDefinition[];

  /** Raised by every change; each version is kept in resource_type_version. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** One published version of a resource type, kept forever. */
@Entity({ tableName: 'resource_type_version' })
@Unique({ properties: ['resourceTypeCode', 'version'] })
export class ResourceTypeVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'integer' })
  version!: number;

  /** The whole definition as published at this version. */
  @Property({ type: 'json' })
  definition!: Record<string, unknown>;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
