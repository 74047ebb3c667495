// Starts a real hub (HTTP on 127.0.0.1, port 0) on the run's database, with the development issuer.
import { inject } from 'vitest';
import { loadDevIssuer, type DevIssuer } from '../../src/auth/devIssuer.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { createLogger } from '../../src/log.js';
import { createHub, type Hub } from '../../src/server/hub.js';
import type { Tracing } from '../../src/tracing/tracing.js';
import { GraphQLClient } from './client.js';

/** The hub's log lines, parsed (pino JSON), as it writes them: start a hub with `{ log }` and LOG_LEVEL set. */
export class LogCapture {
  readonly lines: Array<Record<string, unknown> & { level: number; msg: string }> = [];
  /** pino writes each line here. */
  write(line: string): void {
    this.lines.push(JSON.parse(line) as LogCapture['lines'][number]);
  }
}

export interface TestHub {
  hub: Hub;
  db: Database;
  config: Config;
  url: string;
  issuer: DevIssuer;
  /** Started as `sharehub start` starts it, when the env sets OTEL_EXPORTER_OTLP_ENDPOINT; shut down by close(). */
  tracing: Tracing | null;
  /** SQL statements the ORM has sent since the hub started (reset it to count one request). */
  sql: { count: number; statements: string[] };
  token(clientId: string, ttlSeconds?: number): Promise<string>;
  holderToken(subjectId: string): Promise<string>;
  /** A GraphQL client acting as that client id. */
  as(clientId: string, headers?: Record<string, string>): Promise<GraphQLClient>;
  close(): Promise<void>;
}

export async function startTestHub(
  env: Record<string, string> = {},
  options: { clock?: () => Date; log?: LogCapture; poolMax?: number } = {},
): Promise<TestHub> {
  const dataDir = inject('dataDir');
  const config = loadConfig({
    SHAREHUB_DEMO: '1',
    DATABASE_URL: inject('databaseUrl'),
    SHAREHUB_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Test files send in bursts with one client each; the tests of the rate limits set their own.
    SHAREHUB_RATE_LIMIT_PER_SECOND: '100000',
    SHAREHUB_RATE_LIMIT_BURST: '100000',
    ...env,
  });
  const logger = createLogger(config.logLevel, options.log);
  const tracing = config.tracing ? (await import('../../src/tracing/tracing.js')).startTracing(config.tracing, logger) : null;
  const sql = { count: 0, statements: [] as string[] };
  const db = await openDatabase(config, logger, {
    poolMax: options.poolMax ?? 10,
    ...config.database,
    onQuery: (statement) => {
      sql.count += 1;
      sql.statements.push(statement);
    },
  });
  const issuer = await loadDevIssuer(dataDir);
  const hub = await createHub({ config, db, logger, issuers: [...config.issuers, ...issuer.issuers], secrets: await resolveSecrets(config), clock: options.clock });
  await hub.listen();
  const token = (clientId: string, ttl = 600) => issuer.signClientToken(clientId, ttl);
  return {
    hub,
    db,
    config,
    url: hub.url,
    issuer,
    tracing,
    sql,
    token,
    holderToken: (subjectId) => issuer.signHolderToken(subjectId, 600),
    as: async (clientId, headers = {}) => new GraphQLClient(`${hub.url}/graphql`, { authorization: `Bearer ${await token(clientId)}`, ...headers }),
    async close() {
      await hub.close();
      await db.close();
      await tracing?.shutdown();
    },
  };
}
