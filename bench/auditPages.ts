// By hand (not in `npm run bench`: filling takes minutes and gigabytes): `auditEvents` keyset pages over 10,000,000
// events. The same query as an auditor over HTTP for the first page (newest) and for pages deep in the log (after the
// newest half, and after all but the oldest thousand), with a department filter, and within one month's time range;
// median latency of each, taken in alternation, and the ratio deep / first (target: ≤ 1.5, "as fast as the first").
//
// Run: npm run bench:audit-pages   (AUDIT_EVENTS=1000000 for a shorter fill)
// The events are filled with SQL across 10 monthly partitions, with every index the hub has. Their links are not a
// valid chain (the bench measures search, not verification).
import 'reflect-metadata';
import pg from 'pg';
import { monthStart } from '../src/audit/partitions.js';
import { encodeAuditCursor } from '../src/services/auditSearch.js';
import { medianLatencies } from './latency.js';
import type { LoadRequest } from './load.js';
import { startBenchDatabase, startBenchHub } from './setup.js';

const DEFAULT_EVENTS = 10_000_000;
const CHUNK = 500_000;
const MONTHS = 10;
const SAMPLES = 41;
const PAGE = 50;
const TARGET = 1.5;

function say(line: string): void {
  process.stdout.write(line + '\n');
}

function eventsFromEnv(): number {
  const raw = process.env.AUDIT_EVENTS;
  const n = raw === undefined || raw === '' ? DEFAULT_EVENTS : Number(raw);
  if (!Number.isInteger(n) || n < 10_000 || n > 100_000_000) throw new Error(`AUDIT_EVENTS: a whole number from 10000 to 100000000, not ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Fills `count` events in chunks, oldest first, spread evenly over MONTHS months ending last month. Departments, clients
 * and resource types cycle; every event names one subject hash.
 */
async function fill(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const departments = (await client.query<{ code: string }>('SELECT code FROM department ORDER BY code')).rows.map((r) => r.code);
    const start = monthStart(new Date(), -MONTHS);
    const spanMs = MONTHS * 30 * 24 * 3600_000;
    for (let m = 0; m <= MONTHS; m += 1) await client.query('SELECT sharehub_audit_partition($1)', [monthStart(start, m)]);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const started = Date.now();
    for (let from = 0; from < count; from += CHUNK) {
      const n = Math.min(CHUNK, count - from);
      await client.query(
        `INSERT INTO audit_event (recorded_at, occurred_at, request_id, principal_kind, client_id, department_code, purpose, action,
           operation_name, outcome, error_codes, resource_types, subject_hashes, fields_returned, fields_masked, fields_denied, prev_hash, hash)
         SELECT t, t, 'bench-' || i, 'CLIENT', 'client-' || (i % 40), ($4::text[])[1 + i % cardinality($4::text[])], 'SI-' || (i % 7), 'graphql.query',
           'Read', 'SUCCESS', '{}', ARRAY['type_' || (i % 12)], ARRAY[md5(i::text) || md5((i + 1)::text)], ARRAY['type.name'], '{}', '{}',
           repeat('0', 64), repeat('0', 64)
         FROM generate_series($1::bigint, $2::bigint) AS i, LATERAL (SELECT $3::timestamptz + (i * $5::double precision) * interval '1 millisecond' AS t) AS at
         ORDER BY i`,
        [from, from + n - 1, start, departments, spanMs / count],
      );
      const done = from + n;
      const seconds = (Date.now() - started) / 1000;
      say(`  filled ${done.toLocaleString('en')} / ${count.toLocaleString('en')} events (${Math.round(done / seconds).toLocaleString('en')}/s)`);
    }
    await client.query('ANALYZE audit_event');
  } finally {
    await client.end();
  }
}

const QUERY = `query Q($after: String, $filter: AuditEventFilter) {
  auditEvents(first: ${PAGE}, after: $after, filter: $filter) { edges { cursor node { seq occurredAt clientId departmentCode purpose outcome resourceTypes } } pageInfo { hasNextPage endCursor } }
}`;

function request(url: string, token: string, variables: Record<string, unknown>): LoadRequest {
  return {
    url: `${url}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables }),
  };
}

