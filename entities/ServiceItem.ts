// A government service item (政务服务事项) and its required materials (申请材料), each resolvable from shared data;
// versioned. Applications prepared at the window are kept with the applicant's consent and the signed receipt.
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

export type MaterialSource = 'CERTIFICATE' | 'RECORD';

/** A condition on the material's data, e.g. maritalStatus EQUALS MARRIED, or propertyCount EQUALS 0. */
export interface MaterialCondition {
  field: string;
  operator: 'EQUALS' | 'IN' | 'NOT_EQUALS' | 'AT_LEAST' | 'AT_MOST';
  values: string[];
}

export interface Material {
  /** Stable within the item, e.g. `household`. */
  key: string;
  name: string;
  source: MaterialSource;
  /** For CERTIFICATE: the certificate type code; for RECORD: the resource type code. */
  typeCode: string;
  /** For RECORD: the fields the material needs (shown to the window if its grants allow). */
  fields: string[];
  condition: MaterialCondition | null;
  /** When the material is satisfied by the absence of a record (e.g. "holds no real estate"). */
  isSatisfiedWhenAbsent: boolean;
  /** The applicant approves the use before it is resolved. */
  isConsentRequired: boolean;
}

@Entity({ tableName: 'service_item' })
export class ServiceItem {
  @PrimaryKey({ type: 'string', length: 63 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  /** Credit code of the department that handles the item. */
  @Property({ type: 'string', length: 18 })
  departmentCode!: string;

  @Property({ type: 'json' })
  materials!: Material[];

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

@Entity({ tableName: 'service_item_version' })
@Unique({ properties: ['serviceItemCode', 'version'] })
export class ServiceItemVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 63 })
  serviceItemCode!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  definition!: Record<string, unknown>;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** An application prepared at a window: the case, whom it is for, and the applicant's consent. */
@Entity({ tableName: 'application' })
@Index({ properties: ['applicantHash'] })
export class Application {
  @PrimaryKey({ type: 'string', length: 100 })
  caseNumber!: string;

  @Property({ type: 'string', length: 63 })
  serviceItemCode!: string;

  /** Keyed hash of the applicant's identifier. */
  @Property({ type: 'string', length: 64 })
  applicantHash!: string;

  @Property({ type: 'string', length: 18 })
  preparedByDepartment!: string;

  @Property({ type: 'datetime' })
  preparedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  consentGivenAt?: Date | null;

  /** The last receipt issued for this case (a JWS). */
  @Property({ type: 'text', nullable: true })
  receipt?: string | null;
}
