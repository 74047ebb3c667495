// The federation subgraph protocol as the hub speaks it: `_service { sdl }` and one batched `_entities` POST,
// with a deadline and a bounded answer; every failure becomes a SourceFailure with a short category.
import http from 'node:http';
import https from 'node:https';
import { SourceFailure } from './errors.js';

/** A source's answer may not exceed this (1,000 records of a wide type fit many times over). */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ path?: ReadonlyArray<string | number> }>;
}

export interface SubgraphRequest {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `authorization: Bearer ...` when given. */
  bearer: string | null;
  /** Ends the call at the source's deadline. */
  signal: AbortSignal;
}

export const SERVICE_SDL_QUERY = 'query SharehubServiceSdl { _service { sdl } }';

/** The `_entities` query selecting only `fields` (and the key, to check each answer is about the subject asked). */
export function entitiesQuery(entityTypeName: string, keyField: string, fields: readonly string[]): string {
  const selection = [keyField, ...fields.filter((f) => f !== keyField)].join(' ');
  return `query SharehubEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${entityTypeName} { ${selection} } } }`;
}

function failureOf(error: unknown, signal: AbortSignal): SourceFailure {
  if (error instanceof SourceFailure) return error;
  const name = (error as { name?: string } | null)?.name;
  if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') return new SourceFailure('TIMEOUT');
  return new SourceFailure('UNREACHABLE');
}

/**
 * One POST over node:http(s) with the default keep-alive agent (cheaper per call than fetch, which matters at one
 * call per request), no redirects followed, the answer bounded. Resolves with the body of a 2xx answer.
 */
function exchange(request: SubgraphRequest, headers: Record<string, string>, body: string): Promise<string> {
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: request.signal }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.resume();
        reject(new SourceFailure(`HTTP_${status}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          reject(new SourceFailure('INVALID_RESPONSE'));
          req.destroy();
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
      // Ended without its end (connection dropped or aborted mid-answer): failureOf tells which.
      res.on('close', () => {
        if (!res.complete) reject(new Error('the answer was cut off'));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One GraphQL POST. Resolves with the parsed answer (which may still carry GraphQL errors); rejects with a SourceFailure. */
export async function postGraphQL(request: SubgraphRequest): Promise<GraphQLAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  let text: string;
  try {
    text = await exchange(request, headers, JSON.stringify({ query: request.query, variables: request.variables ?? {} }));
  } catch (error) {
    throw failureOf(error, request.signal);
  }
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new SourceFailure('INVALID_RESPONSE');
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new SourceFailure('INVALID_RESPONSE');
  const { data, errors } = answer as { data?: unknown; errors?: unknown };
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) throw new SourceFailure('INVALID_RESPONSE');
  if (errors !== undefined && !Array.isArray(errors)) throw new SourceFailure('INVALID_RESPONSE');
  return answer as GraphQLAnswer;
}

/** The source's SDL, from `_service { sdl }`. */
export async function fetchServiceSdl(url: string, bearer: string | null, signal: AbortSignal): Promise<string> {
  const answer = await postGraphQL({ url, query: SERVICE_SDL_QUERY, bearer, signal });
  const sdl = (answer.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl === 'string') return sdl;
  throw new SourceFailure(answer.errors?.length ? 'GRAPHQL_ERRORS' : 'INVALID_RESPONSE');
}
