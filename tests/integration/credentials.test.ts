// Certificates as W3C Verifiable Credentials 2.0 (VC-JOSE-COSE, Bitstring Status List) over HTTP: the holder downloads
// one; a verifier anywhere checks it offline with jose, the issuer's published keys and the status list alone; the
// ecosystem's status list implementation agrees; the window verifies it like any certificate; each bad credential
// gets its own answer.
import { gunzipSync } from 'node:zlib';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';
import { createLogger } from '../../src/log.js';
import { backfillStatusEntries } from '../../src/services/statusLists.js';
import { checkCredential } from '../../src/vc/verify.js';
import { testPersons } from '../support/catalog.js';
import { CHANGE, faceSelection, ISSUE, issueInput, permitLike, publishCertificateType } from '../support/certificates.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let type: { code: string; identifierCode: string; faceType: string };
let amrSystem: GraphQLClient;
let clerk: GraphQLClient;
const PURPOSE = 'VC-TEST-0001';
const [alice, bob, carol] = testPersons(3, 77);
const AMR = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'amr')!.code;
let keyCounter = 0;
const newKey = () => `vc-${process.pid}-${Date.now()}-${(keyCounter += 1)}`;

const VERIFY = (fields = 'title category grantedOn address inspectorNote') => `query V($credential: String) { verifyCertificate(credential: $credential) {
  identifier authentic status holder { name idNumber isNameMasked isIdNumberMasked } ${faceSelection(type.code, fields)}
  credential { kid issuer validFrom validUntil revocation suspension } } }`;

async function issue(holder = alice!, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await amrSystem.query(ISSUE, { input: issueInput(type.code, holder, {}, extra), key: newKey() });
  if (res.errors) throw new Error(`issue failed: ${JSON.stringify(res.errors)}`);
  return res.data!.issueCertificate.certificate.identifier as string;
}

async function holderClient(person: { idNumber: string } = alice!): Promise<GraphQLClient> {
  return (await t.as('window-clerk')).with({ authorization: `Bearer ${await t.holderToken(person.idNumber)}` });
}

/** The holder's download: the credential (and its QR code) from myCertificates. */
async function download(identifier: string, person: { idNumber: string } = alice!): Promise<{ credential: string; credentialQrCode: string | null }> {
  const res = await (await holderClient(person)).query(`{ myCertificates(first: 100) { edges { node { identifier credential credentialQrCode } } } }`);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const node = res.data!.myCertificates.edges.map((e: { node: Record<string, string> }) => e.node).find((n: { identifier: string }) => n.identifier === identifier);
  return node;
}

const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, any>;
const verifyAtWindow = (credential: string, fields?: string) => clerk.query(VERIFY(fields), { credential });

/** A public GET, as a verifier anywhere makes it: no token. */
async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers });
}

// ---- an offline verifier: jose, the issuer's keys and the status list document, nothing of the hub's code ----

interface OfflineAnswer {
  credential: Record<string, any>;
  revoked: boolean;
  suspended: boolean;
}

function bitAt(encodedList: string, index: number): boolean {
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (bits.length * 8 < 131_072) throw new Error('status list shorter than 131,072 entries');
  return ((bits[index >> 3]! >> (7 - (index % 8))) & 1) === 1;
}

