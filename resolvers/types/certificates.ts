// GraphQL types of electronic certificates (电子证照): types, the certificate envelope, verification, presentation.
// Each type's face is a generated object type implementing CertificateFace (src/schema/certificateSchema.ts).
import { Extensions, Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { CertificateStatus, HolderIdType } from '../../entities/Certificate.js';
import { faceTypeNameOf, HOLDER_ID_NUMBER, HOLDER_NAME } from '../../src/catalog/certificateType.js';
import type { SubjectKindName } from '../../src/catalog/definition.js';
import type { FaceView, HolderView } from '../../src/services/certificates.js';
import type { RequestContext } from '../../src/server/context.js';
import { DateTimeScalar, JSONObjectScalar } from '../../src/schema/scalars.js';
import { CatalogFieldInput, CatalogFieldView, SubjectKindEnum } from './catalog.js';
import { ConnectionOf } from './connection.js';
import type { WholeCertificateExtension } from '../../src/authz/selection.js';

/** The signed document carries every face field: the access plan and the audit count them all as read. */
const READS_WHOLE_CERTIFICATE: { sharehub: WholeCertificateExtension } = { sharehub: { readsWholeCertificate: true } };

export const CertificateStateEnum = {
  VALID: 'VALID',
  SUSPENDED: 'SUSPENDED',
  REVOKED: 'REVOKED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  NOT_YET_VALID: 'NOT_YET_VALID',
} as const;
export const VerificationStatusEnum = { ...CertificateStateEnum, NOT_FOUND: 'NOT_FOUND', STATUS_UNKNOWN: 'STATUS_UNKNOWN' } as const;
export const StatusListAnswerEnum = { CLEAR: 'CLEAR', SET: 'SET', UNAVAILABLE: 'UNAVAILABLE', INVALID: 'INVALID', STALE: 'STALE', ABSENT: 'ABSENT' } as const;
export const CertificateActionEnum = { ISSUE: 'ISSUE', SUSPEND: 'SUSPEND', REINSTATE: 'REINSTATE', REVOKE: 'REVOKE', CANCEL: 'CANCEL', RENEW: 'RENEW' } as const;

const STATE_DESCRIPTIONS = {
  VALID: { description: 'Issued, not withdrawn, and within its validity now.' },
  SUSPENDED: { description: 'Paused by the issuer; it may be reinstated.' },
  REVOKED: { description: 'Withdrawn by the issuer (吊销); final.' },
  CANCELLED: { description: 'Ended (注销): on the holder’s request or replaced by a renewal; final.' },
  EXPIRED: { description: 'Past the end of its validity.' },
  NOT_YET_VALID: { description: 'Its validity has not begun.' },
};

registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'The status the issuer gave a certificate (EXPIRED is not a status: it follows from the validity).',
  valuesConfig: { VALID: STATE_DESCRIPTIONS.VALID, SUSPENDED: STATE_DESCRIPTIONS.SUSPENDED, REVOKED: STATE_DESCRIPTIONS.REVOKED, CANCELLED: STATE_DESCRIPTIONS.CANCELLED },
});
registerEnumType(CertificateStateEnum, { name: 'CertificateState', description: 'Where a certificate stands at the time of the query: its status, or EXPIRED / NOT_YET_VALID by its validity.', valuesConfig: STATE_DESCRIPTIONS });
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: 'The answer of a verification about a certificate’s standing at the time of the check.',
  valuesConfig: {
    ...STATE_DESCRIPTIONS,
    NOT_FOUND: { description: 'No certificate has this identifier.' },
    STATUS_UNKNOWN: { description: 'A credential whose status lists could not be fetched or did not verify: nothing says it still stands (never VALID).' },
  },
});
registerEnumType(StatusListAnswerEnum, {
  name: 'StatusListAnswer',
  description: 'What a credential’s status list (W3C Bitstring Status List) said about it.',
  valuesConfig: {
    CLEAR: { description: 'The list verified and the credential’s bit is clear.' },
    SET: { description: 'The list verified and the credential’s bit is set (revoked, or suspended).' },
    UNAVAILABLE: { description: 'The list could not be fetched.' },
    INVALID: { description: 'The list did not verify (signature, issuer, purpose, encoding or length).' },
    STALE: { description: 'The list is past its validUntil.' },
    ABSENT: { description: 'The credential names no list for this purpose.' },
  },
});
registerEnumType(HolderIdType, {
  name: 'HolderIdType',
  description: 'How a certificate’s holder is identified.',
  valuesConfig: { RESIDENT_ID: { description: 'Resident ID number (GB 11643), for persons.' }, CREDIT_CODE: { description: 'Unified social credit code (GB 32100), for organizations.' } },
});
registerEnumType(CertificateActionEnum, {
  name: 'CertificateAction',
  description: 'What made a version of a certificate.',
  valuesConfig: {
    ISSUE: { description: 'Issued (or issued as a renewal).' },
    SUSPEND: { description: 'Suspended by the issuer.' },
    REINSTATE: { description: 'Reinstated by the issuer.' },
    REVOKE: { description: 'Revoked by the issuer.' },
    CANCEL: { description: 'Cancelled by the issuer.' },
    RENEW: { description: 'Renewed: replaced by its successor.' },
  },
});

