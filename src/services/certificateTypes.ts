// Publishing certificate types: the issuing department's data administrator defines a type and its face fields (a
// new version at each change); changes that would break certificates or grants are refused; every instance swaps its schema.
import { recordChange } from '../audit/changes.js';
import { LockMode } from '@mikro-orm/core';
import { CertificateType, CertificateTypeVersion } from '../../entities/CertificateType.js';
import { Role } from '../../entities/Client.js';
import { Department } from '../../entities/Department.js';
import type { Catalog } from '../catalog/catalog.js';
import { certificateTypeProblems, faceNamesOf, type CertificateTypeDefinition, type CertificateTypeEntry } from '../catalog/certificateType.js';
import { enumTypeNameOf, listQueryNameOf, singleQueryNameOf, typeNameOf } from '../catalog/naming.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import { brokenGrantReferences } from './catalog.js';

export type PublishCertificateTypeInput = Omit<CertificateTypeDefinition, 'issuerCode'>;

/** GraphQL names, codes and identifier codes taken by every catalog entry except the certificate type `exceptCode`. */
function takenBy(catalog: Catalog, exceptCode: string) {
  const names = new Set<string>();
  const codes = new Set<string>();
  const identifierCodes = new Set<string>();
  for (const e of catalog.all()) {
    codes.add(e.code);
    names.add(typeNameOf(e.code)).add(singleQueryNameOf(e.code)).add(listQueryNameOf(e.code));
    for (const f of e.fields) if (f.type === 'ENUM') names.add(enumTypeNameOf(e.code, f.name));
  }
  for (const t of catalog.certificateTypes()) {
    if (t.code === exceptCode) continue;
    codes.add(t.code);
    identifierCodes.add(t.identifierCode);
    for (const name of faceNamesOf(t)) names.add(name);
  }
  return { names, codes, identifierCodes };
}

export async function publishCertificateType(ctx: RequestContext, input: PublishCertificateTypeInput, reservedNames: ReadonlySet<string>): Promise<CertificateTypeEntry> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError("Only the issuing department's data administrator publishes certificate types.");
  const definition: CertificateTypeDefinition = { ...input, issuerCode: p.department.code };
  const taken = takenBy(ctx.hub.catalog, input.code);
  const problems = certificateTypeProblems(definition, { ...taken, names: new Set([...reservedNames, ...taken.names]) });
  if (problems.length) {
    throw new BadUserInputError(`${problems[0]!.field} ${problems[0]!.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, { problems });
  }
  const entry = await ctx.em.transactional(async (em) => {
    const existing = await em.findOne(CertificateType, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (existing) {
      if (existing.issuer.code !== p.department.code) throw new ForbiddenError(`${input.code} is issued by another department; only its issuer changes it.`);
      if (existing.identifierCode !== input.identifierCode || existing.holderKind !== input.holderKind) {
        throw new ConflictError('identifierCode and holderKind cannot change: issued certificates carry them.');
      }
      const broken = await brokenGrantReferences(ctx, input.code, existing.fields, definition.fields);
      if (broken.length) {
        const named = broken.map((b) => `${b.field} is used by grant(s) ${b.grants.join(', ')}`).join('; ');
        // `usedByGrants` lets a form show the grants beside the face field they hold on to, as for resource types.
        throw new ConflictError(`This change removes or retypes face fields that grants use: ${named}. Revoke or change those grants first.`, { usedByGrants: broken });
      }
    }
    const row = existing ?? em.create(CertificateType, { code: input.code, issuer: em.getReference(Department, p.department.code), version: 0, lastSerial: 0 } as never);
    Object.assign(row, {
      identifierCode: definition.identifierCode,
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      holderKind: definition.holderKind,
      description: definition.description,
      defaultValidityDays: definition.defaultValidityDays,
      fields: definition.fields,
      version: (existing?.version ?? 0) + 1,
      changedBy: p.clientId,
      changedAt: ctx.now,
    });
    em.persist(row);
    em.create(CertificateTypeVersion, { certificateTypeCode: input.code, version: row.version, definition: { ...definition }, changedBy: p.clientId, changedAt: ctx.now });
    await em.flush();
    await recordChange(ctx, em, { action: 'certificate_type.publish', resourceTypes: [input.code], details: { version: row.version, fields: definition.fields.length } });
    return { ...definition, version: row.version };
  });
  await ctx.hub.announceCatalogChange();
  return entry;
}

/** Every published version of a certificate type, newest first (certificate types are public to every client, like the catalog). */
export async function certificateTypeVersions(ctx: RequestContext, code: string): Promise<Array<{ entry: CertificateTypeEntry; changedAt: Date; changedBy: string }>> {
  if (ctx.principal.kind !== 'CLIENT') throw new ForbiddenError('Certificate types are for department clients.');
  const rows = await ctx.em.find(CertificateTypeVersion, { certificateTypeCode: code }, { orderBy: { version: 'desc' } });
  if (rows.length === 0) throw new NotFoundError(`No certificate type ${code}.`);
  return rows.map((r) => ({ entry: { ...(r.definition as unknown as CertificateTypeDefinition), version: r.version }, changedAt: r.changedAt, changedBy: r.changedBy }));
}
