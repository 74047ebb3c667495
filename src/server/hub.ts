// Composes the hub: schema, Apollo with its plugins, token verification, audit writer and the HTTP edge.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import { startAuditLog } from '../audit/auditLog.js';
import type { Checkpointer } from '../audit/checkpoints.js';
import { AuditMaintenance } from '../audit/maintenance.js';
import { subjectHasher } from '../audit/subjectHash.js';
import { loadDevIssuer } from '../auth/devIssuer.js';
import { TokenVerifier } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/orm.js';
import { KeyStore } from '../keys/keyStore.js';
import { LiveSourceRegistry } from '../live/registry.js';
import type { HubSecrets } from '../keys/secrets.js';
import type { Logger } from '../log.js';
import { buildHubSchema } from '../schema/buildSchema.js';
import { LiveCatalog } from '../schema/liveCatalog.js';
import { SchemaSource } from '../schema/schemaSource.js';
import { clientDirectory } from '../services/clients.js';
import { heldCertificate } from '../services/certificateVerification.js';
import { GrantCache } from '../services/grantCache.js';
import type { HubDeps, RequestContext } from './context.js';
import { consoleContentSecurityPolicy, consoleFiles, defaultConsoleDir } from './consoleFiles.js';
import { demoSignIn } from './demoSignIn.js';
import { formatError } from './formatError.js';
import { createRequestHandler } from './http.js';
import { InFlightBound, RefusalRecorder } from './overload.js';
import { RateLimiter } from './rateLimit.js';
import { maxAliasesRule } from './limits/maxAliases.js';
import { maxDepthRule } from './limits/maxDepth.js';
import { accessPlanner, accessPlanPlugin } from './plugins/accessPlan.js';
import { PreparedOperations } from './preparedOperations.js';
import { auditFlushPlugin } from './plugins/auditFlush.js';
import { costLimitPlugin } from './plugins/costLimit.js';
import { databaseUnavailablePlugin } from './plugins/databaseUnavailable.js';
import { errorLogPlugin } from './plugins/errorLog.js';
import { liveFallbacksPlugin } from './plugins/liveFallbacks.js';
import { HubMetrics } from '../metrics/metrics.js';
import { TrustedDocumentStore } from '../documents/store.js';
import { DocumentMode } from '../../entities/TrustedDocument.js';
import { startMetricsServer, type MetricsServer } from '../metrics/server.js';
import { tracedAccessPlan } from '../tracing/accessPlanSpan.js';
import { requestErrorStatusPlugin } from './plugins/requestErrorStatus.js';
import { backfillStatusEntries, StatusListPublisher } from '../services/statusLists.js';
import { CredentialUrls } from '../vc/urls.js';
import { credentialDocuments } from './credentialDocuments.js';

/** Type names and root field names of the static schema. */
function reservedNamesOf(schema: GraphQLSchema): Set<string> {
  const names = new Set(Object.keys(schema.getTypeMap()));
  for (const root of [schema.getQueryType(), schema.getMutationType()]) for (const name of Object.keys(root?.getFields() ?? {})) names.add(name);
  return names;
}

export interface HubOptions {
  config: Config;
  db: Database;
  logger: Logger;
  /** The trusted issuers, including the development issuer in demo mode. */
  issuers: Config['issuers'];
  secrets: HubSecrets;
  clock?: () => Date;
}

