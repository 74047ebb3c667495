// GraphQL types for publishing records.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../../src/schema/scalars.js';

@InputType({ description: "One subject's record: values keyed by catalog field name." })
export class RecordInput {
  @Field(() => ID, { description: 'Resident ID number or unified social credit code.' })
  subjectId!: string;

  @Field(() => JSONObjectScalar, { description: 'Field values: STRING, INT, DECIMAL (string or number), BOOLEAN, DATE "YYYY-MM-DD", DATETIME ISO 8601, ENUM value.' })
  fields!: Record<string, unknown>;
}

@ObjectType({ description: 'A record version that a publication created.' })
export class RecordVersionRef {
  @Field(() => ID, { description: 'The subject.' })
  subjectId!: string;

  @Field(() => Int, { description: 'The new version.' })
  version!: number;
}

@ObjectType({ description: 'The result of upsertRecords: what got a new version and what was already current.' })
export class UpsertRecordsPayload {
  @Field(() => [RecordVersionRef], { description: 'Records that changed, with their new versions.' })
  written!: RecordVersionRef[];

  @Field(() => Int, { description: 'Records whose values equal their current version (nothing written).' })
  unchanged!: number;
}
