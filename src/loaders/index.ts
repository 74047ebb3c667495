// DataLoaders, one per (entity, key), created fresh for every request.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Department } from '../../entities/Department.js';

export interface Loaders {
  departmentByCode: DataLoader<string, Department | null>;
  /** Loaders whose key space is open (one per resource type), created by their service on first use. */
  custom: Map<string, DataLoader<string, unknown>>;
}

/** Loads many by key in one query and answers in the order asked (null where missing). */
export function keyedLoader<T, K extends string>(load: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** `emOf` gives the request's EntityManager fork, made on first use: only a loader that reads through the ORM asks. */
export function createLoaders(emOf: () => EntityManager): Loaders {
  let departmentByCode: Loaders['departmentByCode'] | undefined;
  return {
    get departmentByCode() {
      return (departmentByCode ??= keyedLoader(
        (codes) => emOf().find(Department, { code: { $in: [...codes] } }),
        (d) => d.code,
      ));
    },
    custom: new Map(),
  };
}
