// A tiny typed client for sharehub: sends a registered (trusted) document by its hash, never the operation text.
// The result and variable types come from the generated document, so `execute(HouseholdRecords, { subjectIds })`
// is checked against the hub's schema at compile time.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** One GraphQL error as the hub answers it: every error has `extensions.code` (docs/integration.md). */
export interface HubError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface HubResult<TData> {
  /** Null when the request was refused as a whole (see `errors`). */
  data: TData | null;
  errors: HubError[];
  /** The hub's request id (ours, when we sent one): quote it to the hub's operator. */
  requestId: string | null;
  status: number;
  /** `extensions.sharehub.fallbacks`: resource types served from the provider's published copy (its live source was down). */
  fallbacks: string[];
}

/** The request was refused as a whole (no data): unauthenticated, no purpose, unregistered document, … */
export class HubRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: HubError[],
    readonly requestId: string | null,
  ) {
    super(`sharehub refused the request (HTTP ${status}, request ${requestId ?? '?'}): ${errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ')}`);
    this.name = 'HubRequestError';
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? 'UNKNOWN');
  }
}

export interface ReadContext {
  /** Why we read: a service item code or a legal basis (`x-sharehub-purpose`). Required for reads of shared data. */
  purpose?: string;
  /** The case the read belongs to (`x-sharehub-case`), written in the audit event. */
  caseNumber?: string;
  requestId?: string;
}

export interface HubClientOptions extends ReadContext {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** A bearer token, or a function that returns a fresh one (client-credentials grant at your identity provider). */
  token: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
}

interface PersistedMeta {
  hash?: string;
  operationName?: string;
}

/** The `sha256:<hex>` id GraphQL Code Generator put on a document (`persistedDocuments` on in codegen.ts). */
export function documentIdOf(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: PersistedMeta }).__meta__?.hash;
  if (!hash) throw new Error('the document carries no hash: generate it with presetConfig.persistedDocuments on');
  return hash.startsWith('sha256:') ? hash : `sha256:${hash}`;
}

export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  /** A client for another purpose or case, with the same endpoint and token. */
  with(context: ReadContext): HubClient {
    return new HubClient({ ...this.options, ...context });
  }

  /**
   * Runs a registered document. Field-level errors (FIELD_FORBIDDEN, SOURCE_UNAVAILABLE, …) come back beside the
   * data for the caller to handle; a request refused as a whole throws HubRequestError.
   */
  async execute<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<HubResult<TData>> {
    const { url, token, purpose, caseNumber, requestId } = this.options;
    const meta = (document as { __meta__?: PersistedMeta }).__meta__;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${typeof token === 'function' ? await token() : token}`,
    };
    if (purpose) headers['x-sharehub-purpose'] = purpose;
    if (caseNumber) headers['x-sharehub-case'] = caseNumber;
    if (requestId) headers['x-request-id'] = requestId;
    const res = await (this.options.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ documentId: documentIdOf(document as TypedDocumentNode<unknown, never>), operationName: meta?.operationName, variables }),
    });
    const answeredId = res.headers.get('x-request-id');
    const text = await res.text();
    let body: { data?: TData | null; errors?: HubError[]; extensions?: { sharehub?: { fallbacks?: string[] } } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new HubRequestError(res.status, [{ message: `not a GraphQL response: ${text.slice(0, 200)}` }], answeredId);
    }
    const errors = body.errors ?? [];
    if (body.data === undefined || body.data === null) throw new HubRequestError(res.status, errors, answeredId);
    return { data: body.data, errors, requestId: answeredId, status: res.status, fallbacks: body.extensions?.sharehub?.fallbacks ?? [] };
  }
}
