// What changed between two versions of a catalog entry: fields added, removed and changed, and the entry's own texts.
export interface DiffField {
  name: string;
  nameZh: string;
  type: string;
  sharing: string;
  required: boolean;
  description: string;
  enumValues?: readonly string[] | null;
}

export interface DiffEntry {
  nameZh: string;
  nameEn: string;
  description: string;
  /** Certificate types only: the validity given when the issuer names no end. */
  defaultValidityDays?: number | null;
  fields: readonly DiffField[];
}

export interface FieldChange {
  name: string;
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  /** For CHANGED: each property that differs, with both values. */
  changes: Array<{ property: string; before: string; after: string }>;
}

const PROPERTIES = ['nameZh', 'type', 'sharing', 'required', 'description', 'enumValues'] as const;

const shown = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));

export function diffVersions(before: DiffEntry, after: DiffEntry): { entry: FieldChange['changes']; fields: FieldChange[] } {
  const entry = (['nameZh', 'nameEn', 'description', 'defaultValidityDays'] as const)
    .filter((p) => shown(before[p]) !== shown(after[p]))
    .map((p) => ({ property: p, before: shown(before[p]), after: shown(after[p]) }));
  const beforeByName = new Map(before.fields.map((f) => [f.name, f]));
  const afterByName = new Map(after.fields.map((f) => [f.name, f]));
  const fields: FieldChange[] = [];
  for (const f of before.fields) if (!afterByName.has(f.name)) fields.push({ name: f.name, kind: 'REMOVED', changes: [] });
  for (const f of after.fields) {
    const old = beforeByName.get(f.name);
    if (!old) {
      fields.push({ name: f.name, kind: 'ADDED', changes: [] });
      continue;
    }
    const changes = PROPERTIES.filter((p) => shown(old[p]) !== shown(f[p])).map((p) => ({ property: p, before: shown(old[p]), after: shown(f[p]) }));
    if (changes.length) fields.push({ name: f.name, kind: 'CHANGED', changes });
  }
  return { entry, fields };
}
