// The batch of a live resource type's record loader: one `_entities` call for every subject of the request,
// only the fields the plan lets through; on failure the published copy (fallback) or SOURCE_UNAVAILABLE per record.
import type { CatalogEntry } from '../catalog/catalog.js';
import type { RequestContext } from '../server/context.js';
import type { StoredRow } from '../services/records.js';
import { SourceFailure, SourceUnavailableError, type FailureCategory } from './errors.js';
import type { EntitiesAnswer, LiveSourceClient } from './source.js';

/** Live records carry no hub version: the provider's system is the record of truth at the moment of reading. */
export const LIVE_RECORD_VERSION = 0;

/** What the audit event says about one call to a live source. */
export interface LiveSourceNote {
  resourceType: string;
  /** The department whose service answered (the type's provider, at one of its own origins). */
  providerCode: string;
  /** The source by its registration: URL and registration version. */
  source: string;
  sourceVersion: number;
  /** The fields requested from the source (only those the access plan let through). */
  fields: string[];
  subjects: number;
  ms: number | null;
  outcome: 'SERVED' | 'FALLBACK' | 'UNAVAILABLE';
  /** Why the call (or some of its records) failed. */
  failure?: FailureCategory;
  /** Records that failed alone while the call succeeded. */
  failedRecords?: number;
}

export interface LiveBatch {
  ctx: RequestContext;
  entry: CatalogEntry;
  source: LiveSourceClient;
  /** fieldsToFetch(plan): the only fields the source is asked for. */
  fields: readonly string[];
  ids: readonly string[];
  /** The published records of `ids` (the fallback). */
  published(ids: readonly string[]): Promise<Array<StoredRow | null>>;
}

function noteSource(ctx: RequestContext, note: LiveSourceNote): void {
  const earlier = (ctx.audit.details.liveSources as LiveSourceNote[] | undefined) ?? [];
  ctx.audit.noteRead({ resourceType: note.resourceType, subjectHashes: [], details: { liveSources: [...earlier, note] } });
}

export async function readLiveRows(batch: LiveBatch): Promise<Array<StoredRow | null | Error>> {
  const { ctx, entry, source, ids } = batch;
  const fields = entry.fields.filter((f) => batch.fields.includes(f.name));
  const base = { resourceType: entry.code, providerCode: source.settings.providerCode, source: source.settings.url, sourceVersion: source.settings.version, fields: fields.map((f) => f.name), subjects: ids.length };
  const isFallback = source.settings.isFallbackToPublished;
  const unavailable = () => new SourceUnavailableError(entry.code, entry.providerCode);
  let answer: EntitiesAnswer;
  try {
    answer = await source.fetchEntities(ids, fields);
  } catch (error) {
    const failure = error instanceof SourceFailure ? error.category : 'UNREACHABLE';
    noteSource(ctx, { ...base, ms: null, outcome: isFallback ? 'FALLBACK' : 'UNAVAILABLE', failure });
    if (!isFallback) return ids.map(unavailable);
    ctx.fallbacks.add(entry.code);
    return batch.published(ids);
  }
  const rows: Array<StoredRow | null | Error> = answer.answers.map((a, i) =>
    a instanceof SourceFailure ? unavailable() : a === null ? null : { subject_id: ids[i]!, version: LIVE_RECORD_VERSION, changed_at: ctx.now, data: a },
  );
  const failed = answer.answers.flatMap((a, i) => (a instanceof SourceFailure ? [{ i, category: a.category }] : []));
  noteSource(ctx, { ...base, ms: answer.ms, outcome: failed.length && isFallback ? 'FALLBACK' : 'SERVED', ...(failed.length ? { failure: failed[0]!.category, failedRecords: failed.length } : {}) });
  if (failed.length && isFallback) {
    ctx.fallbacks.add(entry.code);
    const published = await batch.published(failed.map((f) => ids[f.i]!));
    failed.forEach((f, k) => (rows[f.i] = published[k] ?? null));
  }
  return rows;
}
