// A query seen before is answered from its prepared form (src/server/preparedOperations.ts): the answer, its status,
// media type and audit event are those of the first answer, which went through Apollo; a request that is not answered
// cleanly there (a withheld field, a refusal, a bad variable) is answered by Apollo exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const PURPOSE = 'SI-TEST-PREPARED';
let t: TestHub;
let code: string;
let one: string;
let token: string;
const [alice] = testPersons(1, 21);

interface Raw {
  status: number;
  contentType: string | null;
  text: string;
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-sharehub-purpose': PURPOSE, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

async function auditOf(requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
}

/** The audit columns that describe the read (not its time, request id or chain links). */
function readOf(event: Record<string, unknown>) {
  const { seq: _s, hash: _h, prev_hash: _p, occurred_at: _o, recorded_at: _r, request_id: _q, ...rest } = event;
  return rest;
}

beforeAll(async () => {
  t = await startTestHub();
  code = uniqueCode('t_prepared');
  one = singleQueryNameOf(code);
  await publish(await t.as('psb-admin'), householdLike(code));
  const written = await (await t.as('psb-system')).query(UPSERT, {
    type: code,
    records: [{ subjectId: alice!.idNumber, fields: { name: alice!.name, gender: alice!.gender, districtCode: '330102', address: '文三路1号' } }],
  });
  expect(written.errors).toBeUndefined();
  const granted = await (await t.as('hrss-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { grants { state } } } }`, {
    input: { resourceType: code, fields: ['name', 'gender'], purposes: [PURPOSE], justification: 'prepared operations test', validUntil: '2030-01-01T00:00:00Z' },
  });
  expect(granted.errors).toBeUndefined();
  token = await t.token('hrss-system');
});
afterAll(async () => {
  await t?.close();
});

describe('a query seen before', () => {
  it('is answered byte for byte as the first time, under either media type, and audited alike', async () => {
    const body = { query: `query Read($id: ID!) { ${one}(subjectId: $id) { subjectId name gender } }`, variables: { id: alice!.idNumber }, operationName: 'Read' };
    for (const accept of [undefined, 'application/graphql-response+json']) {
      const headers: Record<string, string> = accept ? { accept } : {};
      const firstId = `prepared-first-${accept ? 'gr' : 'json'}-${Date.now()}`;
      const first = await post(body, { ...headers, 'x-request-id': firstId });
      const requestId = `prepared-again-${accept ? 'gr' : 'json'}-${Date.now()}`;
      const again = await post(body, { ...headers, 'x-request-id': requestId });
      expect(again).toEqual(first);
      expect(JSON.parse(again.text)).toEqual({ data: { [one]: { subjectId: alice!.idNumber, name: alice!.name, gender: alice!.gender } } });
      expect(again.contentType).toBe(accept ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8');
      expect(await auditOf(firstId)).toHaveLength(1);
      expect(await auditOf(requestId)).toHaveLength(1);
    }
  });

  it('leaves the same audit event as its first answer, but for time and request id', async () => {
    const body = { query: `query ReadName($id: ID!) { ${one}(subjectId: $id) { name } }`, variables: { id: alice!.idNumber } };
    const ids = [`prepared-audit-1-${Date.now()}`, `prepared-audit-2-${Date.now()}`];
    for (const id of ids) expect((await post(body, { 'x-request-id': id })).status).toBe(200);
    const [first, second] = await Promise.all(ids.map(auditOf));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(readOf(second![0])).toEqual(readOf(first![0]));
    expect(second![0]).toMatchObject({ action: 'graphql.query', outcome: 'SUCCESS', fields_returned: [`${code}.name`], resource_types: [code] });
  });

  it('with a withheld field, a refusal or a bad variable is answered as the first time, each audited once', async () => {
    const cases = [
      // address is CONDITIONAL and not granted: FIELD_FORBIDDEN beside the data.
      { query: `query W($id: ID!) { ${one}(subjectId: $id) { name address } }`, variables: { id: alice!.idNumber } },
      // a subject id whose check digit is wrong: BAD_USER_INPUT.
      { query: `query B($id: ID!) { ${one}(subjectId: $id) { name } }`, variables: { id: '110101199003070000' } },
      // a variable of the wrong type: refused before execution.
      { query: `query V($id: ID!) { ${one}(subjectId: $id) { name } }`, variables: { id: 12.5 } },
    ];
    for (const body of cases) {
      const [a, b] = [`prepared-err-a-${Date.now()}`, `prepared-err-b-${Date.now()}`];
      const first = await post(body, { 'x-request-id': a });
      const again = await post(body, { 'x-request-id': b });
      expect(again).toEqual(first);
      expect(JSON.parse(again.text).errors?.length).toBeGreaterThan(0);
      expect(await auditOf(a)).toHaveLength(1);
      expect(await auditOf(b)).toHaveLength(1);
    }
  });

  it('without a purpose is refused as the first time', async () => {
    const body = { query: `query P($id: ID!) { ${one}(subjectId: $id) { name } }`, variables: { id: alice!.idNumber } };
    const res = async () => {
      const r = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, text: await r.text() };
    };
    const first = await res();
    expect(await res()).toEqual(first);
    expect(first.status).toBe(400);
    expect(JSON.parse(first.text).errors[0].extensions.code).toBe('PURPOSE_REQUIRED');
  });
});
