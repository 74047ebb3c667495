// A grant (共享授权): what a consumer department may read of a resource type, for which purposes, until when.
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { MaskRule } from '../src/catalog/definition.js';

export enum GrantStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

export type FieldEffect = 'ALLOW' | 'MASK' | 'DENY';

export interface FieldRule {
  field: string;
  effect: FieldEffect;
  mask?: MaskRule;
}

/** Only subjects whose value of `field` is one of `values` (for example a district code). */
export interface RowScope {
  field: string;
  values: string[];
}

@Entity({ tableName: 'access_grant' })
@Index({ properties: ['consumerCode', 'resourceTypeCode'] })
export class Grant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'integer' })
  version: number = 1;

  /** Credit code of the consumer department. */
  @Property({ type: 'string', length: 18 })
  consumerCode!: string;

  /** When set, only this client of the consumer department. */
  @Property({ type: 'string', length: 100, nullable: true })
  clientId?: string | null;

  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  providerCode!: string;

  @Property({ type: 'json' })
  rules!: FieldRule[];

  @Property({ type: 'text[]' })
  purposes!: string[];

  @Property({ type: 'datetime' })
  validFrom!: Date;

  @Property({ type: 'datetime' })
  validUntil!: Date;

  @Property({ type: 'json', nullable: true })
  rowScope?: RowScope | null;

  @Enum({ items: () => GrantStatus })
  status: GrantStatus = GrantStatus.ACTIVE;

  @Property({ type: 'uuid', nullable: true })
  accessRequestId?: string | null;

  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** Every version of every grant. */
@Entity({ tableName: 'access_grant_version' })
@Unique({ properties: ['grantId', 'version'] })
export class GrantVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  grantId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  snapshot!: Record<string, unknown>;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