async function verifyOffline(jws: string, issuerDocument: { issuer: string; keys: JWK[] }, statusLists: Map<string, string>, now: Date): Promise<OfflineAnswer> {
  const keys = createLocalJWKSet({ keys: issuerDocument.keys });
  const header = decodeProtectedHeader(jws);
  expect(header).toMatchObject({ alg: 'ES256', typ: 'vc+jwt' });
  const { payload } = await compactVerify(jws, keys, { algorithms: ['ES256'] });
  const credential = JSON.parse(new TextDecoder().decode(payload));
  if (credential.issuer !== issuerDocument.issuer) throw new Error('issuer mismatch');
  if (credential.validUntil && Date.parse(credential.validUntil) <= now.getTime()) throw new Error('expired');
  const answer: OfflineAnswer = { credential, revoked: false, suspended: false };
  for (const entry of credential.credentialStatus) {
    const listJws = statusLists.get(entry.statusListCredential);
    if (!listJws) throw new Error('status list unavailable');
    const list = JSON.parse(new TextDecoder().decode((await compactVerify(listJws, keys, { algorithms: ['ES256'] })).payload));
    if (list.issuer !== credential.issuer || list.credentialSubject.statusPurpose !== entry.statusPurpose) throw new Error('status list mismatch');
    if (Date.parse(list.validUntil) <= now.getTime()) throw new Error('status list stale');
    const isSet = bitAt(list.credentialSubject.encodedList, Number(entry.statusListIndex));
    if (entry.statusPurpose === 'revocation') answer.revoked = isSet;
    if (entry.statusPurpose === 'suspension') answer.suspended = isSet;
  }
  return answer;
}

/** What an offline verifier fetched once while online: the issuer document and the status lists. */
async function fetchPublished(jws: string): Promise<{ issuerDocument: { issuer: string; keys: JWK[]; name: string }; statusLists: Map<string, string> }> {
  const credential = payloadOf(jws);
  const issuerDocument = (await (await get(credential.issuer)).json()) as { issuer: string; keys: JWK[]; name: string };
  const statusLists = new Map<string, string>();
  for (const e of credential.credentialStatus) statusLists.set(e.statusListCredential, await (await get(e.statusListCredential)).text());
  return { issuerDocument, statusLists };
}

// ---- VC Data Model 2.0 rules, as a small validator (section numbers of the W3C Recommendation of 2025-05-15) ----

const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isUrl = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);

function vcDataModelProblems(vc: Record<string, any>): string[] {
  const problems: string[] = [];
  // §4.3 Contexts: @context is an ordered set whose first item is the v2 context URL; the rest are URLs or objects.
  if (!Array.isArray(vc['@context']) || vc['@context'][0] !== 'https://www.w3.org/ns/credentials/v2') problems.push('§4.3 @context must start with https://www.w3.org/ns/credentials/v2');
  else if (!vc['@context'].slice(1).every((c: unknown) => isUrl(c) || (typeof c === 'object' && c !== null))) problems.push('§4.3 further contexts must be URLs or objects');
  // §4.4 Identifiers: id, when present, is a single URL.
  if (vc.id !== undefined && !isUrl(vc.id)) problems.push('§4.4 id must be a URL');
  // §4.5 Types: type includes VerifiableCredential (that the other terms are defined is checked against the served context).
  if (!Array.isArray(vc.type) || !vc.type.includes('VerifiableCredential')) problems.push('§4.5 type must include VerifiableCredential');
  // §4.7 Issuer: a URL, or an object with an id that is a URL.
  const issuer = typeof vc.issuer === 'object' ? vc.issuer?.id : vc.issuer;
  if (!isUrl(issuer)) problems.push('§4.7 issuer must be a URL (or an object with one as id)');
  // §4.8 Credential Subject: one or more objects, each with at least one claim.
  const subjects = Array.isArray(vc.credentialSubject) ? vc.credentialSubject : [vc.credentialSubject];
  if (!subjects.every((s: unknown) => typeof s === 'object' && s !== null && Object.keys(s).length > 0)) problems.push('§4.8 credentialSubject must be objects with claims');
  if (subjects.some((s: Record<string, unknown>) => s.id !== undefined && !isUrl(s.id))) problems.push('§4.8 credentialSubject.id must be a URL');
  // §4.9 Validity Period: dateTimeStamp values; validFrom not after validUntil.
  for (const p of ['validFrom', 'validUntil']) if (vc[p] !== undefined && !XSD_DATETIME.test(vc[p])) problems.push(`§4.9 ${p} must be an XML Schema dateTimeStamp`);
  if (vc.validFrom && vc.validUntil && Date.parse(vc.validFrom) > Date.parse(vc.validUntil)) problems.push('§4.9 validFrom must not be after validUntil');
  // §4.10 Status: each entry has a type, and an id that is a URL when present.
  const statuses = vc.credentialStatus === undefined ? [] : Array.isArray(vc.credentialStatus) ? vc.credentialStatus : [vc.credentialStatus];
  if (!statuses.every((s: Record<string, unknown>) => typeof s.type === 'string' && (s.id === undefined || isUrl(s.id)))) problems.push('§4.10 credentialStatus entries need a type (and a URL id)');
  // VC-JOSE-COSE (securing credentials with JOSE): the JWS payload is the credential, without an embedded proof.
  if (vc.proof !== undefined) problems.push('VC-JOSE-COSE: a vc+jwt payload has no proof');
  return problems;
}

