// Electronic certificates over HTTP with demo tokens: issue → verify → suspend → reinstate → revoke, each audited;
// face fields per grants; tampering detected; offline verification with the JWKS alone; key rotation; many at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatCertificateIdentifier } from '../../src/certs/certificateIdentifier.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { testPersons } from '../support/catalog.js';
import { CHANGE, faceSelection, ISSUE, issueInput, permitLike, publishCertificateType, verifyQuery } from '../support/certificates.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let type: { code: string; identifierCode: string; faceType: string };
let amrSystem: GraphQLClient;
let amrAdmin: GraphQLClient;
let clerk: GraphQLClient;
let centerAdmin: GraphQLClient;
const PURPOSE = 'CERT-TEST-0001';
const persons = testPersons(8, 51);
const [alice, bob, carol, dave] = persons;
const AMR = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'amr')!.code;
let keyCounter = 0;
const newKey = () => `test-${process.pid}-${Date.now()}-${(keyCounter += 1)}`;

async function issue(holder = alice!, face: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const res = await amrSystem.query(ISSUE, { input: issueInput(type.code, holder, face, extra), key: newKey() });
  if (res.errors) throw new Error(`issue failed: ${JSON.stringify(res.errors)}`);
  return res.data!.issueCertificate.certificate as Record<string, any>;
}

async function verify(identifier: string, client = clerk) {
  return client.query(verifyQuery(type.code), { id: identifier });
}

