// The caches of the request path (issue 15) and their invalidation, over HTTP on two hubs sharing one PostgreSQL:
// grants held in memory are checked in the read's own statement (a revocation or suspension through one instance is
// refused on the very next request on the other), a verified token is remembered but its client is still looked up
// (a disabled client is refused within the client directory's bound), and what a repeated read costs in statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { CLIENT_CACHE_MS } from '../../src/services/clients.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import type { GraphQLClient } from '../support/client.js';
import { registerClient } from '../support/clients.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const PURPOSE = 'SI-TEST-CACHE';
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { grants { id state } } } }`;

let a: TestHub;
let b: TestHub;
/** Added to hub B's clock: the client directory's bound is passed by moving it, not by waiting. */
let bClockOffsetMs = 0;
let code: string;
let one: string;
const [alice] = testPersons(1, 15);

function read(fields: string) {
  return `query Read($id: ID!) { ${one}(subjectId: $id) { subjectId ${fields} } }`;
}

async function auditOf(t: TestHub, requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
}

/** A new UNCONDITIONAL grant of name and gender to hrss for PURPOSE (granted at once); its id. */
async function grantNameAndGender(admin: GraphQLClient): Promise<string> {
  const res = await admin.query(REQUEST_ACCESS, {
    input: { resourceType: code, fields: ['name', 'gender'], purposes: [PURPOSE], justification: 'grant cache test', validUntil: '2030-01-01T00:00:00Z' },
  });
  expect(res.errors).toBeUndefined();
  const [grant] = res.data?.requestAccess.accessRequest.grants as Array<{ id: string; state: string }>;
  expect(grant?.state).toBe('ACTIVE');
  return grant!.id;
}

beforeAll(async () => {
  a = await startTestHub();
  code = uniqueCode('t_cache');
  one = singleQueryNameOf(code);
  await publish(await a.as('psb-admin'), householdLike(code));
  const written = await (await a.as('psb-system')).query(UPSERT, {
    type: code,
    records: [{ subjectId: alice!.idNumber, fields: { name: alice!.name, gender: alice!.gender, districtCode: '330102', householdSize: 3 } }],
  });
  expect(written.errors).toBeUndefined();
  // Started after the type is published, so its catalog has it without waiting for the notification.
  b = await startTestHub({}, { clock: () => new Date(Date.now() + bClockOffsetMs) });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('grants held in memory', () => {
  it('a grant revoked through one instance is refused on the very next request on another that had it in memory', async () => {
    const grantId = await grantNameAndGender(await a.as('hrss-admin'));
    const onB = (await b.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
    // Twice on B: the second read is planned on the grants B now holds in memory.
    expect((await onB.query(read('name'), { id: alice!.idNumber })).data?.[one]?.name).toBe(alice!.name);
    const before = await onB.query(read('name'), { id: alice!.idNumber });
    expect(before.data?.[one]).toEqual({ subjectId: alice!.idNumber, name: alice!.name });

    const revoked = await (await a.as('psb-admin')).query(`mutation V($id: ID!) { revokeGrant(grantId: $id, reason: "cache test") { grant { state } } }`, { id: grantId });
    expect(revoked.data?.revokeGrant.grant.state).toBe('REVOKED');

    const requestId = `grant-cache-revoked-${Date.now()}`;
    const after = await onB.with({ 'x-request-id': requestId }).query(read('name'), { id: alice!.idNumber });
    expect(after.data?.[one]).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // One event for the request: the attempt planned on the grant in memory fetched nothing and is not a read.
    const events = await auditOf(b, requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ resource_types: [code], fields_returned: [], error_codes: ['FORBIDDEN'] });
  });

  it('a grant suspended through one instance is refused on the next request on the other, in one extra read of the grants', async () => {
    const grantId = await grantNameAndGender(await a.as('hrss-admin'));
    const onB = (await b.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
    expect((await onB.query(read('name gender'), { id: alice!.idNumber })).data?.[one]).toEqual({ subjectId: alice!.idNumber, name: alice!.name, gender: alice!.gender });
    expect((await onB.query(read('name gender'), { id: alice!.idNumber })).data?.[one]).toEqual({ subjectId: alice!.idNumber, name: alice!.name, gender: alice!.gender });

    const suspended = await (await a.as('psb-admin')).query(`mutation S($id: ID!) { suspendGrant(grantId: $id, reason: "cache test") { grant { state } } }`, { id: grantId });
    expect(suspended.data?.suspendGrant.grant.state).toBe('SUSPENDED');

    b.sql.count = 0;
    const after = await onB.query(read('name gender'), { id: alice!.idNumber });
    expect(after.data?.[one]).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // The client's own lookup comes and goes with its directory's bound: not part of what is counted here.
    const statements = b.sql.statements.slice(-b.sql.count).filter((s) => !s.includes('FROM client c'));
    // The checked read that found the grants changed (so fetched no record), then the grants read afresh for the plan.
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain('FROM record r');
    expect(statements[1]).toContain('FROM access_grant');
    expect(statements[1]).not.toContain('FROM record');

    const reinstated = await (await a.as('psb-admin')).query(`mutation I($id: ID!) { reinstateGrant(grantId: $id) { grant { state } } }`, { id: grantId });
    expect(reinstated.data?.reinstateGrant.grant.state).toBe('ACTIVE');
    expect((await onB.query(read('name gender'), { id: alice!.idNumber })).data?.[one]).toEqual({ subjectId: alice!.idNumber, name: alice!.name, gender: alice!.gender });
  });

  it('a repeated read costs one statement: the records and the grants check together', async () => {
    await grantNameAndGender(await a.as('hrss-admin'));
    const onA = (await a.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
    expect((await onA.query(read('name'), { id: alice!.idNumber })).data?.[one]?.name).toBe(alice!.name);
    a.sql.count = 0;
    const again = await onA.query(read('name'), { id: alice!.idNumber });
    expect(again.data?.[one]).toEqual({ subjectId: alice!.idNumber, name: alice!.name });
    const statements = a.sql.statements.slice(-a.sql.count).filter((s) => !s.includes('FROM client c'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('FROM record r');
    expect(statements[0]).toContain('FROM access_grant g');
  });
});

describe('verified tokens held in memory', () => {
  it('a token of a client disabled meanwhile is refused once the client directory bound has passed, though the token is still valid', async () => {
    const clientId = await registerClient(b, 'hrss-system', { perSecond: null, burst: null });
    const client = (await b.as(clientId)).with({ 'x-sharehub-purpose': PURPOSE });
    const viewer = '{ viewer { client { id } } }';
    expect((await client.query(viewer)).data?.viewer.client.id).toBe(clientId);
    // Verified once; the same token again is taken from memory.
    expect((await client.query(viewer)).status).toBe(200);

    const pool = await b.db.orm.em.getConnection().getNativeClient();
    await pool.query('UPDATE client SET is_enabled = false WHERE id = $1', [clientId]);
    bClockOffsetMs += CLIENT_CACHE_MS + 1;
    const refused = await client.query(viewer);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a token whose signature does not verify is refused even after the genuine token was verified', async () => {
    const token = await b.token('hrss-system');
    const genuine = await fetch(`${b.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { roles } }' }) });
    expect(genuine.status).toBe(200);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
    const res = await fetch(`${b.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${tampered}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { roles } }' }) });
    expect(res.status).toBe(401);
  });
});
