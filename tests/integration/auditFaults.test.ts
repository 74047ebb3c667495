// The audit log under faults: PostgreSQL stopped under load, the hub killed with SIGKILL under load. Every answer that
// carried data has its audit event, no answer without data claims one it lacks, and `sharehub audit verify` still passes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadDevIssuer, type DevIssuer } from '../../src/auth/devIssuer.js';
import { startTestHub } from '../support/hub.js';
import { startLoad, type Answer, type GraphQLBody } from '../support/load.js';
import { startOwnPostgres, type OwnPostgres } from '../support/ownPostgres.js';

// This file stops its PostgreSQL, so it has a cluster of its own rather than the run's shared one.
let own: OwnPostgres;
let issuer: DevIssuer;
const children: ChildProcess[] = [];
beforeAll(async () => {
  own = await startOwnPostgres();
  issuer = await loadDevIssuer(inject('dataDir'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await own?.destroy();
});

const CLI = path.resolve('dist/src/cli/main.js');
const VIEWER = '{ viewer { client { id } roles } }';
/** One loop per demo client. Its client stays in the hub's client cache (CLIENT_CACHE_MS) while the database is down,
 * so the request is authenticated and runs, and then finds the audit log unwritable: AUDIT_UNAVAILABLE. */
const CLIENTS = ['psb-system', 'amr-system', 'civil-affairs-system', 'hrss-system', 'housing-system', 'window-clerk'];
/** Small, so checkpoints are written (and some fail) while the faults happen. */
const CHECKPOINT_EVERY = '25';
const POLL = { interval: 20 };

/** The hub's environment as an operator sets it, on this file's PostgreSQL and the run's data directory (its keys). */
const hubEnv = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: own.url, SHAREHUB_DATA_DIR: inject('dataDir'), SHAREHUB_AUDIT_CHECKPOINT_EVERY: CHECKPOINT_EVERY });

function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function verifyAudit(): Promise<{ code: number | null; out: string }> {
  const verify = runCli(['audit', 'verify'], hubEnv());
  const { code } = await verify.exited;
  return { code, out: verify.out() + verify.err() };
}

interface AuditRow {
  request_id: string;
  action: string;
  outcome: string;
  client_id: string | null;
}

async function auditRowsByRequest(requestIds: string[]): Promise<Map<string, Array<Omit<AuditRow, 'request_id'>>>> {
  const { rows } = await own.query<AuditRow>('SELECT request_id, action, outcome, client_id FROM audit_event WHERE request_id = ANY($1::text[]) ORDER BY seq', [requestIds]);
  const byRequest = new Map<string, Array<Omit<AuditRow, 'request_id'>>>();
  for (const { request_id, ...row } of rows) byRequest.set(request_id, [...(byRequest.get(request_id) ?? []), row]);
  return byRequest;
}

function viewerClientId(body: GraphQLBody | null): unknown {
  const viewer = body?.data?.viewer as { client?: { id?: unknown } } | null | undefined;
  return viewer?.client?.id;
}

function errorCode(body: GraphQLBody | null): string | undefined {
  return body?.errors?.[0]?.extensions?.code;
}

function answersPerLoop<P extends string>(answers: readonly Answer<P>[], loops: number, counts: (a: Answer<P>) => boolean): number[] {
  const perLoop = Array.from({ length: loops }, () => 0);
  for (const a of answers) if (counts(a)) perLoop[a.loop] = (perLoop[a.loop] ?? 0) + 1;
  return perLoop;
}