/** The page's seqs, checked to be a full page strictly below the cursor (so the deep page is a real page). */
async function seqsOf(r: LoadRequest): Promise<string[]> {
  const res = await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body ?? null });
  const body = (await res.json()) as { data?: { auditEvents: { edges: Array<{ node: { seq: string } }> } }; errors?: unknown };
  if (!body.data) throw new Error(`auditEvents failed: ${JSON.stringify(body.errors)}`);
  return body.data.auditEvents.edges.map((e) => e.node.seq);
}

async function main(): Promise<number> {
  const count = eventsFromEnv();
  say(`sharehub bench audit-pages: ${count.toLocaleString('en')} events, pages of ${PAGE}, median of ${SAMPLES} requests per page, first and deep alternated`);
  const database = await startBenchDatabase();
  try {
    const started = Date.now();
    await fill(database.url, count);
    say(`  filled and analyzed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const hub = await startBenchHub(database);
    try {
      const token = await database.issuer.signClientToken('auditor', 3_600);
      const top = await seqsOf(request(hub.url, token, {}));
      const newest = BigInt(top[0]!);
      const department = await firstDepartment(database.url);
      const month = middleMonth();
      const cases: Array<{ name: string; first: Record<string, unknown>; deep: Record<string, unknown> }> = [
        { name: 'after half the log', first: {}, deep: { after: seqCursor((newest / 2n).toString()) } },
        { name: 'after all but the oldest 1,000', first: {}, deep: { after: seqCursor('1000') } },
        { name: 'one department, deep', first: { filter: { department } }, deep: { filter: { department }, after: seqCursor('1000') } },
        // A month in the middle of the log (a time range pages by occurrence time): near its oldest end against its top.
        { name: 'one month (from/to), deep', first: { filter: month }, deep: { filter: month, after: await cursorNearStartOf(database.url, month) } },
      ];
      let worst = 0;
      for (const c of cases) {
        const first = request(hub.url, token, c.first);
        const deep = request(hub.url, token, c.deep);
        const deepSeqs = await seqsOf(deep);
        if (deepSeqs.length === 0) throw new Error(`${c.name}: the deep page is empty`);
        const [firstMs, deepMs] = await medianLatencies(first, deep, SAMPLES);
        const ratio = deepMs / firstMs;
        worst = Math.max(worst, ratio);
        say(`  ${c.name.padEnd(32)} first page ${firstMs.toFixed(1)} ms, deep page (from seq ${deepSeqs[0]}) ${deepMs.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
      }
      say(`\naudit-pages: worst deep/first latency ratio ${worst.toFixed(2)} (target ≤ ${TARGET}) ${worst <= TARGET ? 'PASS' : 'BELOW TARGET'}`);
      return 0;
    } finally {
      await hub.close();
    }
  } finally {
    await database.close();
  }
}

/** A cursor for pages in chain order (the time part is not used there). */
function seqCursor(seq: string): string {
  return encodeAuditCursor({ seq, occurred_at: new Date(0) });
}

/** The cursor of the 1,000th oldest event of a time range: the page after it is near the range's far end. */
async function cursorNearStartOf(url: string, range: { from: string; to: string }): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ seq: string; occurred_at: Date }>(
      'SELECT e.seq::text AS seq, e.occurred_at FROM audit_event e WHERE e.occurred_at >= $1 AND e.occurred_at < $2 ORDER BY e.occurred_at, e.seq OFFSET 1000 LIMIT 1',
      [range.from, range.to],
    );
    if (!rows[0]) throw new Error('the middle month holds fewer than 1,001 events');
    return encodeAuditCursor(rows[0]);
  } finally {
    await client.end();
  }
}

/** The month in the middle of the filled span, as an auditEvents time filter. */
function middleMonth(): { from: string; to: string } {
  const now = new Date();
  const from = monthStart(now, -Math.ceil(MONTHS / 2));
  const to = monthStart(from, 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

async function firstDepartment(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ code: string }>('SELECT code FROM department ORDER BY code LIMIT 1')).rows[0]!.code;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench audit-pages: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