/** `sharehub keys rotate --department AMR`, another process than the hub: the new kid. */
async function rotateFromCommandLine(): Promise<string> {
  const child = spawn(process.execPath, [path.resolve('dist/src/cli/main.js'), 'keys', 'rotate', '--department', AMR], {
    env: { PATH: process.env.PATH, SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir') },
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, out).toBe(0);
  const kid = /new kid (\S+);/.exec(out)?.[1];
  expect(kid).toBeTruthy();
  return kid!;
}

async function pool() {
  return t.db.orm.em.getConnection().getNativeClient();
}

async function auditActions(identifier: string): Promise<string[]> {
  const { rows } = await (await pool()).query(`SELECT action FROM audit_event WHERE details->>'identifier' = $1 ORDER BY seq`, [identifier]);
  return rows.map((r: { action: string }) => r.action);
}

beforeAll(async () => {
  t = await startTestHub();
  amrSystem = await t.as('amr-system');
  amrAdmin = await t.as('amr-admin');
  clerk = (await t.as('window-clerk')).with({ 'x-sharehub-purpose': PURPOSE });
  centerAdmin = await t.as('service-center-admin');
  type = await publishCertificateType(amrAdmin, permitLike());
});
afterAll(async () => {
  await t?.close();
});

describe('the lifecycle, over HTTP with demo tokens', () => {
  it('issue → VALID and authentic → suspend → SUSPENDED → reinstate → revoke → REVOKED, each step audited', async () => {
    const cert = await issue();
    expect(cert).toMatchObject({ certificateType: type.code, issuerCode: AMR, status: 'VALID', state: 'VALID', version: 1 });
    expect(cert.identifier).toMatch(new RegExp(`^${type.identifierCode}\\.${AMR}\\.\\d{10}\\.01\\.[0-9A-Z]$`));
    const id = cert.identifier as string;

    const valid = await verify(id);
    expect(valid.data?.verifyCertificate).toMatchObject({ identifier: id, authentic: true, status: 'VALID', certificateType: { code: type.code }, issuer: { code: AMR, name: '杭州市市场监督管理局' } });

    const suspended = await amrSystem.query(CHANGE.suspend, { id, reason: '整改期间暂停' });
    expect(suspended.data?.suspendCertificate.certificate).toMatchObject({ status: 'SUSPENDED', version: 2 });
    expect((await verify(id)).data?.verifyCertificate).toMatchObject({ authentic: true, status: 'SUSPENDED' });

    const reinstated = await amrSystem.query(CHANGE.reinstate, { id });
    expect(reinstated.data?.reinstateCertificate.certificate).toMatchObject({ status: 'VALID', version: 3 });
    expect((await verify(id)).data?.verifyCertificate.status).toBe('VALID');

    const revoked = await amrAdmin.query(CHANGE.revoke, { id, reason: '以欺骗手段取得' });
    expect(revoked.data?.revokeCertificate.certificate).toMatchObject({ status: 'REVOKED', version: 4 });
    expect((await verify(id)).data?.verifyCertificate).toMatchObject({ authentic: true, status: 'REVOKED' });

    expect(await auditActions(id)).toEqual(['certificate.issue', 'certificate.suspend', 'certificate.reinstate', 'certificate.revoke']);
    const { rows } = await (await pool()).query(
      `SELECT client_id, purpose, outcome, details FROM audit_event WHERE action = 'graphql.query' AND details->'verifications' @> $1::jsonb ORDER BY seq`,
      [JSON.stringify([{ identifier: id }])],
    );
    expect(rows.map((r: { details: { verifications: Array<{ status: string }> } }) => r.details.verifications[0]!.status)).toEqual(['VALID', 'SUSPENDED', 'VALID', 'REVOKED']);
    for (const r of rows) expect(r).toMatchObject({ client_id: 'window-clerk', purpose: PURPOSE, outcome: 'PARTIAL' });
  });

  it('the history keeps every version, for the issuer', async () => {
    const cert = await issue(bob!);
    await amrSystem.query(CHANGE.suspend, { id: cert.identifier, reason: '核查' });
    const history = `query H($id: String!) { certificate(identifier: $id) { version history { version action status reason changedBy } } }`;
    // Reading a certificate itself is a read like any other: it states a purpose.
    expect((await amrSystem.query(history, { id: cert.identifier })).errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const res = await amrSystem.with({ 'x-sharehub-purpose': 'own-records' }).query(history, { id: cert.identifier });
    expect(res.data?.certificate.history).toEqual([
      { version: 1, action: 'ISSUE', status: 'VALID', reason: null, changedBy: 'amr-system' },
      { version: 2, action: 'SUSPEND', status: 'SUSPENDED', reason: '核查', changedBy: 'amr-system' },
    ]);
    const other = await clerk.query(`query H($id: String!) { certificate(identifier: $id) { version } }`, { id: cert.identifier });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('renewal issues a successor with the next version in its identifier; the predecessor is CANCELLED and points at it', async () => {
    const cert = await issue(carol!);
    const res = await amrSystem.query(
      `mutation R($id: String!, $input: RenewCertificateInput) { renewCertificate(identifier: $id, input: $input) {
        certificate { identifier predecessor status validUntil } predecessor { identifier status successor statusReason } } }`,
      { id: cert.identifier, input: { validUntil: '2031-01-01T00:00:00.000Z' } },
    );
    expect(res.errors).toBeUndefined();
    const { certificate: next, predecessor } = res.data!.renewCertificate;
    expect(next.identifier.slice(0, -4)).toBe(cert.identifier.slice(0, -4));
    expect(next.identifier).toMatch(/\.02\.[0-9A-Z]$/);
    expect(next).toMatchObject({ predecessor: cert.identifier, status: 'VALID', validUntil: '2031-01-01T00:00:00.000Z' });
    expect(predecessor).toMatchObject({ status: 'CANCELLED', successor: next.identifier });
    expect((await verify(cert.identifier)).data?.verifyCertificate).toMatchObject({ status: 'CANCELLED', authentic: true, successor: next.identifier });
    expect((await verify(next.identifier)).data?.verifyCertificate).toMatchObject({ status: 'VALID', authentic: true, predecessor: cert.identifier });
    const again = await amrSystem.query(`mutation R($id: String!) { renewCertificate(identifier: $id) { certificate { identifier } } }`, { id: cert.identifier });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('EXPIRED follows from the validity at the time of the check', async () => {
    const cert = await issue(dave!, {}, { validFrom: '2020-01-01T00:00:00.000Z', validUntil: '2021-01-01T00:00:00.000Z' });
    expect(cert).toMatchObject({ status: 'VALID', state: 'EXPIRED' });
    expect((await verify(cert.identifier)).data?.verifyCertificate).toMatchObject({ status: 'EXPIRED', authentic: true });
  });
});

describe('idempotent issuance', () => {
  it('the same key with the same input returns the same certificate; with other input it is CONFLICT and nothing is written', async () => {
    const key = newKey();
    const input = issueInput(type.code, alice!);
    const first = await amrSystem.query(ISSUE, { input, key });
    const second = await amrSystem.query(ISSUE, { input, key });
    expect(first.data?.issueCertificate.isReplay).toBe(false);
    expect(second.data?.issueCertificate).toMatchObject({ isReplay: true, certificate: { identifier: first.data?.issueCertificate.certificate.identifier } });
    const { rows: before } = await (await pool()).query('SELECT count(*)::int AS n FROM certificate WHERE type_code = $1', [type.code]);
    const conflict = await amrSystem.query(ISSUE, { input: { ...input, face: { ...input.face, capacity: 99 } }, key });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { rows: after } = await (await pool()).query('SELECT count(*)::int AS n FROM certificate WHERE type_code = $1', [type.code]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('concurrent requests under one key issue one certificate', async () => {
    const key = newKey();
    const input = issueInput(type.code, bob!);
    const answers = await Promise.all([1, 2, 3, 4].map(() => amrSystem.query(ISSUE, { input, key })));
    const identifiers = new Set(answers.map((a) => a.data?.issueCertificate.certificate.identifier));
    expect(identifiers.size).toBe(1);
    expect(answers.filter((a) => a.data?.issueCertificate.isReplay === false)).toHaveLength(1);
  });
});

describe('what a verifier sees: face fields per grants, the holder masked unless granted', () => {
  let id: string;

  it('without a grant: every face field FIELD_FORBIDDEN and null, the holder masked', async () => {
    id = (await issue(alice!)).identifier;
    const res = await verify(id);
    const v = res.data?.verifyCertificate;
    expect(v).toMatchObject({ authentic: true, status: 'VALID' });
    expect(v.holder).toEqual({ idType: 'RESIDENT_ID', idNumber: `${alice!.idNumber.slice(0, 3)}***********${alice!.idNumber.slice(-4)}`, name: `${[...alice!.name][0]}${'*'.repeat([...alice!.name].length - 1)}`, isNameMasked: true, isIdNumberMasked: true });
    expect(v.face.certificateType).toBe(type.code);
    for (const f of ['title', 'category', 'grantedOn', 'capacity', 'address', 'inspectorNote']) expect(v.face[f], f).toBeNull();
    const forbidden = res.errors!.filter((e) => e.extensions?.code === 'FIELD_FORBIDDEN').map((e) => e.path?.join('.'));
    expect(forbidden.sort()).toEqual(['address', 'capacity', 'category', 'grantedOn', 'inspectorNote', 'title'].map((f) => `verifyCertificate.face.${f}`).sort());
  });

  it('without a purpose: PURPOSE_REQUIRED and no data', async () => {
    const res = await (await t.as('window-clerk')).query(verifyQuery(type.code), { id });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['PURPOSE_REQUIRED']);
    expect(res.data).toBeUndefined();
  });

  it('UNCONDITIONAL face fields are readable at once after requestAccess; CONDITIONAL ones and the holder after the issuer approves', async () => {
    const request = await centerAdmin.query(
      `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id status conditionalFields } } }`,
      { input: { resourceType: type.code, fields: ['title', 'category', 'grantedOn', 'capacity', 'holderName'], purposes: [PURPOSE], justification: '窗口核验许可证', validUntil: '2031-01-01T00:00:00Z' } },
    );
    expect(request.errors).toBeUndefined();
    expect(request.data?.requestAccess.accessRequest).toMatchObject({ status: 'PENDING', conditionalFields: ['capacity', 'holderName'] });
    const partial = await verify(id);
    expect(partial.data?.verifyCertificate.face).toMatchObject({ title: '食品经营', category: 'A', grantedOn: '2026-01-15', capacity: null });
    expect(partial.data?.verifyCertificate.holder.isNameMasked).toBe(true);
    expect(partial.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['verifyCertificate.face.address', 'verifyCertificate.face.capacity', 'verifyCertificate.face.inspectorNote']);

    const approve = await amrAdmin.query(`mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id rules { field effect } } } }`, {
      input: { requestId: request.data?.requestAccess.accessRequest.id },
    });
    expect(approve.errors).toBeUndefined();
    const full = await verify(id);
    expect(full.data?.verifyCertificate.face).toMatchObject({ title: '食品经营', capacity: 12 });
    expect(full.data?.verifyCertificate.holder).toMatchObject({ name: alice!.name, isNameMasked: false, isIdNumberMasked: true });
    expect(full.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['verifyCertificate.face.address', 'verifyCertificate.face.inspectorNote']);
  });

  it('NOT_SHARED face fields cannot be requested', async () => {
    const res = await centerAdmin.query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
      input: { resourceType: type.code, fields: ['inspectorNote'], purposes: [PURPOSE], justification: 'x', validUntil: '2031-01-01T00:00:00Z' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the issuer reads its own certificates in full', async () => {
    const res = await amrSystem.with({ 'x-sharehub-purpose': 'own-certificates' }).query(`query C($id: String!) { certificate(identifier: $id) { holder { name idNumber isNameMasked } ${faceSelection(type.code)} } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.certificate).toMatchObject({ holder: { name: alice!.name, idNumber: alice!.idNumber, isNameMasked: false }, face: { inspectorNote: '复查合格' } });
  });
});

describe('authenticity', () => {
  it('a certificate whose stored data was altered with SQL verifies as authentic: false', async () => {
    const cert = await issue(carol!);
    const db = await pool();
    await db.query(`UPDATE certificate SET face = jsonb_set(face, '{capacity}', '500') WHERE identifier = $1`, [cert.identifier]);
    expect((await verify(cert.identifier)).data?.verifyCertificate).toMatchObject({ authentic: false, status: 'VALID' });
    const other = await issue(dave!);
    await db.query(`UPDATE certificate SET valid_until = valid_until + interval '10 years' WHERE identifier = $1`, [other.identifier]);
    expect((await verify(other.identifier)).data?.verifyCertificate.authentic).toBe(false);
  });

  it('the signed document verifies offline with nothing but the published JWKS and jose, as a third party would', async () => {
    const cert = await issue(alice!);
    const jwks = await (await fetch(`${t.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await compactVerify(cert.signedDocument, createLocalJWKSet(jwks as never), { algorithms: ['ES256'] });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: cert.kid, typ: 'sharehub-certificate+jws' });
    const content = JSON.parse(new TextDecoder().decode(payload));
    expect(content).toEqual({
      identifier: cert.identifier,
      type: type.code,
      issuer: AMR,
      holder: { idType: 'RESIDENT_ID', idNumber: alice!.idNumber, name: alice!.name },
      validity: { from: cert.validFrom, until: cert.validUntil },
      face: { title: '食品经营', category: 'A', grantedOn: '2026-01-15', capacity: 12, address: '杭州市西湖区文三路1号', inspectorNote: '复查合格' },
    });
    const [h, p, s] = (cert.signedDocument as string).split('.');
    const forged = Buffer.from(JSON.stringify({ ...content, face: { ...content.face, capacity: 500 } })).toString('base64url');
    await expect(compactVerify(`${h}.${forged}.${s}`, createLocalJWKSet(jwks as never))).rejects.toThrow();
    expect(p).toBeTruthy();
  });

  it('after rotateSigningKey new certificates use the new key, and the old ones still verify', async () => {
    const before = await issue(bob!);
    const rotated = await amrAdmin.query(`mutation { rotateSigningKey { departmentCode kid retiredKids } }`);
    expect(rotated.errors).toBeUndefined();
    const { kid, retiredKids } = rotated.data!.rotateSigningKey;
    expect(retiredKids).toContain(before.kid);
    const after = await issue(bob!);
    expect(after.kid).toBe(kid);
    expect(after.kid).not.toBe(before.kid);
    for (const id of [before.identifier, after.identifier]) expect((await verify(id)).data?.verifyCertificate.authentic).toBe(true);
    const jwks = (await (await fetch(`${t.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([before.kid, after.kid]));
    const { rows } = await (await pool()).query(`SELECT details FROM audit_event WHERE action = 'keys.rotate' AND details->>'kid' = $1`, [kid]);
    expect(rows).toHaveLength(1);
  });

  it('a system (not a data administrator) cannot rotate the key', async () => {
    const res = await amrSystem.query(`mutation { rotateSigningKey { kid } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('`sharehub keys rotate --department` rotates from the command line; certificates signed before still verify', async () => {
    const before = await issue(carol!);
    const kid = await rotateFromCommandLine();
    const after = await issue(carol!);
    expect(after.kid).toBe(kid);
    expect((await verify(before.identifier)).data?.verifyCertificate.authentic).toBe(true);
    expect((await verify(after.identifier)).data?.verifyCertificate.authentic).toBe(true);
  });

  it('a burst of issues after a rotation elsewhere, on a hub of 4 pooled connections: each signs with the new key', async () => {
    // Each issue holds a connection in its transaction while it takes the key: none may wait for a second one, since
    // every connection may be held by an issue waiting for the type's serial counter behind the first.
    const small = await startTestHub({}, { poolMax: 4 });
    try {
      const system = await small.as('amr-system');
      expect((await system.query(ISSUE, { input: issueInput(type.code, dave!), key: newKey() })).errors).toBeUndefined();
      const kid = await rotateFromCommandLine();
      const holders = testPersons(20, 9_300);
      const answers = await Promise.all(holders.map((h) => system.query(ISSUE, { input: issueInput(type.code, h), key: newKey() })));
      expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
      expect(new Set(answers.map((a) => a.data!.issueCertificate.certificate.kid))).toEqual(new Set([kid]));
    } finally {
      await small.close();
    }
  });
});

describe('verifyCertificates', () => {
  it('answers up to 100 in the order asked, at a constant number of SQL statements', async () => {
    const issued = [await issue(alice!), await issue(bob!), await issue(carol!)].map((c) => c.identifier as string);
    const missing = Array.from({ length: 97 }, (_, i) => formatCertificateIdentifier({ identifierCode: type.identifierCode, issuerCode: AMR, serial: 900_000_000 + i, edition: 1 }));
    const many = `query M($ids: [String!]!) { verifyCertificates(identifiers: $ids) { identifier authentic status ${faceSelection(type.code, 'title')} } }`;
    await clerk.query(many, { ids: issued.slice(0, 1) });
    t.sql.count = 0;
    const one = await clerk.query(many, { ids: issued.slice(0, 1) });
    const oneCount = t.sql.count;
    expect(one.data?.verifyCertificates).toHaveLength(1);
    t.sql.count = 0;
    const ids = [missing[0]!, ...issued, ...missing.slice(1)];
    const res = await clerk.query(many, { ids });
    expect(t.sql.count).toBe(oneCount);
    // client lookup + grants + one SELECT of the certificates with their keys, whatever the count
    expect(t.sql.count).toBeLessThanOrEqual(3);
    const answers = res.data?.verifyCertificates as Array<{ identifier: string; status: string; authentic: boolean }>;
    expect(answers.map((a) => a.identifier)).toEqual(ids);
    expect(answers.filter((a) => a.status === 'NOT_FOUND')).toHaveLength(97);
    expect(answers.slice(1, 4).every((a) => a.authentic && a.status === 'VALID')).toBe(true);
  });
});

describe('holders', () => {
  let holder: GraphQLClient;
  let id: string;

  beforeAll(async () => {
    holder = (await t.as('window-clerk')).with({ authorization: `Bearer ${await t.holderToken(dave!.idNumber)}` });
    id = (await issue(dave!)).identifier;
  });

  it('myCertificates lists the holder’s own certificates in full, and nobody else’s', async () => {
    const res = await holder.query(`{ myCertificates(first: 100) { edges { node { identifier holder { name idNumber isNameMasked } ${faceSelection(type.code)} } } pageInfo { hasNextPage } } }`);
    expect(res.errors).toBeUndefined();
    const mine = res.data?.myCertificates.edges.map((e: { node: Record<string, any> }) => e.node);
    const one = mine.find((n: { identifier: string }) => n.identifier === id);
    expect(one).toMatchObject({ holder: { name: dave!.name, idNumber: dave!.idNumber, isNameMasked: false }, face: { title: '食品经营', inspectorNote: '复查合格' } });
    expect(mine.every((n: { holder: { idNumber: string } }) => n.holder.idNumber === dave!.idNumber)).toBe(true);
    const clientAsk = await clerk.query(`{ myCertificates { edges { node { identifier } } } }`);
    expect(clientAsk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('presentCertificate gives a five-minute token and its QR code; the window verifies it, offline too', async () => {
    const res = await holder.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { identifier token qrCode presentedAt expiresAt } }`, { id });
    expect(res.errors).toBeUndefined();
    const p = res.data!.presentCertificate;
    expect(p.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(p.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(new Date(p.expiresAt).getTime() - new Date(p.presentedAt).getTime()).toBe(300_000);
    const checked = await clerk.query(verifyQuery(type.code), { token: p.token });
    expect(checked.data?.verifyCertificate).toMatchObject({ identifier: id, authentic: true, status: 'VALID', presentation: { expiresAt: p.expiresAt } });
    const jwks = await (await fetch(`${t.url}/.well-known/jwks.json`)).json();
    const { payload } = await compactVerify(p.token, createLocalJWKSet(jwks as never));
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ sub: id, aud: 'urn:sharehub:certificate-verification' });
  });

  it('the holder sees who verified their certificate, when and why (myDataAccess)', async () => {
    await verify(id);
    const res = await holder.query(`{ myDataAccess(first: 20) { edges { node { clientId purpose resourceTypes fieldsMasked } } } }`);
    const reads = res.data?.myDataAccess.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(reads).toContainEqual(expect.objectContaining({ clientId: 'window-clerk', purpose: PURPOSE, resourceTypes: [type.code] }));
  });

  it('a holder cannot present a certificate of someone else', async () => {
    const other = await issue(alice!);
    const res = await holder.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { token } }`, { id: other.identifier });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a token presented for a certificate revoked since: its own answer, REVOKED', async () => {
    const cert = await issue(dave!);
    const p = (await holder.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { token } }`, { id: cert.identifier })).data!.presentCertificate;
    await amrSystem.query(CHANGE.revoke, { id: cert.identifier, reason: '吊销' });
    const res = await clerk.query(verifyQuery(type.code), { token: p.token });
    expect(res.data?.verifyCertificate).toMatchObject({ identifier: cert.identifier, status: 'REVOKED', authentic: true });
  });

  it('an altered token: PRESENTATION_INVALID, naming the alteration', async () => {
    const p = (await holder.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { token } }`, { id })).data!.presentCertificate;
    const [h, body, s] = (p.token as string).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const other = (await issue(alice!)).identifier;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: other })).toString('base64url')}.${s}`;
    const res = await clerk.query(verifyQuery(type.code), { token: tampered });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PRESENTATION_INVALID', reason: 'SIGNATURE_MISMATCH' });
    expect(res.data).toBeNull();
  });
});

describe('issuer only', () => {
  it('another department cannot change a certificate: FORBIDDEN', async () => {
    const cert = await issue(alice!);
    const res = await (await t.as('psb-system')).query(CHANGE.suspend, { id: cert.identifier, reason: 'x' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the issuing department’s data administrator issues too', async () => {
    const res = await amrAdmin.query(ISSUE, { input: issueInput(type.code, alice!), key: newKey() });
    expect(res.errors).toBeUndefined();
  });

  it('a resource type cannot take a certificate type’s code', async () => {
    const res = await amrAdmin.query(`mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { code } } }`, {
      input: { code: type.code, nameZh: '测试', nameEn: 'Test', subjectKind: 'PERSON', description: 'x', fields: [{ name: 'x', nameZh: 'x', type: 'STRING', sharing: 'UNCONDITIONAL', required: false, description: 'x' }] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a certificate type needs a fresh identifier code', async () => {
    const res = await amrAdmin.query(`mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { code } } }`, {
      input: permitLike(undefined, type.identifierCode),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('identifierCode');
  });
});
