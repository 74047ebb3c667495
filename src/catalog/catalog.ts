// The catalog as one instance of the hub holds it: every resource type's and certificate type's current definition, by code.
import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateType } from '../../entities/CertificateType.js';
import { ResourceType } from '../../entities/ResourceType.js';
import { planEntryOf, type CertificateTypeEntry } from './certificateType.js';
import type { ResourceTypeDefinition } from './definition.js';

export interface CatalogEntry extends ResourceTypeDefinition {
  version: number;
}

export class Catalog {
  private readonly byCode: Map<string, CatalogEntry>;
  private readonly certificateTypesByCode: Map<string, { type: CertificateTypeEntry; planEntry: CatalogEntry }>;

  constructor(entries: CatalogEntry[], certificateTypes: CertificateTypeEntry[] = []) {
    this.byCode = new Map([...entries].sort((a, b) => a.code.localeCompare(b.code)).map((e) => [e.code, e]));
    this.certificateTypesByCode = new Map(
      [...certificateTypes].sort((a, b) => a.code.localeCompare(b.code)).map((t) => [t.code, { type: t, planEntry: planEntryOf(t) }]),
    );
  }

  /** A resource type. */
  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  /** Every resource type. */
  all(): CatalogEntry[] {
    return [...this.byCode.values()];
  }

  certificateType(code: string): CertificateTypeEntry | undefined {
    return this.certificateTypesByCode.get(code)?.type;
  }

  certificateTypes(): CertificateTypeEntry[] {
    return [...this.certificateTypesByCode.values()].map((t) => t.type);
  }

  /** What grants and the access plan decide on: a resource type, or a certificate type's holder and face fields. */
  plannable(code: string): CatalogEntry | undefined {
    return this.byCode.get(code) ?? this.certificateTypesByCode.get(code)?.planEntry;
  }
}

export function entryOf(row: ResourceType): CatalogEntry {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    providerCode: row.provider.code,
    subjectKind: row.subjectKind,
    description: row.description,
    fields: row.fields,
    version: row.version,
  };
}

export function certificateTypeEntryOf(row: CertificateType): CertificateTypeEntry {
  return {
    code: row.code,
    identifierCode: row.identifierCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    issuerCode: row.issuer.code,
    holderKind: row.holderKind,
    description: row.description,
    defaultValidityDays: row.defaultValidityDays ?? null,
    fields: row.fields,
    version: row.version,
  };
}

export async function loadCatalog(em: EntityManager): Promise<Catalog> {
  const fork = em.fork();
  const rows = await fork.find(ResourceType, {}, { orderBy: { code: 'asc' } });
  const certificateTypes = await fork.find(CertificateType, {}, { orderBy: { code: 'asc' } });
  return new Catalog(rows.map(entryOf), certificateTypes.map(certificateTypeEntryOf));
}
