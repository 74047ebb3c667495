// Apollo plugin: the one decision point. Before execution it walks the operation, loads the principal's
// grants once, and decides ALLOW / MASK / DENY for every catalog field the operation selects (record fields, and
// certificates' holder and face fields).
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { PurposeRequiredError } from '../../authz/errors.js';
import { planResource, type AccessPlan, type ResourcePlan } from '../../authz/plan.js';
import { selectCatalogFields, type CatalogSelection } from '../../authz/selection.js';
import { requestGrantsByType } from '../../services/grants.js';
import type { CachedGrants } from '../../services/grantCache.js';
import type { RequestContext } from '../context.js';

/** The purpose a holder's read of their own data is planned under when the holder states none. */
export const HOLDER_OWN_DATA = 'holder:own-data';

/** Operations whose selection walk is remembered per schema (a hot swap starts afresh): enough for every client's. */
const MAX_REMEMBERED = 2_000;

/**
 * What an operation selects depends only on its text and the schema, never on who sends it: each operation (a
 * trusted document, or any repeated query) is walked once per schema. The grants are still read per request.
 */
function selectionMemo() {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, CatalogSelection>>();
  return (schema: GraphQLSchema, key: string | undefined, document: DocumentNode, operation: OperationDefinitionNode): CatalogSelection => {
    const remembered = bySchema.get(schema) ?? new Map<string, CatalogSelection>();
    bySchema.set(schema, remembered);
    const hit = key === undefined ? undefined : remembered.get(key);
    if (hit) return hit;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const selection = selectCatalogFields(schema, operation, fragments);
    if (key !== undefined) {
      if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, selection);
    }
    return selection;
  };
}

/** A resource type read from its published records (not a certificate type, not served by a live source). */
function isPublishedResourceType(ctx: RequestContext, code: string): boolean {
  return ctx.hub.catalog.get(code) !== undefined && ctx.hub.catalog.certificateType(code) === undefined && ctx.hub.liveSources.sourceOf(code) === undefined;
}

/** What the plan is made from: the operation as resolved against the schema it runs on. */
export interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** SHA-256 of the operation's text: the key of its remembered selection walk. */
  queryHash: string | undefined;
  operationName: string | null | undefined;
}

/** Decides the access plan of an operation into `ctx.plan`; shared by the plugin and the prepared operations path. */
export type AccessPlanner = (ctx: RequestContext, resolved: ResolvedOperation) => Promise<void>;

/** A plan made from grants in memory, kept while the same grants hold (same entries, `now` within their validity span). */
interface KeptPlan {
  catalog: RequestContext['hub']['catalog'];
  sources: readonly object[];
  validFrom: number;
  validUntil: number;
  plan: AccessPlan;
}

/**
 * Plans made from grants in memory, per schema and (operation, department, client, purpose): a repeated read is not
 * planned again while its grants are the same objects in memory. Its statement still checks their fingerprint.
 */
function keptPlans() {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, KeptPlan>>();
  return {
    get(schema: GraphQLSchema, key: string, catalog: KeptPlan['catalog'], cached: CachedGrants, at: number): AccessPlan | undefined {
      const kept = bySchema.get(schema)?.get(key);
      if (!kept || kept.catalog !== catalog || at < kept.validFrom || at >= kept.validUntil || kept.sources.length !== cached.sources.length) return undefined;
      for (let i = 0; i < kept.sources.length; i += 1) if (kept.sources[i] !== cached.sources[i]) return undefined;
      return kept.plan;
    },
    set(schema: GraphQLSchema, key: string, catalog: KeptPlan['catalog'], cached: CachedGrants, plan: AccessPlan): void {
      const remembered = bySchema.get(schema) ?? new Map<string, KeptPlan>();
      bySchema.set(schema, remembered);
      if (!remembered.has(key) && remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, { catalog, sources: cached.sources, validFrom: cached.validFrom, validUntil: cached.validUntil, plan });
    },
  };
}

export function accessPlanner(): AccessPlanner {
  const selectionOf = selectionMemo();
  const kept = keptPlans();
  return async (ctx, { document, operation, schema, queryHash, operationName }) => {
    const operationKey = queryHash ? `${queryHash}\n${operationName ?? ''}` : undefined;
    const selection = selectionOf(schema, operationKey, document, operation);
    if (selection.reads.size === 0 && !selection.readsCertificates) return;
    const { principal } = ctx;
    // A holder reads only their own data (src/authz/certificatePlan.ts); a department states why it reads.
    const purpose = ctx.purpose ?? (principal.kind === 'HOLDER' ? HOLDER_OWN_DATA : null);
    if (!purpose) throw new PurposeRequiredError();
    const departmentCode = principal.kind === 'CLIENT' ? principal.department.code : null;
    const clientId = principal.kind === 'CLIENT' ? principal.clientId : null;
    const certificateTypes = selection.readsCertificates ? ctx.hub.catalog.certificateTypes().map((t) => t.code) : [];
    const codes = [...new Set([...selection.reads, ...certificateTypes])].filter((c) => ctx.hub.catalog.plannable(c));
    // A query reading published records only is planned on the grants in memory: each of its reads checks them in
    // its own statement (src/services/records.ts). Anything else reads the grants now.
    const cached =
      departmentCode !== null && operation.operation === 'query' && !ctx.isGrantCacheBypassed && !selection.readsCertificates && codes.every((c) => isPublishedResourceType(ctx, c))
        ? await ctx.hub.grantCache.grantsFor(() => ctx.em, departmentCode, codes, ctx.now)
        : null;
    // Plans are plain data never changed once made: one made from the same grants in memory serves again.
    const keptKey = cached && operationKey !== undefined ? `${operationKey}\n${departmentCode}\n${clientId ?? ''}\n${purpose}` : undefined;
    const keptPlan = keptKey === undefined ? undefined : kept.get(schema, keptKey, ctx.hub.catalog, cached!, ctx.now.getTime());
    if (keptPlan) {
      ctx.plan = keptPlan;
      return;
    }
    const grants = cached ? cached.byType : await requestGrantsByType(ctx, departmentCode, codes);
    const resources = new Map<string, ResourcePlan>();
    const wholeCertificates = new Set(selection.readsWholeCertificate ? certificateTypes : []);
    for (const code of codes) {
      const entry = ctx.hub.catalog.plannable(code)!;
      // A signed document carries every field of its type: the plan and the audit count them all as selected.
      const selected = wholeCertificates.has(code) ? new Set(entry.fields.map((f) => f.name)) : (selection.fields.get(code) ?? new Set<string>());
      resources.set(code, planResource({ departmentCode, clientId, purpose, entry, selected, grants: grants.get(code) ?? [] }));
    }
    const plan: AccessPlan = cached ? { purpose, resources, grantFingerprints: cached.fingerprints } : { purpose, resources };
    if (keptKey !== undefined) kept.set(schema, keptKey, ctx.hub.catalog, cached!, plan);
    ctx.plan = plan;
  };
}

export function accessPlanPlugin(plan: AccessPlanner = accessPlanner()): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, queryHash, operationName, contextValue: ctx }) {
          if (!operation) return;
          await plan(ctx, { document, operation, schema, queryHash, operationName });
        },
      };
    },
  };
}
