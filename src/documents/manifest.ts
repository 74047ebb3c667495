// Trusted documents' identity and the manifest a client registers: GraphQL Code Generator's persisted-documents JSON,
// `{ "<sha256 hex>": "<operation text>" }`. Pure functions: every entry is checked (hash, syntax) before any is stored.
import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';

const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;
/** The longest operation text registered: far above any real operation, far below a request body. */
export const MAX_DOCUMENT_CHARS = 100_000;

/** `sha256:` and the hex SHA-256 of the text (UTF-8), as requests name a document. */
export function documentIdOf(body: string): string {
  return `sha256:${createHash('sha256').update(body, 'utf8').digest('hex')}`;
}

/** A document id as sent (`sha256:<hex>` or the bare hex the client preset writes), normalized; null when malformed. */
export function normalizeDocumentId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = DOCUMENT_ID.exec(raw.trim().toLowerCase());
  return m ? `sha256:${m[1]}` : null;
}

export interface ManifestDocument {
  documentId: string;
  body: string;
  operationNames: string[];
}

export class ManifestError extends Error {}

/** Parses a manifest; a wrong hash, an unparsable document or an anonymous-only entry is refused, naming its key. */
export function parseManifest(json: string): ManifestDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ManifestError('the manifest is not JSON: expected { "<sha256>": "<operation>", ... } as GraphQL Code Generator writes it');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ManifestError('the manifest must be a JSON object of { "<sha256>": "<operation>" }');
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) throw new ManifestError('the manifest holds no documents');
  return entries.map(([key, body]) => {
    const documentId = normalizeDocumentId(key);
    if (!documentId) throw new ManifestError(`${key.slice(0, 80)}: not a SHA-256 document id`);
    if (typeof body !== 'string' || body.length === 0 || body.length > MAX_DOCUMENT_CHARS) throw new ManifestError(`${key}: the operation must be a non-empty string of at most ${MAX_DOCUMENT_CHARS} characters`);
    if (documentIdOf(body) !== documentId) throw new ManifestError(`${key}: the hash is not the SHA-256 of its operation text`);
    let operationNames: string[];
    try {
      operationNames = parse(body).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
    } catch (error) {
      throw new ManifestError(`${key}: not a GraphQL document (${(error as Error).message})`);
    }
    if (operationNames.length === 0) throw new ManifestError(`${key}: defines no operation`);
    return { documentId, body, operationNames };
  });
}
