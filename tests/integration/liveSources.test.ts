// Live sources over HTTP against real subgraph servers: one batched `_entities` call, only allowed fields asked for,
// masking and audit as for published records, partial results with SOURCE_UNAVAILABLE, the breaker, fallback, registration checks.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecordValues } from '../../src/catalog/definition.js';
import { listQueryNameOf, singleQueryNameOf } from '../../src/catalog/naming.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import type { GraphQLClient, GraphQLResponse } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { ENTITY, representationsOf, startHealthySubgraph, startProviderHost, startScriptedSubgraph, type ProviderHost, type SubgraphMode, type TestSubgraph } from '../support/subgraphs.js';

const PURPOSE = 'LIVE-TEST-0001';
const RESET_MS = 300;
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id status } } }`;
const APPROVE = `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { accessRequest { status } } }`;
const REGISTER = `mutation Reg($input: RegisterLiveSourceInput!) { registerLiveSource(input: $input) {
  liveSource { resourceType url entityTypeName keyField timeoutMs credential isFallbackToPublished version state health lastError latencyP50 } } }`;
const LIVE_SOURCES = `{ liveSources { resourceType url state health lastError latencyP50 } }`;
const PSB = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'psb')!.code;
const HRSS = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'hrss')!.code;
/** An origin where nothing listens, listed for psb: a source there is UNREACHABLE. */
const NOTHING_THERE = 'http://127.0.0.1:1';

let t: TestHub;
let psbAdmin: GraphQLClient;
let psbSystem: GraphQLClient;
let hrssAdmin: GraphQLClient;
let hrss: GraphQLClient;
const subgraphs: Array<{ close(): Promise<void> }> = [];
/** Each department's own service host: the one origin the operator lists for it. */
let psbHost: ProviderHost;
let hrssHost: ProviderHost;
const originsFor = (byDepartment: Record<string, string[]>) => JSON.stringify(byDepartment);

const persons = testPersons(6, 21);
const others = testPersons(494, 22);

function valuesOf(i: number): RecordValues {
  const p = persons[i]!;
  return { name: p.name, gender: p.gender, districtCode: '330106', address: `浙江省杭州市西湖区文三路${100 + i}号`, birthDate: p.birthDate, householdSize: 3, religion: '无' };
}
const records = new Map(persons.map((p, i) => [p.idNumber, valuesOf(i)]));

beforeAll(async () => {
  psbHost = await startProviderHost();
  hrssHost = await startProviderHost();
  t = await startTestHub({
    SHAREHUB_LIVE_BREAKER_RESET_MS: String(RESET_MS),
    SHAREHUB_LIVE_BREAKER_VOLUME: '3',
    SHAREHUB_LIVE_BREAKER_ERROR_PERCENT: '50',
    SHAREHUB_LIVE_SOURCE_ORIGINS: originsFor({ [PSB]: [psbHost.origin, NOTHING_THERE], [HRSS]: [hrssHost.origin] }),
  });
  psbAdmin = await t.as('psb-admin');
  psbSystem = await t.as('psb-system');
  hrssAdmin = await t.as('hrss-admin');
  hrss = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
});
afterAll(async () => {
  await Promise.all(subgraphs.splice(0).map((s) => s.close()));
  await t?.close();
  await Promise.all([psbHost?.close(), hrssHost?.close()]);
});

/** A fresh household-like type of psb that hrss may read name, gender and districtCode of (optionally address, masked). */
async function grantedType(options: { isPublished?: boolean; maskedAddress?: boolean } = {}) {
  const code = uniqueCode('t_live');
  await publish(psbAdmin, householdLike(code));
  if (options.isPublished) {
    const res = await psbSystem.query(UPSERT, { type: code, records: persons.map((p, i) => ({ subjectId: p.idNumber, fields: { ...valuesOf(i), name: `${p.name}(published)` } })) });
    expect(res.errors).toBeUndefined();
  }
  const fields = ['name', 'gender', 'districtCode', ...(options.maskedAddress ? ['address'] : [])];
  const asked = await hrssAdmin.query(REQUEST_ACCESS, { input: { resourceType: code, fields, purposes: [PURPOSE], justification: 'live source test', validUntil: '2031-01-01T00:00:00Z' } });
  expect(asked.errors).toBeUndefined();
  if (options.maskedAddress) {
    const approved = await psbAdmin.query(APPROVE, {
      input: { requestId: asked.data!.requestAccess.accessRequest.id, fields: [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 } }] },
    });
    expect(approved.errors).toBeUndefined();
  }
  return { code, one: singleQueryNameOf(code), many: listQueryNameOf(code) };
}

async function register(code: string, url: string, extra: Record<string, unknown> = {}) {
  const res = await psbAdmin.query(REGISTER, { input: { resourceType: code, url, entityTypeName: ENTITY, keyField: 'subjectId', ...extra } });
  expect(res.errors).toBeUndefined();
  return res.data!.registerLiveSource.liveSource;
}

async function healthy(host = psbHost): Promise<TestSubgraph> {
  const subgraph = await startHealthySubgraph(records, host);
  subgraphs.push(subgraph);
  return subgraph;
}

async function scripted(mode: SubgraphMode, options: { sdl?: string } = {}) {
  const subgraph = await startScriptedSubgraph({ mode, records, ...options, host: psbHost });
  subgraphs.push(subgraph);
  return subgraph;
}

async function auditOf(requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
}

async function stateOf(code: string): Promise<{ state: string; health: string; lastError: string | null; latencyP50: number | null }> {
  const res = await psbAdmin.query(LIVE_SOURCES);
  return res.data!.liveSources.find((s: { resourceType: string }) => s.resourceType === code);
}

const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('reading a live resource type', () => {
  it('asks the source once for all 500 subjects, for the allowed fields only, and no SQL reads the records', async () => {
    const { code, many } = await grantedType();
    const subgraph = await healthy();
    await register(code, subgraph.url);
    const ids = [...persons.map((p) => p.idNumber), ...others.map((p) => p.idNumber)];
    expect(ids).toHaveLength(500);
    t.sql.count = 0;
    const res = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId name gender address religion } }`, { ids });
    // client lookup (cached) + grants, and nothing for the records themselves
    expect(t.sql.count).toBeLessThanOrEqual(2);
    expect(res.data?.[many]).toHaveLength(500);
    expect(res.data?.[many][0]).toMatchObject({ subjectId: persons[0]!.idNumber, name: persons[0]!.name, gender: persons[0]!.gender, address: null, religion: null });
    expect(res.data?.[many].filter((r: unknown) => r !== null)).toHaveLength(persons.length);
    expect(new Set(codesOf(res))).toEqual(new Set(['FIELD_FORBIDDEN']));

    const calls = subgraph.entitiesCalls();
    expect(calls).toHaveLength(1);
    expect(representationsOf(calls[0]!)).toHaveLength(500);
    expect(representationsOf(calls[0]!)[0]).toEqual({ __typename: ENTITY, subjectId: persons[0]!.idNumber });
    const selection = /\.\.\. on Household \{([^}]*)\}/.exec(calls[0]!.query)?.[1]?.trim().split(/\s+/);
    expect(selection?.sort()).toEqual(['districtCode', 'gender', 'name', 'subjectId']);
    for (const denied of ['address', 'religion', 'birthDate', 'householdSize']) expect(calls[0]!.query).not.toContain(denied);
  });

  it('masks live fields as the grant says, and the audit event names the source, its fields and its time', async () => {
    const { code, one } = await grantedType({ maskedAddress: true });
    const subgraph = await healthy();
    await register(code, subgraph.url);
    const requestId = `live-audit-${Date.now()}`;
    const res = await hrss.with({ 'x-request-id': requestId }).query(`query R($id: ID!) { ${one}(subjectId: $id) { name address religion } }`, { id: persons[1]!.idNumber });
    expect(res.data?.[one]).toEqual({ name: persons[1]!.name, address: expect.stringMatching(/^浙江省\*+$/), religion: null });
    expect(codesOf(res)).toEqual(['FIELD_FORBIDDEN']);
    expect(subgraph.entitiesCalls()[0]!.query).toContain('address');

    const [event] = await auditOf(requestId);
    expect(event).toMatchObject({ purpose: PURPOSE, outcome: 'PARTIAL', resource_types: [code] });
    expect(event.fields_returned).toEqual([`${code}.name`]);
    expect(event.fields_masked).toEqual([`${code}.address`]);
    expect(event.fields_denied).toEqual([`${code}.religion`]);
    expect(event.details.liveSources).toEqual([
      { resourceType: code, providerCode: PSB, source: subgraph.url, sourceVersion: 1, fields: ['name', 'gender', 'districtCode', 'address'], subjects: 1, ms: expect.any(Number), outcome: 'SERVED' },
    ]);
    expect(JSON.stringify(event)).not.toContain(persons[1]!.idNumber);
  });

  it('sends the static bearer secret, which is stored sealed', async () => {
    const { code, one } = await grantedType();
    const subgraph = await healthy();
    const secret = `bearer-${Date.now()}-secret`;
    const source = await register(code, subgraph.url, { credential: 'STATIC_BEARER', bearerToken: secret });
    expect(source.credential).toBe('STATIC_BEARER');
    const res = await hrss.query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: persons[0]!.idNumber });
    expect(res.errors).toBeUndefined();
    expect(subgraph.asked.map((a) => a.authorization)).toEqual([`Bearer ${secret}`, `Bearer ${secret}`]);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query('SELECT secret_jwe FROM live_source WHERE resource_type_code = $1', [code]);
    expect(rows[0].secret_jwe.split('.')).toHaveLength(5);
    expect(rows[0].secret_jwe).not.toContain(secret);
  });

  it('gets a client-credentials token once and reuses it until it expires', async () => {
    const { code, one } = await grantedType();
    const subgraph = await healthy();
    const tokenRequests: Array<{ authorization: string | undefined; body: string }> = [];
    // psb's own token endpoint, at its own origin.
    const { url: tokenEndpoint } = psbHost.mount(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      tokenRequests.push({ authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `token-${tokenRequests.length}`, token_type: 'Bearer', expires_in: 3600 }));
    }, 'token');
    await register(code, subgraph.url, { credential: 'CLIENT_CREDENTIALS', tokenEndpoint, clientId: 'hub', clientSecret: 's3cret' });
    for (const p of persons.slice(0, 3)) expect((await hrss.query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: p.idNumber })).errors).toBeUndefined();
    // One token for the registration's SDL read, one for the registered source, reused for every later call.
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[1]).toEqual({ authorization: `Basic ${Buffer.from('hub:s3cret').toString('base64')}`, body: 'grant_type=client_credentials' });
    expect(subgraph.entitiesCalls().map((c) => c.authorization)).toEqual(['Bearer token-2', 'Bearer token-2', 'Bearer token-2']);
  });
});

