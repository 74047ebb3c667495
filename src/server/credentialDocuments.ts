// What a verifier of the hub's credentials fetches, anywhere and without a token: an issuer (the department's public
// keys), a status list (a signed BitstringStatusListCredential, cacheable: ETag, Cache-Control, validUntil inside)
// and a certificate type's JSON-LD context. None of them holds data about a person; they are not audited.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Catalog } from '../catalog/catalog.js';
import type { FieldDefinition } from '../catalog/definition.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { StatusListPublisher } from '../services/statusLists.js';
import { certificateContextOf } from '../vc/context.js';
import { STATUS_LIST_TTL_MS, VC_JWT_TYP } from '../vc/credential.js';
import { CONTEXTS_PATH, ISSUERS_PATH, parseContextPath, parseIssuerPath, parseStatusListPath, STATUS_LISTS_PATH, type CredentialUrls } from '../vc/urls.js';

export interface CredentialDocumentDeps {
  em: EntityManager;
  keys: KeyStore;
  urls: CredentialUrls;
  statusLists: StatusListPublisher;
  catalog(): Catalog;
  clock(): Date;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'access-control-allow-origin': '*', ...headers });
  res.end(body);
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message: `No such ${what}.`, extensions: { code: 'NOT_FOUND' } }] }), { 'cache-control': 'no-store' });
}

/** Whether `pathname` is one of these documents' (then `serve` answers it). */
export function isCredentialDocumentPath(pathname: string): boolean {
  return pathname.startsWith(ISSUERS_PATH) || pathname.startsWith(STATUS_LISTS_PATH) || pathname.startsWith(CONTEXTS_PATH);
}

export function credentialDocuments(deps: CredentialDocumentDeps) {
  async function issuer(res: ServerResponse, code: string): Promise<void> {
    const [department] = await deps.em.fork().execute<Array<{ name: string }>>('SELECT name FROM department WHERE code = ?', [code]);
    if (!department) return notFound(res, 'issuer');
    const keys = await deps.keys.publicKeysOf(code);
    // A JWKS (RFC 7517 §5) with the issuer's identifier and name as extra members: jose reads it as it is.
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ issuer: deps.urls.issuer(code), name: department.name, keys }), { 'cache-control': 'public, max-age=300' });
  }

  async function statusList(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const address = parseStatusListPath(pathname);
    const doc = address ? await deps.statusLists.document(address, deps.clock()) : null;
    if (!doc) return notFound(res, 'status list');
    const headers = { etag: doc.etag, 'cache-control': `public, max-age=${STATUS_LIST_TTL_MS / 1000}`, expires: new Date(Math.min(doc.validUntil.getTime(), deps.clock().getTime() + STATUS_LIST_TTL_MS)).toUTCString() };
    if (req.headers['if-none-match'] === doc.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    send(res, 200, `application/${VC_JWT_TYP}`, doc.jws, headers);
  }

  async function context(res: ServerResponse, pathname: string): Promise<void> {
    const address = parseContextPath(pathname);
    if (!address) return notFound(res, 'context');
    const current = deps.catalog().certificateType(address.typeCode);
    let fields: FieldDefinition[] | null = current && current.version === address.version ? current.fields : null;
    if (!fields) {
      const [row] = await deps.em.fork().execute<Array<{ definition: { fields: FieldDefinition[] } }>>(
        'SELECT definition FROM certificate_type_version WHERE certificate_type_code = ? AND version = ?',
        [address.typeCode, address.version],
      );
      fields = row?.definition.fields ?? null;
    }
    if (!fields) return notFound(res, 'context');
    // A version's context never changes.
    const body = JSON.stringify(certificateContextOf(deps.urls.context(address.typeCode, address.version), address.typeCode, fields));
    send(res, 200, 'application/ld+json', body, { 'cache-control': 'public, max-age=86400, immutable' });
  }

  return {
    async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message: 'Use GET.', extensions: { code: 'BAD_REQUEST' } }] }), { allow: 'GET' });
        return;
      }
      if (pathname.startsWith(ISSUERS_PATH)) {
        const code = parseIssuerPath(pathname);
        return code ? issuer(res, code) : notFound(res, 'issuer');
      }
      if (pathname.startsWith(STATUS_LISTS_PATH)) return statusList(req, res, pathname);
      return context(res, pathname);
    },
  };
}

export type CredentialDocuments = ReturnType<typeof credentialDocuments>;
