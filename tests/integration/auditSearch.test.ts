// Finding audit events: auditors search everything with keyset pages; data administrators see their own side;
// holders see who read their data ("who read my data"), and nothing about anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let code: string;
const [alice, bob] = testPersons(2, 77);
const [carol, dave] = testPersons(2, 78);
const PURPOSE = 'AUDIT-SEARCH-TEST';
const SEARCH = `query S($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { seq occurredAt requestId clientId departmentCode purpose caseNumber action outcome resourceTypes subjectHashes fieldsReturned } }
    pageInfo { hasNextPage endCursor } } }`;

beforeAll(async () => {
  t = await startTestHub();
  code = uniqueCode('t_audit');
  await publish(await t.as('psb-admin'), householdLike(code));
  await (await t.as('psb-system')).query(UPSERT, {
    type: code,
    records: [alice!, bob!].map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330106' } })),
  });
  await (await t.as('hrss-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
    input: { resourceType: code, fields: ['name', 'gender'], purposes: [PURPOSE], justification: 'audit test', validUntil: '2031-01-01T00:00:00Z' },
  });
  const hrss = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE, 'x-sharehub-case': 'CASE-A1' });
  for (const p of [alice!, bob!, alice!]) await hrss.query(`query R($id: ID!) { ${singleQueryNameOf(code)}(subjectId: $id) { name } }`, { id: p.idNumber });
});
afterAll(async () => {
  await t?.close();
});