beforeAll(async () => {
  t = await startTestHub();
  amrSystem = await t.as('amr-system');
  const amrAdmin = await t.as('amr-admin');
  clerk = (await t.as('window-clerk')).with({ 'x-sharehub-purpose': PURPOSE });
  type = await publishCertificateType(amrAdmin, permitLike());
  // The service center may verify the UNCONDITIONAL face fields (granted at once); nothing else.
  const request = await (await t.as('service-center-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { status } } }`, {
    input: { resourceType: type.code, fields: ['title', 'category', 'grantedOn'], purposes: [PURPOSE], justification: '窗口核验可验证凭证', validUntil: '2031-01-01T00:00:00Z' },
  });
  if (request.errors) throw new Error(JSON.stringify(request.errors));
});
afterAll(async () => {
  await t?.close();
});

describe('the holder’s credential', () => {
  let id: string;
  let jws: string;

  beforeAll(async () => {
    id = await issue();
    ({ credential: jws } = await download(id));
  });

  it('myCertificates offers it as a vc+jwt signed ES256 by the issuing department’s key, with a QR code', async () => {
    const { credentialQrCode } = await download(id);
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: 'ES256', typ: 'vc+jwt', cty: 'vc' });
    const jwks = (await (await get(`${t.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    const { kid } = decodeProtectedHeader(jws);
    const [current] = await t.db.orm.em.fork().getConnection().execute(`SELECT kid FROM signing_key WHERE owner = ? AND retired_at IS NULL`, [AMR]);
    expect(kid).toBe(current!.kid);
    expect(jwks.keys.map((k: JWK) => k.kid)).toContain(kid);
    expect(credentialQrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('follows the VC 2.0 data model: contexts, types, issuer, subject (holder id and face), validity, status', async () => {
    const vc = payloadOf(jws);
    expect(vcDataModelProblems(vc)).toEqual([]);
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', `${t.url}/credentials/contexts/${type.code}/v1`]);
    expect(vc.type).toEqual(['VerifiableCredential', expect.stringMatching(/Credential$/)]);
    expect(vc.issuer).toBe(`${t.url}/.well-known/issuers/${AMR}`);
    expect(vc.id).toBe(`urn:sharehub:certificate:${id}`);
    expect(vc.credentialSubject).toMatchObject({ id: `urn:sharehub:resident-id:${alice!.idNumber}`, holderName: alice!.name, title: '食品经营', category: 'A', grantedOn: '2026-01-15', capacity: 12, inspectorNote: '复查合格' });
    expect(vc.credentialStatus.map((s: Record<string, string>) => [s.type, s.statusPurpose])).toEqual([
      ['BitstringStatusListEntry', 'revocation'],
      ['BitstringStatusListEntry', 'suspension'],
    ]);
    for (const s of vc.credentialStatus) {
      expect(s.statusListCredential).toMatch(new RegExp(`^${t.url}/credentials/status/${AMR}/${s.statusPurpose}/\\d+$`));
      expect(s.statusListIndex).toMatch(/^\d+$/);
    }
  });

  it('the type’s context is served at its stable URL and defines every term the credential uses', async () => {
    const vc = payloadOf(jws);
    const res = await get(vc['@context'][1]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    const terms = ((await res.json()) as { '@context': Record<string, unknown> })['@context'];
    expect(terms['@protected']).toBe(true);
    for (const term of [vc.type[1], ...Object.keys(vc.credentialSubject).filter((k) => k !== 'id')]) expect(terms[term], term).toBeDefined();
  });

  it('offline: jose verifies it with the issuer’s published keys and the status list document alone', async () => {
    const { issuerDocument, statusLists } = await fetchPublished(jws);
    expect(issuerDocument.name).toBe('杭州市市场监督管理局');
    const answer = await verifyOffline(jws, issuerDocument, statusLists, new Date());
    expect(answer).toMatchObject({ revoked: false, suspended: false, credential: { id: `urn:sharehub:certificate:${id}` } });
  });

  it('the status list is a signed BitstringStatusListCredential: no token, 131,072 entries or more, cacheable with ETag and validUntil', async () => {
    const url = payloadOf(jws).credentialStatus[0].statusListCredential;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vc+jwt');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const list = payloadOf(await res.text());
    expect(vcDataModelProblems(list)).toEqual([]);
    expect(list).toMatchObject({ id: url, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: `${t.url}/.well-known/issuers/${AMR}`, credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' } });
    expect(Date.parse(list.validUntil)).toBeGreaterThan(Date.now());
    expect(gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url')).length * 8).toBeGreaterThanOrEqual(131_072);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('places are random: two certificates issued one after the other are not neighbours in the list', async () => {
    const indexes: number[] = [];
    for (const person of [bob!, bob!, bob!]) indexes.push(Number(payloadOf((await download(await issue(person), person)).credential).credentialStatus[0].statusListIndex));
    // Three consecutive issuances at consecutive places would say the order of issuance; random places almost never are.
    expect(indexes[1]! - indexes[0]! === 1 && indexes[2]! - indexes[1]! === 1).toBe(false);
    expect(new Set(indexes).size).toBe(3);
  });

  it('the ecosystem’s implementation (@digitalbazaar/vc-bitstring-status-list) reads the same status from our lists', async () => {
    const { statusLists, issuerDocument } = await fetchPublished(jws);
    const keys = createLocalJWKSet({ keys: issuerDocument.keys });
    // Our lists are secured as vc+jwt, which that library does not verify: jose verifies, it reads the credential.
    const documentLoader = async (url: string) => ({ document: JSON.parse(new TextDecoder().decode((await compactVerify(statusLists.get(url)!, keys)).payload)) });
    const result = await checkStatus({ credential: payloadOf(jws), documentLoader, verifyBitstringStatusListCredential: false });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(result.results?.map((r) => [r.credentialStatus.statusPurpose, r.status])).toEqual([
      ['revocation', false],
      ['suspension', false],
    ]);
  });

  it('the window verifies it: authentic, VALID, the holder masked and the face per its grants, audited', async () => {
    const res = await verifyAtWindow(jws);
    const v = res.data?.verifyCertificate;
    expect(v).toMatchObject({ identifier: id, authentic: true, status: 'VALID', holder: { isNameMasked: true, isIdNumberMasked: true }, face: { title: '食品经营', category: 'A', grantedOn: '2026-01-15', address: null, inspectorNote: null } });
    expect(v.holder.idNumber).not.toBe(alice!.idNumber);
    expect(v.credential).toMatchObject({ kid: decodeProtectedHeader(jws).kid, issuer: `${t.url}/.well-known/issuers/${AMR}`, revocation: 'CLEAR', suspension: 'CLEAR' });
    expect(res.errors?.map((e) => `${e.path?.join('.')} ${e.extensions?.code}`).sort()).toEqual(['verifyCertificate.face.address FIELD_FORBIDDEN', 'verifyCertificate.face.inspectorNote FIELD_FORBIDDEN']);
    const { rows } = await (await t.db.orm.em.getConnection().getNativeClient()).query(
      `SELECT fields_returned, fields_denied, details FROM audit_event WHERE action = 'graphql.query' AND details->'credential'->>'outcome' = 'ACCEPTED' AND details::text LIKE $1 ORDER BY seq DESC LIMIT 1`,
      [`%${id}%`],
    );
    expect(rows[0]?.fields_returned.sort()).toEqual([`${type.code}.category`, `${type.code}.grantedOn`, `${type.code}.title`]);
    expect(rows[0]?.fields_denied.sort()).toEqual([`${type.code}.address`, `${type.code}.inspectorNote`]);
  });
});

describe('the status lists follow the status, in the same transaction', () => {
  it('suspend sets the suspension bit, reinstate clears it, revoke sets the revocation bit: offline, the ecosystem and the window agree', async () => {
    const id = await issue(bob!);
    const { credential: jws } = await download(id, bob!);
    const offline = async () => {
      const { issuerDocument, statusLists } = await fetchPublished(jws);
      return verifyOffline(jws, issuerDocument, statusLists, new Date());
    };

    expect((await amrSystem.query(CHANGE.suspend, { id, reason: '整改' })).errors).toBeUndefined();
    expect(await offline()).toMatchObject({ revoked: false, suspended: true });
    expect((await verifyAtWindow(jws, 'title')).data?.verifyCertificate).toMatchObject({ status: 'SUSPENDED', credential: { revocation: 'CLEAR', suspension: 'SET' } });

    expect((await amrSystem.query(CHANGE.reinstate, { id })).errors).toBeUndefined();
    expect(await offline()).toMatchObject({ revoked: false, suspended: false });
    expect((await verifyAtWindow(jws, 'title')).data?.verifyCertificate).toMatchObject({ status: 'VALID', authentic: true });

    expect((await amrSystem.query(CHANGE.revoke, { id, reason: '吊销' })).errors).toBeUndefined();
    expect(await offline()).toMatchObject({ revoked: true, suspended: false });
    expect((await verifyAtWindow(jws, 'title')).data?.verifyCertificate).toMatchObject({ status: 'REVOKED', credential: { revocation: 'SET', suspension: 'CLEAR' } });
    const { issuerDocument, statusLists } = await fetchPublished(jws);
    const keys = createLocalJWKSet({ keys: issuerDocument.keys });
    const documentLoader = async (url: string) => ({ document: JSON.parse(new TextDecoder().decode((await compactVerify(statusLists.get(url)!, keys)).payload)) });
    const theirs = await checkStatus({ credential: payloadOf(jws), documentLoader, verifyBitstringStatusListCredential: false });
    expect(theirs.results?.map((r) => [r.credentialStatus.statusPurpose, r.status])).toEqual([
      ['revocation', true],
      ['suspension', false],
    ]);
  });

  it('a status change whose transaction fails after the bit was flipped leaves the bit as it was', async () => {
    const id = await issue(bob!);
    const { credential: jws } = await download(id, bob!);
    // A version 2 already recorded makes the suspension's own version row fail at commit, after its bit was set.
    await t.db.orm.em.fork().getConnection().execute(
      `INSERT INTO certificate_version (identifier, version, action, status, reason, successor, changed_by, changed_at) VALUES (?, 2, 'SUSPEND', 'SUSPENDED', 'x', NULL, 'test', now())`,
      [id],
    );
    const failed = await amrSystem.query(CHANGE.suspend, { id, reason: '整改' });
    expect(failed.errors?.[0]?.extensions?.code).toBeDefined();
    expect(failed.data?.suspendCertificate ?? null).toBeNull();
    const { issuerDocument, statusLists } = await fetchPublished(jws);
    expect(await verifyOffline(jws, issuerDocument, statusLists, new Date())).toMatchObject({ revoked: false, suspended: false });
    expect((await verifyAtWindow(jws, 'title')).data?.verifyCertificate).toMatchObject({ status: 'VALID', credential: { suspension: 'CLEAR' } });
  });

  it('a status change that fails leaves the bit as it was (nothing half-written)', async () => {
    const id = await issue(bob!);
    const { credential: jws } = await download(id, bob!);
    expect((await amrSystem.query(CHANGE.revoke, { id, reason: '吊销' })).errors).toBeUndefined();
    const before = await fetchPublished(jws);
    // A revoked certificate cannot be suspended: CONFLICT, and the suspension bit stays clear.
    expect((await amrSystem.query(CHANGE.suspend, { id, reason: 'x' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const after = await fetchPublished(jws);
    expect(await verifyOffline(jws, after.issuerDocument, after.statusLists, new Date())).toMatchObject({ revoked: true, suspended: false });
    expect(before.statusLists.size).toBe(2);
  });
});

describe('every certificate has its credential: lists that fill, certificates from before the lists', () => {
  const db = () => t.db.orm.em.fork().getConnection();

  it('a demo certificate seeded in bulk has its places; a revoked one’s credential says revoked', async () => {
    const [revoked] = await db().execute(`SELECT identifier, holder_id FROM certificate WHERE issued_by = 'demo-seed' AND status = 'REVOKED' LIMIT 1`);
    const { credential } = await download(revoked!.identifier, { idNumber: revoked!.holder_id });
    const { issuerDocument, statusLists } = await fetchPublished(credential);
    expect(await verifyOffline(credential, issuerDocument, statusLists, new Date())).toMatchObject({ revoked: true, suspended: false });
  });

  it('a certificate without places (issued before the lists existed) gets them from the backfill, with its status’s bits', async () => {
    const id = await issue(bob!);
    expect((await amrSystem.query(CHANGE.suspend, { id, reason: '整改' })).errors).toBeUndefined();
    await db().execute(`DELETE FROM status_list_entry WHERE identifier = ?`, [id]);
    expect(await backfillStatusEntries(t.db.orm.em.fork(), new Date(), createLogger('silent'))).toBeGreaterThanOrEqual(2);
    const { credential } = await download(id, bob!);
    const { issuerDocument, statusLists } = await fetchPublished(credential);
    expect(await verifyOffline(credential, issuerDocument, statusLists, new Date())).toMatchObject({ revoked: false, suspended: true });
  });

  it('when a list is full, the next certificate opens a new one, served and signed like the first', async () => {
    const [open] = await db().execute(`SELECT id, number FROM status_list WHERE issuer_code = ? AND purpose = 'suspension' ORDER BY number DESC LIMIT 1`, [AMR]);
    // As if every place were taken (the list keeps its bits; only its count says full).
    await db().execute(`UPDATE status_list SET allocated = length WHERE id = ?`, [open!.id]);
    const id = await issue(bob!);
    const { credential } = await download(id, bob!);
    const suspension = payloadOf(credential).credentialStatus[1];
    expect(suspension.statusListCredential).toBe(`${t.url}/credentials/status/${AMR}/suspension/${open!.number + 1}`);
    const { issuerDocument, statusLists } = await fetchPublished(credential);
    expect(await verifyOffline(credential, issuerDocument, statusLists, new Date())).toMatchObject({ revoked: false, suspended: false });
    expect((await amrSystem.query(CHANGE.suspend, { id, reason: '整改' })).errors).toBeUndefined();
    expect((await verifyAtWindow(credential, 'title')).data?.verifyCertificate).toMatchObject({ status: 'SUSPENDED', credential: { suspension: 'SET' } });
  });
});

describe('bad credentials: each its own answer, never VALID', () => {
  let jws: string;
  let id: string;

  beforeAll(async () => {
    id = await issue();
    ({ credential: jws } = await download(id));
  });

  const refusal = async (credential: string) => {
    const res = await verifyAtWindow(credential, 'title');
    expect(res.data?.verifyCertificate ?? null).toBeNull();
    return res.errors?.[0]?.extensions;
  };

  it('a wrong signature (another credential’s): CREDENTIAL_INVALID, SIGNATURE_MISMATCH', async () => {
    const other = (await download(await issue())).credential;
    const [h, p] = jws.split('.');
    expect(await refusal(`${h}.${p}.${other.split('.')[2]}`)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'SIGNATURE_MISMATCH' });
  });

  it('an altered payload (a face field changed): CREDENTIAL_INVALID, SIGNATURE_MISMATCH', async () => {
    const [h, , s] = jws.split('.');
    const altered = payloadOf(jws);
    altered.credentialSubject.category = 'C';
    expect(await refusal(`${h}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${s}`)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'SIGNATURE_MISMATCH' });
  });

  it('an unknown kid (signed by a key the issuer never published): CREDENTIAL_INVALID, UNKNOWN_KEY', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new CompactSign(Buffer.from(JSON.stringify(payloadOf(jws)))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: 'not-a-key-of-the-issuer' }).sign(privateKey);
    expect(await refusal(forged)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'UNKNOWN_KEY' });
  });

  it('a credential naming an issuer of this hub’s form that is no department: CREDENTIAL_INVALID, UNKNOWN_KEY', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const nobody = { ...payloadOf(jws), issuer: `${t.url}/.well-known/issuers/91330106MA2ABCDE1X` };
    const signed = await new CompactSign(Buffer.from(JSON.stringify(nobody))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: 'k' }).sign(privateKey);
    expect(await refusal(signed)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'UNKNOWN_KEY' });
  });

  it('a credential of another hub: CREDENTIAL_INVALID, FOREIGN_ISSUER', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const foreign = { ...payloadOf(jws), issuer: `https://hub.elsewhere.example/.well-known/issuers/${AMR}` };
    const kid = (await exportJWK(publicKey)).x!;
    const signed = await new CompactSign(Buffer.from(JSON.stringify(foreign))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid }).sign(privateKey);
    expect(await refusal(signed)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'FOREIGN_ISSUER' });
  });

  it('not a credential at all: CREDENTIAL_INVALID, MALFORMED; with an identifier too: BAD_USER_INPUT', async () => {
    expect(await refusal('not.a.credential')).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'MALFORMED' });
    expect(await refusal(`${'a'.repeat(100_001)}.b.c`)).toMatchObject({ code: 'CREDENTIAL_INVALID', reason: 'MALFORMED' });
    const both = await clerk.query(`query V($c: String, $id: String) { verifyCertificate(credential: $c, identifier: $id) { status } }`, { c: jws, id });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an expired validUntil: EXPIRED (offline too)', async () => {
    const expiredId = await issue(alice!, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' });
    const expired = (await download(expiredId)).credential;
    expect(payloadOf(expired).validUntil).toBe('2021-01-01T00:00:00Z');
    expect((await verifyAtWindow(expired, 'title')).data?.verifyCertificate).toMatchObject({ authentic: true, status: 'EXPIRED' });
    const { issuerDocument, statusLists } = await fetchPublished(expired);
    await expect(verifyOffline(expired, issuerDocument, statusLists, new Date())).rejects.toThrow('expired');
  });

  it('a status list that cannot be fetched: STATUS_UNKNOWN at the window, UNAVAILABLE', async () => {
    // Signed by the issuer's real key, but naming a list that does not exist.
    const key = await t.hub.keys.activeKey(AMR);
    const vc = payloadOf(jws);
    vc.credentialStatus[0].statusListCredential = vc.credentialStatus[0].statusListCredential.replace(/\/\d+$/, '/999999');
    const signed = await new CompactSign(Buffer.from(JSON.stringify(vc))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', cty: 'vc', kid: key.kid }).sign(key.privateKey);
    expect((await verifyAtWindow(signed, 'title')).data?.verifyCertificate).toMatchObject({ status: 'STATUS_UNKNOWN', credential: { revocation: 'UNAVAILABLE', suspension: 'CLEAR' } });
  });

  it('a status list that does not verify (another purpose’s list, an altered or a stale one): never a clear status', async () => {
    const key = await t.hub.keys.activeKey(AMR);
    const vc = payloadOf(jws);
    vc.credentialStatus[0].statusListCredential = vc.credentialStatus[1].statusListCredential;
    const signed = await new CompactSign(Buffer.from(JSON.stringify(vc))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', cty: 'vc', kid: key.kid }).sign(key.privateKey);
    expect((await verifyAtWindow(signed, 'title')).data?.verifyCertificate).toMatchObject({ status: 'STATUS_UNKNOWN', credential: { revocation: 'INVALID' } });

    // The verification function the window uses, with a list altered in transit and with one past its validUntil.
    const { issuerDocument, statusLists } = await fetchPublished(jws);
    const urls = t.hub.credentialUrls;
    const keysOf = async () => issuerDocument.keys;
    const altered = (list: string) => {
      const [h, , s] = list.split('.');
      const p = payloadOf(list);
      p.credentialSubject.encodedList = `u${Buffer.from('tampered').toString('base64url')}`;
      return `${h}.${Buffer.from(JSON.stringify(p)).toString('base64url')}.${s}`;
    };
    const tampered = await checkCredential(jws, urls, { keysOf, statusList: async (url) => altered(statusLists.get(url)!) }, new Date());
    expect(tampered.credential?.status).toEqual({ revocation: { isSet: null, problem: 'INVALID' }, suspension: { isSet: null, problem: 'INVALID' } });
    const stale = await checkCredential(jws, urls, { keysOf, statusList: async (url) => statusLists.get(url)! }, new Date(Date.now() + 2 * 24 * 3600_000));
    expect(stale.credential?.status).toEqual({ revocation: { isSet: null, problem: 'STALE' }, suspension: { isSet: null, problem: 'STALE' } });
    const unreachable = await checkCredential(jws, urls, { keysOf, statusList: async () => Promise.reject(new Error('ECONNREFUSED')) }, new Date());
    expect(unreachable.credential?.status.revocation).toEqual({ isSet: null, problem: 'UNAVAILABLE' });
  });

  it('after a key rotation the old credential still verifies, and new ones carry the new kid', async () => {
    const oldKid = decodeProtectedHeader(jws).kid;
    const rotated = await (await t.as('amr-admin')).query(`mutation { rotateSigningKey { kid } }`);
    expect(rotated.errors).toBeUndefined();
    expect((await verifyAtWindow(jws, 'title')).data?.verifyCertificate).toMatchObject({ authentic: true, status: 'VALID', credential: { kid: oldKid } });
    const fresh = (await download(id)).credential;
    expect(decodeProtectedHeader(fresh).kid).toBe(rotated.data?.rotateSigningKey.kid);
    const { issuerDocument, statusLists } = await fetchPublished(jws);
    expect((await verifyOffline(jws, issuerDocument, statusLists, new Date())).revoked).toBe(false);
  });
});

describe('cost', () => {
  it('a page of credentials costs the same statements whatever its size', async () => {
    for (let i = 0; i < 4; i += 1) await issue(carol!);
    const holder = await holderClient(carol!);
    const page = (n: number) => holder.query(`query P($n: Int) { myCertificates(first: $n) { edges { node { identifier credential credentialQrCode } } } }`, { n });
    expect((await page(4)).data?.myCertificates.edges).toHaveLength(4);
    t.sql.count = 0;
    await page(1);
    const one = t.sql.count;
    expect(one).toBeGreaterThan(2);
    t.sql.count = 0;
    const four = await page(4);
    expect(four.errors).toBeUndefined();
    expect(t.sql.count).toBe(one);
  });
});
