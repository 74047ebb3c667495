// GraphQL types of service items (政务服务事项), their materials (申请材料), prepared applications and coverage.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, JSONObjectScalar } from '../../src/schema/scalars.js';
import { DepartmentView } from './viewer.js';

export const MaterialSourceEnum = { CERTIFICATE: 'CERTIFICATE', RECORD: 'RECORD' } as const;
export const ConditionOperatorEnum = { EQUALS: 'EQUALS', NOT_EQUALS: 'NOT_EQUALS', IN: 'IN', AT_LEAST: 'AT_LEAST', AT_MOST: 'AT_MOST' } as const;
export const MaterialOutcomeEnum = { SATISFIED: 'SATISFIED', NEEDED: 'NEEDED' } as const;
export const NeededReasonEnum = {
  NO_GRANT: 'NO_GRANT',
  NO_RECORD: 'NO_RECORD',
  CERTIFICATE_NOT_VALID: 'CERTIFICATE_NOT_VALID',
  CONDITION_NOT_MET: 'CONDITION_NOT_MET',
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  NO_CATALOG_ENTRY: 'NO_CATALOG_ENTRY',
} as const;
export const CoverageGapEnum = { NO_GRANT: 'NO_GRANT', NO_CATALOG_ENTRY: 'NO_CATALOG_ENTRY', SOURCE_DOWN: 'SOURCE_DOWN' } as const;

registerEnumType(MaterialSourceEnum, { name: 'MaterialSource', description: 'Where a material comes from.', valuesConfig: { CERTIFICATE: { description: 'A valid certificate of a type held by the applicant.' }, RECORD: { description: "Fields of the applicant's record in a resource type." } } });
registerEnumType(ConditionOperatorEnum, { name: 'ConditionOperator', description: 'How a material condition compares a field with its values.' });
registerEnumType(MaterialOutcomeEnum, { name: 'MaterialOutcome', description: 'Whether a material came from shared data.', valuesConfig: { SATISFIED: { description: 'Resolved from shared data: no paper needed.' }, NEEDED: { description: 'Still needed from the applicant; `reason` says why.' } } });
registerEnumType(NeededReasonEnum, {
  name: 'NeededReason',
  description: 'Why a material could not come from shared data.',
  valuesConfig: {
    NO_GRANT: { description: 'The window has no grant for it; `missingGrant` names the access request that would remove the paper.' },
    NO_RECORD: { description: 'The provider holds no record or certificate for the applicant.' },
    CERTIFICATE_NOT_VALID: { description: 'The certificate is suspended, revoked, cancelled or expired.' },
    CONDITION_NOT_MET: { description: "The data does not meet the material's condition." },
    SOURCE_UNAVAILABLE: { description: "The provider's live source is down." },
    CONSENT_REQUIRED: { description: 'The applicant has not approved the use yet (giveConsent).' },
    NO_CATALOG_ENTRY: { description: 'Nothing in the catalog provides it.' },
  },
});
registerEnumType(CoverageGapEnum, { name: 'CoverageGap', description: 'Why a material still needs paper.', valuesConfig: { NO_GRANT: { description: 'No grant for the item.' }, NO_CATALOG_ENTRY: { description: 'Not in the catalog.' }, SOURCE_DOWN: { description: 'Its live source is down.' } } });

@ObjectType('MaterialCondition', { description: "A condition on the material's data, e.g. maritalStatus EQUALS MARRIED." })
export class MaterialConditionView {
  @Field({ description: 'Field of the resource type.' })
  field!: string;

  @Field(() => ConditionOperatorEnum, { description: 'Comparison.' })
  operator!: keyof typeof ConditionOperatorEnum;

  @Field(() => [String], { description: 'Values compared with.' })
  values!: string[];
}

@InputType({ description: "A condition on the material's data." })
export class MaterialConditionInput {
  @Field({ description: 'Field of the resource type.' })
  field!: string;

  @Field(() => ConditionOperatorEnum, { description: 'Comparison.' })
  operator!: keyof typeof ConditionOperatorEnum;

  @Field(() => [String], { description: 'Values compared with.' })
  values!: string[];
}

@ObjectType('Material', { description: 'A required material (申请材料) of a service item, mapped to shared data.' })
export class MaterialView {
  @Field({ description: 'Stable key within the item.' })
  key!: string;

  @Field({ description: 'Name, e.g. 户口簿.' })
  name!: string;

