// Resolvers for the catalog: list resource types, publish one (provider's data administrator).
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CatalogEntry } from '../src/catalog/catalog.js';
import { typeNameOf } from '../src/catalog/naming.js';
import type { RequestContext } from '../src/server/context.js';
import { publishResourceType } from '../src/services/catalog.js';
import { PublishResourceTypeInput, PublishResourceTypePayload, ResourceTypeView } from './types/catalog.js';

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