describe('when the source fails', () => {
  it.each<[SubgraphMode, string]>([
    ['slow', 'TIMEOUT'],
    ['errors', 'GRAPHQL_ERRORS'],
    ['destroy', 'UNREACHABLE'],
  ])('%s: its records are null with SOURCE_UNAVAILABLE, and the published type in the same query is served', async (mode, category) => {
    const published = await grantedType({ isPublished: true });
    const live = await grantedType();
    const subgraph = await scripted(mode);
    await register(live.code, subgraph.url, { timeoutMs: 200 });
    const ids = persons.slice(0, 2).map((p) => p.idNumber);
    const res = await hrss.query(`query M($id: ID!, $ids: [ID!]!) { p: ${published.one}(subjectId: $id) { name } l: ${live.many}(subjectIds: $ids) { subjectId name } }`, { id: ids[0], ids });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ p: { name: `${persons[0]!.name}(published)` }, l: [null, null] });
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['l.0', 'SOURCE_UNAVAILABLE'],
      ['l.1', 'SOURCE_UNAVAILABLE'],
    ]);
    expect(res.errors?.[0]).toMatchObject({ extensions: { resourceType: live.code, provider: expect.any(String) } });
    expect(res.errors?.[0]?.message).toContain(live.code);
    expect(JSON.stringify(res)).not.toMatch(/ORA-|10\.12\.0\.7|ECONN|socket|abort/i);
    expect(subgraph.entitiesCalls()).toHaveLength(1);
    expect(await stateOf(live.code)).toMatchObject({ state: 'CLOSED', lastError: category });
  });

  it('a record whose values do not fit the catalog is SOURCE_UNAVAILABLE alone; the others of the call are served', async () => {
    const { code, many } = await grantedType();
    const subgraph = await scripted('invalid');
    await register(code, subgraph.url);
    const ids = persons.slice(0, 2).map((p) => p.idNumber);
    const res = await hrss.query(`query M($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId name } }`, { ids });
    expect(res.data?.[many]).toEqual([null, { subjectId: ids[1], name: persons[1]!.name }]);
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([[`${many}.0`, 'SOURCE_UNAVAILABLE']]);
    expect(await stateOf(code)).toMatchObject({ state: 'CLOSED', health: 'DEGRADED', lastError: 'INVALID_RESPONSE' });
  });

  it('the breaker opens after repeated failures, then calls stop reaching the source; after its reset time one trial closes it', async () => {
    const { code, one } = await grantedType();
    const subgraph = await scripted('errors');
    await register(code, subgraph.url);
    const read = () => hrss.query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: persons[0]!.idNumber });
    for (let i = 0; i < 3; i += 1) expect(codesOf(await read())).toEqual(['SOURCE_UNAVAILABLE']);
    expect(await stateOf(code)).toMatchObject({ state: 'OPEN', health: 'UNAVAILABLE', lastError: 'GRAPHQL_ERRORS' });

    const reached = subgraph.entitiesCalls().length;
    expect(codesOf(await read())).toEqual(['SOURCE_UNAVAILABLE']);
    expect(subgraph.entitiesCalls()).toHaveLength(reached);

    subgraph.mode = 'ok';
    await vi.waitFor(async () => expect(await stateOf(code)).toMatchObject({ state: 'HALF_OPEN', health: 'DEGRADED' }), { timeout: RESET_MS * 20, interval: 50 });
    const res = await read();
    expect(res.errors).toBeUndefined();
    expect(res.data?.[one]).toEqual({ name: persons[0]!.name });
    expect(subgraph.entitiesCalls()).toHaveLength(reached + 1);
    const after = await stateOf(code);
    expect(after.state).toBe('CLOSED');
    expect(after.latencyP50).toEqual(expect.any(Number));
  });

  it('a source registered to fall back serves the published records and says so in the extensions', async () => {
    const { code, one } = await grantedType({ isPublished: true });
    const subgraph = await scripted('destroy');
    await register(code, subgraph.url, { isFallbackToPublished: true });
    const requestId = `live-fallback-${Date.now()}`;
    const res = await hrss.with({ 'x-request-id': requestId }).query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: persons[2]!.idNumber });
    expect(res.errors).toBeUndefined();
    expect(res.data?.[one]).toEqual({ name: `${persons[2]!.name}(published)` });
    expect((res as { extensions?: unknown }).extensions).toEqual({ sharehub: { fallbacks: [code] } });
    const [event] = await auditOf(requestId);
    expect(event.outcome).toBe('SUCCESS');
    expect(event.details.liveSources).toMatchObject([{ resourceType: code, outcome: 'FALLBACK', failure: 'UNREACHABLE' }]);
  });
});