@InterfaceType('CertificateFace', {
  description: 'The face of a certificate (证照照面): one generated type per certificate type, e.g. BusinessLicenceFace. Select its fields with `... on BusinessLicenceFace { ... }`; each is readable as the reader’s grants allow (FIELD_FORBIDDEN and null otherwise).',
  resolveType: (face: FaceView) => faceTypeNameOf(face.typeCode),
})
export abstract class CertificateFaceInterface {
  @Field({ description: 'Code of the certificate type this face belongs to.' })
  certificateType!: string;
}

@ObjectType('CertificateType', { description: 'A certificate type (证照类型): a kind of electronic certificate, its issuing department and its face fields.' })
export class CertificateTypeView {
  @Field(() => ID, { description: 'snake_case code, e.g. business_licence; grants and access requests name it like a resource type.' })
  code!: string;

  @Field({ description: 'The type’s mark in certificate identifiers, e.g. YYZZ.' })
  identifierCode!: string;

  @Field({ description: 'The GraphQL type of its face, e.g. BusinessLicenceFace.' })
  faceType!: string;

  @Field({ description: 'Name in Chinese.' })
  nameZh!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Unified social credit code of the only department that issues it.' })
  issuerCode!: string;

  @Field(() => SubjectKindEnum, { description: 'Who holds certificates of this type.' })
  holderKind!: SubjectKindName;

  @Field({ description: 'What the certificate proves.' })
  description!: string;

  @Field(() => Int, { nullable: true, description: 'Validity in days when the issuer names no end; null: no end (长期有效).' })
  defaultValidityDays!: number | null;

  @Field(() => Int, { description: 'Version of the definition; every change makes a new one.' })
  version!: number;

  @Field(() => [CatalogFieldView], { description: 'The face fields with their sharing classes.' })
  fields!: CatalogFieldView[];

  @Field(() => [CatalogFieldView], { description: 'holderName and holderIdNumber: grants name them like face fields; without a grant they are shown masked.' })
  holderFields!: CatalogFieldView[];
}

@ObjectType('CertificateTypeVersion', { description: 'One published version of a certificate type.' })
export class CertificateTypeVersionView {
  @Field(() => Int, { description: 'Version of the definition.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When it was published.' })
  changedAt!: Date;

  @Field({ description: 'The client that published it.' })
  changedBy!: string;

  @Field(() => CertificateTypeView, { description: 'The definition as published at this version.' })
  certificateType!: CertificateTypeView;
}

@InputType({ description: "Publish a certificate type your department issues, or a new version of one." })
export class PublishCertificateTypeInput {
  @Field({ description: 'snake_case code, unique among resource and certificate types.' })
  code!: string;

  @Field({ description: 'The type’s mark in identifiers: 2-8 characters A-Z and 0-9, e.g. YYZZ. Cannot change once published.' })
  identifierCode!: string;

  @Field({ description: 'Name in Chinese.' })
  nameZh!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field(() => SubjectKindEnum, { description: 'Who holds it. Cannot change once published.' })
  holderKind!: SubjectKindName;

  @Field({ description: 'What the certificate proves.' })
  description!: string;

  @Field(() => Int, { nullable: true, description: 'Validity in days when the issuer names no end; omit for no end.' })
  defaultValidityDays?: number | null;

