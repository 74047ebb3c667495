// The HTTP edge: routes, request ids, body limits, content types, authentication; then hands GraphQL to Apollo.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditOutcome } from '../../entities/AuditEvent.js';
import type { Principal } from '../auth/principal.js';
import { TokenRefusedError, type TokenVerifier } from '../auth/tokens.js';
import { baseAuditEvent } from '../audit/base.js';
import type { AuditEventInput } from '../audit/event.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import type { AuditWriter } from '../audit/writer.js';
import { holdsSubjectIdentifier } from '../certs/identifiers.js';
import type { ErrorCode } from '../errors.js';
import { scrubIdentifiers, type Logger } from '../log.js';
import { traceRequest } from '../tracing/spans.js';
import { CONSOLE_PATH, wantsHtml, type ConsoleFiles } from './consoleFiles.js';
import { databaseFailureOf } from '../db/failures.js';
import { isAbortedByClient } from './clientAbort.js';
import type { InFlightBound } from './overload.js';
import type { RateLimiter } from './rateLimit.js';
import { createRequestContext, type HubDeps, type RequestContext } from './context.js';
import { DEMO_IDENTITIES_PATH, DEMO_TOKEN_PATH, DemoSignInRefusal, type DemoSignIn } from './demoSignIn.js';
import type { RequestObserver } from './plugins/auditFlush.js';
import { EdgeRefusal } from './edgeRefusal.js';
import { resolveTrustedDocument, type DocumentPolicy } from './trustedDocuments.js';
import { AUDIT_EXPORT_PATH, exportAuditEvents } from './auditExport.js';
import { isCredentialDocumentPath, type CredentialDocuments } from './credentialDocuments.js';
import type { PreparedOperations } from './preparedOperations.js';

export interface EdgeDeps {
  apollo: ApolloServer<RequestContext>;
  /** Repeated queries answered without Apollo's pipeline (null: every request through Apollo). */
  prepared: PreparedOperations | null;
  verifier: TokenVerifier;
  writer: AuditWriter;
  hashSubject: SubjectHasher;
  em: EntityManager;
  logger: Logger;
  maxBodyBytes: number;
  clock: () => Date;
  /** Answers /readyz: null when ready, else the reason. */
  readiness(): Promise<string | null>;
  /** The long-lived dependencies each request context gets. */
  hubDeps(): HubDeps;
  /** The document served at /.well-known/jwks.json. */
  publicKeys(): Promise<{ keys: unknown[] }>;
  /** Issuers, status lists and contexts of the hub's verifiable credentials (public, no token). */
  credentialDocuments: CredentialDocuments;
  /** Told of each refusal recorded here, as of the requests Apollo answers (metrics). */
  observe?: RequestObserver;
  /** Trusted documents: the registered ones and the default mode. */
  documents: DocumentPolicy;
  /** The web console's files, served at /console/. */
  console: ConsoleFiles;
  /** Demo mode only: the console's sign-in endpoints; null (and so not found) otherwise. */
  demoSignIn: DemoSignIn | null;
  /** The bound on GraphQL requests in flight (overload.ts). */
  inFlight: InFlightBound;
  /** Per-client token buckets (rateLimit.ts). */
  rateLimiter: RateLimiter;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Purposes and case numbers are short printable codes; anything else is refused. */
const PURPOSE = /^[\p{L}\p{N} ._:/()-]{1,200}$/u;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

const tooLarge = (limit: number) => new EdgeRefusal(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
/** What the async iterator answered for a request closed before its end (the client went away). */
const prematureClose = () => Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });

