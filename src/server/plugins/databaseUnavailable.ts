// Apollo plugin: an operation that produced nothing because the database was too slow (STATEMENT_TIMEOUT) or too busy
// (DATABASE_BUSY) is answered like AUDIT_UNAVAILABLE: errors only, 504 or 503 with Retry-After, never a hang or a 200
// that looks like "no record". A response with any data keeps 200 and its errors (part of a mutation may have run).
import type { ApolloServerPlugin } from '@apollo/server';

const STATUS: Record<string, number> = { DATABASE_BUSY: 503, STATEMENT_TIMEOUT: 504 };
/** Seconds a caller should wait before trying again after DATABASE_BUSY. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

function hasNoData(data: Record<string, unknown> | null | undefined): boolean {
  return data === null || data === undefined || Object.values(data).every((v) => v === null);
}

export function databaseUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? ''));
          const code = codes.find((c) => c in STATUS);
          if (!code || !hasNoData(data)) return;
          response.body = { kind: 'single', singleResult: { errors: errors! } };
          response.http.status = STATUS[code]!;
          if (code === 'DATABASE_BUSY') response.http.headers.set('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