  @Field(() => [CatalogFieldInput], { description: 'The face fields, in order, defined like catalog fields.' })
  fields!: CatalogFieldInput[];
}

@ObjectType({ description: 'The result of publishCertificateType.' })
export class PublishCertificateTypePayload {
  @Field(() => CertificateTypeView, { description: 'The certificate type as now published.' })
  certificateType!: CertificateTypeView;
}

/** Notes in the audit event what a holder field returned: in the clear, or masked (a withheld one leaves with its default mask). */
function noteHolderField(field: typeof HOLDER_NAME | typeof HOLDER_ID_NUMBER): MiddlewareFn<RequestContext> {
  return async ({ root, context }, next) => {
    const holder = root as HolderView;
    const isMasked = field === HOLDER_NAME ? holder.isNameMasked : holder.isIdNumberMasked;
    context.audit.noteField(holder.typeCode, field, isMasked ? 'MASKED' : 'RETURNED');
    return next();
  };
}

@ObjectType('CertificateHolder', { description: 'Who holds a certificate. Name and id number are masked unless the reader may see them.' })
export class CertificateHolderView {
  @Field(() => HolderIdType, { description: 'How the holder is identified.' })
  idType!: HolderIdType;

  @Field({ description: 'Resident ID number or credit code; masked (330***********1234) unless a grant allows holderIdNumber.' })
  @UseMiddleware(noteHolderField(HOLDER_ID_NUMBER))
  idNumber!: string;

  @Field({ description: 'Name; masked (张*) unless a grant allows holderName.' })
  @UseMiddleware(noteHolderField(HOLDER_NAME))
  name!: string;

  @Field({ description: 'Whether idNumber is masked.' })
  isIdNumberMasked!: boolean;

  @Field({ description: 'Whether name is masked.' })
  isNameMasked!: boolean;
}

@ObjectType('Certificate', { description: 'An electronic certificate (电子证照) as its issuer or its holder sees it.' })
export class CertificateView {
  @Field(() => ID, { description: 'The identifier: type.issuer.serial.version.check, e.g. YYZZ.11330100MBDEM00239.0000000042.01.K.' })
  identifier!: string;

  @Field({ description: 'Certificate type code.' })
  certificateType!: string;

  @Field({ description: 'Credit code of the issuing department.' })
  issuerCode!: string;

  @Field(() => CertificateHolderView, { description: 'The holder.' })
  holder!: CertificateHolderView;

  @Field(() => DateTimeScalar, { description: 'Start of validity.' })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity (exclusive); null: no end.' })
  validUntil!: Date | null;

  @Field(() => CertificateStatus, { description: 'Status given by the issuer.' })
  status!: CertificateStatus;

  @Field(() => CertificateStateEnum, { description: 'Standing now: the status, or EXPIRED / NOT_YET_VALID by the validity.' })
  state!: keyof typeof CertificateStateEnum;

  @Field(() => String, { nullable: true, description: 'Why it was suspended, revoked or cancelled.' })
  statusReason!: string | null;

  @Field(() => Int, { description: 'Version; every status change makes a new one (see history).' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When it was issued.' })
  issuedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When this version was made.' })
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The certificate this one renewed.' })
  predecessor!: string | null;

  @Field(() => String, { nullable: true, description: 'The certificate that renewed this one.' })
  successor!: string | null;

  @Field(() => CertificateFaceInterface, { description: 'The face: select the fields of its type with an inline fragment.' })
  face!: FaceView;

  @Extensions(READS_WHOLE_CERTIFICATE)
  @Field({ description: 'The signed document: a compact JWS (ES256, typ sharehub-certificate+jws) over the RFC 8785 canonical JSON of identifier, type, issuer, holder, validity and face. Anyone verifies it with the keys at /.well-known/jwks.json.' })
  signedDocument!: string;

  @Field({ description: 'The issuer’s key that signed it (JWK thumbprint, the kid in /.well-known/jwks.json).' })
  kid!: string;

  @Extensions(READS_WHOLE_CERTIFICATE)
  @Field({
    description:
      'The certificate as a W3C Verifiable Credential 2.0 (media type application/vc+jwt: a JWS, ES256, signed with the issuing department’s key), to download and carry to any verifier. Its issuer resolves to the department’s keys under /.well-known/issuers/; its credentialStatus names the department’s revocation and suspension status lists. Carries the holder’s own data in full.',
  })
  credential?: string;

  @Extensions(READS_WHOLE_CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'The credential as a QR code (an SVG image as a data URL); null when it is too long for one (over 2,953 bytes).' })
  credentialQrCode?: string | null;
}

@ObjectType('CredentialCheck', { description: 'What the verification of a holder’s Verifiable Credential found, besides the certificate.' })
export class CredentialCheckView {
  @Field({ description: 'The issuer’s key that signed the credential (kid).' })
  kid!: string;

