// The catalog as one instance of the hub holds it: every resource type's current definition, by code.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ResourceType } from '../../entities/ResourceType.js';
import type { ResourceTypeDefinition } from './definition.js';

export interface CatalogEntry extends ResourceTypeDefinition {
  version: number;
}

export class Catalog {
  private readonly byCode: Map<string, CatalogEntry>;

  constructor(entries: CatalogEntry[]) {
    this.byCode = new Map([...entries].sort((a, b) => a.code.localeCompare(b.code)).map((e) => [e.code, e]));
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  all(): CatalogEntry[] {
    return [...this.byCode.values()];
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

export async function loadCatalog(em: EntityManager): Promise<Catalog> {
  const rows = await em.fork().find(ResourceType, {}, { orderBy: { code: 'asc' } });
  return new Catalog(rows.map(entryOf));
}
