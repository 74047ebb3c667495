// Apollo plugin: GraphQL over HTTP to the letter. A request error (parse, validation, variable coercion, unknown
// operation) is 4xx under `application/graphql-response+json`, but 200 with `errors` under `application/json`, which
// the spec asks of every well-formed request. The hub's own refusals (limits, purpose) keep their status under both.
import type { ApolloServerPlugin } from '@apollo/server';

/** Codes of the errors graphql-js and Apollo raise for the request itself, before anything executes. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

export const APPLICATION_JSON = 'application/json; charset=utf-8' as const;
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8' as const;

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  /** Position in the Accept header: the earlier wins a tie. */
  order: number;
}

function mediaRangesOf(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/**
 * The response media type an Accept header prefers among the two GraphQL JSON types, as Apollo negotiates it:
 * highest q, then the most specific matching range, then the earlier range, then application/json. Null: neither.
 */
type GraphQLMediaType = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

export function preferredMediaType(accept: string | undefined): GraphQLMediaType | null {
  if (!accept) return APPLICATION_JSON;
  const ranges = mediaRangesOf(accept);
  const candidates = [
    { mediaType: APPLICATION_JSON as GraphQLMediaType, subtype: 'json' },
    { mediaType: GRAPHQL_RESPONSE_JSON, subtype: 'graphql-response+json' },
  ].flatMap((candidate, index) => {
    const matches = ranges
      .map((r) => ({ r, specificity: r.type === 'application' ? (r.subtype === candidate.subtype ? 2 : r.subtype === '*' ? 1 : -1) : r.type === '*' && r.subtype === '*' ? 0 : -1 }))
      .filter((m) => m.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity || a.r.order - b.r.order);
    const best = matches[0];
    return best && best.r.q > 0 ? [{ mediaType: candidate.mediaType, q: best.r.q, specificity: best.specificity, order: best.r.order, index }] : [];
  });
  candidates.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order || a.index - b.index);
  return candidates[0]?.mediaType ?? null;
}

export function requestErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code ?? '')))) return;
          if (preferredMediaType(request.http?.headers.get('accept')) !== APPLICATION_JSON) return;
          response.http.status = 200;
          // Said explicitly, so the media type and the status always agree.
          response.http.headers.set('content-type', APPLICATION_JSON);
        },
      };
    },
  };
}
