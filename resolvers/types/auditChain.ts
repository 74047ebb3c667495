// GraphQL types of the audit chain's standing: the last signed checkpoint and the last full verification.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../src/schema/scalars.js';

@ObjectType('AuditCheckpoint', { description: 'A signed statement of the chain head: anyone checks its JWS with the keys at /.well-known/jwks.json.' })
export class AuditCheckpointView {
  @Field(() => ID, { description: 'The event it pins (everything up to it).' })
  seq!: string;

  @Field({ description: "That event's link hash." })
  headHash!: string;

  @Field(() => DateTimeScalar, { description: 'When it was signed.' })
  createdAt!: Date;

  @Field({ description: 'The audit key that signed it.' })
  kid!: string;

  @Field({ description: 'Compact JWS (typ sharehub-audit-checkpoint+jws) over the RFC 8785 JSON of {seq, headHash, createdAt}.' })
  jws!: string;
}

@ObjectType('AuditVerification', { description: 'One run of `sharehub audit verify` over the live chain.' })
export class AuditVerificationView {
  @Field(() => DateTimeScalar, { description: 'When it ran.' })
  verifiedAt!: Date;

  @Field({ description: 'Whether every link and checkpoint held.' })
  isIntact!: boolean;

  @Field(() => Int, { description: 'Events recomputed.' })
  events!: number;

  @Field(() => Int, { description: 'Signed checkpoints checked.' })
  checkpoints!: number;

  @Field(() => ID, { description: 'Where it started: 0 for the whole live chain, else the checkpoint given with --from.' })
  fromSeq!: string;

  @Field(() => ID, { nullable: true, description: 'The last checkpoint it checked.' })
  lastCheckpointSeq!: string | null;

  @Field(() => ID, { nullable: true, description: 'The first event that did not match, when the chain was broken.' })
  firstBrokenSeq!: string | null;

  @Field(() => String, { nullable: true, description: 'What was wrong there.' })
  problem!: string | null;
}

@ObjectType('AuditChain', { description: 'Where the audit chain stands: its head, its last signed checkpoint, its last full verification.' })
export class AuditChainView {
  @Field(() => ID, { nullable: true, description: 'The newest event; null for an empty log.' })
  headSeq!: string | null;

  @Field(() => AuditCheckpointView, { nullable: true, description: 'The last signed checkpoint; null before the first.' })
  lastCheckpoint!: AuditCheckpointView | null;

  @Field(() => AuditVerificationView, { nullable: true, description: 'The last run of `sharehub audit verify`; null when it never ran.' })
  lastVerification!: AuditVerificationView | null;
}
