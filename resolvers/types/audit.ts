// GraphQL types of the audit log: events for auditors and administrators, data accesses for holders.
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AuditOutcome, PrincipalKind } from '../../entities/AuditEvent.js';
import { DateTimeScalar, JSONObjectScalar } from '../../src/schema/scalars.js';
import { DataAccessKind } from '../../src/services/auditSearch.js';
import { ConnectionOf } from './connection.js';
import { DepartmentView } from './viewer.js';

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited operation ended.',
  valuesConfig: {
    SUCCESS: { description: 'Completed; returned what it was allowed to.' },
    PARTIAL: { description: 'Some fields were denied or failed; the rest was returned.' },
    DENIED: { description: 'Authorization refused it.' },
    REFUSED: { description: 'Refused before execution (bad token, bad request, limits).' },
    ERROR: { description: 'Failed with an error.' },
  },
});
registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: 'Who acted.',
  valuesConfig: { CLIENT: { description: 'A department client.' }, HOLDER: { description: 'A citizen or business.' }, ANONYMOUS: { description: 'Not authenticated.' } },
});
registerEnumType(DataAccessKind, {
  name: 'DataAccessKind',
  description: 'What a department did with your data.',
  valuesConfig: {
    READ: { description: 'Read your records or certificates (a certificate verification included).' },
    APPLICATION_MATERIAL: { description: 'Took a material of an application prepared for you from shared data instead of asking you for it.' },
    CORRECTION_REPORT: { description: "Reported a field of your record as wrong, for the providing department to check." },
  },
});

@ObjectType('AuditEvent', { description: 'One audited operation: who read or changed what, when, for which purpose, and the outcome.' })
export class AuditEventView {
  @Field(() => ID, { description: 'Position in the chain.' })
  seq!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field({ description: 'The request id (x-request-id).' })
  requestId!: string;

  @Field(() => PrincipalKind, { description: 'Who acted.' })
  principalKind!: PrincipalKind;

  @Field(() => String, { nullable: true, description: 'The client, for a client.' })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: "The client's department (credit code)." })
  departmentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Stated purpose.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'Stated case number.' })
  caseNumber!: string | null;

  @Field({ description: 'What happened: graphql.query, graphql.mutation, auth.refused, records.upsert, grant.revoke, ...' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'GraphQL operation name.' })
  operationName!: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the operation's document." })
  operationHash!: string | null;

  @Field(() => AuditOutcome, { description: 'How it ended.' })
  outcome!: AuditOutcome;

  @Field(() => [String], { description: 'Error codes returned.' })
  errorCodes!: string[];

  @Field(() => [String], { description: 'Resource and certificate types read or changed.' })
  resourceTypes!: string[];

  @Field(() => [String], { description: 'Keyed hashes of the subjects concerned (never the identifiers).' })
  subjectHashes!: string[];

  @Field(() => [String], { description: 'Fields returned in the clear (type.field).' })
  fieldsReturned!: string[];

  @Field(() => [String], { description: 'Fields returned masked.' })
  fieldsMasked!: string[];

  @Field(() => [String], { description: 'Fields denied.' })
  fieldsDenied!: string[];

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Further details, e.g. which grant allowed each field.' })
  details!: Record<string, unknown> | null;

  @Field({ description: 'Link of this event in the hash chain.' })
  hash!: string;
}

@InputType({ description: 'Narrow an audit search; every given condition must hold.' })
export class AuditEventFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'From this time (inclusive).' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Until this time (exclusive).' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "The acting client's department (credit code)." })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'The acting client id.' })
  client?: string | null;

  @Field(() => String, { nullable: true, description: 'Stated purpose.' })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'Resource type read or changed.' })
  resourceType?: string | null;

  @Field(() => String, { nullable: true, description: 'Certificate type read or changed.' })
  certificateType?: string | null;

  @Field(() => ID, { nullable: true, description: 'A subject (matched through its keyed hash; the identifier is not stored).' })
  subjectId?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Outcome.' })
  outcome?: AuditOutcome | null;

  @Field(() => String, { nullable: true, description: 'GraphQL operation name or action.' })
  operation?: string | null;
}

@ObjectType('DataAccess', { description: 'One read of your data: who, when, why, and which fields.' })
export class DataAccessView {
  @Field(() => DateTimeScalar, { description: 'When it was read.' })
  at!: Date;

  @Field(() => DepartmentView, { nullable: true, description: 'The department that read it.' })
  department!: DepartmentView | null;

  @Field(() => String, { nullable: true, description: 'Its system or window that read it.' })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose it stated (a service item code or a legal basis).' })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'The case number it stated.' })
  caseNumber!: string | null;

  @Field(() => DataAccessKind, { description: 'What it did: a read, a material of an application, a correction report.' })
  kind!: DataAccessKind;

  @Field(() => [String], { description: 'What was read: resource or certificate types.' })
  resourceTypes!: string[];

  @Field(() => [String], { description: 'Fields read in the clear.' })
  fieldsReturned!: string[];

  @Field(() => [String], { description: 'Fields read masked.' })
  fieldsMasked!: string[];

  @Field(() => [String], { description: 'For a correction report: the fields reported as wrong (type.field).' })
  fieldsReported!: string[];

  @Field(() => AuditOutcome, { description: 'SUCCESS, or PARTIAL when some fields were refused (for a material: when it was still needed from you).' })
  outcome!: AuditOutcome;
}

export const AuditEventConnection = ConnectionOf(AuditEventView, 'AuditEvent');
export const DataAccessConnection = ConnectionOf(DataAccessView, 'DataAccess');