describe('the audit log under faults', () => {
  it('PostgreSQL stopped under load: every answer is data with its event, or an error without data; the chain verifies', async () => {
    type Phase = 'up' | 'stopping' | 'down';
    const hub = await startTestHub({ DATABASE_URL: own.url, SHAREHUB_AUDIT_CHECKPOINT_EVERY: CHECKPOINT_EVERY });
    const run = randomUUID().slice(0, 8);
    const clientTokens = await Promise.all(CLIENTS.map((c) => issuer.signClientToken(c, 600)));
    // Refused without a database read: a 401 whatever the database does; recorded only while it is up.
    const expired = await issuer.signClientToken('psb-system', -300);
    // Refused only after a client lookup, a fresh id each time: 401 while the database is up, 503 while it is down.
    const unknownClient = (n: number) => issuer.signClientToken(`unknown-${run}-${n}`, 600);
    const LOOPS = CLIENTS.length + 2;
    const EXPIRED_LOOP = CLIENTS.length;
    const UNKNOWN_LOOP = CLIENTS.length + 1;

    let answers: Answer<Phase>[];
    try {
      const load = startLoad<Phase>({
        url: `${hub.url}/graphql`,
        loops: LOOPS,
        query: VIEWER,
        phase: 'up',
        request: async (loop, n) => ({
          requestId: `faults-${run}-${loop}-${n}`,
          authorization: `Bearer ${loop === EXPIRED_LOOP ? expired : loop === UNKNOWN_LOOP ? await unknownClient(n) : clientTokens[loop]}`,
        }),
      });
      try {
        // Stop it in the middle: once every loop has been answered a few times while it was up.
        await vi.waitFor(() => expect(Math.min(...answersPerLoop(load.answers, LOOPS, () => true))).toBeGreaterThanOrEqual(25), { ...POLL, timeout: 10_000 });
        load.enter('stopping');
        await own.stop();
        load.enter('down');
        // Keep firing while it is down: every loop gets several answers sent after the server was gone.
        await vi.waitFor(() => expect(Math.min(...answersPerLoop(load.answers, LOOPS, (a) => a.sentIn === 'down'))).toBeGreaterThanOrEqual(10), { ...POLL, timeout: 10_000 });
      } finally {
        answers = await load.stop();
        await own.start();
      }
      await vi.waitFor(
        async () => {
          const back = await (await hub.as('psb-system', { 'x-request-id': `faults-${run}-back` })).query(VIEWER);
          expect(back.status).toBe(200);
        },
        { interval: 100, timeout: 20_000 },
      );
    } finally {
      await hub.close();
    }

    const byRequest = await auditRowsByRequest(answers.map((a) => a.requestId));
    const problems: string[] = [];
    let successes = 0;
    let refusalsRecorded = 0;
    for (const a of answers) {
      const rows = byRequest.get(a.requestId) ?? [];
      const where = `${a.requestId} (status ${a.status}, sent while ${a.sentIn}, answered while ${a.settledIn}, ${rows.length} audit rows)`;
      const hasData = a.body?.data !== undefined && a.body.data !== null;
      if (a.status === 200) {
        successes += 1;
        const client = CLIENTS[a.loop];
        if (viewerClientId(a.body) !== client || a.body?.errors !== undefined) problems.push(`${where}: 200 without the viewer of ${client}`);
        if (rows.length !== 1 || rows[0]?.action !== 'graphql.query' || rows[0].outcome !== 'SUCCESS' || rows[0].client_id !== client) {
          problems.push(`${where}: data was delivered without exactly one SUCCESS event`);
        }
      } else if (a.status === 401) {
        if (hasData || errorCode(a.body) !== 'UNAUTHENTICATED') problems.push(`${where}: a 401 must be UNAUTHENTICATED without data`);
        if (rows.some((r) => r.action !== 'auth.refused' || r.outcome !== 'REFUSED') || rows.length > 1) problems.push(`${where}: a refusal has at most one auth.refused event`);
        // Answered before the stop began: the database was up throughout, so the refusal is recorded. Sent after
        // the server was gone (and before it came back): nothing can have been recorded. In between, either.
        if (a.settledIn === 'up' && rows.length !== 1) problems.push(`${where}: refused while the database was up, but not recorded`);
        if (a.sentIn === 'down' && rows.length !== 0) problems.push(`${where}: refused while the database was down, yet recorded`);
        refusalsRecorded += rows.length;
      } else if (a.status === 503) {
        if (hasData || !['AUDIT_UNAVAILABLE', 'SERVICE_UNAVAILABLE'].includes(errorCode(a.body) ?? '')) problems.push(`${where}: a 503 must be AUDIT_UNAVAILABLE or SERVICE_UNAVAILABLE without data`);
        if (rows.length !== 0) problems.push(`${where}: answered 503, yet has an event`);
      } else {
        problems.push(`${where}: unexpected answer ${a.failure ?? JSON.stringify(a.body)}`);
      }
    }
    expect(problems).toEqual([]);
    const events = [...byRequest.values()].reduce((n, rows) => n + rows.length, 0);
    expect(events).toBe(successes + refusalsRecorded);

    // The load saw every case it is meant to: served and refused while up, and both kinds of 503 while down.
    const seen = (status: number, code: string | undefined, sentIn: Phase[]) => answers.some((a) => a.status === status && sentIn.includes(a.sentIn) && (code === undefined || errorCode(a.body) === code));
    expect(seen(200, undefined, ['up'])).toBe(true);
    expect(seen(401, 'UNAUTHENTICATED', ['up'])).toBe(true);
    expect(seen(401, 'UNAUTHENTICATED', ['down'])).toBe(true);
    expect(seen(503, 'AUDIT_UNAVAILABLE', ['stopping', 'down'])).toBe(true);
    expect(seen(503, 'SERVICE_UNAVAILABLE', ['stopping', 'down'])).toBe(true);

    const verified = await verifyAudit();
    expect(verified.out).toMatch(/audit chain OK: \d+ events/);
    expect(verified.code).toBe(0);
  });

  it('the hub killed with SIGKILL under load: no event of a delivered response is missing; the chain verifies', async () => {
    type Phase = 'alive' | 'killed';
    const hub = runCli(['start'], { ...hubEnv(), PORT: '0', LOG_LEVEL: 'info' });
    const url = await vi.waitFor(
      () => {
        const found = /"url":"(http:[^"]+\/graphql)"/.exec(hub.err())?.[1];
        if (!found) throw new Error(`the hub is not serving yet: ${hub.err().slice(-500)}`);
        return found;
      },
      { interval: 50, timeout: 30_000 },
    );
    const run = randomUUID().slice(0, 8);
    const tokens = await Promise.all(CLIENTS.map((c) => issuer.signClientToken(c, 600)));
    const LOOPS = 8;
    const load = startLoad<Phase>({
      url,
      loops: LOOPS,
      query: VIEWER,
      phase: 'alive',
      request: (loop, n) => ({ requestId: `kill-${run}-${loop}-${n}`, authorization: `Bearer ${tokens[loop % tokens.length]}` }),
    });
    let answers: Answer<Phase>[];
    try {
      await vi.waitFor(() => expect(Math.min(...answersPerLoop(load.answers, LOOPS, (a) => a.status === 200))).toBeGreaterThanOrEqual(25), { ...POLL, timeout: 10_000 });
      load.enter('killed');
      hub.child.kill('SIGKILL');
      expect((await hub.exited).signal).toBe('SIGKILL');
      // Each loop ends by itself on its first request without an answer: the kill came while they were all sending.
      await vi.waitFor(() => expect(answersPerLoop(load.answers, LOOPS, (a) => a.status === null)).toEqual(Array.from({ length: LOOPS }, () => 1)), { ...POLL, timeout: 10_000 });
    } finally {
      answers = await load.stop();
    }

    const delivered = answers.filter((a) => a.status !== null);
    expect(delivered.filter((a) => a.status !== 200 || viewerClientId(a.body) !== CLIENTS[a.loop % CLIENTS.length])).toEqual([]);
    const byRequest = await auditRowsByRequest(answers.map((a) => a.requestId));
    const missing = delivered.filter((a) => {
      const rows = byRequest.get(a.requestId) ?? [];
      return rows.length !== 1 || rows[0]?.outcome !== 'SUCCESS' || rows[0].client_id !== CLIENTS[a.loop % CLIENTS.length];
    });
    expect(missing.map((a) => a.requestId)).toEqual([]);
    // A request cut off by the kill may have been recorded (its event was committed, its answer lost), but only once.
    expect([...byRequest.entries()].filter(([, rows]) => rows.length !== 1)).toEqual([]);

    const verified = await verifyAudit();
    expect(verified.out).toMatch(/audit chain OK: \d+ events/);
    expect(verified.code).toBe(0);
  });
});
