// No change without its event: each kind of state change, broken in the middle of its audit path, leaves the change
// and its event both (linked in the chain, after a restart if it took one) or neither; `sharehub audit verify` passes.
// The hub runs as a child process on a database of this file's own (the test holds the chain's and the outbox's locks).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadDevIssuer, type DevIssuer } from '../../src/auth/devIssuer.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { CHANGE, ISSUE, issueInput, permitLike, publishCertificateType, uniqueIdentifierCode } from '../support/certificates.js';
import { GraphQLClient, type GraphQLResponse } from '../support/client.js';
import { hubEnv, runCli, startHubProcess, stopHubProcess, type CliRun, type HubProcess } from '../support/hubProcess.js';
import { createOwnDatabase } from '../support/ownDatabase.js';
import { ENTITY, startHealthySubgraph, startProviderHost, type ProviderHost, type TestSubgraph } from '../support/subgraphs.js';

const PURPOSE = 'SI-TEST-0016';
const AMR = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'amr')!.code;
const PSB = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'psb')!.code;
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id grants { id } } } }`;
const APPROVE = `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id } } }`;
const REJECT = `mutation J($id: ID!, $reason: String!) { rejectAccessRequest(requestId: $id, reason: $reason) { accessRequest { id } } }`;
const SUSPEND_GRANT = `mutation S($id: ID!) { suspendGrant(grantId: $id, reason: "test") { grant { id } } }`;
const REINSTATE_GRANT = `mutation S($id: ID!) { reinstateGrant(grantId: $id) { grant { id } } }`;
const REVOKE_GRANT = `mutation S($id: ID!) { revokeGrant(grantId: $id, reason: "test") { grant { id } } }`;
const RENEW = `mutation N($id: String!) { renewCertificate(identifier: $id) { certificate { identifier } } }`;
const ROTATE = `mutation { rotateSigningKey { kid } }`;
const PUBLISH_ITEM = `mutation I($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code } } }`;
const PREPARE = `mutation P($item: String!, $id: String!, $case: String!) { prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) { caseNumber } }`;
const CONSENT = `mutation C($c: String!) { giveConsent(caseNumber: $c) { caseNumber } }`;
const REPORT = `mutation R($input: ReportDataErrorInput!) { reportDataError(input: $input) { correctionReport { id } } }`;
const REGISTER_SOURCE = `mutation L($input: RegisterLiveSourceInput!) { registerLiveSource(input: $input) { liveSource { resourceType } } }`;
const UNREGISTER_SOURCE = `mutation U($t: ID!) { unregisterLiveSource(resourceType: $t) { resourceType } }`;
const RESOLVE = `mutation R($input: ResolveDataErrorInput!) { resolveDataError(input: $input) { correctionReport { id } } }`;

let url: string;
let db: pg.Client;
let issuer: DevIssuer;
let hub: HubProcess | undefined;
/** PSB's service host (the one origin the hub lets PSB register live sources on) and a subgraph there. */
let psbHost: ProviderHost;
let subgraph: TestSubgraph;

async function sql<T extends pg.QueryResultRow = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, params)).rows;
}

/**
 * The hub's environment: its statement timeout well above the time the test holds a lock that the changes wait on
 * (a waiting statement that timed out would answer before its connection is cut).
 */
const servingEnv = () =>
  hubEnv(url, { SHAREHUB_STATEMENT_TIMEOUT_MS: '120000', SHAREHUB_METRICS_PORT: '0', SHAREHUB_LIVE_SOURCE_ORIGINS: JSON.stringify({ [PSB]: [psbHost.origin] }) });

beforeAll(async () => {
  url = await createOwnDatabase('changes');
  db = new pg.Client({ connectionString: url });
  await db.connect();
  issuer = await loadDevIssuer(inject('dataDir'));
  psbHost = await startProviderHost();
  subgraph = await startHealthySubgraph(new Map(), psbHost);
  hub = await startHubProcess(servingEnv());
});
afterAll(async () => {
  await stopHubProcess(hub, 'SIGKILL');
  await db?.end();
  await subgraph?.close();
  await psbHost?.close();
});

function as(clientId: string, requestId?: string, headers: Record<string, string> = {}): Promise<GraphQLClient> {
  return issuer.signClientToken(clientId, 600).then((t) => new GraphQLClient(hub!.url, { authorization: `Bearer ${t}`, ...(requestId ? { 'x-request-id': requestId } : {}), ...headers }));
}

function ok<T>(res: GraphQLResponse<T>, what: string): T {
  if (res.errors || !res.data) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** One kind of change: sent with a request id of its own; `isDone` asks the database whether it took effect. */
interface Change {
  kind: string;
  /** The audit actions its event(s) carry. */
  actions: string[];
  send(requestId: string): Promise<GraphQLResponse>;
  isDone(): Promise<boolean>;
}

const exists = async (text: string, params: unknown[]) => (await sql(text, params)).length > 0;

/**
 * An import batch (`sharehub import`, a process of its own) of new records of `type`: started by `start`, it is done
 * when its records are there; its event carries the file's name.
 */
interface ImportChange {
  start(): CliRun;
  isDone(): Promise<boolean>;
  file: string;
}

/** Everything each kind of change needs (a fresh set per scenario), and the changes themselves. */
async function prepareChanges(): Promise<{ changes: Change[]; importBatch: ImportChange }> {
  const psbAdmin = await as('psb-admin');
  const psbSystem = await as('psb-system');
  const hrssAdmin = await as('hrss-admin');
  const amrAdmin = await as('amr-admin');
  const amrSystem = await as('amr-system');
  const clerk = await as('window-clerk');
  const persons = testPersons(5, 1_600 + Math.floor(Math.random() * 5_000));
  const type = uniqueCode('t_change');
  await publish(psbAdmin, householdLike(type));
  const records = persons.slice(0, 2).map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330106' } }));
  ok(await psbSystem.query(UPSERT, { type, records }), 'upsert');
  const ask = async (fields: string[]) =>
    ok(
      await hrssAdmin.query(REQUEST_ACCESS, { input: { resourceType: type, fields, purposes: [PURPOSE], justification: `setup ${randomUUID()}`, validUntil: '2031-01-01T00:00:00Z' } }),
      'requestAccess',
    ).requestAccess.accessRequest as { id: string; grants: Array<{ id: string }> };
  const toApprove = await ask(['address']);
  const toReject = await ask(['birthDate']);
  const [toSuspend, toReinstate, toRevoke, forReports] = [await ask(['name']), await ask(['gender']), await ask(['districtCode']), await ask(['name', 'gender'])];
  ok(await psbAdmin.query(SUSPEND_GRANT, { id: toReinstate.grants[0]!.id }), 'suspend for reinstate');
  const hrssSystem = await as('hrss-system', undefined, { 'x-sharehub-purpose': PURPOSE });
  const openReport = ok(await hrssSystem.query(REPORT, { input: { resourceType: type, subjectId: persons[1]!.idNumber, field: 'name', comment: 'setup' } }), 'report')
    .reportDataError.correctionReport as { id: string };

  // A type whose source is registered by the change, and one whose source the change unregisters.
  const [liveType, unliveType] = [uniqueCode('t_change_live'), uniqueCode('t_change_unlive')];
  await publish(psbAdmin, householdLike(liveType));
  await publish(psbAdmin, householdLike(unliveType));
  const source = (resourceType: string) => ({ input: { resourceType, url: subgraph.url, entityTypeName: ENTITY, keyField: 'subjectId' } });
  ok(await psbAdmin.query(REGISTER_SOURCE, source(unliveType)), 'register a source to unregister');
  const hasSource = (resourceType: string) => exists('SELECT 1 FROM live_source WHERE resource_type_code = $1', [resourceType]);

  const certType = await publishCertificateType(amrAdmin, permitLike());
  const issue = async () => ok(await amrSystem.query(ISSUE, { input: issueInput(certType.code, persons[0]!), key: randomUUID() }), 'issue').issueCertificate.certificate.identifier as string;
  const [toSuspendCert, toRenew] = [await issue(), await issue()];
  const kidsBefore = (await sql<{ kid: string }>('SELECT kid FROM signing_key WHERE owner = $1', [AMR])).map((r) => r.kid);

  const [applicantRow] = await sql<{ subject_id: string }>(`SELECT h.subject_id FROM record h JOIN record m ON m.subject_id = h.subject_id
    AND m.resource_type_code = 'marriage_registration' WHERE h.resource_type_code = 'household_registration' ORDER BY h.subject_id LIMIT 1`);
  const applicant = applicantRow!.subject_id;
  const consentCase = `CHG-${randomUUID()}`;
  ok(await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: consentCase }), 'prepare');
  const holderToken = await issuer.signHolderToken(applicant, 600);

  const newType = uniqueCode('t_change_new');
  const newCertType = permitLike(uniqueCode('t_change_cert'), uniqueIdentifierCode());
  const newItem = uniqueCode('chg_item');
  const issueKey = randomUUID();
  const askJustification = `asked ${randomUUID()}`;
  const reportComment = `report ${randomUUID()}`;
  const newCase = `CHG-${randomUUID()}`;
  const newSubject = persons[2]!;
  const client = (id: string, requestId: string, headers?: Record<string, string>) => as(id, requestId, headers);
  const imported = persons.slice(3);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-change-')), `import-${randomUUID().slice(0, 8)}.ndjson`);
  await fs.writeFile(file, imported.map((p) => JSON.stringify({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330106' } })).join('\n') + '\n');
  const importBatch: ImportChange = {
    start: () => runCli(['import', '--type', type, '--file', file], hubEnv(url)),
    isDone: async () => (await sql('SELECT 1 FROM record WHERE resource_type_code = $1 AND subject_id = ANY($2::text[])', [type, imported.map((p) => p.idNumber)])).length === imported.length,
    file: path.basename(file),
  };
  const changes: Change[] = [
    {
      kind: 'catalog publishing',
      actions: ['catalog.publish'],
      send: async (r) => (await client('psb-admin', r)).query(`mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { code } } }`, { input: householdLike(newType) }),
      isDone: () => exists('SELECT 1 FROM resource_type WHERE code = $1', [newType]),
    },
    {
      kind: 'certificate type publishing',
      actions: ['certificate_type.publish'],
      send: async (r) => (await client('amr-admin', r)).query(`mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { code } } }`, { input: newCertType }),
      isDone: () => exists('SELECT 1 FROM certificate_type WHERE code = $1', [newCertType.code]),
    },
    {
      kind: 'access request',
      actions: ['access.request'],
      send: async (r) =>
        (await client('hrss-admin', r)).query(REQUEST_ACCESS, { input: { resourceType: type, fields: ['householdSize'], purposes: [PURPOSE], justification: askJustification, validUntil: '2031-01-01T00:00:00Z' } }),
      isDone: () => exists('SELECT 1 FROM access_request WHERE justification = $1', [askJustification]),
    },
    {
      kind: 'access approval',
      actions: ['access.approve'],
      send: async (r) => (await client('psb-admin', r)).query(APPROVE, { input: { requestId: toApprove.id, fields: [{ field: 'address', effect: 'ALLOW' }] } }),
      isDone: () => exists(`SELECT 1 FROM access_request WHERE id = $1 AND status = 'APPROVED'`, [toApprove.id]),
    },
    {
      kind: 'access rejection',
      actions: ['access.reject'],
      send: async (r) => (await client('psb-admin', r)).query(REJECT, { id: toReject.id, reason: 'not needed' }),
      isDone: () => exists(`SELECT 1 FROM access_request WHERE id = $1 AND status = 'REJECTED'`, [toReject.id]),
    },
    {
      kind: 'grant suspension',
      actions: ['grant.suspend'],
      send: async (r) => (await client('psb-admin', r)).query(SUSPEND_GRANT, { id: toSuspend.grants[0]!.id }),
      isDone: () => exists(`SELECT 1 FROM access_grant WHERE id = $1 AND status = 'SUSPENDED'`, [toSuspend.grants[0]!.id]),
    },
    {
      kind: 'grant reinstatement',
      actions: ['grant.reinstate'],
      send: async (r) => (await client('psb-admin', r)).query(REINSTATE_GRANT, { id: toReinstate.grants[0]!.id }),
      isDone: () => exists(`SELECT 1 FROM access_grant WHERE id = $1 AND status = 'ACTIVE'`, [toReinstate.grants[0]!.id]),
    },
    {
      kind: 'grant revocation',
      actions: ['grant.revoke'],
      send: async (r) => (await client('psb-admin', r)).query(REVOKE_GRANT, { id: toRevoke.grants[0]!.id }),
      isDone: () => exists(`SELECT 1 FROM access_grant WHERE id = $1 AND status = 'REVOKED'`, [toRevoke.grants[0]!.id]),
    },
    {
      kind: 'record upsert',
      actions: ['records.upsert'],
      send: async (r) => (await client('psb-system', r)).query(UPSERT, { type, records: [{ subjectId: newSubject.idNumber, fields: { name: newSubject.name, gender: newSubject.gender, districtCode: '330106' } }] }),
      isDone: () => exists('SELECT 1 FROM record WHERE resource_type_code = $1 AND subject_id = $2', [type, newSubject.idNumber]),
    },
    {
      kind: 'certificate issue',
      actions: ['certificate.issue'],
      send: async (r) => (await client('amr-system', r)).query(ISSUE, { input: issueInput(certType.code, persons[1]!), key: issueKey }),
      isDone: () => exists('SELECT 1 FROM certificate_issuance WHERE idempotency_key = $1', [issueKey]),
    },
    {
      kind: 'certificate status change',
      actions: ['certificate.suspend'],
      send: async (r) => (await client('amr-system', r)).query(CHANGE.suspend, { id: toSuspendCert, reason: 'test' }),
      isDone: () => exists(`SELECT 1 FROM certificate WHERE identifier = $1 AND status = 'SUSPENDED'`, [toSuspendCert]),
    },
    {
      kind: 'certificate renewal',
      actions: ['certificate.renew'],
      send: async (r) => (await client('amr-system', r)).query(RENEW, { id: toRenew }),
      isDone: () => exists('SELECT 1 FROM certificate WHERE identifier = $1 AND successor IS NOT NULL', [toRenew]),
    },
    {
      kind: 'key rotation',
      actions: ['keys.rotate'],
      send: async (r) => (await client('amr-admin', r)).query(ROTATE),
      isDone: () => exists('SELECT 1 FROM signing_key WHERE owner = $1 AND NOT (kid = ANY($2::text[]))', [AMR, kidsBefore]),
    },
    {
      kind: 'live source registration',
      actions: ['liveSource.register'],
      send: async (r) => (await client('psb-admin', r)).query(REGISTER_SOURCE, source(liveType)),
      isDone: () => hasSource(liveType),
    },
    {
      kind: 'live source unregistration',
      actions: ['liveSource.unregister'],
      send: async (r) => (await client('psb-admin', r)).query(UNREGISTER_SOURCE, { t: unliveType }),
      isDone: async () => !(await hasSource(unliveType)),
    },
    {
      kind: 'service item publishing',
      actions: ['service_item.publish'],
      send: async (r) =>
        (await client('service-center-admin', r)).query(PUBLISH_ITEM, {
          input: { code: newItem, name: '测试事项', nameEn: 'Test item', materials: [{ key: 'h', name: '户口', source: 'RECORD', typeCode: 'household_registration', fields: ['name'] }] },
        }),
      isDone: () => exists('SELECT 1 FROM service_item WHERE code = $1', [newItem]),
    },
    {
      kind: 'application with its receipt',
      actions: ['application.material'],
      send: async (r) => (await client('window-clerk', r)).query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: newCase }),
      isDone: () => exists('SELECT 1 FROM application WHERE case_number = $1', [newCase]),
    },
    {
      kind: 'consent',
      actions: ['application.consent'],
      send: async (r) => new GraphQLClient(hub!.url, { authorization: `Bearer ${holderToken}`, 'x-request-id': r }).query(CONSENT, { c: consentCase }),
      isDone: () => exists('SELECT 1 FROM application WHERE case_number = $1 AND consent_given_at IS NOT NULL', [consentCase]),
    },
    {
      kind: 'correction report',
      actions: ['correction.report'],
      send: async (r) => (await client('hrss-system', r, { 'x-sharehub-purpose': PURPOSE })).query(REPORT, { input: { resourceType: type, subjectId: persons[0]!.idNumber, field: 'name', comment: reportComment } }),
      isDone: () => exists('SELECT 1 FROM correction_report WHERE comment = $1', [reportComment]),
    },
    {
      kind: 'correction',
      actions: ['correction.resolve'],
      send: async (r) => (await client('psb-system', r)).query(RESOLVE, { input: { reportId: openReport.id, outcome: 'REJECTED', reason: 'the name is right' } }),
      isDone: () => exists(`SELECT 1 FROM correction_report WHERE id = $1 AND status <> 'OPEN'`, [openReport.id]),
    },
  ];
  return { changes, importBatch };
}

/** The import's events (by its file's name), in the outbox or in the chain. */
async function importEvents(file: string): Promise<{ outbox: number; chain: number }> {
  const [outbox] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_outbox WHERE event->>'action' = 'records.import' AND event->'details'->>'file' = $1`, [file]);
  const [chain] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'records.import' AND details->>'file' = $1`, [file]);
  return { outbox: outbox!.n, chain: chain!.n };
}

/** The change actions recorded for a request, in chain order. */
async function changeActions(requestId: string): Promise<string[]> {
  return (await sql<{ action: string }>(`SELECT action FROM audit_event WHERE request_id = $1 AND action NOT LIKE 'graphql.%' ORDER BY seq`, [requestId])).map((r) => r.action);
}

async function verifyAudit(): Promise<{ code: number | null; out: string }> {
  const verify = runCli(['audit', 'verify'], hubEnv(url));
  const { code } = await verify.exited;
  return { code, out: verify.out() + verify.err() };
}

/** The hub's pooled connections of the request path taken now (its metrics). */
async function poolInUse(): Promise<number> {
  const metricsUrl = /"metrics":"(http:[^"]+)"/.exec(hub!.log())?.[1];
  if (!metricsUrl) throw new Error('the hub did not say where its metrics are');
  const line = (await (await fetch(metricsUrl)).text()).split('\n').find((l) => l.startsWith('sharehub_db_pool_connections{state="in_use"}'));
  return Number(line?.split(' ')[1]);
}

/** Backends of the hub waiting on a lock, whose statement matches `pattern`. */
async function waitingOn(pattern: string): Promise<number[]> {
  return (await sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`, [pattern])).map((r) => r.pid);
}