  @Field(() => MaterialSourceEnum, { description: 'Certificate or record.' })
  source!: keyof typeof MaterialSourceEnum;

  @Field({ description: 'Certificate type or resource type code.' })
  typeCode!: string;

  @Field(() => [String], { description: 'For a record: the fields it needs.' })
  fields!: string[];

  @Field(() => MaterialConditionView, { nullable: true, description: 'A condition the data must meet.' })
  condition!: MaterialConditionView | null;

  @Field({ description: 'Satisfied when the applicant has no such record (e.g. "holds no real estate").' })
  isSatisfiedWhenAbsent!: boolean;

  @Field({ description: 'The applicant approves the use before it is resolved.' })
  isConsentRequired!: boolean;
}

@InputType({ description: 'A required material of a service item.' })
export class MaterialInput {
  @Field({ description: 'Stable key within the item, snake_case.' })
  key!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => MaterialSourceEnum, { description: 'Certificate or record.' })
  source!: keyof typeof MaterialSourceEnum;

  @Field({ description: 'Certificate type or resource type code.' })
  typeCode!: string;

  @Field(() => [String], { nullable: true, description: 'For a record: the fields it needs.' })
  fields?: string[] | null;

  @Field(() => MaterialConditionInput, { nullable: true, description: 'A condition the data must meet.' })
  condition?: MaterialConditionInput | null;

  @Field({ nullable: true, description: 'Satisfied when the applicant has no such record.' })
  isSatisfiedWhenAbsent?: boolean;

  @Field({ nullable: true, description: 'The applicant approves the use before it is resolved.' })
  isConsentRequired?: boolean;
}

@ObjectType('ServiceItem', { description: 'A government service (政务服务事项) and its required materials.' })
export class ServiceItemView {
  @Field(() => ID, { description: 'Code.' })
  code!: string;

  @Field({ description: 'Name in Chinese.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Credit code of the handling department.' })
  departmentCode!: string;

  @Field(() => Int, { description: 'Version; every change makes a new one.' })
  version!: number;

  @Field(() => [MaterialView], { description: 'Required materials.' })
  materials!: MaterialView[];
}

@InputType({ description: "Publish a service item, or a new version of one of your department's." })
export class PublishServiceItemInput {
  @Field({ description: 'snake_case code; also the purpose its reads state.' })
  code!: string;

  @Field({ description: 'Name in Chinese.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field(() => [MaterialInput], { description: 'Required materials.' })
  materials!: MaterialInput[];
}

@ObjectType({ description: 'The result of publishServiceItem.' })
export class PublishServiceItemPayload {
  @Field(() => ServiceItemView, { description: 'The item as now published.' })
  serviceItem!: ServiceItemView;
}

@ObjectType('MissingGrant', { description: 'The access request that would turn this material SATISFIED.' })
export class MissingGrantView {
  @Field({ description: 'Resource or certificate type to request.' })
  typeCode!: string;

  @Field(() => [String], { description: 'Fields to request.' })
  fields!: string[];

  @Field({ description: 'Purpose to request them for (the service item code).' })
  purpose!: string;

  @Field(() => String, { nullable: true, description: 'The providing department (credit code).' })
  providerCode!: string | null;
}

@ObjectType('MaterialResolution', { description: 'How one material was resolved for an application.' })
export class MaterialResolutionView {
  @Field({ description: 'Material key.' })
  key!: string;

  @Field({ description: 'Material name.' })
  name!: string;

  @Field(() => MaterialSourceEnum, { description: 'Certificate or record.' })
  source!: keyof typeof MaterialSourceEnum;

  @Field({ description: 'Certificate type or resource type code.' })
  typeCode!: string;

  @Field(() => MaterialOutcomeEnum, { description: 'SATISFIED from shared data, or NEEDED.' })
  outcome!: keyof typeof MaterialOutcomeEnum;

  @Field(() => NeededReasonEnum, { nullable: true, description: 'Why it is NEEDED.' })
  reason!: keyof typeof NeededReasonEnum | null;

  @Field({ description: 'One sentence for the window clerk.' })
  explanation!: string;

  @Field(() => Int, { nullable: true, description: 'The record version it came from.' })
  recordVersion!: number | null;

  @Field(() => String, { nullable: true, description: 'The certificate it came from.' })
  certificateIdentifier!: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: "The values the window's grants allow (masked where they mask)." })
  values!: Record<string, unknown> | null;

