// Bad input to certificates, each refused with its own code and nothing written: identifiers, types, faces, validity,
// issuers, the status lifecycle, presentation tokens and the size of a batch.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCertificateIdentifier } from '../../src/certs/certificateIdentifier.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { testPersons } from '../support/catalog.js';
import { CHANGE, ISSUE, issueInput, permitLike, publishCertificateType, verifyQuery } from '../support/certificates.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let type: { code: string; identifierCode: string };
let amrSystem: GraphQLClient;
let clerk: GraphQLClient;
let holder: GraphQLClient;
const [alice] = testPersons(1, 61);
const AMR = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'amr')!.code;
let keyCounter = 0;
const newKey = () => `bad-${process.pid}-${Date.now()}-${(keyCounter += 1)}`;

async function certificateCount(): Promise<number> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT count(*)::int AS n FROM certificate WHERE type_code = $1', [type.code])).rows[0].n;
}

async function issue(): Promise<string> {
  const res = await amrSystem.query(ISSUE, { input: issueInput(type.code, alice!), key: newKey() });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.issueCertificate.certificate.identifier;
}

async function present(identifier: string): Promise<string> {
  const res = await holder.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { token } }`, { id: identifier });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.presentCertificate.token;
}

beforeAll(async () => {
  t = await startTestHub();
  amrSystem = await t.as('amr-system');
  clerk = (await t.as('window-clerk')).with({ 'x-sharehub-purpose': 'CERT-BAD-INPUT' });
  holder = (await t.as('window-clerk')).with({ authorization: `Bearer ${await t.holderToken(alice!.idNumber)}` });
  type = await publishCertificateType(await t.as('amr-admin'), permitLike());
});
afterAll(async () => {
  await t?.close();
});

describe('identifiers', () => {
  it('a wrong check character is BAD_USER_INPUT, before any database lookup', async () => {
    const good = formatCertificateIdentifier({ identifierCode: type.identifierCode, issuerCode: AMR, serial: 1, edition: 1 });
    const wrong = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    t.sql.count = 0;
    const res = await clerk.query(verifyQuery(type.code), { id: wrong });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('check character');
    expect(t.sql.statements.slice(-t.sql.count).filter((s) => /FROM certificate/.test(s))).toHaveLength(0);
  });

  it('a malformed identifier is BAD_USER_INPUT', async () => {
    const res = await clerk.query(verifyQuery(type.code), { id: 'not-an-identifier' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('101 identifiers are BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => formatCertificateIdentifier({ identifierCode: type.identifierCode, issuerCode: AMR, serial: i + 1, edition: 1 }));
    const res = await clerk.query(`query M($ids: [String!]!) { verifyCertificates(identifiers: $ids) { identifier } }`, { ids });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('100');
  });

  it('neither an identifier nor a token is BAD_USER_INPUT', async () => {
    const res = await clerk.query(verifyQuery(type.code), {});
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('issuance', () => {
  it.each([
    ['an unknown type', (i: ReturnType<typeof issueInput>) => ({ ...i, certificateType: 'no_such_certificate_type' }), 'NOT_FOUND', 'no_such_certificate_type'],
    ['a face field of the wrong type', (i: ReturnType<typeof issueInput>) => ({ ...i, face: { ...i.face, capacity: 'twelve' } }), 'BAD_USER_INPUT', 'face.capacity'],
    ['a missing required face field', (i: ReturnType<typeof issueInput>) => ({ ...i, face: { ...i.face, title: undefined } }), 'BAD_USER_INPUT', 'face.title'],
    ['an unknown face field', (i: ReturnType<typeof issueInput>) => ({ ...i, face: { ...i.face, shoeSize: 42 } }), 'BAD_USER_INPUT', 'face.shoeSize'],
    ['an enum value the type does not have', (i: ReturnType<typeof issueInput>) => ({ ...i, face: { ...i.face, category: 'Z' } }), 'BAD_USER_INPUT', 'face.category'],
    ['validity ending before it starts', (i: ReturnType<typeof issueInput>) => ({ ...i, validFrom: '2027-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }), 'BAD_USER_INPUT', 'validUntil'],
    ['a holder id with a wrong check digit', (i: ReturnType<typeof issueInput>) => ({ ...i, holder: { ...i.holder, idNumber: i.holder.idNumber.slice(0, 17) + (i.holder.idNumber.endsWith('1') ? '2' : '1') } }), 'BAD_USER_INPUT', 'holder.idNumber'],
    ['a credit code for a type held by persons', (i: ReturnType<typeof issueInput>) => ({ ...i, holder: { ...i.holder, idType: 'CREDIT_CODE', idNumber: AMR } }), 'BAD_USER_INPUT', 'holder.idType'],
  ])('%s is refused and nothing is written', async (_what, change, code, named) => {
    const before = await certificateCount();
    const res = await amrSystem.query(ISSUE, { input: change(issueInput(type.code, alice!)), key: newKey() });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toContain(named);
    expect(await certificateCount()).toBe(before);
  });

  it('issuance by a department that is not the type’s issuer is FORBIDDEN', async () => {
    const before = await certificateCount();
    const res = await (await t.as('psb-system')).query(ISSUE, { input: issueInput(type.code, alice!), key: newKey() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await certificateCount()).toBe(before);
  });

  it('a window clerk cannot issue', async () => {
    const res = await clerk.query(ISSUE, { input: issueInput(type.code, alice!), key: newKey() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the status lifecycle', () => {
  it('revoking twice is CONFLICT', async () => {
    const id = await issue();
    expect((await amrSystem.query(CHANGE.revoke, { id, reason: '吊销' })).errors).toBeUndefined();
    const again = await amrSystem.query(CHANGE.revoke, { id, reason: '吊销' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('reinstating a revoked certificate is CONFLICT: it never becomes valid again', async () => {
    const id = await issue();
    await amrSystem.query(CHANGE.revoke, { id, reason: '吊销' });
    const res = await amrSystem.query(CHANGE.reinstate, { id });
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await clerk.query(verifyQuery(type.code), { id })).data?.verifyCertificate.status).toBe('REVOKED');
  });

  it('suspending without a reason is BAD_USER_INPUT', async () => {
    const id = await issue();
    const res = await amrSystem.query(CHANGE.suspend, { id, reason: '  ' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('changing a certificate that does not exist is NOT_FOUND', async () => {
    const id = formatCertificateIdentifier({ identifierCode: type.identifierCode, issuerCode: AMR, serial: 999_999_999, edition: 1 });
    const res = await amrSystem.query(CHANGE.suspend, { id, reason: 'x' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('presentation tokens', () => {
  it('a QR token signed by another key is PRESENTATION_INVALID (UNKNOWN_KEY)', async () => {
    const id = await issue();
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = await calculateJwkThumbprint(await exportJWK(publicKey));
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'sharehub-presentation+jwt' })
      .setIssuer('urn:sharehub:hub')
      .setAudience('urn:sharehub:certificate-verification')
      .setSubject(id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('forged')
      .sign(privateKey);
    const res = await clerk.query(verifyQuery(type.code), { token: forged });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PRESENTATION_INVALID', reason: 'UNKNOWN_KEY' });
  });

  it('a QR token signed by another key under the hub’s kid is PRESENTATION_INVALID (SIGNATURE_MISMATCH)', async () => {
    const id = await issue();
    const real = await present(id);
    const kid = JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString()).kid;
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'sharehub-presentation+jwt' })
      .setIssuer('urn:sharehub:hub')
      .setAudience('urn:sharehub:certificate-verification')
      .setSubject(id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('forged')
      .sign(privateKey);
    const res = await clerk.query(verifyQuery(type.code), { token: forged });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PRESENTATION_INVALID', reason: 'SIGNATURE_MISMATCH' });
  });

  it('an expired QR token is PRESENTATION_EXPIRED', async () => {
    const token = await present(await issue());
    const later = await startTestHub({}, { clock: () => new Date(Date.now() + 6 * 60_000) });
    try {
      const res = await (await later.as('window-clerk', { 'x-sharehub-purpose': 'CERT-BAD-INPUT' })).query(verifyQuery(type.code), { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('PRESENTATION_EXPIRED');
      expect(res.data).toBeNull();
      const pool = await t.db.orm.em.getConnection().getNativeClient();
      const { rows } = await pool.query(`SELECT outcome, error_codes, details FROM audit_event WHERE details->>'presentation' = 'EXPIRED' ORDER BY seq DESC LIMIT 1`);
      expect(rows[0]).toMatchObject({ outcome: 'DENIED', error_codes: ['PRESENTATION_EXPIRED'] });
    } finally {
      await later.close();
    }
  });

  it('a token that is not a presentation (a client access token) is PRESENTATION_INVALID', async () => {
    const res = await clerk.query(verifyQuery(type.code), { token: await t.token('window-clerk') });
    expect(res.errors?.[0]?.extensions?.code).toBe('PRESENTATION_INVALID');
  });

  it('a department client cannot present a certificate', async () => {
    const res = await clerk.query(`mutation P($id: String!) { presentCertificate(identifier: $id) { token } }`, { id: await issue() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
