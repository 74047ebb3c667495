// Several instances as one: two hub processes on one PostgreSQL behind a round-robin proxy, under mixed load from
// several clients. A grant revoked through one is refused by the other on its next request, a catalog change is served
// by both, a key rotated on one verifies on the other; one audit chain, verified, with exactly one event per delivered
// response; no request fails but those the test makes fail. SHAREHUB_INSTANCES_SECONDS sets the load's length (60 s).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  GraphQLCaller,
  loadTypeDefinition,
  mixedKinds,
  prepareWorld,
  READ_HEADERS,
  REVOKE_GRANT,
  ROTATE_KEY,
  runLoad,
  VERIFY,
  type Answer,
  type Tokens,
} from '../../bench/mixedLoad.js';
import { loadDevIssuer } from '../../src/auth/devIssuer.js';
import { typeNameOf } from '../../src/catalog/naming.js';
import { hubEnv, runCli, startHubProcess, stopHubProcess, type HubProcess } from '../support/hubProcess.js';
import { createOwnDatabase } from '../support/ownDatabase.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/roundRobinProxy.js';

const SECONDS = Number(process.env.SHAREHUB_INSTANCES_SECONDS ?? 60);
const UNLIMITED = { SHAREHUB_RATE_LIMIT_PER_SECOND: '100000', SHAREHUB_RATE_LIMIT_BURST: '100000' };

let url: string;
let a: HubProcess | undefined;
let b: HubProcess | undefined;
let proxy: RoundRobinProxy | undefined;
let tokens: Tokens;

beforeAll(async () => {
  url = await createOwnDatabase('instances_load');
  // One after the other: the first seeds the demo certificates (two demo starts at once race on them).
  a = await startHubProcess(hubEnv(url, UNLIMITED));
  b = await startHubProcess(hubEnv(url, UNLIMITED));
  proxy = await startRoundRobinProxy([a.url.replace(/\/graphql$/, ''), b.url.replace(/\/graphql$/, '')]);
  const issuer = await loadDevIssuer(inject('dataDir'));
  const cache = new Map<string, Promise<string>>();
  tokens = { client: (id) => cache.get(id) ?? (cache.set(id, issuer.signClientToken(id, 3600)), cache.get(id)!) };
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all([stopHubProcess(a, 'SIGKILL'), stopHubProcess(b, 'SIGKILL')]);
});

const waitMs = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codes = (answer: { body: { errors?: Array<{ extensions?: { code?: string } }> } | null }) => (answer.body?.errors ?? []).map((e) => e.extensions?.code);