/**
 * Reads the body up to the limit; refuses a larger one without buffering it. With events rather than an async
 * iterator: the iterator's promises and stream machinery were a visible part of a small request's CPU.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  // Gone before the body was read (the client went away while the request was authenticated): its 'close' has been
  // emitted already and will not come again, so the listeners below would wait for ever.
  if (req.destroyed && !req.complete) return Promise.reject(prematureClose());
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // As the iterator did on a throw: the rest of the body is not read.
        req.destroy();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // Closed before its end (the client went away).
    const onClose = () => {
      cleanup();
      reject(prematureClose());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(raw: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new EdgeRefusal(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EdgeRefusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8');
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function optionalCode(req: IncomingMessage, name: string): string | null {
  const raw = headerValue(req, name);
  if (raw === undefined || raw === '') return null;
  let value: string;
  try {
    value = decodeURIComponent(raw).trim();
  } catch {
    throw new EdgeRefusal(400, 'BAD_REQUEST', `The ${name} header is not valid.`);
  }
  if (!PURPOSE.test(value)) throw new EdgeRefusal(400, 'BAD_REQUEST', `The ${name} header is not valid.`);
  // It is written to the audit log: an ID number or credit code has no place there.
  if (holdsSubjectIdentifier(value)) throw new EdgeRefusal(400, 'BAD_REQUEST', `The ${name} header must not carry an ID number or credit code.`);
  return value;
}

export function createRequestHandler(deps: EdgeDeps) {
  const { logger } = deps;

  /** Writes one refusal's event, and tells the observer of it. */
  async function writeRefusal(event: AuditEventInput, started: number): Promise<void> {
    await deps.writer.write([event]);
    deps.observe?.(event, (performance.now() - started) / 1000);
  }

  async function refuseToken(req: IncomingMessage, res: ServerResponse, requestId: string, url: URL, error: TokenRefusedError, log: Logger) {
    const started = performance.now();
    log.info({ reason: error.reason }, 'token refused');
    try {
      await writeRefusal(
        {
          ...baseAuditEvent({ requestId, now: deps.clock(), principal: null, purpose: null, caseNumber: null }, deps.hashSubject),
          action: 'auth.refused',
          outcome: AuditOutcome.REFUSED,
          errorCodes: ['UNAUTHENTICATED'],
          // The path only: a query string may carry anything the caller typed, an ID number included.
          details: { reason: error.reason, path: url.pathname.slice(0, 200) },
        },
        started,
      );
    } catch {
      // The refusal is still answered: no data leaves, and the write failure is logged by the writer.
    }
    req.resume();
    sendError(res, 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer realm="sharehub", error="invalid_token"' });
  }

  /** Records a refusal by an authenticated caller (bad body, wrong media type, refused by Apollo itself). */
  async function recordRefusal(requestId: string, principal: Principal, status: number, code: string): Promise<void> {
    try {
      await writeRefusal(
        {
          ...baseAuditEvent({ requestId, now: deps.clock(), principal, purpose: null, caseNumber: null }, deps.hashSubject),
          action: 'request.refused',
          outcome: AuditOutcome.REFUSED,
          errorCodes: [code],
          details: { status },
        },
        performance.now(),
      );
    } catch {
      // Answered all the same: a refusal returns no data.
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string, url: URL, log: Logger) {
    let principal: Principal;
    try {
      principal = await deps.verifier.authenticate(headerValue(req, 'authorization'));
    } catch (error) {
      if (error instanceof TokenRefusedError) return refuseToken(req, res, requestId, url, error, log);
      // The client directory could not be read (database down): not the caller's fault, and worth a retry.
      log.warn({ err: { message: scrubIdentifiers((error as Error).message) } }, 'authentication unavailable');
      throw new EdgeRefusal(503, databaseFailureOf(error) ?? 'SERVICE_UNAVAILABLE', 'The hub cannot authenticate requests right now; try again shortly.');
    }
    if (!(await deps.rateLimiter.allow(req, res, requestId, principal))) return;
    const method = req.method ?? 'GET';
    let body: unknown;
    let purpose: string | null;
    let caseNumber: string | null;
    try {
      if (method !== 'GET' && method !== 'POST') throw new EdgeRefusal(405, 'BAD_REQUEST', 'Use GET or POST.');
      if (method === 'POST' && !isJsonContentType(headerValue(req, 'content-type'))) {
        throw new EdgeRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json (UTF-8).');
      }
      body = method === 'POST' ? parseJsonBody(await readBody(req, deps.maxBodyBytes)) : undefined;
      body = await resolveTrustedDocument({ body, search: url.search, principal, policy: deps.documents });
      purpose = optionalCode(req, 'x-sharehub-purpose');
      caseNumber = optionalCode(req, 'x-sharehub-case');
    } catch (error) {
      if (error instanceof EdgeRefusal) await recordRefusal(requestId, principal, error.status, error.code);
      throw error;
    }
    const contextOf = (isGrantCacheBypassed: boolean) =>
      createRequestContext({ requestId, principal, now: deps.clock(), em: deps.em, purpose, caseNumber, logger: log, hub: deps.hubDeps(), isGrantCacheBypassed });
    // A query seen before is answered without Apollo's pipeline when it can be answered cleanly there.
    let isGrantCacheBypassed = false;
    if (deps.prepared && method === 'POST') {
      const { answer, ctx: attempt } = await deps.prepared.answer(() => contextOf(false), body, headerValue(req, 'accept'));
      if (answer) {
        res.writeHead(answer.status, { 'cache-control': 'no-store', ...answer.headers, 'content-length': answer.body.length });
        res.end(answer.body);
        return;
      }
      // Not answered there: nothing was sent or audited. Apollo answers, on fresh grants if they were found changed.
      isGrantCacheBypassed = attempt?.grantState.isStale ?? false;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const execute = (isBypassed: boolean) => {
      const contextValue = contextOf(isBypassed);
      const answered = deps.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method, headers, search: url.search, body }, context: async () => contextValue });
      return answered.then((response) => ({ contextValue, response }));
    };
    let { contextValue, response } = await execute(isGrantCacheBypassed);
    // Planned on grants in memory that a read found changed: nothing was fetched or sent; once more on fresh grants.
    if (contextValue.grantState.isStale) ({ contextValue, response } = await execute(true));
    if (!contextValue.audit.isWritten) {
      // Apollo answered before any plugin ran (missing body, batching, CSRF preflight): still a refusal to record.
      const code = response.body.kind === 'complete' ? /"code":"([A-Z_]+)"/.exec(response.body.string)?.[1] ?? 'BAD_REQUEST' : 'BAD_REQUEST';
      await recordRefusal(requestId, principal, response.status ?? 400, code);
    }
    const outHeaders: Record<string, string> = { 'cache-control': 'no-store' };
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /** GET /audit/export: the same bearer token as /graphql; auditors only (auditExport.ts). */
  async function auditExport(req: IncomingMessage, res: ServerResponse, requestId: string, url: URL, log: Logger) {
    req.resume();
    let principal: Principal;
    try {
      principal = await deps.verifier.authenticate(headerValue(req, 'authorization'));
    } catch (error) {
      if (error instanceof TokenRefusedError) return refuseToken(req, res, requestId, url, error, log);
      throw new EdgeRefusal(503, databaseFailureOf(error) ?? 'SERVICE_UNAVAILABLE', 'The hub cannot authenticate requests right now; try again shortly.');
    }
    if (!(await deps.rateLimiter.allow(req, res, requestId, principal))) return;
    const ctx = createRequestContext({ requestId, principal, now: deps.clock(), em: deps.em, purpose: null, caseNumber: null, logger: log, hub: deps.hubDeps() });
    try {
      if (req.method !== 'GET') throw new EdgeRefusal(405, 'BAD_REQUEST', 'Use GET.');
      const written = await exportAuditEvents(ctx, url.searchParams, res, async (event) => {
        try {
          await deps.writer.write([event]);
        } catch {
          throw new EdgeRefusal(503, 'AUDIT_UNAVAILABLE', 'The audit log cannot be written; nothing is exported.');
        }
      });
      log.info({ events: written }, 'audit export');
    } catch (error) {
      if (error instanceof EdgeRefusal && error.code !== 'AUDIT_UNAVAILABLE') await recordRefusal(requestId, principal, error.status, error.code);
      throw error;
    }
  }

  function redirect(res: ServerResponse, location: string): void {
    res.writeHead(302, { location, 'content-length': 0, 'cache-control': 'no-store' });
    res.end();
  }

  async function demoRoute(req: IncomingMessage, res: ServerResponse, signIn: DemoSignIn, pathname: string): Promise<void> {
    const headers = { 'cache-control': 'no-store' };
    if (pathname === DEMO_IDENTITIES_PATH) {
      req.resume();
      if (req.method !== 'GET') return sendError(res, 405, 'BAD_REQUEST', 'Use GET.', { allow: 'GET' });
      return sendJson(res, 200, await signIn.identities(), headers);
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, 405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
    }
    if (!isJsonContentType(headerValue(req, 'content-type'))) throw new EdgeRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json (UTF-8).');
    const body = parseJsonBody(await readBody(req, 4096));
    try {
      return sendJson(res, 200, await signIn.token(body), headers);
    } catch (error) {
      if (error instanceof DemoSignInRefusal) throw new EdgeRefusal(error.status, 'BAD_REQUEST', error.message);
      throw error;
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = headerValue(req, 'x-request-id');
    // A request id that carries an ID number is not taken (it would be written to the audit log): a fresh one is used.
    const requestId = given && REQUEST_ID.test(given) && !holdsSubjectIdentifier(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    const log = logger.child({ requestId });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://hub.invalid');
    } catch {
      req.resume();
      return sendError(res, 400, 'BAD_REQUEST', 'The request URL is not valid.');
    }
    try {
      if (url.pathname === '/console') return redirect(res, CONSOLE_PATH);
      if (url.pathname.startsWith(CONSOLE_PATH)) return await deps.console.serve(req, res, url.pathname);
      if (deps.demoSignIn && (url.pathname === DEMO_IDENTITIES_PATH || url.pathname === DEMO_TOKEN_PATH)) return await demoRoute(req, res, deps.demoSignIn, url.pathname);
      // A person who opens the hub or the endpoint in a browser is sent to the console; systems get JSON as before.
      if ((url.pathname === '/' || (url.pathname === '/graphql' && !req.headers.authorization)) && wantsHtml(req)) {
        req.resume();
        return redirect(res, CONSOLE_PATH);
      }
      if (isCredentialDocumentPath(url.pathname)) return await deps.credentialDocuments.serve(req, res, url.pathname);
      switch (url.pathname) {
        case '/healthz':
          req.resume();
          return sendJson(res, 200, { status: 'ok' });
        case '/readyz': {
          req.resume();
          const problem = await deps.readiness();
          return problem ? sendJson(res, 503, { status: 'unavailable', reason: problem }) : sendJson(res, 200, { status: 'ready' });
        }
        case '/.well-known/jwks.json':
          req.resume();
          return sendJson(res, 200, await deps.publicKeys(), { 'cache-control': 'public, max-age=300' });
        case AUDIT_EXPORT_PATH:
          return await auditExport(req, res, requestId, url, log);
        case '/graphql':
          return await traceRequest(requestId, req.method ?? 'GET', url.pathname, async (span) => {
            if (!deps.inFlight.admit(req, res, requestId)) return;
            await graphql(req, res, requestId, url, log);
            span.setAttribute('http.response.status_code', res.statusCode);
          });
        default:
          req.resume();
          return sendError(res, 404, 'BAD_REQUEST', 'Not found. The GraphQL endpoint is /graphql.');
      }
    } catch (error) {
      if (isAbortedByClient(req, error)) {
        // Nobody is left to answer: routine, not a failure of the hub.
        log.info({ path: url.pathname }, 'request aborted by the client');
        res.destroy();
        return;
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof EdgeRefusal) {
        req.resume();
        const headers: Record<string, string> = error.status === 413 ? { connection: 'close' } : error.status === 405 ? { allow: 'GET, POST' } : error.status === 503 ? { 'retry-after': '5' } : {};
        return sendError(res, error.status, error.code, error.message, headers);
      }
      log.error({ err: { message: (error as Error).message } }, 'request failed');
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}
