// GraphQL types for data correction reports (数据纠错).
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CorrectionStatus } from '../../entities/CorrectionReport.js';
import { DateTimeScalar, JSONObjectScalar } from '../../src/schema/scalars.js';
import type { CorrectionOutcome } from '../../src/services/corrections.js';
import { ConnectionOf } from './connection.js';

export const CorrectionOutcomeEnum = { CORRECTED: 'CORRECTED', REJECTED: 'REJECTED' } as const satisfies { [K in CorrectionOutcome]: K };

registerEnumType(CorrectionStatus, {
  name: 'CorrectionStatus',
  description: 'Where a data correction report stands.',
  valuesConfig: {
    OPEN: { description: 'Waiting for the provider.' },
    CORRECTED: { description: 'The provider corrected the record; correctedVersion carries the correction.' },
    REJECTED: { description: 'The provider found the data right, and said why.' },
  },
});
registerEnumType(CorrectionOutcomeEnum, {
  name: 'CorrectionOutcome',
  description: "The provider's answer to a data correction report.",
  valuesConfig: {
    CORRECTED: { description: 'Correct the record: a new version with the given values.' },
    REJECTED: { description: 'Leave the record as it is, with a reason.' },
  },
});

@ObjectType('CorrectionReport', { description: "A consumer's report that a field of a record is wrong (数据纠错), and the provider's answer. Seen only by the reporting and the providing department." })
export class CorrectionReportView {
  @Field(() => ID, { description: 'Report id.' })
  id!: string;

  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field(() => ID, { description: 'The subject whose record is reported: resident ID number or unified social credit code.' })
  subjectId!: string;

  @Field({ description: 'The catalog field reported as wrong.' })
  field!: string;

  @Field(() => Int, { description: 'The record version current when the report was made.' })
  recordVersion!: number;

  @Field({ description: "The reporter's description of what is wrong." })
  comment!: string;

  @Field({ description: 'Credit code of the reporting department.' })
  reporterCode!: string;

  @Field({ description: 'Client that made the report.' })
  reportedBy!: string;

  @Field(() => DateTimeScalar, { description: 'When it was reported.' })
  reportedAt!: Date;

  @Field(() => CorrectionStatus, { description: 'Where it stands.' })
  status!: CorrectionStatus;

  @Field(() => String, { nullable: true, description: "The provider's answer: what was corrected, or why the report was rejected." })
  resolution!: string | null;

  @Field(() => Int, { nullable: true, description: 'For CORRECTED: the record version that carries the correction.' })
  correctedVersion!: number | null;

  @Field(() => String, { nullable: true, description: 'Client of the provider that resolved it.' })
  resolvedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was resolved.' })
  resolvedAt!: Date | null;
}

@InputType({ description: 'Report that a field of a record of another department is wrong.' })
export class ReportDataErrorInput {
  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field(() => ID, { description: 'The subject: resident ID number or unified social credit code (check character verified).' })
  subjectId!: string;

  @Field({ description: 'The wrong field: one your department can read (allowed or masked by a grant).' })
  field!: string;

  @Field({ description: 'What is wrong, and what the right value is if known (at most 2,000 characters).' })
  comment!: string;
}

@ObjectType({ description: 'The result of reportDataError.' })
export class ReportDataErrorPayload {
  @Field(() => CorrectionReportView, { description: 'The report, OPEN.' })
  correctionReport!: CorrectionReportView;
}

@InputType({ description: 'Answer an OPEN data correction report about your department\'s data.' })
export class ResolveDataErrorInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => CorrectionOutcomeEnum, { description: 'CORRECTED or REJECTED.' })
  outcome!: CorrectionOutcome;

  @Field({ description: 'For the reporter: what was corrected, or why the report is rejected (at most 2,000 characters).' })
  reason!: string;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: "For CORRECTED: corrected values keyed by catalog field name, merged over the record's current values and validated like upsertRecords; the record gets a new version. Omit for REJECTED.",
  })
  fields?: Record<string, unknown> | null;
}

@ObjectType({ description: 'The result of resolveDataError.' })
export class ResolveDataErrorPayload {
  @Field(() => CorrectionReportView, { description: 'The report, CORRECTED or REJECTED.' })
  correctionReport!: CorrectionReportView;
}

export const CorrectionReportConnection = ConnectionOf(CorrectionReportView, 'CorrectionReport');
