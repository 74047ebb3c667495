// The audit log is partitioned by month; months past the retention setting are archived to gzip NDJSON files cut at
// signed checkpoints, then dropped. Each file verifies on its own; the live chain verifies from the last file's end;
// a month whose chain is broken is not archived; an event is never refused for want of a partition.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_KEY_OWNER } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify.js';
import { loadConfig } from '../../src/config.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { runCli } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { createOwnDatabase } from '../support/ownDatabase.js';

let url: string;
let dir: string;
let t: TestHub;
let now = new Date('2026-01-20T10:00:00Z');
let partitionsAtStart: string[] = [];

async function reads(n: number): Promise<void> {
  const client = await t.as('psb-system');
  for (let i = 0; i < n; i += 1) await client.query('{ viewer { roles } }');
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const cli = (args: string[]) => runCli(args, { SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: inject('dataDir'), SHAREHUB_AUDIT_ARCHIVE_DIR: dir });

interface Line {
  kind: string;
  seq?: string;
  [key: string]: unknown;
}

async function linesOf(file: string): Promise<Line[]> {
  return gunzipSync(await readFile(file))
    .toString()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Line);
}

async function writeLines(file: string, lines: Line[]): Promise<void> {
  await writeFile(file, gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
}

const countsByPartition = () =>
  sql<{ partition: string; n: string }>('SELECT tableoid::regclass::text AS partition, count(*)::text AS n FROM audit_event GROUP BY 1 ORDER BY 1');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sharehub-archive-'));
  url = await createOwnDatabase('archive');
  t = await startTestHub(
    { DATABASE_URL: url, SHAREHUB_AUDIT_CHECKPOINT_EVERY: '3', SHAREHUB_AUDIT_RETENTION_MONTHS: '1', SHAREHUB_AUDIT_ARCHIVE_DIR: dir },
    { clock: () => now },
  );
  await t.hub.auditMaintenance.run();
  partitionsAtStart = (await sql<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relname LIKE 'audit_event_2026%' AND relkind = 'r' ORDER BY 1`)).map((r) => r.name);
  await reads(13); // seq 1-13: checkpoints at 3, 6, 9, 12 (every 3) cross from one digit to two
  now = new Date('2026-02-10T08:00:00Z');
  await reads(4);
  now = new Date('2026-03-05T12:00:00Z');
  await reads(3);
});
afterAll(async () => {
  await t?.close();
});

describe('monthly partitions', () => {
  it('each month of events lands in its own partition, in chain order', async () => {
    expect(await countsByPartition()).toEqual([
      { partition: 'audit_event_2026_01', n: '13' },
      { partition: 'audit_event_2026_02', n: '4' },
      { partition: 'audit_event_2026_03', n: '3' },
    ]);
    const order = await sql<{ ok: boolean }>('SELECT bool_and(r <= next_r) AS ok FROM (SELECT recorded_at AS r, lead(recorded_at) OVER (ORDER BY seq) AS next_r FROM audit_event) x WHERE next_r IS NOT NULL');
    expect(order[0]!.ok).toBe(true);
  });

  it('the current month and the two after it have their partition before any event needs it', () => {
    // (The migration also made the partition of the real current month.)
    expect(partitionsAtStart).toEqual(expect.arrayContaining(['audit_event_2026_01', 'audit_event_2026_02', 'audit_event_2026_03']));
  });
});

describe('retention: archiving past months', () => {
  let archived: Awaited<ReturnType<TestHub['hub']['auditMaintenance']['run']>>;

  beforeAll(async () => {
    now = new Date('2026-04-02T09:00:00Z');
    archived = await t.hub.auditMaintenance.run();
    await reads(2);
  });

  it('archives the months before the retention (one full month kept besides the current one) and drops them', async () => {
    expect(archived.map((a) => [a.month, a.events])).toEqual([
      ['2026-01', 13],
      ['2026-02', 4],
    ]);
    expect((await countsByPartition()).map((r) => r.partition)).toEqual(['audit_event_2026_03', 'audit_event_2026_04']);
    const rows = await sql<{ month: string; anchor_seq: string; end_seq: string }>('SELECT month, anchor_seq::text, end_seq::text FROM audit_archive ORDER BY month');
    expect(rows).toEqual([
      { month: '2026-01', anchor_seq: '0', end_seq: '13' },
      { month: '2026-02', anchor_seq: '13', end_seq: '17' },
    ]);
  });

  it('each file starts at a signed checkpoint and ends at one, with its events in chain order', async () => {
    const feb = await linesOf(path.join(dir, 'audit-2026-02.ndjson.gz'));
    expect(feb[0]).toMatchObject({ kind: 'header', month: '2026-02', anchor: { seq: '13', checkpoint: { seq: '13' } } });
    expect(feb.filter((l) => l.kind === 'event').map((l) => l.seq)).toEqual(['14', '15', '16', '17']);
    expect(feb.at(-2)).toMatchObject({ kind: 'checkpoint', seq: '17' });
    expect(feb.at(-1)).toMatchObject({ kind: 'end', events: 4, endSeq: '17' });
    // Every checkpoint of January is in its file, after the event it pins, in order; 13 was signed by the archiver.
    const jan = await linesOf(path.join(dir, 'audit-2026-01.ndjson.gz'));
    expect(jan.filter((l) => l.kind === 'checkpoint').map((l) => l.seq)).toEqual(['3', '6', '9', '12', '13']);
    const checkpoints = await sql<{ seq: string }>('SELECT c.seq::text FROM audit_checkpoint c WHERE c.seq IN (13, 17) ORDER BY c.seq');
    expect(checkpoints.map((c) => c.seq)).toEqual(['13', '17']);
  });

  it('`audit verify` checks the live chain from the last archive’s end checkpoint', async () => {
    const { code, out } = await cli(['audit', 'verify']);
    expect(out).toMatch(/audit chain OK: 5 events, .*starts after the archive of 2026-02 \(checkpoint at event 17\)/);
    expect(code).toBe(0);
  });

  it('`audit verify --archive` checks a file on its own and that it is the one recorded', async () => {
    const { code, out } = await cli(['audit', 'verify', '--archive', path.join(dir, 'audit-2026-01.ndjson.gz')]);
    expect(out).toContain('archive audit-2026-01.ndjson.gz OK: 2026-01, 13 events after the checkpoint at 0 through event 13');
    expect(out).toContain('the file the database recorded');
    expect(code).toBe(0);
  });

  it('names an archived event that was altered', async () => {
    const lines = await linesOf(path.join(dir, 'audit-2026-02.ndjson.gz'));
    const tampered = lines.map((l) => (l.kind === 'event' && l.seq === '15' ? { ...l, purpose: 'tampered' } : l));
    const file = path.join(dir, 'tampered-2026-02.ndjson.gz');
    await writeLines(file, tampered);
    const { code, out } = await cli(['audit', 'verify', '--archive', file]);
    expect(out).toContain('BROKEN at event 15: event 15 was altered');
    expect(code).toBe(1);
  });

  it('names an archive cut short', async () => {
    const lines = await linesOf(path.join(dir, 'audit-2026-02.ndjson.gz'));
    const file = path.join(dir, 'short-2026-02.ndjson.gz');
    await writeLines(file, lines.slice(0, 3));
    const { code, out } = await cli(['audit', 'verify', '--archive', file]);
    expect(out).toContain('cut short');
    expect(code).toBe(1);
  });

  it('refuses a file that verifies but is not the one recorded for its month', async () => {
    const lines = await linesOf(path.join(dir, 'audit-2026-01.ndjson.gz'));
    const file = path.join(dir, 'other-2026-01.ndjson.gz');
    await writeFile(file, gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { level: 1 }));
    const { code, out } = await cli(['audit', 'verify', '--archive', file]);
    expect(out).toContain('is not the file recorded for 2026-01');
    expect(code).toBe(1);
  });

  it('a live month dropped without archiving is detected', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('DROP TABLE audit_event_2026_03');
      const { masterKey } = await resolveSecrets(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir') }));
      const result = await verifyAuditChain(client, masterKey, await t.hub.keys.publicKeysOf(AUDIT_KEY_OWNER));
      expect(result.firstProblem?.problem).toMatch(/does not follow the checkpoint at 17|names an event that is missing/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});

describe('faults', () => {
  it('an event whose month has no partition yet gets one; the request is not refused', async () => {
    now = new Date('2027-06-15T00:00:00Z');
    await reads(1);
    const rows = await sql<{ partition: string }>('SELECT tableoid::regclass::text AS partition FROM audit_event ORDER BY seq DESC LIMIT 1');
    expect(rows[0]!.partition).toBe('audit_event_2027_06');
  });

  it('a month whose chain is broken is not archived, and nothing is dropped', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await client.query(`UPDATE audit_event SET purpose = 'tampered' WHERE seq = 19`);
    await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    await client.end();
    const { code, out } = await cli(['audit', 'archive', '--before', '2026-04']);
    expect(out).toContain('2026-03 was not archived: the chain is broken at event 19');
    expect(code).toBe(1);
    expect((await countsByPartition()).map((r) => r.partition)).toContain('audit_event_2026_03');
    expect(await sql('SELECT month FROM audit_archive WHERE month = $1', ['2026-03'])).toEqual([]);
    await sql(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only; UPDATE audit_event SET purpose = NULL WHERE seq = 19;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
  });

  it('when every month is archived, the next event follows the last archive', async () => {
    now = new Date('2030-03-10T00:00:00Z');
    const archived = await t.hub.auditMaintenance.run();
    expect(archived.map((a) => a.month)).toEqual(expect.arrayContaining(['2026-03', '2026-04', '2027-06']));
    expect(await countsByPartition()).toEqual([]);
    await reads(2);
    const { code, out } = await cli(['audit', 'verify']);
    expect(out).toMatch(/audit chain OK: 2 events/);
    expect(code).toBe(0);
  });

  it('refuses a malformed --before', async () => {
    const { code, out } = await cli(['audit', 'archive', '--before', '2026-13']);
    expect(out).toContain('--before must be a month');
    expect(code).toBe(1);
  });
});
