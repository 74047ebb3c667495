// The consumers' ACTIVE grants in memory, per (department, resource type), each with the fingerprint of the rows it
// was loaded from. The fingerprint travels in the very statement that reads the records (src/services/records.ts), so a
// read planned on grants that changed since (revoked, suspended, narrowed, on any instance) fetches nothing and the
// request is planned again on grants read afresh: no stale grant is ever served, and no NOTIFY needs to arrive first.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicableGrant } from '../authz/plan.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';

/**
 * The fingerprint of a department's ACTIVE grants on one resource type: every column the access plan reads, in id
 * order. Any change a plan could notice (a grant revoked, suspended, added, its rules, purposes, client, scope or
 * validity changed) changes it. `g` is the access_grant alias; used as an aggregate over those rows.
 */
export const GRANT_FINGERPRINT_SQL = `md5(COALESCE(string_agg(concat_ws('|', g.id, g.version, g.client_id, g.purposes::text, g.rules::text,
  g.row_scope::text, extract(epoch FROM g.valid_from), extract(epoch FROM g.valid_until)), ',' ORDER BY g.id), ''))`;

/** The fingerprint of (consumer, resource type)'s ACTIVE grants, as a scalar subquery; `consumer` and `type` are placeholders (`$1`). */
export function grantFingerprintOf(consumer: string, type: string): string {
  return `(SELECT ${GRANT_FINGERPRINT_SQL} FROM access_grant g WHERE g.consumer_code = ${consumer} AND g.resource_type_code = ${type} AND g.status = 'ACTIVE')`;
}

/** Entries kept at most (departments × resource types); the oldest is dropped first. */
const MAX_ENTRIES = 10_000;

interface CachedGrant extends ApplicableGrant {
  validFrom: number;
  validUntil: number;
}

interface Entry {
  grants: CachedGrant[];
  fingerprint: string;
}

interface Row {
  code: string;
  fingerprint: string;
  id: string | null;
  version: number;
  client_id: string | null;
  purposes: string[];
  rules: ApplicableGrant['rules'];
  row_scope: ApplicableGrant['rowScope'];
  valid_from: Date;
  valid_until: Date;
}

/** Each type's ACTIVE grants of the consumer, with each type's fingerprint, in one statement. */
const LOAD_SQL = `SELECT t.code, fp.fingerprint, g.id, g.version, g.client_id, g.purposes, g.rules, g.row_scope, g.valid_from, g.valid_until
FROM unnest(${TEXT_ARRAY}) AS t(code)
CROSS JOIN LATERAL (SELECT ${GRANT_FINGERPRINT_SQL} AS fingerprint FROM access_grant g WHERE g.consumer_code = ? AND g.resource_type_code = t.code AND g.status = 'ACTIVE') fp
LEFT JOIN access_grant g ON g.consumer_code = ? AND g.resource_type_code = t.code AND g.status = 'ACTIVE'
ORDER BY t.code, g.id`;

/** What the plan is made from: the grants valid at `now` by type, and the fingerprint each type's read must match. */
export interface CachedGrants {
  byType: Map<string, ApplicableGrant[]>;
  fingerprints: Map<string, string>;
  /**
   * The entries these came from, in the order of `types`: the same objects until one is forgotten or read again, so a
   * plan made from them can be kept while they are (src/server/plugins/accessPlan.ts).
   */
  sources: readonly object[];
  /** The span around `now` (epoch ms, from inclusive, until exclusive) in which exactly these grants are valid. */
  validFrom: number;
  validUntil: number;
}

/**
 * A read found that the grants its plan was made from have changed: nothing was fetched, and the request is planned
 * and executed again on grants read afresh (src/server/http.ts). Never reaches a caller.
 */
export class StaleGrantsError extends Error {
  constructor(readonly resourceType: string) {
    super(`the grants on ${resourceType} changed since the plan was made`);
  }
}

export class GrantCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  /**
   * The consumer's grants on `types` valid at `now`: from memory, or read (one statement for every type missing).
   * `emOf` is asked only when something must be read: a request's EntityManager fork is made on first use.
   */
  async grantsFor(emOf: () => EntityManager, consumerCode: string, types: readonly string[], now: Date): Promise<CachedGrants> {
    const missing = types.filter((t) => !this.entries.has(keyOf(consumerCode, t)));
    if (missing.length) this.load(emOf(), consumerCode, missing);
    const at = now.getTime();
    const entries = await Promise.all(types.map((type) => this.entries.get(keyOf(consumerCode, type))!));
    const out: CachedGrants = { byType: new Map(), fingerprints: new Map(), sources: entries, validFrom: -Infinity, validUntil: Infinity };
    types.forEach((type, i) => {
      const entry = entries[i]!;
      // Validity is decided here, at the request's `now`: a grant that starts or ends later needs no reload.
      out.byType.set(type, entry.grants.filter((g) => g.validFrom <= at && at < g.validUntil));
      out.fingerprints.set(type, entry.fingerprint);
      for (const g of entry.grants) {
        for (const edge of [g.validFrom, g.validUntil]) {
          if (edge <= at) out.validFrom = Math.max(out.validFrom, edge);
          else out.validUntil = Math.min(out.validUntil, edge);
        }
      }
    });
    return out;
  }

  /** Named invalidation: the read found the consumer's grants on `type` changed; the next plan reads them afresh. */
  forget(consumerCode: string, type: string): void {
    this.entries.delete(keyOf(consumerCode, type));
  }

  private load(em: EntityManager, consumerCode: string, types: string[]): void {
    const loaded = em
      .fork()
      .execute<Row[]>(LOAD_SQL, [textArray(types), consumerCode, consumerCode])
      .then((rows) => {
        const byType = new Map<string, Entry>();
        for (const r of rows) {
          const entry = byType.get(r.code) ?? { grants: [], fingerprint: r.fingerprint };
          byType.set(r.code, entry);
          if (r.id === null) continue;
          entry.grants.push({
            id: r.id,
            version: r.version,
            clientId: r.client_id,
            purposes: r.purposes,
            rules: r.rules,
            rowScope: r.row_scope,
            validFrom: new Date(r.valid_from).getTime(),
            validUntil: new Date(r.valid_until).getTime(),
          });
        }
        return byType;
      });
    for (const type of types) {
      const key = keyOf(consumerCode, type);
      const entry = loaded.then((byType) => byType.get(type) ?? { grants: [], fingerprint: '' });
      // A failed read (database down) is not remembered.
      entry.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
  }
}

function keyOf(consumerCode: string, type: string): string {
  return `${consumerCode}\n${type}`;
}
