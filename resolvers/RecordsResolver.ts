// Resolver for publishing records (reads go through the generated catalog fields).
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../src/server/context.js';
import { upsertRecords } from '../src/services/records.js';
import { RecordInput, UpsertRecordsPayload } from './types/records.js';

@Resolver()
export class RecordsResolver {
  @Mutation(() => UpsertRecordsPayload, {
    description: 'Publish up to 1,000 records of a resource type your department provides. All or nothing: one bad value and nothing is written. Changed records get a new version; earlier versions are kept.',
  })
  async upsertRecords(
    @Arg('resourceType', { description: 'Resource type code.' }) resourceType: string,
    @Arg('records', () => [RecordInput], { description: 'The records.' }) records: RecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<UpsertRecordsPayload> {
    return upsertRecords(ctx, resourceType, records);
  }
}
