// Shared records with per-field authorization, over HTTP with demo tokens: no grant → FORBIDDEN (not even existence);
// UNCONDITIONAL at once; CONDITIONAL after approval, masked as approved; revocation on the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueryNameOf, singleQueryNameOf, typeNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let code: string;
let one: string;
let many: string;
const persons = testPersons(5, 1);
const [alice, bob, carol] = persons;
let psbAdmin: GraphQLClient;
let psbSystem: GraphQLClient;
let hrssAdmin: GraphQLClient;
let hrss: GraphQLClient;

const PURPOSE = 'SI-TEST-0001';
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) {
  accessRequest { id status fields conditionalFields dueAt isOverdue grants { id state rules { field effect } } } } }`;
const APPROVE = `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) {
  accessRequest { id status } grant { id version state rules { field effect mask { strategy n } } } } }`;

function recordQuery(fields: string) {
  return `query Read($id: ID!) { ${one}(subjectId: $id) { subjectId version ${fields} } }`;
}

beforeAll(async () => {
  t = await startTestHub();
  code = uniqueCode('t_household');
  one = singleQueryNameOf(code);
  many = listQueryNameOf(code);
  psbAdmin = await t.as('psb-admin');
  psbSystem = await t.as('psb-system');
  hrssAdmin = await t.as('hrss-admin');
  hrss = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
  await publish(psbAdmin, householdLike(code));
  const records = persons.map((p, i) => ({
    subjectId: p.idNumber,
    fields: { name: p.name, gender: p.gender, districtCode: i % 2 ? '330106' : '330102', address: `浙江省杭州市西湖区文三路${100 + i}号`, birthDate: p.birthDate, householdSize: 3, religion: '无' },
  }));
  const res = await psbSystem.query(UPSERT, { type: code, records });
  expect(res.errors).toBeUndefined();
  expect(res.data?.upsertRecords.written).toHaveLength(5);
});
afterAll(async () => {
  await t?.close();
});

async function auditOf(requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
}

describe('reading without a grant', () => {
  it('a consumer with no grant learns nothing, not even whether the subject has a record: FORBIDDEN, and null', async () => {
    for (const id of [alice!.idNumber, testPersons(1, 9_999)[0]!.idNumber]) {
      const requestId = `records-no-grant-${Date.now()}-${id.slice(-4)}`;
      const res = await hrss.with({ 'x-request-id': requestId }).query(recordQuery('name gender districtCode address birthDate householdSize religion'), { id });
      expect(res.data?.[one]).toBeNull();
      expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', one]]);
      expect(res.errors?.[0]?.message).toContain('request access');
      // The attempt is on record: who asked about which subject, for which fields, all denied.
      const [event] = await auditOf(requestId);
      expect(event).toMatchObject({ resource_types: [code], fields_returned: [], error_codes: ['FORBIDDEN'] });
      expect(event.subject_hashes).toHaveLength(1);
      expect(event.fields_denied).toHaveLength(7);
    }
  });

  it('without a purpose: PURPOSE_REQUIRED and no data', async () => {
    const res = await (await t.as('hrss-system')).query(recordQuery('name'), { id: alice!.idNumber });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['PURPOSE_REQUIRED']);
  });

  it('the provider reads its own data in full, NOT_SHARED fields included', async () => {
    const res = await psbSystem.with({ 'x-sharehub-purpose': 'own-records' }).query(recordQuery('name religion address'), { id: alice!.idNumber });
    expect(res.errors).toBeUndefined();
    expect(res.data?.[one]).toMatchObject({ name: alice!.name, religion: '无' });
  });
});

describe('access requests and grants', () => {
  let requestId: string;

  it('a NOT_SHARED field cannot be requested, and nothing is written', async () => {
    const res = await hrssAdmin.query(REQUEST_ACCESS, {
      input: { resourceType: code, fields: ['name', 'religion'], purposes: [PURPOSE], justification: 'test', validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('religion');
    const list = await hrssAdmin.query(`{ accessRequests(side: CONSUMER, first: 100) { edges { node { resourceType } } } }`);
    expect(list.data?.accessRequests.edges.filter((e: { node: { resourceType: string } }) => e.node.resourceType === code)).toHaveLength(0);
  });

  it('a grant whose validity ends before it starts is refused', async () => {
    const res = await hrssAdmin.query(REQUEST_ACCESS, {
      input: { resourceType: code, fields: ['name'], purposes: [PURPOSE], justification: 'test', validFrom: '2029-01-01T00:00:00Z', validUntil: '2028-01-01T00:00:00Z' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('UNCONDITIONAL fields are readable at once; CONDITIONAL ones stay forbidden while pending', async () => {
    const res = await hrssAdmin.query(REQUEST_ACCESS, {
      input: { resourceType: code, fields: ['name', 'gender', 'districtCode', 'address', 'birthDate'], purposes: [PURPOSE], justification: 'pension eligibility', validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(res.errors).toBeUndefined();
    const request = res.data?.requestAccess.accessRequest;
    expect(request.status).toBe('PENDING');
    expect(request.conditionalFields).toEqual(['address', 'birthDate']);
    expect(request.isOverdue).toBe(false);
    expect(request.grants).toHaveLength(1);
    expect(request.grants[0].state).toBe('ACTIVE');
    requestId = request.id;

    const read = await hrss.query(recordQuery('name gender address'), { id: alice!.idNumber });
    expect(read.data?.[one]).toMatchObject({ name: alice!.name, gender: alice!.gender, address: null });
    expect(read.errors?.map((e) => e.path?.join('.'))).toEqual([`${one}.address`]);
  });

  it('only the provider approves: another department gets FORBIDDEN', async () => {
    const res = await (await t.as('amr-admin')).query(APPROVE, { input: { requestId } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('after approval a CONDITIONAL field is readable, masked as approved; approving twice is CONFLICT', async () => {
    const res = await psbAdmin.query(APPROVE, {
      input: { requestId, fields: [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 } }, { field: 'birthDate', effect: 'MASK', mask: { strategy: 'DATE_YEAR_ONLY' } }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.approveAccessRequest.accessRequest.status).toBe('APPROVED');
    const read = await hrss.query(recordQuery('name address birthDate'), { id: alice!.idNumber });
    expect(read.errors).toBeUndefined();
    expect(read.data?.[one].address).toMatch(/^浙江省\*+$/);
    expect(read.data?.[one].birthDate).toBe(alice!.birthDate.slice(0, 4));
    const again = await psbAdmin.query(APPROVE, { input: { requestId } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('the audit event cites the grant for each field and lists fields returned, masked and denied, subjects hashed', async () => {
    const requestId = `records-audit-${Date.now()}`;
    await hrss.with({ 'x-request-id': requestId, 'x-sharehub-case': 'CASE-42' }).query(recordQuery('name address religion'), { id: alice!.idNumber });
    const [event] = await auditOf(requestId);
    expect(event).toMatchObject({ purpose: PURPOSE, case_number: 'CASE-42', outcome: 'PARTIAL', resource_types: [code] });
    expect(event.fields_returned).toEqual([`${code}.name`]);
    expect(event.fields_masked).toEqual([`${code}.address`]);
    expect(event.fields_denied).toEqual([`${code}.religion`]);
    expect(event.subject_hashes).toHaveLength(1);
    expect(event.subject_hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(event)).not.toContain(alice!.idNumber);
    expect(event.details.grants[`${code}.name`]).toMatch(/^[0-9a-f-]{36}@1$/);
    expect(event.details.grants[`${code}.address`]).toMatch(/^[0-9a-f-]{36}@1$/);
  });

  it('a purpose the grant does not name reads nothing', async () => {
    const res = await hrss.with({ 'x-sharehub-purpose': 'another-purpose' }).query(recordQuery('name'), { id: alice!.idNumber });
    expect(res.data?.[one]).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('revocation shuts the field off on the very next request, on another instance too', async () => {
    const other = await startTestHub();
    try {
      const grants = await psbAdmin.query(`query G($type: String) { grants(side: PROVIDER, resourceType: $type) { edges { node { id rules { field } state } } } }`, { type: code });
      const withAddress = grants.data?.grants.edges.map((e: { node: { id: string; rules: Array<{ field: string }> } }) => e.node).find((g: { rules: Array<{ field: string }> }) => g.rules.some((r) => r.field === 'address'));
      const revoke = await psbAdmin.query(`mutation V($id: ID!) { revokeGrant(grantId: $id, reason: "test revocation") { grant { state version } } }`, { id: withAddress.id });
      expect(revoke.data?.revokeGrant.grant).toEqual({ state: 'REVOKED', version: 2 });
      const onOther = (await other.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
      const read = await onOther.query(recordQuery('name address'), { id: alice!.idNumber });
      expect(read.data?.[one].name).toBe(alice!.name);
      expect(read.data?.[one].address).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe('FIELD_FORBIDDEN');
      const twice = await psbAdmin.query(`mutation V($id: ID!) { revokeGrant(grantId: $id, reason: "again") { grant { state } } }`, { id: withAddress.id });
      expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    } finally {
      await other.close();
    }
  });
});

describe('many subjects', () => {
  it('answers in the order asked, null for a subject without a record, at a constant number of SQL statements', async () => {
    const ids = [carol!.idNumber, testPersons(1, 2)[0]!.idNumber, alice!.idNumber, bob!.idNumber];
    const res = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId name } }`, { ids });
    expect(res.data?.[many].map((r: { subjectId: string } | null) => r?.subjectId ?? null)).toEqual([carol!.idNumber, null, alice!.idNumber, bob!.idNumber]);

    const thousand = [...testPersons(995, 3).map((p) => p.idNumber), ...persons.map((p) => p.idNumber)];
    t.sql.count = 0;
    const big = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId name gender } }`, { ids: thousand });
    expect(big.errors).toBeUndefined();
    expect(big.data?.[many]).toHaveLength(1000);
    expect(big.data?.[many].filter((r: unknown) => r !== null)).toHaveLength(5);
    // client lookup + grants + one SELECT of the records, whatever the count
    expect(t.sql.count).toBeLessThanOrEqual(3);
  });

  it('1,001 subject ids is BAD_USER_INPUT', async () => {
    const ids = testPersons(1001, 4).map((p) => p.idNumber);
    const res = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId } }`, { ids });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('1000');
  });

  it('a subject id with a wrong check digit is BAD_USER_INPUT naming its index', async () => {
    const bad = alice!.idNumber.slice(0, 17) + (alice!.idNumber[17] === '1' ? '2' : '1');
    const res = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId } }`, { ids: [bob!.idNumber, bad] });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('subjectIds[1]');
  });

  it('an unknown resource type is a validation error', async () => {
    const res = await hrss.query('{ noSuchRegistration(subjectId: "1") { name } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('publishing records', () => {
  it('each change makes a new version; the earlier stays in history; the same values again are unchanged', async () => {
    const p = testPersons(1, 5)[0]!;
    const base = { name: p.name, gender: p.gender, districtCode: '330106' };
    const first = await psbSystem.query(UPSERT, { type: code, records: [{ subjectId: p.idNumber, fields: base }] });
    expect(first.data?.upsertRecords.written).toEqual([{ subjectId: p.idNumber, version: 1 }]);
    const second = await psbSystem.query(UPSERT, { type: code, records: [{ subjectId: p.idNumber, fields: { ...base, districtCode: '330102' } }] });
    expect(second.data?.upsertRecords.written).toEqual([{ subjectId: p.idNumber, version: 2 }]);
    const same = await psbSystem.query(UPSERT, { type: code, records: [{ subjectId: p.idNumber, fields: { ...base, districtCode: '330102' } }] });
    expect(same.data?.upsertRecords).toEqual({ written: [], unchanged: 1 });
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const history = await pool.query('SELECT version, data FROM record_version WHERE resource_type_code = $1 AND subject_id = $2 ORDER BY version', [code, p.idNumber]);
    expect(history.rows.map((r) => [r.version, r.data.districtCode])).toEqual([[1, '330106'], [2, '330102']]);
  });

  it.each([
    ['a field of the wrong type', { householdSize: 'three' }, 'records[1].householdSize'],
    ['a missing required field', { name: null }, 'records[1].name'],
    ['an unknown enum value', { gender: 'OTHER' }, 'records[1].gender'],
    ['an unknown field', { shoeSize: 42 }, 'records[1].shoeSize'],
  ])('%s is BAD_USER_INPUT naming the record and field, and nothing of the batch is written', async (_what, change, named) => {
    const [p1, p2] = testPersons(2, 6 + named.length);
    const good = (p: typeof p1) => ({ subjectId: p!.idNumber, fields: { name: p!.name, gender: p!.gender, districtCode: '330106' } });
    const bad = { ...good(p2), fields: { ...good(p2).fields, ...change } };
    const res = await psbSystem.query(UPSERT, { type: code, records: [good(p1), bad] });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(named);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const written = await pool.query('SELECT count(*)::int AS n FROM record WHERE resource_type_code = $1 AND subject_id = ANY($2)', [code, [p1!.idNumber, p2!.idNumber]]);
    expect(written.rows[0].n).toBe(0);
  });

  it('only the provider publishes records: FORBIDDEN for another department', async () => {
    const res = await (await t.as('hrss-system')).query(UPSERT, { type: code, records: [{ subjectId: alice!.idNumber, fields: { name: 'x', gender: 'MALE', districtCode: '1' } }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an unknown resource type is NOT_FOUND', async () => {
    const res = await psbSystem.query(UPSERT, { type: 'no_such_type', records: [{ subjectId: alice!.idNumber, fields: {} }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the access plan walks the whole operation', () => {
  it('fragments, inline fragments and aliases are planned like plain fields: denied stays denied', async () => {
    const query = `query F($id: ID!) {
      a: ${one}(subjectId: $id) { ...Parts }
      b: ${one}(subjectId: $id) { ... on ${typeNameOf(code)} { secret: religion n: name } }
    }
    fragment Parts on ${typeNameOf(code)} { nom: name hidden: religion }`;
    const res = await hrss.query(query, { id: alice!.idNumber });
    expect(res.data?.a).toMatchObject({ nom: alice!.name, hidden: null });
    expect(res.data?.b).toMatchObject({ n: alice!.name, secret: null });
    expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['a.hidden', 'b.secret']);
  });
});

describe('deadlines', () => {
  it('a request not answered within 10 working days is visible as overdue to both sides', async () => {
    const code2 = uniqueCode('t_overdue');
    await publish(psbAdmin, householdLike(code2));
    const asked = await (await t.as('civil-affairs-admin')).query(REQUEST_ACCESS, {
      input: { resourceType: code2, fields: ['address'], purposes: ['P'], justification: 'x', validUntil: '2031-01-01T00:00:00Z' },
    });
    expect(asked.data?.requestAccess.accessRequest.isOverdue).toBe(false);
    const later = await startTestHub({}, { clock: () => new Date(Date.now() + 15 * 24 * 3600_000) });
    try {
      const list = `{ accessRequests(side: PROVIDER, status: PENDING, first: 100) { edges { node { id isOverdue } } } }`;
      const res = await (await later.as('psb-admin')).query(list);
      const mine = res.data?.accessRequests.edges.find((e: { node: { id: string } }) => e.node.id === asked.data?.requestAccess.accessRequest.id);
      expect(mine.node.isOverdue).toBe(true);
    } finally {
      await later.close();
    }
  });
});
