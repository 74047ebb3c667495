// An access request (共享申请): a consumer asks for fields of a resource type; the provider decides by a deadline.
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum AccessRequestStatus {
  /** Waiting for the provider's decision (CONDITIONAL fields). */
  PENDING = 'PENDING',
  /** Granted: at once (UNCONDITIONAL fields only) or by the provider. */
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

@Entity({ tableName: 'access_request' })
@Index({ properties: ['providerCode', 'status'] })
@Index({ properties: ['consumerCode', 'status'] })
export class AccessRequest {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 18 })
  consumerCode!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  clientId?: string | null;

  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  providerCode!: string;

  /** All fields asked for. */
  @Property({ type: 'text[]' })
  fields!: string[];

  /** The CONDITIONAL ones among them: these wait for the provider. */
  @Property({ type: 'text[]' })
  conditionalFields!: string[];

  @Property({ type: 'text[]' })
  purposes!: string[];

  @Property({ type: 'text' })
  justification!: string;

  @Property({ type: 'datetime' })
  validFrom!: Date;

  @Property({ type: 'datetime' })
  validUntil!: Date;

  @Enum({ items: () => AccessRequestStatus })
  status!: AccessRequestStatus;

  @Property({ type: 'string', length: 100 })
  requestedBy!: string;

  @Property({ type: 'datetime' })
  requestedAt!: Date;

  /** The provider's answer is due by then (10 working days). */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  /** Grants this request produced (the immediate UNCONDITIONAL one and the provider's). */
  @Property({ type: 'text[]' })
  grantIds: string[] = [];
}
