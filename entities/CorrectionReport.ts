// A data correction report (数据纠错): a consumer says a field of a record is wrong; the provider corrects or rejects.
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum CorrectionStatus {
  OPEN = 'OPEN',
  CORRECTED = 'CORRECTED',
  REJECTED = 'REJECTED',
}

@Entity({ tableName: 'correction_report' })
@Index({ properties: ['providerCode', 'status'] })
@Index({ properties: ['reporterCode'] })
export class CorrectionReport {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  providerCode!: string;

  @Property({ type: 'string', length: 18 })
  subjectId!: string;

  @Property({ type: 'string', length: 63 })
  field!: string;

  /** The record version the reporter saw. */
  @Property({ type: 'integer' })
  recordVersion!: number;

  @Property({ type: 'text' })
  comment!: string;

  @Property({ type: 'string', length: 18 })
  reporterCode!: string;

  @Property({ type: 'string', length: 100 })
  reportedBy!: string;

  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Enum({ items: () => CorrectionStatus })
  status: CorrectionStatus = CorrectionStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  /** The record version that carries the correction. */
  @Property({ type: 'integer', nullable: true })
  correctedVersion?: number | null;

  @Property({ type: 'string', length: 100, nullable: true })
  resolvedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;
}
