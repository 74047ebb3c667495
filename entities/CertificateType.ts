// A certificate type (证照类型): a kind of electronic certificate, its issuing department and its typed face fields; versioned.
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { FieldDefinition, SubjectKindName } from '../src/catalog/definition.js';
import { Department } from './Department.js';

@Entity({ tableName: 'certificate_type' })
export class CertificateType {
  /** snake_case, unique among resource and certificate types; the face's GraphQL type is its PascalCase form + `Face`. */
  @PrimaryKey({ type: 'string', length: 63 })
  code!: string;

  /** The type's mark in certificate identifiers: 2-8 characters A-Z and 0-9, e.g. YYZZ (营业执照). */
  @Property({ type: 'string', length: 8, unique: true })
  identifierCode!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  /** The only department that issues certificates of this type. */
  @ManyToOne(() => Department, { fieldName: 'issuer_code' })
  issuer!: Department;

  @Property({ type: 'string', length: 20 })
  holderKind!: SubjectKindName;

  @Property({ type: 'text' })
  description!: string;

  /** Validity given at issuance when the issuer names no end; null: valid until revoked or cancelled (长期有效). */
  @Property({ type: 'integer', nullable: true })
  defaultValidityDays?: number | null;

  /** The face fields, defined like catalog fields (with sharing classes). */
  @Property({ type: 'json' })
  fields!: FieldDefinition[];

  /** Raised by every change of the definition; each version is kept in certificate_type_version. */
  @Property({ type: 'integer' })
  version: number = 1;

  /** The last serial number given to a certificate of this type (serials are unique per issuer and type). */
  @Property({ type: 'integer', default: 0 })
  lastSerial: number = 0;

  @Property({ type: 'string', length: 100 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** One published version of a certificate type, kept forever. */
@Entity({ tableName: 'certificate_type_version' })
@Unique({ properties: ['certificateTypeCode', 'version'] })
export class CertificateTypeVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @Property({ type: 'string', length: 63 })
  certificateTypeCode!: string;

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