  @Field({ description: 'The credential’s issuer: a URL of this hub that yields the department’s keys.' })
  issuer!: string;

  @Field(() => DateTimeScalar, { description: 'The credential’s validFrom.' })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The credential’s validUntil; null: none.' })
  validUntil!: Date | null;

  @Field(() => StatusListAnswerEnum, { description: 'What its revocation status list said.' })
  revocation!: keyof typeof StatusListAnswerEnum;

  @Field(() => StatusListAnswerEnum, { description: 'What its suspension status list said.' })
  suspension!: keyof typeof StatusListAnswerEnum;
}

@ObjectType('CertificateVersion', { description: 'One version of a certificate: a change of its status.' })
export class CertificateVersionView {
  @Field(() => Int, { description: 'Version number.' })
  version!: number;

  @Field(() => CertificateActionEnum, { description: 'What made it.' })
  action!: keyof typeof CertificateActionEnum;

  @Field(() => CertificateStatus, { description: 'Status from this version on.' })
  status!: CertificateStatus;

  @Field(() => String, { nullable: true, description: 'The issuer’s reason.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'For RENEW: the successor.' })
  successor!: string | null;

  @Field({ description: 'Client that made the change.' })
  changedBy!: string;

  @Field(() => DateTimeScalar, { description: 'When.' })
  changedAt!: Date;
}

@ObjectType('CertificateIssuer', { description: 'The department that issued a certificate.' })
export class CertificateIssuerView {
  @Field({ description: 'Unified social credit code.' })
  code!: string;

  @Field({ description: 'Name.' })
  name!: string;
}

@ObjectType('CertificatePresentationCheck', { description: 'The holder’s presentation a verification was made from.' })
export class PresentationCheckView {
  @Field(() => DateTimeScalar, { description: 'When the holder presented the certificate.' })
  presentedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the presentation expires (five minutes after).' })
  expiresAt!: Date;
}

@ObjectType('CertificateVerification', { description: 'The answer of a verification (证照核验): authentic, its standing now, and what the verifier may see of it. Audited with the verifier, purpose and outcome.' })
export class CertificateVerificationView {
  @Field({ description: 'The identifier verified.' })
  identifier!: string;

  @Field({ description: 'Whether the stored certificate matches its signature under the issuer’s published key (false when NOT_FOUND).' })
  authentic!: boolean;

  @Field(() => VerificationStatusEnum, { description: 'Standing at checkedAt: VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED, NOT_YET_VALID, NOT_FOUND, or STATUS_UNKNOWN (a credential whose status lists could not be had).' })
  status!: keyof typeof VerificationStatusEnum;

  @Field(() => DateTimeScalar, { description: 'When the check was made.' })
  checkedAt!: Date;

  @Field(() => CertificateTypeView, { nullable: true, description: 'The certificate type; null when NOT_FOUND.' })
  certificateType!: CertificateTypeView | null;

  @Field(() => CertificateIssuerView, { nullable: true, description: 'The issuing department; null when NOT_FOUND.' })
  issuer!: CertificateIssuerView | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of validity.' })
  validFrom!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity (exclusive); null: no end, or NOT_FOUND.' })
  validUntil!: Date | null;

  @Field(() => CertificateHolderView, { nullable: true, description: 'The holder, masked unless the verifier’s grants allow holderName / holderIdNumber.' })
  holder!: CertificateHolderView | null;

  @Field(() => CertificateFaceInterface, { nullable: true, description: 'The face: the fields the verifier’s grants allow for the stated purpose (others null with FIELD_FORBIDDEN).' })
  face!: FaceView | null;

  @Field(() => String, { nullable: true, description: 'The certificate this one renewed.' })
  predecessor!: string | null;

  @Field(() => String, { nullable: true, description: 'The certificate that renewed this one (a CANCELLED certificate’s replacement).' })
  successor!: string | null;

  @Field(() => PresentationCheckView, { nullable: true, description: 'Set when verified from a holder’s presentation token.' })
  presentation!: PresentationCheckView | null;

  @Field(() => CredentialCheckView, { nullable: true, description: 'Set when verified from a holder’s Verifiable Credential.' })
  credential?: CredentialCheckView | null;
}

@InputType({ description: 'The holder of a certificate being issued.' })
export class CertificateHolderInput {
  @Field(() => HolderIdType, { description: 'RESIDENT_ID for a person, CREDIT_CODE for an organization (as the type’s holderKind says).' })
  idType!: HolderIdType;

  @Field({ description: 'Resident ID number or unified social credit code, validated by its check character.' })
  idNumber!: string;

  @Field({ description: 'Name of the person or organization.' })
  name!: string;
}

@InputType({ description: 'A certificate to issue.' })
export class IssueCertificateInput {
  @Field({ description: 'Certificate type code; your department must be its issuer.' })
  certificateType!: string;

  @Field(() => CertificateHolderInput, { description: 'The holder.' })
  holder!: CertificateHolderInput;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of validity; default now.' })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity (exclusive); default: the type’s default validity, or no end.' })
  validUntil?: Date | null;

