// The catalog: publishing and versioning resource types, the typed schema they become, and its hot swap
// on every instance (PostgreSQL LISTEN/NOTIFY) without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf, typeNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, PUBLISH, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestHub(), startTestHub()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('publishing a resource type', () => {
  it('becomes a typed GraphQL type with its descriptions, served by a second instance without a restart', async () => {
    const code = uniqueCode('t_swap');
    const published = await publish(await a.as('amr-admin'), householdLike(code));
    expect(published).toMatchObject({ code, graphqlType: typeNameOf(code), version: 1 });
    const introspect = `query T($name: String!) { __type(name: $name) { name fields { name description type { name kind ofType { name } } } } }`;
    const onB = await b.as('hrss-system');
    const type = await until(async () => (await onB.query(introspect, { name: typeNameOf(code) })).data?.__type ?? undefined, 'instance B to serve the new type');
    const gender = type.fields.find((f: { name: string }) => f.name === 'gender');
    expect(gender.type.name).toBe(`${typeNameOf(code)}Gender`);
    expect(gender.description).toContain('性别');
    const birth = type.fields.find((f: { name: string }) => f.name === 'birthDate');
    expect(birth.type.name).toBe('Date');
    expect(birth.description).toContain('on conditions');
    const query = await onB.with({ 'x-sharehub-purpose': 'P' }).query(`query Q($id: ID!) { ${singleQueryNameOf(code)}(subjectId: $id) { subjectId } }`, { id: testPersons(1, 30)[0]!.idNumber });
    // Served (not a validation error): B has no grant, so it is told nothing about the subject.
    expect(query.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(query.data?.[singleQueryNameOf(code)]).toBeNull();
  });

  it('a change is a new version, listed in the catalog', async () => {
    const code = uniqueCode('t_version');
    const admin = await a.as('amr-admin');
    await publish(admin, householdLike(code));
    const def = householdLike(code);
    def.fields.push({ name: 'phone', nameZh: '电话', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Phone number.' });
    const v2 = await publish(admin, def);
    expect(v2.version).toBe(2);
    const list = await admin.query('{ resourceTypes { code version fields { name } } }');
    const entry = list.data?.resourceTypes.find((r: { code: string }) => r.code === code);
    expect(entry.version).toBe(2);
    expect(entry.fields.map((f: { name: string }) => f.name)).toContain('phone');
    const pool = await a.db.orm.em.getConnection().getNativeClient();
    const versions = await pool.query('SELECT version FROM resource_type_version WHERE resource_type_code = $1 ORDER BY version', [code]);
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it("only the provider's data administrator changes a type: another department is FORBIDDEN, a system client too", async () => {
    const code = uniqueCode('t_owner');
    await publish(await a.as('amr-admin'), householdLike(code));
    const other = await (await a.as('hrss-admin')).query(PUBLISH, { input: householdLike(code) });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const system = await (await a.as('amr-system')).query(PUBLISH, { input: householdLike(uniqueCode('t_sys')) });
    expect(system.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('removing a field that a grant uses is refused with the grant named', async () => {
    const code = uniqueCode('t_inuse');
    await publish(await a.as('amr-admin'), householdLike(code));
    const req = await (await a.as('hrss-admin')).query(
      `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { grants { id } } } }`,
      { input: { resourceType: code, fields: ['name', 'gender'], purposes: ['P'], justification: 'x', validUntil: '2031-01-01T00:00:00Z' } },
    );
    const grantId = req.data?.requestAccess.accessRequest.grants[0].id;
    const def = householdLike(code);
    def.fields = def.fields.filter((f) => f.name !== 'gender');
    const res = await (await a.as('amr-admin')).query(PUBLISH, { input: def });
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toContain(grantId);
    expect(res.errors?.[0]?.message).toContain('gender');
  });

  it.each([
    ['a code that is not snake_case', { code: 'Bad-Code' }, 'code'],
    ['a reserved field name', { fields: [{ name: 'subjectId', nameZh: '主体', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'x' }] }, 'reserved'],
    ['an ENUM without values', { fields: [{ name: 'kind', nameZh: '类', type: 'ENUM', sharing: 'UNCONDITIONAL', required: true, description: 'x' }] }, 'ENUM'],
    ['a code that would shadow a static type', { code: 'viewer' }, 'taken'],
  ])('%s is BAD_USER_INPUT', async (_what, change, says) => {
    const res = await (await a.as('amr-admin')).query(PUBLISH, { input: { ...householdLike(uniqueCode('t_bad')), ...change } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(says);
  });
});

describe('row scope', () => {
  it('a subject outside the grant scope looks like one with no record (null, no error); inside it is served', async () => {
    const code = uniqueCode('t_scope');
    await publish(await a.as('psb-admin'), householdLike(code));
    const [inside, outside] = testPersons(2, 40);
    await (await a.as('psb-system')).query(UPSERT, {
      type: code,
      records: [
        { subjectId: inside!.idNumber, fields: { name: inside!.name, gender: inside!.gender, districtCode: '330106', address: '西湖区' } },
        { subjectId: outside!.idNumber, fields: { name: outside!.name, gender: outside!.gender, districtCode: '330102', address: '上城区' } },
      ],
    });
    const req = await (await a.as('civil-affairs-admin')).query(
      `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`,
      { input: { resourceType: code, fields: ['address'], purposes: ['SCOPED'], justification: 'district office', validUntil: '2031-01-01T00:00:00Z' } },
    );
    const approved = await (await a.as('psb-admin')).query(
      `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { rowScope { field values } } } }`,
      { input: { requestId: req.data?.requestAccess.accessRequest.id, rowScope: { field: 'districtCode', values: ['330106'] } } },
    );
    expect(approved.data?.approveAccessRequest.grant.rowScope).toEqual({ field: 'districtCode', values: ['330106'] });
    const many = `${singleQueryNameOf(code)}s`;
    const res = await (await a.as('civil-affairs-system')).with({ 'x-sharehub-purpose': 'SCOPED' }).query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId address districtCode } }`, {
      ids: [inside!.idNumber, outside!.idNumber],
    });
    expect(res.data?.[many][0]).toMatchObject({ subjectId: inside!.idNumber, address: '西湖区', districtCode: null });
    expect(res.data?.[many][1]).toBeNull();
    const codes = res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]);
    expect(codes).toEqual([['FIELD_FORBIDDEN', `${many}.0.districtCode`]]);
  });
});