  @Field(() => MissingGrantView, { nullable: true, description: 'For NO_GRANT: the access request that would remove the paper.' })
  missingGrant!: MissingGrantView | null;
}

@ObjectType({ description: 'The result of prepareApplication: every material resolved or named as needed, and a signed receipt.' })
export class PrepareApplicationPayload {
  @Field({ description: 'The case.' })
  caseNumber!: string;

  @Field(() => ServiceItemView, { description: 'The service item, at the version used.' })
  serviceItem!: ServiceItemView;

  @Field(() => [MaterialResolutionView], { description: 'One per material, in the order of the item.' })
  materials!: MaterialResolutionView[];

  @Field(() => Int, { description: 'Materials that need no paper.' })
  satisfiedCount!: number;

  @Field({ description: 'A JWS signed by the hub (keys at /.well-known/jwks.json) over the item, applicant (keyed hash), case, each outcome and source, and the time.' })
  receipt!: string;

  @Field(() => DateTimeScalar, { description: 'When it was prepared.' })
  preparedAt!: Date;
}

@ObjectType('ReceiptVerification', { description: 'Whether a receipt is authentic, and what it says.' })
export class ReceiptVerificationView {
  @Field({ description: "Signed by the hub's receipt key and unaltered." })
  isValid!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not.' })
  problem!: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'The signed content, when valid.' })
  content!: Record<string, unknown> | null;
}

@ObjectType({ description: 'The result of giveConsent.' })
export class GiveConsentPayload {
  @Field({ description: 'The case.' })
  caseNumber!: string;

  @Field(() => DateTimeScalar, { description: 'When the consent was given.' })
  consentGivenAt!: Date;
}

@ObjectType('PendingConsentServiceItem', { description: 'The service item of a pending consent.' })
export class PendingConsentServiceItemView {
  @Field({ description: 'Service item code.' })
  code!: string;

  @Field({ description: 'Name in Chinese.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;
}

@ObjectType('PendingConsent', { description: 'An application prepared about you at a window that waits for your consent (giveConsent).' })
export class PendingConsentView {
  @Field({ description: 'The case number: give consent with it.' })
  caseNumber!: string;

  @Field(() => DepartmentView, { nullable: true, description: 'The department whose window prepared it.' })
  department!: DepartmentView | null;

  @Field(() => PendingConsentServiceItemView, { description: 'The service item applied for.' })
  serviceItem!: PendingConsentServiceItemView;

  @Field(() => [MaterialView], { description: 'The materials whose use needs your consent: which data, and for a record which fields.' })
  materials!: MaterialView[];

  @Field(() => DateTimeScalar, { description: 'When the window prepared the application (asked for consent).' })
  requestedAt!: Date;
}

@ObjectType('CoverageGapItem', { description: 'A material that still needs paper, and why.' })
export class CoverageGapView {
  @Field({ description: 'Material key.' })
  key!: string;

  @Field({ description: 'Material name.' })
  name!: string;

  @Field(() => CoverageGapEnum, { description: 'Why.' })
  reason!: keyof typeof CoverageGapEnum;

  @Field(() => [String], { description: 'For NO_GRANT: the fields no grant covers.' })
  missingFields!: string[];
}

@ObjectType('ServiceItemCoverage', { description: 'How far one service item is from "once only" for a department.' })
export class ServiceItemCoverageView {
  @Field(() => ServiceItemView, { description: 'The item.' })
  serviceItem!: ServiceItemView;

  @Field(() => Int, { description: 'Materials resolvable from shared data now.' })
  resolvable!: number;

  @Field(() => Int, { description: 'Materials in all.' })
  total!: number;

  @Field(() => [CoverageGapView], { description: 'Materials that still need paper.' })
  needing!: CoverageGapView[];
}

@ObjectType('CoverageReport', { description: 'The once-only coverage report (不再重复提交): per item and in total.' })
export class CoverageReportView {
  @Field({ description: 'The department the report is for (credit code).' })
  departmentCode!: string;

  @Field(() => [ServiceItemCoverageView], { description: 'Per service item.' })
  items!: ServiceItemCoverageView[];

  @Field(() => Int, { description: 'Materials resolvable, all items together.' })
  resolvable!: number;

  @Field(() => Int, { description: 'Materials in all.' })
  total!: number;
}
