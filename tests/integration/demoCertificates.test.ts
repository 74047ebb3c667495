// The demo certificates: five types of five departments, thousands of certificates for the demo subjects, all
// authentic; the service center verifies them for its service items, and "once only" resolves a certificate material.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CERTIFICATE_TYPES } from '../../src/demo/certificates.js';
import { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let clerk: GraphQLClient;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query(sql, params)).rows as T[];
}

beforeAll(async () => {
  t = await startTestHub();
  clerk = await t.as('window-clerk', { 'x-sharehub-purpose': 'demo' });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo certificates', () => {
  it('five certificate types, each with its face type in the schema', async () => {
    const res = await clerk.query(`{ certificateTypes { code identifierCode faceType issuerCode holderKind fields { name sharing } } }`);
    const codes = res.data?.certificateTypes.map((t: { code: string }) => t.code);
    expect(codes).toEqual(expect.arrayContaining(DEMO_CERTIFICATE_TYPES.map((d) => d.code)));
    const licence = res.data?.certificateTypes.find((t: { code: string }) => t.code === 'business_licence');
    expect(licence).toMatchObject({ identifierCode: 'YYZZ', faceType: 'BusinessLicenceFace', holderKind: 'ORGANIZATION' });
  });

  it('thousands of certificates for the demo subjects, some withdrawn, none without a signature', async () => {
    const counts = await rows<{ type_code: string; n: number; withdrawn: number; unsigned: number }>(
      `SELECT type_code, count(*)::int AS n, count(*) FILTER (WHERE status <> 'VALID')::int AS withdrawn, count(*) FILTER (WHERE signature = '')::int AS unsigned
       FROM certificate WHERE issued_by = 'demo-seed' GROUP BY type_code ORDER BY type_code`,
    );
    expect(counts.map((c) => c.type_code)).toEqual(DEMO_CERTIFICATE_TYPES.map((d) => d.code).sort());
    expect(counts.reduce((n, c) => n + c.n, 0)).toBeGreaterThan(10_000);
    expect(counts.find((c) => c.type_code === 'business_licence')).toMatchObject({ n: 2_000 });
    expect(counts.find((c) => c.type_code === 'business_licence')!.withdrawn).toBeGreaterThan(0);
    for (const c of counts) expect(c.unsigned).toBe(0);
  });

  it('a sample of them verifies authentic for the service center, with the UNCONDITIONAL face fields and the holder’s name', async () => {
    const sample = await rows<{ identifier: string; holder_name: string }>(`SELECT identifier, holder_name FROM certificate WHERE issued_by = 'demo-seed' ORDER BY md5(identifier) LIMIT 100`);
    const res = await clerk.query(`query M($ids: [String!]!) { verifyCertificates(identifiers: $ids) { identifier authentic status holder { name isNameMasked isIdNumberMasked }
      face { certificateType ... on BusinessLicenceFace { name registrationAuthority } ... on MarriageCertificateFace { certificateNumber } } } }`, { ids: sample.map((s) => s.identifier) });
    const answers = res.data?.verifyCertificates as Array<{ identifier: string; authentic: boolean; status: string; holder: { name: string; isNameMasked: boolean; isIdNumberMasked: boolean }; face: Record<string, unknown> }>;
    expect(answers).toHaveLength(100);
    for (const [i, a] of answers.entries()) {
      expect(a.authentic, a.identifier).toBe(true);
      expect(a.holder).toEqual({ name: sample[i]!.holder_name, isNameMasked: false, isIdNumberMasked: true });
      if (a.face.certificateType === 'business_licence') expect(a.face.registrationAuthority).toBeTruthy();
    }
    expect(new Set(answers.map((a) => a.status)).has('VALID')).toBe(true);
  });

  it('a holder sees their demo certificates with a holder token', async () => {
    const [one] = await rows<{ holder_id: string; n: number }>(`SELECT holder_id, count(*)::int AS n FROM certificate WHERE holder_id_type = 'RESIDENT_ID' GROUP BY holder_id ORDER BY count(*) DESC, holder_id LIMIT 1`);
    const holder = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(one!.holder_id)}` });
    const res = await holder.query(`{ myCertificates(first: 100) { edges { node { identifier certificateType state holder { idNumber isIdNumberMasked } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.myCertificates.edges.length).toBeGreaterThanOrEqual(Math.min(one!.n, 100));
    for (const e of res.data?.myCertificates.edges ?? []) expect(e.node.holder).toEqual({ idNumber: one!.holder_id, isIdNumberMasked: false });
  });

  it('preparing an enterprise change registration takes the business licence from the hub instead of paper', async () => {
    const [org] = await rows<{ holder_id: string; identifier: string }>(
      `SELECT c.holder_id, c.identifier FROM certificate c JOIN record r ON r.subject_id = c.holder_id AND r.resource_type_code = 'business_registration'
       WHERE c.type_code = 'business_licence' AND c.status = 'VALID' ORDER BY c.identifier LIMIT 1`,
    );
    const res = await (await t.as('window-clerk')).query(
      `mutation P($id: String!, $case: String!) { prepareApplication(serviceItemCode: "enterprise_change_registration", applicantId: $id, caseNumber: $case) {
        materials { key outcome reason certificateIdentifier values } } }`,
      { id: org!.holder_id, case: `CERT-CASE-${process.pid}-${Date.now()}` },
    );
    expect(res.errors).toBeUndefined();
    const licence = res.data?.prepareApplication.materials.find((m: { key: string }) => m.key === 'business_licence');
    expect(licence).toMatchObject({ outcome: 'SATISFIED', reason: null, certificateIdentifier: org!.identifier });
    expect(licence.values).toHaveProperty('name');
    expect(licence.values).not.toHaveProperty('holderIdNumber');
  });
});
