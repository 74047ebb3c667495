// The suite's GraphQL-over-HTTP client. It checks every response it sees: each path named by a
// FIELD_FORBIDDEN error must be null in the data (no denied value may leak beside its error).
import { expect } from 'vitest';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> & { code?: string } }>;
}

function valueAt(data: unknown, path: Array<string | number>): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || v === undefined) return v;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Asserts the suite-wide invariant on one response. */
export function checkForbiddenPathsAreNull(body: GraphQLResponse<unknown>): void {
  for (const error of body.errors ?? []) {
    if (error.extensions?.code === 'FIELD_FORBIDDEN' && error.path) {
      expect(valueAt(body.data, error.path), `FIELD_FORBIDDEN path ${error.path.join('.')} must be null`).toBeNull();
    }
  }
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly headers: Record<string, string> = {},
  ) {}

  with(headers: Record<string, string>): GraphQLClient {
    return new GraphQLClient(this.url, { ...this.headers, ...headers });
  }

  async query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.headers },
      body: JSON.stringify({ query, variables, operationName }),
    });
    const text = await res.text();
    let body: GraphQLResponse<T>;
    try {
      body = { ...(JSON.parse(text) as object), status: res.status, headers: res.headers } as GraphQLResponse<T>;
    } catch {
      throw new Error(`response is not JSON (status ${res.status}): ${text.slice(0, 200)}`);
    }
    checkForbiddenPathsAreNull(body);
    return body;
  }
}