export interface Hub {
  /** http://host:port once listening. */
  url: string;
  schemaSource: SchemaSource;
  liveCatalog: LiveCatalog;
  keys: KeyStore;
  /** Where the hub's verifiable credentials point (issuers, status lists, contexts). */
  credentialUrls: CredentialUrls;
  checkpointer: Checkpointer;
  auditMaintenance: AuditMaintenance;
  /** http://host:port/metrics once listening; null when metrics are off. */
  metricsUrl: string | null;
  listen(): Promise<void>;
  /** Stops accepting, finishes in-flight requests, flushes the audit log. Does not close the database. */
  close(): Promise<void>;
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const { config, db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const em = db.orm.em;
  const pool = (await em.getConnection().getNativeClient()) as Pool;
  const hashSubject = subjectHasher(options.secrets.subjectHashKey);
  const keys = new KeyStore(em, options.secrets.masterKey);
  const auditLog = await startAuditLog({ pool, databaseUrl: db.url, keys, masterKey: options.secrets.masterKey, config, logger, clock });
  const { writer, checkpointer } = auditLog;
  const auditMaintenance = new AuditMaintenance({ pool, keys, masterKey: options.secrets.masterKey, config, logger, clock });
  await auditMaintenance.start();
  const staticSchema = await buildHubSchema();
  const schemaSource = new SchemaSource(staticSchema);
  const liveCatalog = new LiveCatalog({ url: db.url, em, pool, staticSchema, schemaSource, logger });
  await liveCatalog.start();
  const liveSources = new LiveSourceRegistry({ url: db.url, pool, masterKey: options.secrets.masterKey, breaker: config.liveBreaker, origins: config.liveSourceOrigins, logger });
  await liveSources.start();
  const documents = new TrustedDocumentStore({ url: db.url, pool, logger });
  await documents.start();
  const metrics = config.metrics ? new HubMetrics({ pool, liveSources, auditQueueDepth: () => writer.queueDepth }) : null;
  if (metrics) writer.observeBatches((events, seconds, isCommitted) => metrics.observeAuditBatch(events, seconds, isCommitted));
  const observe = metrics ? (event: Parameters<HubMetrics['observeRequest']>[0], seconds: number) => metrics.observeRequest(event, seconds) : undefined;
  let metricsServer: MetricsServer | null = null;
  // Credentials name URLs under the public URL; unset, the address the hub listens on (known once listening).
  const credentialUrls = new CredentialUrls(() => config.publicUrl ?? hub.url);
  const statusLists = new StatusListPublisher(em, keys, credentialUrls);
  await backfillStatusEntries(em.fork(), clock(), logger);
  const hubDeps: HubDeps = {
    catalog: liveCatalog.catalog,
    hashSubject,
    maskingSecret: createHmac('sha256', options.secrets.subjectHashKey).update('sharehub:masking').digest('base64url'),
    reservedNames: reservedNamesOf(staticSchema),
    keys,
    credentials: { urls: credentialUrls, statusLists },
    certificates: heldCertificate,
    certificateTypes: async () => new Set(liveCatalog.catalog.certificateTypes().map((t) => t.code)),
    // Down means nothing can be served: the breaker is open and there is no published copy to fall back to.
    isSourceDown: (code) => {
      const source = liveSources.sourceOf(code);
      return source !== undefined && source.isOpen && !source.settings.isFallbackToPublished;
    },
    liveSources,
    liveSourceOrigins: config.liveSourceOrigins,
    announceCatalogChange: () => liveCatalog.announce(),
    grantCache: new GrantCache(),
    statements: db.run,
  };

  const planAccess = accessPlanner();
  // Not with tracing on: the prepared path makes none of Apollo's spans, and a trace must show the whole request.
  const prepared = config.tracing
    ? null
    : new PreparedOperations({ schema: () => schemaSource.schema, maxCost: config.limits.maxCost, plan: planAccess, writer, hashSubject, ...(observe ? { observe } : {}) });
  const apollo = new ApolloServer<RequestContext>({
    gateway: schemaSource,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [maxDepthRule(config.limits.maxDepth), maxAliasesRule(config.limits.maxAliases)],
    formatError,
    logger: { debug: () => {}, info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(config.limits.maxCost),
      tracedAccessPlan(accessPlanPlugin(planAccess)),
      errorLogPlugin(),
      liveFallbacksPlugin(),
      requestErrorStatusPlugin(),
      databaseUnavailablePlugin(),
      auditFlushPlugin(writer, hashSubject, observe),
      ...(prepared ? [prepared.plugin()] : []),
    ],
  });
  await apollo.start();

  const refusals = new RefusalRecorder(writer);
  const clients = clientDirectory(em, () => clock().getTime());
  const handler = createRequestHandler({
    apollo,
    prepared,
    verifier: new TokenVerifier(options.issuers, clients.lookup),
    writer,
    hashSubject,
    em,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    clock,
    hubDeps: () => ({ ...hubDeps, catalog: liveCatalog.catalog }),
    async readiness() {
      try {
        await pool.query('SELECT 1');
        const pending = await pendingMigrations(db.orm);
        return pending.length ? `${pending.length} migration(s) pending` : null;
      } catch {
        return 'database unreachable';
      }
    },
    publicKeys: () => keys.publicJwks(),
    credentialDocuments: credentialDocuments({ em, keys, urls: credentialUrls, statusLists, catalog: () => liveCatalog.catalog, clock }),
    observe,
    documents: { store: documents, defaultMode: DocumentMode[config.trustedDocuments] },
    // The console talks to its OpenID Provider from the browser (discovery, token, end session): that origin only.
    console: consoleFiles(defaultConsoleDir(), consoleContentSecurityPolicy(config.consoleSignIn ? [new URL(config.consoleSignIn.issuer).origin] : []), { oidc: config.consoleSignIn }),
    demoSignIn: config.demo ? demoSignIn(await loadDevIssuer(config.dataDir), em, clock) : null,
    inFlight: new InFlightBound({ maxInFlight: config.overload.maxInFlight, refusals, hashSubject, clock, logger }),
    rateLimiter: new RateLimiter({ defaults: config.overload.rateLimit, overrides: clients.rateLimits, refusals, hashSubject, clock, logger }),
  });

  // While closing, every response says `connection: close`, so kept-alive sockets end after their response
  // instead of carrying new requests (and close() finishes with the last in-flight response).
  let isClosing = false;
  const unfinished = new Set<http.ServerResponse>();
  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 15_000, maxHeaderSize: 16_384 }, (req, res) => {
    unfinished.add(res);
    res.on('close', () => unfinished.delete(res));
    if (isClosing) res.setHeader('connection', 'close');
    handler(req, res).catch((error: unknown) => {
      logger.error({ err: { message: (error as Error).message } }, 'unhandled request failure');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  const hub: Hub = {
    url: '',
    schemaSource,
    liveCatalog,
    keys,
    credentialUrls,
    checkpointer,
    auditMaintenance,
    metricsUrl: null,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { address, port } = server.address() as AddressInfo;
          hub.url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
          resolve();
        });
      });
      if (metrics && config.metrics) {
        metricsServer = await startMetricsServer(metrics, config.metrics.host, config.metrics.port, logger);
        hub.metricsUrl = metricsServer.url;
      }
    },
    async close() {
      isClosing = true;
      for (const res of unfinished) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(timer);
      await metricsServer?.close();
      metrics?.close();
      await apollo.stop();
      await liveCatalog.stop();
      await liveSources.stop();
      await documents.stop();
      await auditMaintenance.stop();
      await refusals.flush();
      await auditLog.close();
    },
  };
  return hub;
}