describe('two instances behind a round-robin proxy', () => {
  it(`${SECONDS} s of mixed load: revocation, catalog change and key rotation seen by both; one verified chain, one event per response`, async () => {
    const viaProxy = new GraphQLCaller(`${proxy!.origin}/graphql`, tokens);
    const onA = new GraphQLCaller(a!.url, tokens);
    const onB = new GraphQLCaller(b!.url, tokens);
    const world = await prepareWorld(onA, { records: 150, flipGrants: 1 });
    const kinds = mixedKinds(world);
    const run = `inst-${randomUUID().slice(0, 8)}`;
    const load = runLoad(
      viaProxy,
      [kinds.recordRead!, kinds.recordRead!, kinds.list100!, kinds.verification!, kinds.application!, kinds.auditSearch!, kinds.grantChange!].map((kind) => ({ kind })),
      run,
    );
    let revokeSent = 0;
    let revokeAnswered = 0;
    try {
      // A third in: the readers' grant is revoked through A; B refuses the reader on its very next request.
      await waitMs((SECONDS * 1000) / 3);
      revokeSent = load.now();
      await onA.ok({ clientId: 'psb-admin', query: REVOKE_GRANT, variables: { id: world.readerGrant } }, 'revoke through A');
      revokeAnswered = load.now();
      const onBAfter = await onB.call(kinds.recordRead!.next(0));
      expect(onBAfter.status).toBe(200);
      expect(codes(onBAfter)).toEqual(['FORBIDDEN']);
      expect(Object.values(onBAfter.body?.data ?? {}).every((v) => v === null)).toBe(true);

      // Two thirds in: a new version of the type, published through A, is served by both.
      await waitMs((SECONDS * 1000) / 3);
      const nickname = { name: 'nickname', nameZh: '别名', type: 'STRING', sharing: 'UNCONDITIONAL', required: false, description: 'Another name.' };
      await onA.ok({ clientId: 'psb-admin', query: `mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { version } } }`, variables: { input: loadTypeDefinition(world.type, [nickname]) } }, 'publish');
      const fieldsOn = async (caller: GraphQLCaller) =>
        ((await caller.ok({ clientId: 'psb-system', query: `query T($name: String!) { __type(name: $name) { fields { name } } }`, variables: { name: typeNameOf(world.type) } }, 'introspect')).__type.fields as Array<{ name: string }>).map((f) => f.name);
      for (const caller of [onA, onB]) await vi.waitFor(async () => expect(await fieldsOn(caller)).toContain('nickname'), { interval: 50, timeout: 10_000 });

      // A key rotated through A: what A signs with it verifies on B.
      // A key rotated through A: what either instance signs now carries the new key, and verifies on the other.
      const { rotateSigningKey } = await onA.ok({ clientId: 'amr-admin', query: ROTATE_KEY }, 'rotate through A');
      const issueOn = async (caller: GraphQLCaller) =>
        (
          await caller.ok(
            {
              clientId: 'amr-system',
              query: `mutation I($input: IssueCertificateInput!, $key: String!) { issueCertificate(input: $input, idempotencyKey: $key) { certificate { identifier kid } } }`,
              variables: { input: { certificateType: `load_cert_${world.type.slice('load_'.length)}`, holder: { idType: 'RESIDENT_ID', idNumber: world.subjects[0], name: '负载' }, face: { title: '轮换后' } }, key: randomUUID() },
            },
            'issue after the rotation',
          )
        ).issueCertificate.certificate as { identifier: string; kid: string };
      for (const [signer, verifier] of [
        [onA, onB],
        [onB, onA],
      ] as const) {
        const issued = await issueOn(signer);
        expect(issued.kid).toBe(rotateSigningKey.kid);
        const verified = await verifier.ok({ clientId: 'amr-system', headers: READ_HEADERS, query: VERIFY, variables: { id: issued.identifier } }, 'verify on the other');
        expect(verified.verifyCertificate).toMatchObject({ authentic: true, status: 'VALID' });
      }

      await waitMs(Math.max(0, SECONDS * 1000 - load.now()));
    } finally {
      await load.stop();
    }
    const answers = load.answers;
    expect(proxy!.sent.every((n) => n > answers.length / 4)).toBe(true);

    // The readers' requests: served before the revocation, refused after it; only the ones in between may be either.
    const isReader = (x: Answer) => x.kind === 'recordRead' || x.kind === 'list100';
    const failures = answers.filter((x) => {
      if (isReader(x) && x.sentAt > revokeAnswered) return !(x.status === 200 && JSON.stringify(x.codes) === '["FORBIDDEN"]');
      if (isReader(x) && x.sentAt + x.ms > revokeSent) return !(x.status === 200 && (x.codes.length === 0 || JSON.stringify(x.codes) === '["FORBIDDEN"]'));
      return x.status !== 200 || x.codes.length > 0;
    });
    expect(failures.map((x) => `${x.kind} ${x.requestId}: ${x.status} ${x.codes.join(',')}`)).toEqual([]);
    expect(answers.filter((x) => isReader(x) && x.sentAt > revokeAnswered).length).toBeGreaterThan(0);
    for (const kind of ['recordRead', 'list100', 'verification', 'application', 'auditSearch', 'grantChange']) expect(answers.some((x) => x.kind === kind && x.codes.length === 0), kind).toBe(true);

    // Drained, then counted: one request event per delivered response; a change's own event besides.
    await Promise.all([stopHubProcess(a), stopHubProcess(b)]);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ request_id: string; requests: number; grants: number; materials: number }>(
        `SELECT request_id, count(*) FILTER (WHERE action LIKE 'graphql.%')::int AS requests, count(*) FILTER (WHERE action LIKE 'grant.%')::int AS grants,
           count(*) FILTER (WHERE action = 'application.material')::int AS materials
         FROM audit_event WHERE request_id LIKE $1 GROUP BY request_id`,
        [`${run}-%`],
      );
      const byRequest = new Map(rows.map((r) => [r.request_id, r]));
      const wrong = answers.filter((x) => {
        const r = byRequest.get(x.requestId);
        if (!r || r.requests !== 1) return true;
        if (x.kind === 'grantChange') return r.grants !== 1;
        if (x.kind === 'application') return r.materials < 1;
        return r.grants !== 0 || r.materials !== 0;
      });
      expect(wrong.map((x) => `${x.kind} ${x.requestId}: ${JSON.stringify(byRequest.get(x.requestId) ?? null)}`)).toEqual([]);
      expect(byRequest.size).toBe(answers.length);
      expect((await db.query('SELECT count(*)::int AS n FROM audit_outbox')).rows[0].n).toBe(0);
      expect((await db.query('SELECT prev_hash FROM audit_event GROUP BY prev_hash HAVING count(*) > 1')).rowCount).toBe(0);
    } finally {
      await db.end();
    }
    const verify = runCli(['audit', 'verify'], hubEnv(url));
    const { code } = await verify.exited;
    expect(verify.out()).toMatch(/audit chain OK/);
    expect(code).toBe(0);
    console.info(`instances: ${answers.length} responses in ${SECONDS} s through the proxy (${proxy!.sent.join(' + ')}), chain verified`);
  }, (SECONDS + 90) * 1000);
});
