// Resolvers for the catalog: list resource types, publish one (provider's data administrator).
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CatalogEntry } from '../src/catalog/catalog.js';
import { typeNameOf } from '../src/catalog/naming.js';
import type { RequestContext } from '../src/server/context.js';
import { publishResourceType, resourceTypeVersions } from '../src/services/catalog.js';
import { PublishResourceTypeInput, PublishResourceTypePayload, ResourceTypeVersionView, ResourceTypeView } from './types/catalog.js';

export function resourceTypeView(entry: CatalogEntry): ResourceTypeView {
  return {
    ...entry,
    graphqlType: typeNameOf(entry.code),
    fields: entry.fields.map((f) => ({ ...f, enumValues: f.enumValues ?? null })),
  };
}

@Resolver()
export class CatalogResolver {
  @Query(() => [ResourceTypeView], { description: 'The catalog (信息资源目录): every resource type with its fields and sharing classes.' })
  resourceTypes(@Ctx() ctx: RequestContext): ResourceTypeView[] {
    return ctx.hub.catalog.all().map(resourceTypeView);
  }

  @Query(() => [ResourceTypeVersionView], { description: 'Every published version of a resource type, newest first: compare two to see what changed.' })
  async resourceTypeVersions(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<ResourceTypeVersionView[]> {
    const versions = await resourceTypeVersions(ctx, code);
    return versions.map((v) => ({ version: v.entry.version, changedAt: v.changedAt, changedBy: v.changedBy, resourceType: resourceTypeView(v.entry) }));
  }

  @Mutation(() => PublishResourceTypePayload, {
    description: "Publish a resource type, or a new version of one of your department's (data administrators). Every instance serves the new schema at once.",
  })
  async publishResourceType(@Arg('input', () => PublishResourceTypeInput) input: PublishResourceTypeInput, @Ctx() ctx: RequestContext): Promise<PublishResourceTypePayload> {
    const entry = await publishResourceType(
      ctx,
      { ...input, fields: input.fields.map((f) => ({ ...f, enumValues: f.enumValues ?? undefined })) },
      ctx.hub.reservedNames,
    );
    return { resourceType: resourceTypeView(entry) };
  }
}
