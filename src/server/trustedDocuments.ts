// Trusted documents at the HTTP edge: `{"documentId": "sha256:…", "variables": …}` becomes the registered operation
// text of the calling client; per client, OFF (text only), ALLOW (both) or REQUIRE (registered documents only).
import { DocumentMode } from '../../entities/TrustedDocument.js';
import type { Principal } from '../auth/principal.js';
import { normalizeDocumentId } from '../documents/manifest.js';
import type { TrustedDocumentStore } from '../documents/store.js';
import { EdgeRefusal } from './edgeRefusal.js';

export interface DocumentPolicy {
  store: TrustedDocumentStore;
  /** For clients without a mode of their own, and for holders. */
  defaultMode: DocumentMode;
}

function modeOf(principal: Principal, policy: DocumentPolicy): DocumentMode {
  return (principal.kind === 'CLIENT' ? principal.documentMode : null) ?? policy.defaultMode;
}

function sendsText(body: unknown, search: string): boolean {
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  return (typeof body === 'object' && body !== null && isText((body as Record<string, unknown>).query)) || new URLSearchParams(search).has('query');
}

/** The request body as Apollo should see it: the registered text in place of its id, or a refusal. */
export async function resolveTrustedDocument(input: { body: unknown; search: string; principal: Principal; policy: DocumentPolicy }): Promise<unknown> {
  const { body, principal, policy } = input;
  const mode = modeOf(principal, policy);
  const given = typeof body === 'object' && body !== null && 'documentId' in body ? (body as Record<string, unknown>) : null;
  if (!given) {
    if (mode === DocumentMode.REQUIRE && sendsText(body, input.search)) {
      throw new EdgeRefusal(400, 'TRUSTED_DOCUMENT_REQUIRED', 'This client sends registered documents only: send {"documentId": "sha256:…"} (register operations with sharehub documents add).');
    }
    return body;
  }
  if (mode === DocumentMode.OFF) throw new EdgeRefusal(400, 'TRUSTED_DOCUMENTS_OFF', 'Trusted documents are off for this client: send the operation as query text.');
  if (given.query !== undefined) throw new EdgeRefusal(400, 'BAD_REQUEST', 'Send either query or documentId, not both.');
  const documentId = normalizeDocumentId(given.documentId);
  if (!documentId) throw new EdgeRefusal(400, 'BAD_REQUEST', 'documentId must be sha256: followed by 64 hexadecimal digits.');
  // A document another client registered is not found for this one: each client trusts only its own.
  const text = principal.kind === 'CLIENT' ? await policy.store.lookup(principal.clientId, documentId) : null;
  if (text === null) throw new EdgeRefusal(400, 'DOCUMENT_NOT_FOUND', `No document ${documentId} is registered for this client.`);
  const { documentId: _id, ...rest } = given;
  return { ...rest, query: text };
}
