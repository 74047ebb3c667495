// Bad input at the HTTP and GraphQL edges: each gets a clear JSON error with its own code, never a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let token: string;
beforeAll(async () => {
  t = await startTestHub();
  token = await t.token('psb-system');
});
afterAll(async () => {
  await t?.close();
});

async function send(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await res.text();
  let json: { errors?: Array<{ message: string; extensions?: { code?: string } }>; data?: unknown };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`status ${res.status}, body is not JSON: ${text.slice(0, 100)}`);
  }
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace, ever
  return { status: res.status, json, codes: (json.errors ?? []).map((e) => e.extensions?.code) };
}

const gql = (query: string, extra: Record<string, unknown> = {}) => send(JSON.stringify({ query, ...extra }));
/** Request errors are 4xx only under the GraphQL response media type (under application/json they are 200: graphqlHttp.test.ts). */
const gqlResponse = (query: string, extra: Record<string, unknown> = {}) =>
  send(JSON.stringify({ query, ...extra }), { accept: 'application/graphql-response+json' });

describe('the HTTP edge', () => {
  it('an ID number never reaches the audit log through a header: a request id holding one is replaced, a case number or purpose holding one is 400', async () => {
    const idNumber = '330102197512316137';
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': `req-${idNumber}` },
      body: JSON.stringify({ query: '{ viewer { roles } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).not.toContain(idNumber);
    for (const header of ['x-sharehub-case', 'x-sharehub-purpose']) {
      const r = await send(JSON.stringify({ query: '{ viewer { roles } }' }), { [header]: `CASE-${idNumber}` });
      expect(r.status).toBe(400);
      expect(r.codes).toEqual(['BAD_REQUEST']);
      expect(r.json.errors?.[0]?.message).toBe(`The ${header} header must not carry an ID number or credit code.`);
    }
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM audit_event e WHERE row_to_json(e)::text LIKE $1`, [`%${idNumber}%`]);
    expect(rows[0].n).toBe(0);
  });

  it('malformed JSON is 400 BAD_REQUEST with a JSON body', async () => {
    const r = await send('{"query": "{ viewer { roles } }"');
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['BAD_REQUEST']);
  });

  it('a body of 10 MB is 413 PAYLOAD_TOO_LARGE with a JSON body', async () => {
    const big = JSON.stringify({ query: '{ viewer { roles } }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } });
    const r = await send(big);
    expect(r.status).toBe(413);
    expect(r.codes).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('a wrong content type is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const r = await send('query={viewer{roles}}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.codes).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });

  it('invalid UTF-8 is 400 BAD_REQUEST', async () => {
    const bytes = Buffer.concat([Buffer.from('{"query":"{ viewer { roles } }","x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const r = await send(bytes);
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['BAD_REQUEST']);
  });

  it('a refused body is audited with the caller and REFUSED', async () => {
    const requestId = `bad-json-${Date.now()}`;
    await send('{', { 'x-request-id': requestId });
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const rows = await pool.query('SELECT client_id, action, outcome, error_codes FROM audit_event WHERE request_id = $1', [requestId]);
    expect(rows.rows).toEqual([{ client_id: 'psb-system', action: 'request.refused', outcome: 'REFUSED', error_codes: ['BAD_REQUEST'] }]);
  });

  it.each([
    ['a POST without a query', '{}'],
    ['a batched POST', '[{"query":"{ viewer { roles } }"},{"query":"{ viewer { roles } }"}]'],
  ])('%s is refused by GraphQL and still audited as a refusal', async (_what, body) => {
    const requestId = `apollo-refusal-${Math.random().toString(36).slice(2)}`;
    const r = await send(body, { 'x-request-id': requestId });
    expect(r.status).toBe(400);
    expect(r.json.data).toBeUndefined();
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const rows = await pool.query('SELECT client_id, action, outcome FROM audit_event WHERE request_id = $1', [requestId]);
    expect(rows.rows).toEqual([{ client_id: 'psb-system', action: 'request.refused', outcome: 'REFUSED' }]);
  });

  it('a GET without a CSRF preflight header is refused and audited', async () => {
    const requestId = `csrf-${Math.random().toString(36).slice(2)}`;
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { roles } }')}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId } });
    expect(res.status).toBe(400);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const rows = await pool.query('SELECT action, outcome FROM audit_event WHERE request_id = $1', [requestId]);
    expect(rows.rows).toEqual([{ action: 'request.refused', outcome: 'REFUSED' }]);
  });

  it('an unknown path is a JSON 404', async () => {
    const res = await fetch(`${t.url}/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});

describe('GraphQL limits, each a 400 with its own code', () => {
  it('a query of 100,000 tokens is TOO_MANY_TOKENS', async () => {
    const query = `{ viewer { ${'roles '.repeat(100_000)} } }`;
    const r = await gql(query);
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['TOO_MANY_TOKENS']);
  });

  it('1,000 aliases is TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const r = await gql(query);
    expect(r.status).toBe(400);
    expect(r.codes).toContain('TOO_MANY_ALIASES');
    expect(r.json.data).toBeUndefined();
  });

  it('depth 50 is QUERY_TOO_DEEP', async () => {
    let inner = 'name';
    for (let i = 0; i < 49; i += 1) inner = `ofType { ${inner} }`;
    const r = await gql(`{ __type(name: "Viewer") { ${inner} } }`);
    expect(r.status).toBe(400);
    expect(r.codes).toContain('QUERY_TOO_DEEP');
  });

  it('an unknown operation name is OPERATION_RESOLUTION_FAILURE', async () => {
    const r = await gqlResponse('query A { viewer { roles } }', { operationName: 'B' });
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it('variables of the wrong type are BAD_USER_INPUT', async () => {
    const r = await gqlResponse('query T($name: String!) { __type(name: $name) { name } }', { variables: { name: 42 } });
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED', async () => {
    const r = await gqlResponse('{ viewer { roles ');
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('an unknown field is GRAPHQL_VALIDATION_FAILED', async () => {
    const r = await gqlResponse('{ viewer { password } }');
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('cost limit', () => {
  let small: TestHub;
  beforeAll(async () => {
    small = await startTestHub({ SHAREHUB_MAX_COST: '5' });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('an operation costing more than the limit is QUERY_TOO_COMPLEX and runs nothing', async () => {
    const client = await small.as('psb-system');
    const r = await client.query('{ a: viewer { roles client { id name } } b: viewer { roles client { id name } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.data).toBeUndefined();
    const ok = await client.query('{ viewer { roles } }');
    expect(ok.errors).toBeUndefined();
  });
});

describe('production hardening', () => {
  let prod: TestHub;
  beforeAll(async () => {
    prod = await startTestHub({ SHAREHUB_INTROSPECTION: '0' });
  });
  afterAll(async () => {
    await prod?.close();
  });

  it('with introspection off, introspection is refused and errors give no "Did you mean" hints', async () => {
    const client = await prod.as('psb-system');
    const intro = await client.query('{ __schema { types { name } } }');
    expect(intro.status).toBe(400);
    const typo = await client.query('{ viewr { roles } }');
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });
});
