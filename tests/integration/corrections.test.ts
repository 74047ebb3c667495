// Data correction reports (数据纠错) over HTTP with demo tokens: a consumer reports a field it can read, the
// provider corrects the record (a new version) or rejects the report, the reporter sees the outcome; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const PURPOSE = 'SI-TEST-0002';
const HRSS = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'hrss')!.code;

const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { status grants { state } } } }`;
const REPORT_FIELDS = 'id resourceType subjectId field recordVersion comment reporterCode reportedBy reportedAt status resolution correctedVersion resolvedBy resolvedAt';
const REPORT = `mutation Report($input: ReportDataErrorInput!) { reportDataError(input: $input) { correctionReport { ${REPORT_FIELDS} } } }`;
const RESOLVE = `mutation Resolve($input: ResolveDataErrorInput!) { resolveDataError(input: $input) { correctionReport { ${REPORT_FIELDS} } } }`;
const LIST = `query List($side: AccessSide!, $status: CorrectionStatus, $first: Int, $after: String) {
  correctionReports(side: $side, status: $status, first: $first, after: $after) {
    edges { cursor node { ${REPORT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

interface ReportInput {
  resourceType: string;
  subjectId: string;
  field: string;
  comment?: string;
}

interface ReportNode {
  id: string;
  resourceType: string;
  subjectId: string;
  status: string;
  reportedAt: string;
  [field: string]: unknown;
}

let t: TestHub;
let psbAdmin: GraphQLClient;
let psbSystem: GraphQLClient;
let hrssAdmin: GraphQLClient;
let hrssSystem: GraphQLClient;
let seed = 100;

beforeAll(async () => {
  t = await startTestHub();
  psbAdmin = await t.as('psb-admin');
  psbSystem = await t.as('psb-system');
  hrssAdmin = await t.as('hrss-admin');
  hrssSystem = await t.as('hrss-system');
});
afterAll(async () => {
  await t?.close();
});

/** A fresh psb resource type with records of `count` new persons; hrss holds an UNCONDITIONAL grant on it. */
async function sharedType(count = 2) {
  const code = uniqueCode('t_correction');
  seed += 1;
  const persons = testPersons(count, seed);
  await publish(psbAdmin, householdLike(code));
  const records = persons.map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330106', address: '浙江省杭州市西湖区文三路1号', householdSize: 3 } }));
  const upsert = await psbSystem.query(UPSERT, { type: code, records });
  expect(upsert.errors).toBeUndefined();
  const access = await hrssAdmin.query(REQUEST_ACCESS, {
    input: { resourceType: code, fields: ['name', 'gender', 'districtCode'], purposes: [PURPOSE], justification: 'data correction test', validUntil: '2030-01-01T00:00:00Z' },
  });
  expect(access.errors).toBeUndefined();
  expect(access.data?.requestAccess.accessRequest.grants[0].state).toBe('ACTIVE');
  return { code, persons: persons as Array<(typeof persons)[number]> };
}

/** A report states its purpose like any read of shared data. */
async function report(client: GraphQLClient, input: ReportInput, purpose: string | null = PURPOSE) {
  return client.with(purpose ? { 'x-sharehub-purpose': purpose } : {}).query(REPORT, { input: { comment: 'The name is misspelt.', ...input } });
}

async function reportOk(client: GraphQLClient, input: ReportInput): Promise<ReportNode> {
  const res = await report(client, input);
  expect(res.errors).toBeUndefined();
  return res.data!.reportDataError.correctionReport as ReportNode;
}

async function reportsOf(client: GraphQLClient, side: 'CONSUMER' | 'PROVIDER', code: string, status?: string): Promise<ReportNode[]> {
  const res = await client.query(LIST, { side, status, first: 100 });
  expect(res.errors).toBeUndefined();
  return (res.data!.correctionReports.edges as Array<{ node: ReportNode }>).map((e) => e.node).filter((n) => n.resourceType === code);
}

async function sql<T = Record<string, any>>(text: string, params: unknown[]): Promise<T[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query(text, params)).rows as T[];
}

async function auditOf(requestId: string) {
  return sql('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId]);
}

describe('reporting and correcting', () => {
  it('a consumer reports a wrong field; the provider sees it, corrects the record (a new version); the reporter sees CORRECTED; both steps audited', async () => {
    const { code, persons } = await sharedType();
    const alice = persons[0]!;
    const reportRequest = `correction-report-${Date.now()}`;
    const created = await reportOk(hrssSystem.with({ 'x-request-id': reportRequest }), { resourceType: code, subjectId: alice.idNumber, field: 'name', comment: 'The name is misspelt; 户籍 says otherwise.' });
    expect(created).toMatchObject({
      resourceType: code,
      subjectId: alice.idNumber,
      field: 'name',
      recordVersion: 1,
      comment: 'The name is misspelt; 户籍 says otherwise.',
      reporterCode: HRSS,
      reportedBy: 'hrss-system',
      status: 'OPEN',
      resolution: null,
      correctedVersion: null,
      resolvedBy: null,
      resolvedAt: null,
    });

    const queue = await reportsOf(psbAdmin, 'PROVIDER', code, 'OPEN');
    expect(queue.map((r) => r.id)).toEqual([created.id]);
    expect(queue[0]).toMatchObject({ subjectId: alice.idNumber, field: 'name', comment: created.comment });

    const resolveRequest = `correction-resolve-${Date.now()}`;
    const resolved = await psbAdmin.with({ 'x-request-id': resolveRequest }).query(RESOLVE, {
      input: { reportId: created.id, outcome: 'CORRECTED', reason: 'Checked against the paper register; name corrected.', fields: { name: '更正后姓名' } },
    });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data?.resolveDataError.correctionReport).toMatchObject({ id: created.id, status: 'CORRECTED', correctedVersion: 2, resolvedBy: 'psb-admin', resolution: 'Checked against the paper register; name corrected.' });

    // The record: a new version with the corrected value, every other value kept, the earlier version in history.
    const history = await sql('SELECT version, data FROM record_version WHERE resource_type_code = $1 AND subject_id = $2 ORDER BY version', [code, alice.idNumber]);
    expect(history.map((r) => [r.version, r.data.name])).toEqual([
      [1, alice.name],
      [2, '更正后姓名'],
    ]);
    expect(history[1]!.data).toEqual({ ...history[0]!.data, name: '更正后姓名' });
    const one = singleQueryNameOf(code);
    const read = await hrssSystem.with({ 'x-sharehub-purpose': PURPOSE }).query(`query R($id: ID!) { ${one}(subjectId: $id) { version name gender } }`, { id: alice.idNumber });
    expect(read.errors).toBeUndefined();
    expect(read.data?.[one]).toEqual({ version: 2, name: '更正后姓名', gender: alice.gender });

    const mine = await reportsOf(hrssSystem, 'CONSUMER', code);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: created.id, status: 'CORRECTED', correctedVersion: 2, resolution: 'Checked against the paper register; name corrected.', resolvedBy: 'psb-admin' });
    expect(mine[0]!.resolvedAt).not.toBeNull();
    expect(await reportsOf(psbAdmin, 'PROVIDER', code, 'OPEN')).toEqual([]);

    const reported = (await auditOf(reportRequest)).find((e) => e.action === 'correction.report');
    expect(reported).toMatchObject({ outcome: 'SUCCESS', client_id: 'hrss-system', resource_types: [code], details: { reportId: created.id, field: 'name' } });
    expect(reported!.subject_hashes).toHaveLength(1);
    expect(reported!.subject_hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    const resolvedEvent = (await auditOf(resolveRequest)).find((e) => e.action === 'correction.resolve');
    expect(resolvedEvent).toMatchObject({ outcome: 'SUCCESS', client_id: 'psb-admin', resource_types: [code], details: { reportId: created.id, outcome: 'CORRECTED', correctedVersion: 2, fieldsChanged: ['name'] } });
    expect(resolvedEvent!.subject_hashes).toEqual(reported!.subject_hashes);
    for (const event of [...(await auditOf(reportRequest)), ...(await auditOf(resolveRequest))]) expect(JSON.stringify(event)).not.toContain(alice.idNumber);
  });

  it('the provider rejects a report with a reason; the record is unchanged and the reporter sees REJECTED', async () => {
    const { code, persons } = await sharedType();
    const bob = persons[1]!;
    const created = await reportOk(hrssAdmin, { resourceType: code, subjectId: bob.idNumber, field: 'gender', comment: 'Gender looks wrong.' });
    const rejectRequest = `correction-reject-${Date.now()}`;
    const res = await psbSystem.with({ 'x-request-id': rejectRequest }).query(RESOLVE, { input: { reportId: created.id, outcome: 'REJECTED', reason: 'The register confirms the recorded gender.' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.resolveDataError.correctionReport).toMatchObject({ status: 'REJECTED', resolution: 'The register confirms the recorded gender.', correctedVersion: null, resolvedBy: 'psb-system' });
    const versions = await sql('SELECT version FROM record WHERE resource_type_code = $1 AND subject_id = $2', [code, bob.idNumber]);
    expect(versions).toEqual([{ version: 1 }]);
    const mine = await reportsOf(hrssSystem, 'CONSUMER', code, 'REJECTED');
    expect(mine.map((r) => [r.id, r.resolution])).toEqual([[created.id, 'The register confirms the recorded gender.']]);
    expect((await auditOf(rejectRequest)).find((e) => e.action === 'correction.resolve')?.details).toMatchObject({ reportId: created.id, outcome: 'REJECTED', correctedVersion: null });
  });

  it('a record corrected by a regular publication since the report can be closed as CORRECTED at its current version', async () => {
    const { code, persons } = await sharedType();
    const p = persons[0]!;
    const created = await reportOk(hrssSystem, { resourceType: code, subjectId: p.idNumber, field: 'districtCode', comment: 'Moved to 330102 last year.' });
    const republish = await psbSystem.query(UPSERT, { type: code, records: [{ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330102', address: '浙江省杭州市西湖区文三路1号', householdSize: 3 } }] });
    expect(republish.data?.upsertRecords.written).toEqual([{ subjectId: p.idNumber, version: 2 }]);
    const res = await psbAdmin.query(RESOLVE, { input: { reportId: created.id, outcome: 'CORRECTED', reason: 'Corrected by the nightly feed.', fields: { districtCode: '330102' } } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.resolveDataError.correctionReport).toMatchObject({ status: 'CORRECTED', correctedVersion: 2 });
  });
});

describe('refusals', () => {
  it.each<[string, string, string, Partial<ReportInput>]>([
    ['an unknown field', 'BAD_USER_INPUT', 'field: shoeSize', { field: 'shoeSize' }],
    ['a subject id with a wrong check digit', 'BAD_USER_INPUT', 'subjectId', { subjectId: 'bad' }],
    ['an empty comment', 'BAD_USER_INPUT', 'comment', { comment: '   ' }],
    ['a comment over 2,000 characters', 'BAD_USER_INPUT', 'comment', { comment: 'x'.repeat(2001) }],
    ['a field no grant of the department covers', 'FORBIDDEN', 'address', { field: 'address' }],
    ['a NOT_SHARED field', 'FORBIDDEN', 'religion', { field: 'religion' }],
    ['a subject without a record', 'NOT_FOUND', 'No record', { subjectId: 'none' }],
    ['an unknown resource type', 'NOT_FOUND', 'no_such_type', { resourceType: 'no_such_type' }],
  ])('reporting %s is %s, and nothing is stored', async (_what, code, named, change) => {
    const shared = await sharedType(1);
    const p = shared.persons[0]!;
    const subjectId =
      change.subjectId === 'bad' ? p.idNumber.slice(0, 17) + (p.idNumber[17] === '1' ? '2' : '1') : change.subjectId === 'none' ? testPersons(1, 999)[0]!.idNumber : p.idNumber;
    const res = await report(hrssSystem, { resourceType: shared.code, field: 'name', ...change, subjectId });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toContain(named);
    expect(await sql('SELECT id FROM correction_report WHERE resource_type_code = $1', [shared.code])).toEqual([]);
  });

  it("a field granted masked can be reported, but only for subjects within the grant's row scope; outside it looks like no record", async () => {
    const { code, persons } = await sharedType(1);
    const outside = persons[0]!;
    const inside = testPersons(1, 500 + seed)[0]!;
    const upsert = await psbSystem.query(UPSERT, { type: code, records: [{ subjectId: inside.idNumber, fields: { name: inside.name, gender: inside.gender, districtCode: '330102', address: '浙江省杭州市上城区解放路1号' } }] });
    expect(upsert.errors).toBeUndefined();
    const civilAdmin = await t.as('civil-affairs-admin');
    const asked = await civilAdmin.query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id status } } }`, {
      input: { resourceType: code, fields: ['address'], purposes: [PURPOSE], justification: 'data correction test', validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(asked.data?.requestAccess.accessRequest.status).toBe('PENDING');
    const approved = await psbAdmin.query(`mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { state } } }`, {
      input: { requestId: asked.data!.requestAccess.accessRequest.id, fields: [{ field: 'address', effect: 'MASK', mask: { strategy: 'REDACT' } }], rowScope: { field: 'districtCode', values: ['330102'] } },
    });
    expect(approved.errors).toBeUndefined();
    const civil = await t.as('civil-affairs-system');
    expect((await reportOk(civil, { resourceType: code, subjectId: inside.idNumber, field: 'address' })).status).toBe('OPEN');
    const out = await report(civil, { resourceType: code, subjectId: outside.idNumber, field: 'address' });
    const none = await report(civil, { resourceType: code, subjectId: testPersons(1, 900 + seed)[0]!.idNumber, field: 'address' });
    expect(out.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Out of scope and no record get the same answer, word for word, and neither tells the record's version.
    expect(out.errors?.[0]?.message).toBe(none.errors?.[0]?.message);
    expect(JSON.stringify(out)).not.toContain('recordVersion');
    const events = await sql<{ details: { correction?: string } }>(
      `SELECT details FROM audit_event WHERE resource_types @> ARRAY[$1]::text[] AND outcome <> 'SUCCESS' ORDER BY seq`,
      [code],
    );
    expect(events.map((e) => e.details.correction)).toEqual(expect.arrayContaining(['OUT_OF_SCOPE', 'NO_RECORD']));
  });

  it('a report states a purpose (PURPOSE_REQUIRED), and grants of another purpose do not let it report', async () => {
    const { code, persons } = await sharedType(1);
    const bare = await report(hrssSystem, { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' }, null);
    expect(bare.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const other = await report(hrssSystem, { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' }, 'another-purpose');
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('SELECT id FROM correction_report WHERE resource_type_code = $1', [code])).toEqual([]);
  });

  it('a department without a grant gets FORBIDDEN', async () => {
    const { code, persons } = await sharedType(1);
    const res = await report(await t.as('amr-system'), { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a role that does not report (auditor) gets FORBIDDEN', async () => {
    const { code, persons } = await sharedType(1);
    const res = await report(await t.as('auditor'), { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the provider reporting its own data gets BAD_USER_INPUT pointing to upsertRecords', async () => {
    const { code, persons } = await sharedType(1);
    const res = await report(psbSystem, { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('upsertRecords');
  });

  it('only the provider resolves (another department and the reporter get FORBIDDEN); resolving twice is CONFLICT', async () => {
    const { code, persons } = await sharedType(1);
    const created = await reportOk(hrssSystem, { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' });
    const reject = { reportId: created.id, outcome: 'REJECTED', reason: 'Correct as recorded.' };
    for (const clientId of ['amr-admin', 'hrss-admin', 'hrss-system']) {
      const res = await (await t.as(clientId)).query(RESOLVE, { input: reject });
      expect(res.errors?.[0]?.extensions?.code, clientId).toBe('FORBIDDEN');
    }
    expect((await psbAdmin.query(RESOLVE, { input: reject })).errors).toBeUndefined();
    const again = await psbAdmin.query(RESOLVE, { input: { ...reject, outcome: 'CORRECTED', fields: { name: 'x' } } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const versions = await sql('SELECT version FROM record WHERE resource_type_code = $1', [code]);
    expect(versions).toEqual([{ version: 1 }]);
  });

  it.each([
    ['a value of the wrong type', { householdSize: 'three' }, 'fields.householdSize'],
    ['an unknown enum value', { gender: 'OTHER' }, 'fields.gender'],
    ['an unknown field', { shoeSize: 42 }, 'fields.shoeSize'],
    ['no values', {}, 'fields'],
    ['the values already recorded', null, 'fields'],
  ])('a correction with %s is BAD_USER_INPUT naming it; neither the record nor the report changes', async (_what, fields, named) => {
    const { code, persons } = await sharedType(1);
    const p = persons[0]!;
    const created = await reportOk(hrssSystem, { resourceType: code, subjectId: p.idNumber, field: 'name' });
    const res = await psbAdmin.query(RESOLVE, { input: { reportId: created.id, outcome: 'CORRECTED', reason: 'Corrected.', fields: fields ?? { name: p.name } } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(named);
    expect(await sql('SELECT version FROM record WHERE resource_type_code = $1', [code])).toEqual([{ version: 1 }]);
    expect(await sql('SELECT status FROM correction_report WHERE id = $1', [created.id])).toEqual([{ status: 'OPEN' }]);
  });

  it('a rejection needs a reason and takes no values', async () => {
    const { code, persons } = await sharedType(1);
    const created = await reportOk(hrssSystem, { resourceType: code, subjectId: persons[0]!.idNumber, field: 'name' });
    const noReason = await psbAdmin.query(RESOLVE, { input: { reportId: created.id, outcome: 'REJECTED', reason: ' ' } });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const withValues = await psbAdmin.query(RESOLVE, { input: { reportId: created.id, outcome: 'REJECTED', reason: 'No.', fields: { name: 'x' } } });
    expect(withValues.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('listing', () => {
  it('the queue pages newest first with a cursor, filtered by status; each side sees only its own reports', async () => {
    const { code, persons } = await sharedType(3);
    const made: ReportNode[] = [];
    for (const p of persons) made.push(await reportOk(hrssSystem, { resourceType: code, subjectId: p.idNumber, field: 'name' }));

    const first = await psbAdmin.query(LIST, { side: 'PROVIDER', status: 'OPEN', first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.correctionReports;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await psbAdmin.query(LIST, { side: 'PROVIDER', status: 'OPEN', first: 1, after: page1.pageInfo.endCursor });
    const seen = [...page1.edges, ...second.data!.correctionReports.edges].map((e: { node: ReportNode }) => e.node);
    expect(new Set(seen.map((r) => r.id))).toEqual(new Set(made.map((r) => r.id)));
    const times = seen.map((r) => Date.parse(r.reportedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect(await reportsOf(hrssSystem, 'PROVIDER', code)).toEqual([]);
    expect(await reportsOf(psbAdmin, 'CONSUMER', code)).toEqual([]);
    expect(await reportsOf(await t.as('amr-admin'), 'PROVIDER', code)).toEqual([]);
    expect(await reportsOf(psbAdmin, 'PROVIDER', code, 'REJECTED')).toEqual([]);
  });

  it('an auditor does not list reports (they carry subject ids): FORBIDDEN', async () => {
    const res = await (await t.as('auditor')).query(LIST, { side: 'CONSUMER' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