/**
 * Sends `sends` (and starts `importing`, if given) while the test holds audit_outbox in SHARE mode, so that each
 * change's transaction waits at its outbox insert (after its own writes), then kills those backends and lets go.
 * SHARE mode holds back inserts only: the writers' reads of the outbox (their sweeps) go on.
 */
async function cutAtOutboxInsert(sends: Array<() => Promise<GraphQLResponse>>, startImport?: () => CliRun): Promise<{ answers: GraphQLResponse[]; importing?: CliRun }> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE audit_outbox IN SHARE MODE');
  try {
    const sent = sends.map((send) => send());
    const importing = startImport?.();
    const pids = await vi.waitFor(
      async () => {
        const found = await waitingOn('%insert into audit_outbox%');
        expect(found.length).toBe(sends.length + (importing ? 1 : 0));
        return found;
      },
      { interval: 50, timeout: 60_000 },
    );
    await sql('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
    return { answers: await Promise.all(sent), importing };
  } finally {
    await holder.query('ROLLBACK');
    await holder.end();
  }
}

/**
 * Changes that take one lock before their outbox insert cannot all wait there at once: a certificate's issue and its
 * renewal each take places in the issuer's status lists (under one allocation lock per issuer and purpose, and the
 * list's row, which a status change writes too). Each of those two is cut in a wave of its own; the others wait side by
 * side in the first.
 */
