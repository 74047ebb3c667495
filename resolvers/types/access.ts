// GraphQL types for access requests (共享申请) and grants (共享授权).
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRequestStatus } from '../../entities/AccessRequest.js';
import { MASK_STRATEGIES, type MaskStrategy } from '../../src/catalog/definition.js';
import { DateTimeScalar } from '../../src/schema/scalars.js';
import { ConnectionOf } from './connection.js';

export const MaskStrategyEnum = Object.fromEntries(MASK_STRATEGIES.map((s) => [s, s])) as { [K in MaskStrategy]: K };
export const FieldEffectEnum = { ALLOW: 'ALLOW', MASK: 'MASK', DENY: 'DENY' } as const;
export const ApprovedEffectEnum = { ALLOW: 'ALLOW', MASK: 'MASK' } as const;
export const GrantStateEnum = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
export const AccessSideEnum = { CONSUMER: 'CONSUMER', PROVIDER: 'PROVIDER' } as const;

registerEnumType(MaskStrategyEnum, {
  name: 'MaskStrategy',
  description: 'How a masked field is shown.',
  valuesConfig: {
    REDACT: { description: 'A fixed mask, "***", whatever the value.' },
    KEEP_FIRST: { description: 'The first n characters, the rest as *.' },
    KEEP_LAST: { description: 'The last n characters, the rest as *.' },
    DATE_YEAR_ONLY: { description: 'Only the year of a date.' },
    HASH: { description: "A keyed hash (HMAC-SHA-256) with the consumer department's own key: joinable within one consumer, not across." },
  },
});
registerEnumType(FieldEffectEnum, { name: 'FieldEffect', description: 'What a grant says about a field.', valuesConfig: { ALLOW: { description: 'Readable in the clear.' }, MASK: { description: 'Readable masked.' }, DENY: { description: 'Not readable, whatever other grants say.' } } });
registerEnumType(ApprovedEffectEnum, { name: 'ApprovedEffect', description: 'How an approved field may be read.', valuesConfig: { ALLOW: { description: 'In the clear.' }, MASK: { description: 'Masked.' } } });
registerEnumType(GrantStateEnum, {
  name: 'GrantState',
  description: 'State of a grant at the time of the query.',
  valuesConfig: {
    ACTIVE: { description: 'In force.' },
    SUSPENDED: { description: 'Paused by the provider; may be reinstated.' },
    REVOKED: { description: 'Ended by the provider; final.' },
    EXPIRED: { description: 'Past its validity.' },
  },
});
registerEnumType(AccessRequestStatus, {
  name: 'AccessRequestStatus',
  description: 'Where an access request stands.',
  valuesConfig: { PENDING: { description: 'Waiting for the provider.' }, APPROVED: { description: 'Granted.' }, REJECTED: { description: 'Refused by the provider, with a reason.' } },
});
registerEnumType(AccessSideEnum, { name: 'AccessSide', description: "Which side of the exchange the viewer's department is on.", valuesConfig: { CONSUMER: { description: 'It reads the data.' }, PROVIDER: { description: 'It provides the data.' } } });

@ObjectType('MaskRule', { description: 'A masking strategy with its parameter.' })
export class MaskRuleView {
  @Field(() => MaskStrategyEnum, { description: 'The strategy.' })
  strategy!: MaskStrategy;

  @Field(() => Int, { nullable: true, description: 'For KEEP_FIRST and KEEP_LAST: visible characters.' })
  n?: number | null;
}

@InputType({ description: 'A masking strategy with its parameter.' })
export class MaskRuleInput {
  @Field(() => MaskStrategyEnum, { description: 'The strategy.' })
  strategy!: MaskStrategy;

  @Field(() => Int, { nullable: true, description: 'For KEEP_FIRST and KEEP_LAST: visible characters (1-32).' })
  n?: number | null;
}

@ObjectType('FieldRule', { description: 'What a grant allows for one field.' })
export class FieldRuleView {
  @Field({ description: 'Catalog field name.' })
  field!: string;

  @Field(() => FieldEffectEnum, { description: 'ALLOW, MASK or DENY.' })
  effect!: 'ALLOW' | 'MASK' | 'DENY';

  @Field(() => MaskRuleView, { nullable: true, description: 'The mask, for MASK.' })
  mask?: MaskRuleView | null;
}

@ObjectType('RowScope', { description: 'Only subjects whose value of `field` is one of `values`.' })
export class RowScopeView {
  @Field({ description: 'Catalog field, e.g. districtCode.' })
  field!: string;

  @Field(() => [String], { description: 'Allowed values.' })
  values!: string[];
}

@InputType({ description: 'Restrict a grant to subjects whose value of `field` is one of `values`.' })
export class RowScopeInput {
  @Field({ description: 'Catalog field, e.g. districtCode.' })
  field!: string;

  @Field(() => [String], { description: 'Allowed values.' })
  values!: string[];
}

@ObjectType('Grant', { description: 'A grant (共享授权): what a consumer department may read of a resource type, why, and until when.' })
export class GrantView {
  @Field(() => ID, { description: 'Grant id.' })
  id!: string;

  @Field(() => Int, { description: 'Version; every change makes a new one.' })
  version!: number;

  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field({ description: 'Credit code of the consumer department.' })
  consumerCode!: string;

  @Field({ description: 'Credit code of the providing department.' })
  providerCode!: string;

  @Field(() => String, { nullable: true, description: 'When set, only this client of the consumer.' })
  clientId!: string | null;