describe('auditEvents', () => {
  it('an auditor finds the reads of one subject by its id, matched through the keyed hash', async () => {
    const res = await (await t.as('auditor')).query(SEARCH, { filter: { subjectId: alice!.idNumber, resourceType: code, operation: 'graphql.query' } });
    const nodes = res.data?.auditEvents.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes).toHaveLength(2);
    for (const n of nodes) expect(n).toMatchObject({ clientId: 'hrss-system', purpose: PURPOSE, caseNumber: 'CASE-A1', outcome: 'SUCCESS', fieldsReturned: [`${code}.name`] });
    expect(JSON.stringify(res.data)).not.toContain(alice!.idNumber);
  });

  it('pages are keyset: the second page continues exactly after the first', async () => {
    const auditor = await t.as('auditor');
    const all = await auditor.query(SEARCH, { filter: { resourceType: code }, first: 100 });
    const seqs = all.data?.auditEvents.edges.map((e: { node: { seq: string } }) => e.node.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(4);
    const first = await auditor.query(SEARCH, { filter: { resourceType: code }, first: 2 });
    expect(first.data?.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await auditor.query(SEARCH, { filter: { resourceType: code }, first: 2, after: first.data?.auditEvents.pageInfo.endCursor });
    const paged = [...first.data!.auditEvents.edges, ...second.data!.auditEvents.edges].map((e: { node: { seq: string } }) => e.node.seq);
    expect(paged).toEqual(seqs.slice(0, 4));
  });

  it('with a time range, pages follow the time the events occurred, keyset on (time, sequence)', async () => {
    const auditor = await t.as('auditor');
    const range = { resourceType: code, from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
    const all = await auditor.query(SEARCH, { filter: range, first: 100 });
    const seqs = all.data?.auditEvents.edges.map((e: { node: { seq: string } }) => e.node.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(4);
    const first = await auditor.query(SEARCH, { filter: range, first: 2 });
    const second = await auditor.query(SEARCH, { filter: range, first: 2, after: first.data?.auditEvents.pageInfo.endCursor });
    const paged = [...first.data!.auditEvents.edges, ...second.data!.auditEvents.edges].map((e: { node: { seq: string } }) => e.node.seq);
    expect(paged).toEqual(seqs.slice(0, 4));
    // A cursor that names no time cannot place a page in time order.
    const seqOnly = Buffer.from(`seq:${seqs[1]}`).toString('base64url');
    const refused = await auditor.query(SEARCH, { filter: range, first: 2, after: seqOnly });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // `to` is exclusive and holds with a cursor too: up to the second event's time, only what occurred before it.
    const times = all.data?.auditEvents.edges.map((e: { node: { occurredAt: string } }) => e.node.occurredAt);
    const until = { ...range, to: times[1] };
    const before = await auditor.query(SEARCH, { filter: until, first: 100, after: first.data?.auditEvents.edges[0].cursor });
    for (const e of before.data!.auditEvents.edges) expect(Date.parse(e.node.occurredAt)).toBeLessThan(Date.parse(times[1]));
    expect(before.data!.auditEvents.edges.length).toBeGreaterThan(0);
  });

  it('filters by client, outcome and operation', async () => {
    const auditor = await t.as('auditor');
    const res = await auditor.query(SEARCH, { filter: { resourceType: code, client: 'psb-system', operation: 'records.upsert' } });
    expect(res.data?.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['records.upsert']);
    await fetch(`${t.url}/graphql`, { method: 'POST' });
    const refused = await auditor.query(SEARCH, { filter: { outcome: 'REFUSED' }, first: 5 });
    const outcomes = refused.data?.auditEvents.edges.map((e: { node: { outcome: string } }) => e.node.outcome);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['REFUSED']));
  });

  it("the provider's administrator sees others' reads of its data; another department's does not", async () => {
    const psb = await (await t.as('psb-admin')).query(SEARCH, { filter: { resourceType: code, client: 'hrss-system' } });
    expect(psb.data?.auditEvents.edges).toHaveLength(3);
    const hrss = await (await t.as('hrss-admin')).query(SEARCH, { filter: { resourceType: code, client: 'hrss-system' } });
    expect(hrss.data?.auditEvents.edges).toHaveLength(3);
    const amr = await (await t.as('amr-admin')).query(SEARCH, { filter: { resourceType: code } });
    expect(amr.data?.auditEvents.edges).toHaveLength(0);
  });

  it.each([
    ['a non-auditor asking for another department', 'amr-admin', { department: '11330100MBDEM0015E' }, 'FORBIDDEN'],
    ['a system client', 'psb-system', {}, 'FORBIDDEN'],
    ['an invalid subject id', 'auditor', { subjectId: '110105194912310021' }, 'BAD_USER_INPUT'],
    ['a time range backwards', 'auditor', { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'BAD_USER_INPUT'],
  ])('%s is refused with %s', async (_what, client, filter, code) => {
    const res = await (await t.as(client)).query(SEARCH, { filter });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.data).toBeNull();
  });

  it('a page size over the limit is BAD_USER_INPUT', async () => {
    const res = await (await t.as('auditor')).query(SEARCH, { first: 500 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe("a data administrator sees only its own department's part of an event", () => {
  const PART = `query S($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 10) { edges { node {
    requestId resourceTypes subjectHashes fieldsReturned fieldsMasked fieldsDenied details } } } }`;
  let other: string;
  let requestId: string;

  beforeAll(async () => {
    // amr provides a second type; hrss reads carol in psb's type and dave in amr's, in one operation.
    other = uniqueCode('t_audit_amr');
    await publish(await t.as('amr-admin'), householdLike(other));
    await (await t.as('psb-system')).query(UPSERT, { type: code, records: [{ subjectId: carol!.idNumber, fields: { name: carol!.name, gender: carol!.gender, districtCode: '330106' } }] });
    await (await t.as('amr-system')).query(UPSERT, { type: other, records: [{ subjectId: dave!.idNumber, fields: { name: dave!.name, gender: dave!.gender, districtCode: '330106' } }] });
    await (await t.as('hrss-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
      input: { resourceType: other, fields: ['name', 'gender'], purposes: [PURPOSE], justification: 'audit test', validUntil: '2031-01-01T00:00:00Z' },
    });
    requestId = `audit-part-${Date.now()}`;
    const res = await (await t.as('hrss-system', { 'x-sharehub-purpose': PURPOSE, 'x-request-id': requestId })).query(
      `query Both($a: ID!, $b: ID!) { p: ${singleQueryNameOf(code)}(subjectId: $a) { name gender } a: ${singleQueryNameOf(other)}(subjectId: $b) { name religion } }`,
      { a: carol!.idNumber, b: dave!.idNumber },
    );
    expect(res.data?.p?.name).toBe(carol!.name);
    expect(res.data?.a?.name).toBe(dave!.name);
  });

  const eventAs = async (client: string, filter: Record<string, unknown>) => {
    const res = await (await t.as(client)).query(PART, { filter: { client: 'hrss-system', ...filter } });
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents.edges.map((e: { node: Record<string, unknown> }) => e.node).filter((n: { requestId: string }) => n.requestId === requestId);
  };
  const hashOf = async (subjectId: string, type: string) => {
    const res = await (await t.as('auditor')).query(PART, { filter: { subjectId, resourceType: type } });
    return res.data!.auditEvents.edges.at(-1).node.subjectHashes as string[];
  };

  it('the auditor sees the whole event', async () => {
    const [event] = await eventAs('auditor', { resourceType: code });
    expect(event.resourceTypes.sort()).toEqual([code, other].sort());
    expect(event.subjectHashes).toHaveLength(2);
    expect(Object.keys(event.details.grants).sort()).toEqual([`${code}.gender`, `${code}.name`, `${other}.name`]);
  });

  it("each provider's administrator sees its own type, its subjects, fields and grants, and nothing of the other's", async () => {
    const [carolHash] = await hashOf(carol!.idNumber, code);
    const [psb] = await eventAs('psb-admin', { resourceType: code });
    expect(psb).toMatchObject({ resourceTypes: [code], subjectHashes: [carolHash], fieldsMasked: [], fieldsDenied: [] });
    expect(psb.fieldsReturned.sort()).toEqual([`${code}.gender`, `${code}.name`]);
    expect(Object.keys(psb.details.grants).sort()).toEqual([`${code}.gender`, `${code}.name`]);
    expect(JSON.stringify(psb)).not.toContain(other);

    const [amr] = await eventAs('amr-admin', { resourceType: other });
    expect(amr).toMatchObject({ resourceTypes: [other], fieldsReturned: [`${other}.name`], fieldsDenied: [`${other}.religion`] });
    expect(amr.subjectHashes).toHaveLength(1);
    expect(amr.subjectHashes).not.toContain(carolHash);
    expect(JSON.stringify(amr)).not.toContain(code);
  });

  it("filters match only the administrator's own part: another department's type or subject finds nothing", async () => {
    expect(await eventAs('psb-admin', { resourceType: other })).toEqual([]);
    expect(await eventAs('psb-admin', { subjectId: dave!.idNumber })).toEqual([]);
    expect(await eventAs('psb-admin', { subjectId: carol!.idNumber })).toHaveLength(1);
    expect(await eventAs('amr-admin', { subjectId: carol!.idNumber })).toEqual([]);
  });

  it("the consumer's administrator sees its own clients' event whole", async () => {
    const [event] = await eventAs('hrss-admin', {});
    expect(event.resourceTypes.sort()).toEqual([code, other].sort());
    expect(event.subjectHashes).toHaveLength(2);
  });
});

describe('myDataAccess (who read my data)', () => {
  const MY = `{ myDataAccess(first: 10) { edges { node { at department { name } clientId purpose caseNumber resourceTypes fieldsReturned outcome } } } }`;

  it('a holder sees every read of their own data: when, which department and client, why, which fields', async () => {
    const holder = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(alice!.idNumber)}` });
    const res = await holder.query(MY);
    const reads = res.data?.myDataAccess.edges.map((e: { node: Record<string, unknown> }) => e.node).filter((n: { resourceTypes: string[] }) => n.resourceTypes.includes(code));
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ clientId: 'hrss-system', purpose: PURPOSE, caseNumber: 'CASE-A1', fieldsReturned: [`${code}.name`], outcome: 'SUCCESS' });
    expect(reads[0].department.name).toContain('人力资源和社会保障局');
  });

  it("a holder does not see another subject's reads, and cannot search the audit log", async () => {
    const bobHolder = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(bob!.idNumber)}` });
    const mine = await bobHolder.query(MY);
    expect(mine.data?.myDataAccess.edges.filter((e: { node: { resourceTypes: string[] } }) => e.node.resourceTypes.includes(code))).toHaveLength(1);
    const search = await bobHolder.query(SEARCH, { filter: { subjectId: alice!.idNumber } });
    expect(search.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a holder also sees the materials of an application prepared for them and the reports of a field as wrong, with their fields', async () => {
    const MINE = `{ myDataAccess(first: 50) { edges { node { kind clientId purpose caseNumber resourceTypes fieldsReturned fieldsMasked fieldsReported outcome } } } }`;
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT subject_id FROM record WHERE resource_type_code = 'household_registration' ORDER BY subject_id DESC LIMIT 1 OFFSET 7`);
    const applicant = rows[0].subject_id as string;
    const kase = `AUDIT-MINE-${Date.now()}`;
    const prepared = await (await t.as('window-clerk')).query(
      `mutation P($id: String!, $case: String!) { prepareApplication(serviceItemCode: "public_rental_housing", applicantId: $id, caseNumber: $case) { materials { key outcome } } }`,
      { id: applicant, case: kase },
    );
    expect(prepared.data?.prepareApplication.materials.find((m: { key: string }) => m.key === 'household').outcome).toBe('SATISFIED');
    const reported = await (await t.as('hrss-system', { 'x-sharehub-purpose': PURPOSE })).query(
      `mutation R($input: ReportDataErrorInput!) { reportDataError(input: $input) { correctionReport { id } } }`,
      { input: { resourceType: code, subjectId: alice!.idNumber, field: 'name', comment: 'the name is spelt differently on the ID card' } },
    );
    expect(reported.errors).toBeUndefined();

    const holderOf = async (id: string) => new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(id)}` });
    const materials = (await (await holderOf(applicant)).query(MINE)).data?.myDataAccess.edges.map((e: { node: { caseNumber: string } }) => e.node).filter((n: { caseNumber: string }) => n.caseNumber === kase);
    const household = materials.find((n: { resourceTypes: string[] }) => n.resourceTypes.includes('household_registration'));
    expect(household).toMatchObject({ kind: 'APPLICATION_MATERIAL', clientId: 'window-clerk', purpose: 'public_rental_housing', outcome: 'SUCCESS', fieldsReported: [] });
    expect(household.fieldsReturned.length).toBeGreaterThan(0);
    for (const f of household.fieldsReturned) expect(f).toMatch(/^household_registration\./);

    const reads = (await (await holderOf(alice!.idNumber)).query(MINE)).data?.myDataAccess.edges.map((e: { node: unknown }) => e.node);
    expect(reads.filter((n: { kind: string }) => n.kind === 'CORRECTION_REPORT')).toEqual([
      expect.objectContaining({ clientId: 'hrss-system', resourceTypes: [code], fieldsReported: [`${code}.name`], outcome: 'SUCCESS' }),
    ]);
    expect(reads.filter((n: { kind: string; resourceTypes: string[] }) => n.kind === 'READ' && n.resourceTypes.includes(code))).toHaveLength(2);
  });

  it('a department client cannot use myDataAccess', async () => {
    const res = await (await t.as('hrss-system')).query(MY);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
