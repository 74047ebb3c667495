// Query operations seen before, answered from their parsed and validated form without Apollo's request pipeline. Apollo
// parses and validates every operation the first time (all its rules and the hub's limits); what it resolved is kept
// per schema. A repeated query is then checked for cost, planned by the same access planner, executed by graphql-js on
// the same schema and resolvers, and audited durably by the same writer before its answer leaves. Anything but a clean
// answer (an error, a fallback to published data, grants found changed) is dropped unseen and unaudited, and the
// request goes through Apollo as before: only answers Apollo would give identically are given here.
import type { ApolloServerPlugin } from '@apollo/server';
import { execute, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { AuditOutcome } from '../../entities/AuditEvent.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import type { AuditWriter } from '../audit/writer.js';
import { AuditUnavailableError } from '../errors.js';
import type { RequestContext } from './context.js';
import { operationCost } from './limits/cost.js';
import type { AccessPlanner } from './plugins/accessPlan.js';
import { eventsOf, type RequestObserver } from './plugins/auditFlush.js';
import { preferredMediaType } from './plugins/requestErrorStatus.js';

/** Operations kept per schema (a swapped schema starts afresh); the oldest is dropped first. */
const MAX_PREPARED = 2_000;

interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** SHA-256 of the query text, as Apollo computes it (the audit event's operation hash). */
  queryHash: string;
  /**
   * The cost with no variable that sizes a list: variables count only when a number or a list (limits/cost.ts), so a
   * request whose variables are neither costs exactly this.
   */
  unsizedCost: number;
}

/** Whether any variable can size a list in the cost (a number or a list): else the operation's unsized cost holds. */
function hasSizingVariable(variables: Record<string, unknown>): boolean {
  for (const key in variables) {
    const v = variables[key];
    if (typeof v === 'number' || Array.isArray(v)) return true;
  }
  return false;
}

/** The answer to write: status, media type and body, as Apollo would have written them. */
export interface PreparedAnswer {
  status: number;
  headers: Record<string, string>;
  /** Encoded once: its length is the content-length, and the socket writes it as it is. */
  body: Buffer;
}

function encodeBody(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
}

export interface PreparedOperationsOptions {
  /** The schema requests are served on now (SchemaSource). */
  schema(): GraphQLSchema;
  maxCost: number;
  plan: AccessPlanner;
  writer: AuditWriter;
  hashSubject: SubjectHasher;
  observe?: RequestObserver;
}

/** A GraphQL POST body that is one query by text: nothing else is answered here. */
interface PlainBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function isPlainBody(body: unknown): body is PlainBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if (typeof b.query !== 'string') return false;
  if (Object.keys(b).some((k) => k !== 'query' && k !== 'operationName' && k !== 'variables')) return false;
  if (b.operationName !== undefined && b.operationName !== null && typeof b.operationName !== 'string') return false;
  return b.variables === undefined || b.variables === null || (typeof b.variables === 'object' && !Array.isArray(b.variables));
}

function keyOf(query: string, operationName: string | null | undefined): string {
  return `${operationName ?? ''}\n${query}`;
}

export class PreparedOperations {
  private readonly bySchema = new WeakMap<GraphQLSchema, Map<string, Prepared>>();

  constructor(private readonly options: PreparedOperationsOptions) {}

  /** Apollo plugin: remembers each query operation Apollo resolved, so parsed and validated with all its rules. */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operation, request, queryHash }) => {
          if (!operation || operation.operation !== 'query' || typeof request.query !== 'string' || !queryHash) return;
          const remembered = this.bySchema.get(schema) ?? new Map<string, Prepared>();
          this.bySchema.set(schema, remembered);
          const key = keyOf(request.query, request.operationName);
          if (remembered.has(key)) return;
          if (remembered.size >= MAX_PREPARED) remembered.delete(remembered.keys().next().value!);
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          remembered.set(key, { document, operation, fragments, queryHash, unsizedCost: operationCost(schema, operation, fragments, {}) });
        },
      }),
    };
  }

  /**
   * The answer to a POST of a query seen before, audited durably, or null: then nothing was sent or audited, and the
   * request goes through Apollo (with a fresh context; `ctx.grantState.isStale` says whether grants changed meanwhile).
   * The context is made only for a query seen before: a mutation or a new query costs a lookup here, nothing more.
   */
  async answer(contextOf: () => RequestContext, body: unknown, accept: string | undefined): Promise<{ answer: PreparedAnswer | null; ctx: RequestContext | null }> {
    if (!isPlainBody(body)) return { answer: null, ctx: null };
    const schema = this.options.schema();
    const prepared = this.bySchema.get(schema)?.get(keyOf(body.query, body.operationName));
    if (!prepared) return { answer: null, ctx: null };
    const mediaType = preferredMediaType(accept);
    if (!mediaType) return { answer: null, ctx: null };
    const ctx = contextOf();
    return { answer: await this.answerPrepared(ctx, schema, prepared, body, mediaType), ctx };
  }

  private async answerPrepared(ctx: RequestContext, schema: GraphQLSchema, prepared: Prepared, body: PlainBody, mediaType: string): Promise<PreparedAnswer | null> {
    const started = performance.now();
    const variables = body.variables ?? {};
    const { document, operation, fragments, queryHash } = prepared;
    const cost = hasSizingVariable(variables) ? operationCost(schema, operation, fragments, variables) : prepared.unsizedCost;
    if (cost > this.options.maxCost) return null;
    const operationName = operation.name?.value ?? null;
    try {
      await this.options.plan(ctx, { schema, document, operation, queryHash, operationName });
    } catch {
      return null;
    }
    const result = await execute({ schema, document, operationName: body.operationName ?? undefined, variableValues: variables, contextValue: ctx });
    if (result.errors?.length || ctx.fallbacks.size > 0 || ctx.grantState.isStale) return null;
    const events = eventsOf({ contextValue: ctx, operationType: 'query', operationName, requestOperationName: body.operationName, queryHash, result: { data: result.data } }, this.options.hashSubject);
    const seconds = () => (performance.now() - started) / 1000;
    try {
      await this.options.writer.write(events);
      ctx.audit.isWritten = true;
      this.options.observe?.(events[0]!, seconds());
      return { status: 200, headers: { 'content-type': mediaType }, body: encodeBody({ data: result.data }) };
    } catch {
      // As the audit plugin answers: no data leaves without its event.
      ctx.audit.isWritten = true;
      this.options.observe?.({ ...events[0]!, outcome: AuditOutcome.ERROR, errorCodes: ['AUDIT_UNAVAILABLE'] }, seconds());
      const error = new AuditUnavailableError();
      return {
        status: 503,
        headers: { 'content-type': mediaType, 'retry-after': '5' },
        body: encodeBody({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
      };
    }
  }
}