const OWN_WAVE = new Set(['certificate issue', 'certificate renewal']);

describe('no change without its event', () => {
  it('the connection killed in the middle of each kind of change: neither the change nor its event', async () => {
    const { changes, importBatch } = await prepareChanges();
    const run = randomUUID().slice(0, 8);
    const send = (i: number) => () => changes[i]!.send(`conn-${run}-${i}`);
    const indexes = changes.map((_, i) => i);
    const waves = [indexes.filter((i) => !OWN_WAVE.has(changes[i]!.kind)), ...indexes.filter((i) => OWN_WAVE.has(changes[i]!.kind)).map((i) => [i])];
    const answers: GraphQLResponse[] = [];
    let importing: CliRun | undefined;
    for (const [w, wave] of waves.entries()) {
      const cut = await cutAtOutboxInsert(wave.map(send), w === 0 ? importBatch.start : undefined);
      importing ??= cut.importing;
      for (const [k, i] of wave.entries()) answers[i] = cut.answers[k]!;
    }
    // The import cut off in its batch ends as failed, never as a success.
    const imported = await importing!.exited;
    expect({ code: imported.code, said: importing!.err() }).toMatchObject({ code: 1, said: expect.stringMatching(/^sharehub: /m) });
    const problems: string[] = [];
    for (const [i, c] of changes.entries()) {
      const answer = answers[i]!;
      if (answer.data && Object.values(answer.data).some((v) => v !== null)) problems.push(`${c.kind}: answered with data ${JSON.stringify(answer.data)}`);
      if (!answer.errors?.length) problems.push(`${c.kind}: answered without an error`);
      if (await c.isDone()) problems.push(`${c.kind}: the change stands`);
      const actions = await changeActions(`conn-${run}-${i}`);
      if (actions.length) problems.push(`${c.kind}: events ${actions.join(', ')} without the change`);
    }
    if (await importBatch.isDone()) problems.push('import batch: the records stand');
    const importedEvents = await importEvents(importBatch.file);
    if (importedEvents.chain + importedEvents.outbox !== 0) problems.push('import batch: an event without the records');
    expect(problems).toEqual([]);
    // Every cut connection left the pool: none stays taken (a leaked one would starve the hub after a few such cuts).
    await vi.waitFor(async () => expect(await poolInUse()).toBe(0), { interval: 100, timeout: 10_000 });
    const verified = await verifyAudit();
    expect(verified.out).toMatch(/audit chain OK/);
    expect(verified.code).toBe(0);
  }, 180_000);

  it('the hub killed with SIGKILL between each change\'s commit and its response: after restart, the change and its event', async () => {
    const { changes, importBatch } = await prepareChanges();
    const run = randomUUID().slice(0, 8);
    const head = (await sql<{ head: string }>('SELECT coalesce(max(seq), 0)::text AS head FROM audit_event'))[0]!.head;
    // The chain writer waits for the chain's lock: every change commits (with its outbox event), no response leaves.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('sharehub:audit_chain'))`);
    try {
      // An answer before the kill would be a response without its event (or a refusal, which the wait below shows).
      const early = new Map<number, unknown>();
      const sent = changes.map((c, i) =>
        c.send(`kill-${run}-${i}`).then(
          (answer) => {
            early.set(i, answer);
            return answer;
          },
          () => null,
        ),
      );
      const importing = importBatch.start();
      await vi.waitFor(
        async () => {
          expect(await importEvents(importBatch.file)).toEqual({ outbox: 1, chain: 0 });
          const waiting = (await sql<{ id: string }>(`SELECT DISTINCT event->>'requestId' AS id FROM audit_outbox WHERE event->>'requestId' LIKE $1`, [`kill-${run}-%`])).map((r) => r.id);
          const notYet: string[] = [];
          for (const [i, c] of changes.entries()) {
            if (!(await c.isDone())) notYet.push(`${c.kind}: not done`);
            if (!waiting.includes(`kill-${run}-${i}`)) notYet.push(`${c.kind}: no event in the outbox`);
            if (early.has(i)) notYet.push(`${c.kind}: answered ${JSON.stringify(early.get(i))}`);
          }
          expect(notYet).toEqual([]);
        },
        { interval: 50, timeout: 60_000 },
      );
      expect(await importBatch.isDone()).toBe(true);
      importing.child.kill('SIGKILL');
      expect((await importing.exited).signal).toBe('SIGKILL');
      await stopHubProcess(hub, 'SIGKILL');
      const answers = await Promise.all(sent);
      expect(answers.filter((a) => a !== null)).toEqual([]);
      // Committed, not yet linked: the events wait in the outbox.
      for (const [i] of changes.entries()) expect(await changeActions(`kill-${run}-${i}`)).toEqual([]);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('sharehub:audit_chain'))`);
      await holder.end();
    }

    hub = await startHubProcess(servingEnv());
    // The restarted hub links what it finds in the outbox (at once, and every 5 s).
    await vi.waitFor(async () => expect((await sql<{ left: number }>('SELECT count(*)::int AS left FROM audit_outbox'))[0]!.left).toBe(0), { interval: 100, timeout: 15_000 });
    const problems: string[] = [];
    for (const [i, c] of changes.entries()) {
      if (!(await c.isDone())) problems.push(`${c.kind}: the change is gone`);
      const actions = [...new Set(await changeActions(`kill-${run}-${i}`))];
      if (JSON.stringify(actions) !== JSON.stringify(c.actions)) problems.push(`${c.kind}: events ${actions.join(', ') || 'none'}, expected ${c.actions.join(', ')}`);
    }
    if (!(await importBatch.isDone())) problems.push('import batch: the records are gone');
    const imported = await importEvents(importBatch.file);
    if (imported.chain !== 1 || imported.outbox !== 0) problems.push(`import batch: ${JSON.stringify(imported)} events, expected one in the chain`);
    expect(problems).toEqual([]);
    // Linked after everything that was in the chain before, in the order the changes committed their events.
    const linked = await sql<{ seq: string; request_id: string }>(`SELECT seq::text, request_id FROM audit_event WHERE request_id LIKE $1 ORDER BY seq`, [`kill-${run}-%`]);
    expect(linked.every((r) => BigInt(r.seq) > BigInt(head))).toBe(true);
    const verified = await verifyAudit();
    expect(verified.out).toMatch(/audit chain OK/);
    expect(verified.code).toBe(0);
  }, 180_000);
});