describe('registration', () => {
  it('a source whose SDL does not fit the catalog is refused with every mismatch, and nothing is registered', async () => {
    const { code } = await grantedType();
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Household @key(fields: "id") { id: ID! subjectId: ID! name: Int gender: Gender districtCode: String address: String householdSize: [Int] religion: String }
      enum Gender { MALE }`;
    const subgraph = await scripted('ok', { sdl });
    const res = await psbAdmin.query(REGISTER, { input: { resourceType: code, url: subgraph.url, entityTypeName: ENTITY, keyField: 'subjectId' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mismatches = res.errors?.[0]?.extensions?.mismatches as Array<{ field: string; problem: string }>;
    expect(mismatches.map((m) => m.field).sort()).toEqual(['birthDate', 'gender', 'householdSize', 'name', 'subjectId']);
    expect(mismatches.find((m) => m.field === 'name')?.problem).toBe('is Int in the source; STRING needs String or ID');
    expect(mismatches.find((m) => m.field === 'gender')?.problem).toContain('FEMALE');
    expect(res.errors?.[0]?.message).toContain('birthDate is not a field of Household');
    expect((await psbAdmin.query(LIVE_SOURCES)).data?.liveSources.map((s: { resourceType: string }) => s.resourceType)).not.toContain(code);
  });

  it("only the provider's data administrator registers; an unreachable source is refused", async () => {
    const { code } = await grantedType();
    const subgraph = await healthy();
    for (const who of [hrssAdmin, psbSystem]) {
      const res = await who.query(REGISTER, { input: { resourceType: code, url: subgraph.url, entityTypeName: ENTITY } });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const down = await psbAdmin.query(REGISTER, { input: { resourceType: code, url: `${NOTHING_THERE}/graphql`, entityTypeName: ENTITY } });
    expect(down.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(down.errors?.[0]?.message).toContain('UNREACHABLE');
    expect(subgraph.asked).toHaveLength(0);
  });

  it('a source outside the origins the operator listed is refused before the hub calls it', async () => {
    const { code } = await grantedType();
    const subgraph = await healthy();
    const listed = await startTestHub({ SHAREHUB_LIVE_SOURCE_ORIGINS: originsFor({ [PSB]: ['https://psb.example.gov:8443'], [HRSS]: ['https://hrss.example.gov'] }) });
    try {
      const admin = await listed.as('psb-admin');
      const res = await admin.query(REGISTER, { input: { resourceType: code, url: subgraph.url, entityTypeName: ENTITY } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.mismatches).toEqual([{ field: 'url', problem: expect.stringContaining(`not among the origins the hub may call for department ${PSB}`) }]);
      expect(subgraph.asked).toHaveLength(0);
    } finally {
      await listed.close();
    }
    const allowing = await startTestHub({ SHAREHUB_LIVE_SOURCE_ORIGINS: originsFor({ [PSB]: [new URL(subgraph.url).origin] }) });
    try {
      const res = await (await allowing.as('psb-admin')).query(REGISTER, { input: { resourceType: code, url: subgraph.url, entityTypeName: ENTITY, keyField: 'subjectId' } });
      expect(res.errors).toBeUndefined();
    } finally {
      await allowing.close();
    }
  });

  it("another department's service cannot be registered: an origin listed for HRSS only is refused to PSB, for the source and its token endpoint", async () => {
    const { code } = await grantedType();
    const theirs = await healthy(hrssHost);
    const asSource = await psbAdmin.query(REGISTER, { input: { resourceType: code, url: theirs.url, entityTypeName: ENTITY, keyField: 'subjectId' } });
    expect(asSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(asSource.errors?.[0]?.extensions?.mismatches).toEqual([{ field: 'url', problem: `is at ${hrssHost.origin}, which is not among the origins the hub may call for department ${PSB} (SHAREHUB_LIVE_SOURCE_ORIGINS)` }]);
    const ours = await healthy();
    const tokenEndpoint = `${hrssHost.origin}/token`;
    const asIssuer = await psbAdmin.query(REGISTER, {
      input: { resourceType: code, url: ours.url, entityTypeName: ENTITY, keyField: 'subjectId', credential: 'CLIENT_CREDENTIALS', tokenEndpoint, clientId: 'hub', clientSecret: 's3cret' },
    });
    expect(asIssuer.errors?.[0]?.extensions?.mismatches).toEqual([{ field: 'tokenEndpoint', problem: expect.stringContaining(`for department ${PSB}`) }]);
    expect(theirs.asked).toHaveLength(0);
    expect(ours.asked).toHaveLength(0);
    expect((await psbAdmin.query(LIVE_SOURCES)).data?.liveSources.map((s: { resourceType: string }) => s.resourceType)).not.toContain(code);
  });

  it("a registration at an origin no longer listed for its department is not called: the published records are served", async () => {
    const { code, one } = await grantedType({ isPublished: true });
    const subgraph = await healthy();
    await register(code, subgraph.url);
    const delisted = await startTestHub({ SHAREHUB_LIVE_SOURCE_ORIGINS: originsFor({ [HRSS]: [psbHost.origin] }) });
    try {
      const res = await (await delisted.as('hrss-system', { 'x-sharehub-purpose': PURPOSE })).query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: persons[4]!.idNumber });
      expect(res.errors).toBeUndefined();
      expect(res.data?.[one]).toEqual({ name: `${persons[4]!.name}(published)` });
      expect(subgraph.entitiesCalls()).toHaveLength(0);
    } finally {
      await delisted.close();
    }
  });

  it('unregistering serves the published records again, and is audited', async () => {
    const { code, one } = await grantedType({ isPublished: true });
    const subgraph = await healthy();
    const source = await register(code, subgraph.url);
    expect(source).toMatchObject({ resourceType: code, version: 1, state: 'CLOSED', health: 'HEALTHY', credential: 'NONE', timeoutMs: 3000, isFallbackToPublished: false });
    expect((await register(code, subgraph.url)).version).toBe(2);
    const read = () => hrss.query(`query R($id: ID!) { ${one}(subjectId: $id) { name } }`, { id: persons[3]!.idNumber });
    expect((await read()).data?.[one].name).toBe(persons[3]!.name);
    const requestId = `live-unregister-${Date.now()}`;
    const gone = await psbAdmin.with({ 'x-request-id': requestId }).query(`mutation U($t: ID!) { unregisterLiveSource(resourceType: $t) { resourceType } }`, { t: code });
    expect(gone.data?.unregisterLiveSource.resourceType).toBe(code);
    expect((await read()).data?.[one].name).toBe(`${persons[3]!.name}(published)`);
    expect((await auditOf(requestId)).map((e) => e.action)).toContain('liveSource.unregister');
    const again = await psbAdmin.query(`mutation U($t: ID!) { unregisterLiveSource(resourceType: $t) { resourceType } }`, { t: code });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