  @Field(() => [FieldRuleView], { description: 'Per-field rules.' })
  rules!: FieldRuleView[];

  @Field(() => [String], { description: 'Purposes the grant is for (service item codes or legal bases).' })
  purposes!: string[];

  @Field(() => DateTimeScalar, { description: 'Start of validity.' })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { description: 'End of validity (exclusive).' })
  validUntil!: Date;

  @Field(() => RowScopeView, { nullable: true, description: 'Subjects the grant covers; null: all.' })
  rowScope!: RowScopeView | null;

  @Field(() => GrantStateEnum, { description: 'State now (EXPIRED follows from validUntil).' })
  state!: keyof typeof GrantStateEnum;

  @Field(() => String, { nullable: true, description: 'Why it was suspended or revoked.' })
  statusReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The access request it came from.' })
  accessRequestId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When this version was made.' })
  changedAt!: Date;
}

@ObjectType('AccessRequest', { description: "A consumer's application for fields of a resource type (共享申请)." })
export class AccessRequestView {
  @Field(() => ID, { description: 'Request id.' })
  id!: string;

  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field({ description: 'Credit code of the consumer department.' })
  consumerCode!: string;

  @Field({ description: 'Credit code of the providing department.' })
  providerCode!: string;

  @Field(() => String, { nullable: true, description: 'When set, the grant is for this client only.' })
  clientId!: string | null;

  @Field(() => [String], { description: 'Fields asked for.' })
  fields!: string[];

  @Field(() => [String], { description: 'The CONDITIONAL ones, which wait for the provider.' })
  conditionalFields!: string[];

  @Field(() => [String], { description: 'Purposes.' })
  purposes!: string[];

  @Field({ description: 'Why the consumer needs the data.' })
  justification!: string;

  @Field(() => DateTimeScalar, { description: 'Requested start of validity.' })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { description: 'Requested end of validity.' })
  validUntil!: Date;

  @Field(() => AccessRequestStatus, { description: 'Where it stands.' })
  status!: AccessRequestStatus;

  @Field({ description: 'Client that made it.' })
  requestedBy!: string;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { description: "The provider's answer is due by then (10 working days)." })
  dueAt!: Date;

  @Field({ description: 'Pending past its due date.' })
  isOverdue!: boolean;

  @Field(() => String, { nullable: true, description: 'Who decided.' })
  decidedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The provider's reason." })
  decisionReason!: string | null;

  @Field(() => [GrantView], { description: 'Grants it produced.' })
  grants!: GrantView[];
}

@InputType({ description: 'Ask for access to fields of a resource type.' })
export class RequestAccessInput {
  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field(() => [String], { description: 'Fields wanted. NOT_SHARED fields are refused.' })
  fields!: string[];

  @Field(() => [String], { description: 'Purposes: service item codes or declared legal bases.' })
  purposes!: string[];

  @Field({ description: 'Why the data is needed.' })
  justification!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of validity; default now.' })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { description: 'End of validity (at most five years).' })
  validUntil!: Date;

  @Field(() => String, { nullable: true, description: 'Limit the grant to one client of your department.' })
  clientId?: string | null;
}

@InputType({ description: 'How one approved field may be read.' })
export class FieldDecisionInput {
  @Field({ description: 'A CONDITIONAL field of the request.' })
  field!: string;

  @Field(() => ApprovedEffectEnum, { description: 'ALLOW or MASK.' })
  effect!: 'ALLOW' | 'MASK';

  @Field(() => MaskRuleInput, { nullable: true, description: 'The mask, for MASK.' })
  mask?: MaskRuleInput | null;
}

@InputType({ description: 'Approve a pending access request, possibly narrower than asked.' })
export class ApproveAccessRequestInput {
  @Field(() => ID, { description: 'The request.' })
  requestId!: string;

  @Field(() => [FieldDecisionInput], { nullable: true, description: 'Fields granted and how; default: every CONDITIONAL field asked for, in the clear.' })
  fields?: FieldDecisionInput[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'A shorter validity than asked.' })
  validUntil?: Date | null;

  @Field(() => RowScopeInput, { nullable: true, description: 'Restrict the grant to some subjects.' })
  rowScope?: RowScopeInput | null;

  @Field(() => String, { nullable: true, description: 'A note for the consumer.' })
  reason?: string | null;
}

@ObjectType({ description: 'The result of requestAccess.' })
export class RequestAccessPayload {
  @Field(() => AccessRequestView, { description: 'The request; UNCONDITIONAL fields are already granted.' })
  accessRequest!: AccessRequestView;
}

@ObjectType({ description: 'The result of approveAccessRequest.' })
export class ApproveAccessRequestPayload {
  @Field(() => AccessRequestView, { description: 'The request, now APPROVED.' })
  accessRequest!: AccessRequestView;

  @Field(() => GrantView, { description: 'The grant the approval made.' })
  grant!: GrantView;
}

@ObjectType({ description: 'The result of rejectAccessRequest.' })
export class RejectAccessRequestPayload {
  @Field(() => AccessRequestView, { description: 'The request, now REJECTED.' })
  accessRequest!: AccessRequestView;
}

@ObjectType({ description: 'The result of a change to a grant.' })
export class GrantChangePayload {
  @Field(() => GrantView, { description: 'The grant as changed (a new version).' })
  grant!: GrantView;
}

export const AccessRequestConnection = ConnectionOf(AccessRequestView, 'AccessRequest');
export const GrantConnection = ConnectionOf(GrantView, 'Grant');
