// An issued electronic certificate (电子证照), its version history (every status change), and the idempotency
// records of its issuance. The signed content (identifier, type, issuer, holder, validity, face) never changes.
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { RecordValues } from '../src/catalog/definition.js';

export enum CertificateStatus {
  VALID = 'VALID',
  /** Paused by the issuer; may be reinstated. */
  SUSPENDED = 'SUSPENDED',
  /** Withdrawn by the issuer (吊销), with a reason; final. */
  REVOKED = 'REVOKED',
  /** Ended (注销): on the holder's request, or replaced by a renewal; final. */
  CANCELLED = 'CANCELLED',
}

export enum HolderIdType {
  /** Resident ID number (GB 11643). */
  RESIDENT_ID = 'RESIDENT_ID',
  /** Unified social credit code (GB 32100). */
  CREDIT_CODE = 'CREDIT_CODE',
}

@Entity({ tableName: 'certificate' })
@Unique({ properties: ['typeCode', 'serial', 'edition'] })
@Index({ properties: ['holderId', 'typeCode'] })
export class Certificate {
  /** The national e-licence identifier, e.g. YYZZ.11330100MBDEM00239.0000000042.01.7 (src/certs/certificateIdentifier.ts). */
  @PrimaryKey({ type: 'string', length: 64 })
  identifier!: string;

  @Property({ type: 'string', length: 63 })
  typeCode!: string;

  /** Credit code of the issuing department. */
  @Property({ type: 'string', length: 18 })
  issuerCode!: string;

  /** Serial number within the issuer and type; a renewal keeps it. */
  @Property({ type: 'integer' })
  serial!: number;

  /** The identifier's version part (版本号): 1 at issuance, one more for each renewal. */
  @Property({ type: 'integer' })
  edition!: number;

  @Enum({ items: () => HolderIdType })
  holderIdType!: HolderIdType;

  @Property({ type: 'string', length: 18 })
  holderId!: string;

  @Property({ type: 'string', length: 200 })
  holderName!: string;

  @Property({ type: 'datetime' })
  validFrom!: Date;

  /** Exclusive end of validity; null: no end (长期有效). */
  @Property({ type: 'datetime', nullable: true })
  validUntil?: Date | null;

  /** The face values, normalized against the type's face fields at issuance. */
  @Property({ type: 'json' })
  face!: RecordValues;

  /** The face fields' definition version the face was validated against. */
  @Property({ type: 'integer' })
  typeVersion!: number;

  @Enum({ items: () => CertificateStatus })
  status!: CertificateStatus;

  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  /** Raised by every change; each version is kept in certificate_version. */
  @Property({ type: 'integer' })
  version!: number;

  /** The signing key (JWK thumbprint) of the issuing department. */
  @Property({ type: 'string', length: 100 })
  kid!: string;

  /** Detached compact JWS (RFC 7515 appendix F: `header..signature`) over the canonical JSON of the signed content. */
  @Property({ type: 'text' })
  signature!: string;

  /** The certificate this one renewed. */
  @Property({ type: 'string', length: 64, nullable: true })
  predecessor?: string | null;

  /** The certificate that renewed this one. */
  @Property({ type: 'string', length: 64, nullable: true })
  successor?: string | null;

  @Property({ type: 'string', length: 100 })
  issuedBy!: string;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** Every version of every certificate: what changed its status, when, by whom. */
@Entity({ tableName: 'certificate_version' })
@Unique({ properties: ['identifier', 'version'] })
export class CertificateVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 64 })
  identifier!: string;

  @Property({ type: 'integer' })
  version!: number;

  /** ISSUE, SUSPEND, REINSTATE, REVOKE, CANCEL or RENEW. */
  @Property({ type: 'string', length: 20 })
  action!: string;

  @Enum({ items: () => CertificateStatus })
  status!: CertificateStatus;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** For RENEW: the successor. */
  @Property({ type: 'string', length: 64, nullable: true })
  successor?: string | null;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** An issuance under a client-supplied idempotency key: the same key again returns the same certificate. */
@Entity({ tableName: 'certificate_issuance' })
@Unique({ properties: ['issuerCode', 'idempotencyKey'] })
export class CertificateIssuance {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Keys are scoped to the issuing department. */
  @Property({ type: 'string', length: 18 })
  issuerCode!: string;

  @Property({ type: 'string', length: 200 })
  idempotencyKey!: string;

  /** SHA-256 of the canonical input: the same key with another input is a conflict. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 64 })
  identifier!: string;

  @Property({ type: 'string', length: 100 })
  clientId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
