// Recognizes the database's answers that mean "too slow" or "too busy" (not a fault of the hub's code), whichever
// layer (pg, pg-pool, Kysely, MikroORM) wrapped them.
export type DatabaseFailure = 'STATEMENT_TIMEOUT' | 'DATABASE_BUSY';

/** SQLSTATE query_canceled: PostgreSQL cancelled the statement (its message says why). */
const QUERY_CANCELED = '57014';

function failureOfOne(error: { code?: unknown; sqlState?: unknown; message?: unknown }): DatabaseFailure | null {
  const message = typeof error.message === 'string' ? error.message : '';
  const state = error.code ?? error.sqlState;
  if (state === QUERY_CANCELED && /statement timeout/.test(message)) return 'STATEMENT_TIMEOUT';
  // pg-pool: no pooled connection became free within connectionTimeoutMillis, or a new one could not connect in time.
  if (/^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/.test(message)) return 'DATABASE_BUSY';
  return null;
}

export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  let e: unknown = error;
  for (let depth = 0; depth < 6 && e && typeof e === 'object'; depth += 1) {
    const found = failureOfOne(e as Record<string, unknown>);
    if (found) return found;
    e = (e as { cause?: unknown; originalError?: unknown }).cause ?? (e as { originalError?: unknown }).originalError;
  }
  return null;
}