  @Field(() => JSONObjectScalar, { description: 'Face values keyed by face field name, validated against the type: STRING, INT, DECIMAL, BOOLEAN, DATE "YYYY-MM-DD", DATETIME, ENUM value.' })
  face!: Record<string, unknown>;
}

@ObjectType({ description: 'The result of issueCertificate.' })
export class IssueCertificatePayload {
  @Field(() => CertificateView, { description: 'The certificate, signed.' })
  certificate!: CertificateView;

  @Field({ description: 'True when the idempotency key had been used with the same input: this is that certificate, nothing new was issued.' })
  isReplay!: boolean;
}

@InputType({ description: 'What changes at a renewal; whatever is omitted is taken from the certificate renewed or the type.' })
export class RenewCertificateInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the new validity; default now.' })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the new validity; default: the type’s default validity, or no end.' })
  validUntil?: Date | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'A new face; default: the renewed certificate’s face.' })
  face?: Record<string, unknown> | null;
}

@ObjectType({ description: 'The result of renewCertificate.' })
export class RenewCertificatePayload {
  @Field(() => CertificateView, { description: 'The successor: same serial, next version in its identifier.' })
  certificate!: CertificateView;

  @Field(() => CertificateView, { description: 'The certificate renewed, now CANCELLED and pointing at its successor.' })
  predecessor!: CertificateView;
}

@ObjectType({ description: 'The result of a status change of a certificate.' })
export class CertificateChangePayload {
  @Field(() => CertificateView, { description: 'The certificate as changed (a new version).' })
  certificate!: CertificateView;
}

@ObjectType({ description: 'The result of rotateSigningKey.' })
export class RotateSigningKeyPayload {
  @Field({ description: 'The department whose key rotated.' })
  departmentCode!: string;

  @Field({ description: 'The new key: certificates issued from now on are signed with it.' })
  kid!: string;

  @Field(() => [String], { description: 'Keys retired by the rotation; they stay published, so what they signed still verifies.' })
  retiredKids!: string[];
}

@ObjectType('CertificatePresentation', { description: 'A holder’s presentation of a certificate: a signed token valid for five minutes, for verifying this certificate only, and the same as a QR code.' })
export class CertificatePresentationView {
  @Field({ description: 'The certificate presented.' })
  identifier!: string;

  @Field({ description: 'The token (a JWT signed by the hub; verifiable offline with /.well-known/jwks.json). Pass it to verifyCertificate(qrToken:).' })
  token!: string;

  @Field({ description: 'The token as a QR code: an SVG image as a data: URL.' })
  qrCode!: string;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  presentedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it expires.' })
  expiresAt!: Date;
}

export const CertificateConnection = ConnectionOf(CertificateView, 'Certificate');
