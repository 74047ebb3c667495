// Resolvers for live sources: register and unregister (the provider's data administrator), list with their health.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../src/server/context.js';
import { listLiveSources, registerLiveSource, unregisterLiveSource } from '../src/services/liveSources.js';
import { LiveSourceView, RegisterLiveSourceInput, RegisterLiveSourcePayload, UnregisterLiveSourcePayload } from './types/liveSources.js';

@Resolver()
export class LiveSourceResolver {
  @Query(() => [LiveSourceView], { description: "Your department's live sources with their health as this hub instance sees it (data administrators). At most one per resource type." })
  liveSources(@Ctx() ctx: RequestContext): LiveSourceView[] {
    return listLiveSources(ctx);
  }

  @Mutation(() => RegisterLiveSourcePayload, {
    description:
      "Serve a resource type your department provides from the department's own GraphQL service (Apollo Federation subgraph). The hub reads its SDL and refuses the registration, listing every mismatch, unless the entity type, its key and every catalog field with a compatible type are there.",
  })
  async registerLiveSource(@Arg('input', () => RegisterLiveSourceInput) input: RegisterLiveSourceInput, @Ctx() ctx: RequestContext): Promise<RegisterLiveSourcePayload> {
    return { liveSource: await registerLiveSource(ctx, input) };
  }

  @Mutation(() => UnregisterLiveSourcePayload, { description: 'Stop serving a resource type from its live source; its published records are served from the next request on.' })
  async unregisterLiveSource(@Arg('resourceType', () => ID, { description: 'Resource type code.' }) resourceType: string, @Ctx() ctx: RequestContext): Promise<UnregisterLiveSourcePayload> {
    await unregisterLiveSource(ctx, resourceType);
    return { resourceType };
  }
}
