// The catalog service: a provider's data administrator publishes or changes a resource type (a new version
// each time); changes that would break grants are refused; every instance is told to swap its schema.
import { recordChange } from '../audit/changes.js';
import { LockMode } from '@mikro-orm/core';
import { Role } from '../../entities/Client.js';
import { Department } from '../../entities/Department.js';
import { Grant, GrantStatus } from '../../entities/Grant.js';
import { ResourceType, ResourceTypeVersion } from '../../entities/ResourceType.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import { entryOf } from '../catalog/catalog.js';
import { faceNamesOf } from '../catalog/certificateType.js';
import type { FieldDefinition, ResourceTypeDefinition } from '../catalog/definition.js';
import { enumTypeNameOf, listQueryNameOf, singleQueryNameOf, typeNameOf } from '../catalog/naming.js';
import { definitionProblems } from '../catalog/validate.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';

export type PublishInput = Omit<ResourceTypeDefinition, 'providerCode'>;

/** GraphQL names used by catalog entries other than `exceptCode`. */
function namesOfOtherEntries(entries: CatalogEntry[], exceptCode: string): Set<string> {
  const names = new Set<string>();
  for (const e of entries) {
    if (e.code === exceptCode) continue;
    names.add(typeNameOf(e.code)).add(singleQueryNameOf(e.code)).add(listQueryNameOf(e.code));
    for (const f of e.fields) if (f.type === 'ENUM') names.add(enumTypeNameOf(e.code, f.name));
  }
  return names;
}

/**
 * Fields (of a resource type, or face fields of a certificate type: grants name both by code) that active or suspended
 * grants use, and that this change removes, retypes or stops sharing.
 */
export async function brokenGrantReferences(ctx: RequestContext, code: string, before: FieldDefinition[], after: FieldDefinition[]): Promise<Array<{ field: string; grants: string[] }>> {
  const afterByName = new Map(after.map((f) => [f.name, f]));
  const changed = before.filter((f) => {
    const next = afterByName.get(f.name);
    return !next || next.type !== f.type || next.sharing === 'NOT_SHARED';
  });
  if (changed.length === 0) return [];
  const grants = await ctx.em.find(Grant, { resourceTypeCode: code, status: { $in: [GrantStatus.ACTIVE, GrantStatus.SUSPENDED] } });
  const problems: Array<{ field: string; grants: string[] }> = [];
  for (const field of changed) {
    const users = grants.filter((g) => g.rules.some((r) => r.field === field.name && r.effect !== 'DENY')).map((g) => g.id);
    if (users.length) problems.push({ field: field.name, grants: users });
  }
  return problems;
}

export async function publishResourceType(ctx: RequestContext, input: PublishInput, reservedNames: ReadonlySet<string>): Promise<CatalogEntry> {
  const { principal } = ctx;
  if (principal.kind !== 'CLIENT' || !principal.roles.includes(Role.DATA_ADMIN)) {
    throw new ForbiddenError("Only a department's data administrator publishes catalog entries.");
  }
  const definition: ResourceTypeDefinition = { ...input, providerCode: principal.department.code };
  const taken = new Set([...reservedNames, ...namesOfOtherEntries(ctx.hub.catalog.all(), input.code), ...ctx.hub.catalog.certificateTypes().flatMap(faceNamesOf)]);
  const problems = definitionProblems(definition, taken);
  if (ctx.hub.catalog.certificateType(input.code)) problems.push({ field: 'code', problem: `${input.code} is already the code of a certificate type` });
  if (problems.length) {
    throw new BadUserInputError(`${problems[0]!.field} ${problems[0]!.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, { problems });
  }
  const entry = await ctx.em.transactional(async (em) => {
    const existing = await em.findOne(ResourceType, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (existing && existing.provider.code !== principal.department.code) {
      throw new ForbiddenError(`${input.code} is provided by another department; only its provider changes it.`);
    }
    if (existing) {
      const broken = await brokenGrantReferences(ctx, input.code, existing.fields, definition.fields);
      if (broken.length) {
        const named = broken.map((b) => `${b.field} is used by grant(s) ${b.grants.join(', ')}`).join('; ');
        // `usedByGrants` lets a form show the grants beside the field they hold on to.
        throw new ConflictError(`This change removes or retypes fields that grants use: ${named}. Revoke or change those grants first.`, { usedByGrants: broken });
      }
    }
    const row = existing ?? em.create(ResourceType, { code: input.code, provider: em.getReference(Department, principal.department.code), version: 0 } as never);
    Object.assign(row, {
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      subjectKind: definition.subjectKind,
      description: definition.description,
      fields: definition.fields,
      version: (existing?.version ?? 0) + 1,
      changedBy: principal.clientId,
      changedAt: ctx.now,
    });
    em.persist(row);
    em.create(ResourceTypeVersion, {
      resourceTypeCode: input.code,
      version: row.version,
      definition: { ...definition },
      changedBy: principal.clientId,
      changedAt: ctx.now,
    } as never);
    await em.flush();
    await recordChange(ctx, em, { action: 'catalog.publish', resourceTypes: [input.code], details: { version: row.version, fields: definition.fields.length } });
    return { ...definition, version: row.version };
  });
  await ctx.hub.announceCatalogChange();
  return entry;
}

/** Every published version of a resource type, newest first (the catalog is public to every client). */
export async function resourceTypeVersions(ctx: RequestContext, code: string): Promise<Array<{ entry: CatalogEntry; changedAt: Date; changedBy: string }>> {
  if (ctx.principal.kind !== 'CLIENT') throw new ForbiddenError('The catalog is for department clients.');
  const rows = await ctx.em.find(ResourceTypeVersion, { resourceTypeCode: code }, { orderBy: { version: 'desc' } });
  if (rows.length === 0) throw new NotFoundError(`No resource type ${code}.`);
  return rows.map((r) => ({ entry: { ...(r.definition as unknown as ResourceTypeDefinition), version: r.version } as CatalogEntry, changedAt: r.changedAt, changedBy: r.changedBy }));
}

export { entryOf };
