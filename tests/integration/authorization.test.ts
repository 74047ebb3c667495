// Regressions of issue 12, each reproduced over HTTP as an attacker would with demo tokens: row scopes per field,
// applications through the same enforcement point, masked values never used in a condition, certificate row
// scopes, cases bound to their department, certificate materials and signed documents audited with their fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueryNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { faceSelection, ISSUE, issueInput, permitLike, publishCertificateType } from '../support/certificates.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let centerAdmin: GraphQLClient;
let clerk: GraphQLClient;

const REQUEST = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id status } } }`;
const APPROVE = `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id rowScope { field values } } } }`;
const PUBLISH_ITEM = `mutation I($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code version } } }`;
const PREPARE = `mutation P($item: String!, $id: String!, $case: String!) {
  prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) {
    receipt materials { key outcome reason values certificateIdentifier missingGrant { typeCode fields } } } }`;

const persons = testPersons(2, 7_000 + (process.pid % 1_000));
const inside = { ...persons[0]!, district: '330106', address: '西湖区文三路 1 号', birthDate: '1990-05-17' };
const outside = { ...persons[1]!, district: '330102', address: '上城区解放路 9 号', birthDate: '1985-11-02' };

let caseCounter = 0;
const newCase = () => `AUTHZ-${process.pid}-${Date.now()}-${(caseCounter += 1)}`;

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query(text, params)).rows as T[];
}

/** The service center asks for `fields` of `type` for `purpose`; the provider approves as `approval` says. */
async function grantToCenter(type: string, fields: string[], purpose: string, provider: GraphQLClient, approval: Record<string, unknown> | null) {
  const asked = await centerAdmin.query(REQUEST, { input: { resourceType: type, fields, purposes: [purpose], justification: 'issue 12 regression', validUntil: '2031-01-01T00:00:00Z' } });
  expect(asked.errors).toBeUndefined();
  if (approval === null) return;
  const approved = await provider.query(APPROVE, { input: { requestId: asked.data!.requestAccess.accessRequest.id, ...approval } });
  expect(approved.errors).toBeUndefined();
}

beforeAll(async () => {
  t = await startTestHub();
  centerAdmin = await t.as('service-center-admin');
  clerk = await t.as('window-clerk');
});
afterAll(async () => {
  await t?.close();
});

describe('records: a row scope limits the fields of its own grant (defects 1 and 2)', () => {
  const type = uniqueCode('t_authz');
  const item = uniqueCode('authz_item');
  let psbAdmin: GraphQLClient;

  beforeAll(async () => {
    psbAdmin = await t.as('psb-admin');
    await publish(psbAdmin, householdLike(type));
    const records = [inside, outside].map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: p.district, address: p.address, birthDate: p.birthDate } }));
    expect((await (await t.as('psb-system')).query(UPSERT, { type, records })).errors).toBeUndefined();
    // The provider approves `address` for one district only; the consumer then takes an UNCONDITIONAL field, unscoped.
    await grantToCenter(type, ['address'], item, psbAdmin, { rowScope: { field: 'districtCode', values: [inside.district] } });
    await grantToCenter(type, ['gender'], item, psbAdmin, null);
    // birthDate only masked (year), for every subject: a condition on it must not reveal the date.
    await grantToCenter(type, ['birthDate'], item, psbAdmin, { fields: [{ field: 'birthDate', effect: 'MASK', mask: { strategy: 'DATE_YEAR_ONLY' } }] });
    const published = await centerAdmin.query(PUBLISH_ITEM, {
      input: {
        code: item,
        name: '授权回归测试事项',
        nameEn: 'Authorization regression item',
        materials: [
          { key: 'address', name: '住址', source: 'RECORD', typeCode: type, fields: ['address'] },
          { key: 'born_exactly', name: '出生日期相符', source: 'RECORD', typeCode: type, fields: ['gender'], condition: { field: 'birthDate', operator: 'EQUALS', values: [inside.birthDate] } },
        ],
      },
    });
    expect(published.errors).toBeUndefined();
  });

  it('an unscoped grant for another field does not lift the scope: the out-of-scope address is withheld (FIELD_FORBIDDEN)', async () => {
    const many = listQueryNameOf(type);
    const res = await clerk.with({ 'x-sharehub-purpose': item, 'x-request-id': `authz-scope-${process.pid}` }).query(`query Q($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId gender address } }`, {
      ids: [inside.idNumber, outside.idNumber],
    });
    expect(res.data?.[many][0]).toEqual({ subjectId: inside.idNumber, gender: inside.gender, address: inside.address });
    expect(res.data?.[many][1]).toEqual({ subjectId: outside.idNumber, gender: outside.gender, address: null });
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FIELD_FORBIDDEN', `${many}.1.address`]]);
    expect(JSON.stringify(res)).not.toContain(outside.address);
    const [event] = await sql(`SELECT fields_returned, fields_denied FROM audit_event WHERE request_id = $1`, [`authz-scope-${process.pid}`]);
    expect(event?.fields_returned).toEqual(expect.arrayContaining([`${type}.gender`, `${type}.address`]));
    expect(event?.fields_denied).toContain(`${type}.address`);
  });

  it('prepareApplication applies the row scope: an out-of-scope applicant’s address is not a satisfied material', async () => {
    const res = await clerk.query(PREPARE, { item, id: outside.idNumber, case: newCase() });
    expect(res.errors).toBeUndefined();
    const address = res.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'address');
    expect(address).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT', values: null, missingGrant: { typeCode: type, fields: ['address'] } });
    expect(JSON.stringify(res)).not.toContain(outside.address);
    const ok = await clerk.query(PREPARE, { item, id: inside.idNumber, case: newCase() });
    expect(ok.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'address')).toMatchObject({ outcome: 'SATISFIED', values: { address: inside.address } });
  });

  it('a condition on a masked value is never evaluated: the right and the wrong guess get the same NO_GRANT (defect 4)', async () => {
    const answers = [];
    for (const guess of [inside, outside]) {
      const res = await clerk.query(PREPARE, { item, id: guess === inside ? inside.idNumber : outside.idNumber, case: newCase() });
      answers.push(res.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'born_exactly'));
    }
    for (const a of answers) expect(a).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT', missingGrant: { typeCode: type, fields: ['birthDate'] } });
  });

  it('a case belongs to the department that prepared it: another department gets CONFLICT and the receipt stays (defect 6)', async () => {
    const kase = newCase();
    const first = await clerk.query(PREPARE, { item, id: inside.idNumber, case: kase });
    expect(first.errors).toBeUndefined();
    const [stored] = await sql<{ receipt: string }>('SELECT receipt FROM application WHERE case_number = $1', [kase]);
    const other = await (await t.as('hrss-system')).query(PREPARE, { item, id: inside.idNumber, case: kase });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.data).toBeNull();
    expect((await sql<{ receipt: string }>('SELECT receipt FROM application WHERE case_number = $1', [kase]))[0]?.receipt).toBe(stored?.receipt);
  });
});

describe('certificates: a row scope on a certificate-type grant is enforced (defects 5, 8 and 12)', () => {
  let type: { code: string };
  const item = uniqueCode('authz_cert_item');
  const certificates: Record<'A' | 'B', string> = { A: '', B: '' };
  let amrSystem: GraphQLClient;

  beforeAll(async () => {
    const amrAdmin = await t.as('amr-admin');
    amrSystem = await t.as('amr-system');
    type = await publishCertificateType(amrAdmin, permitLike());
    for (const [category, holder] of [['A', inside], ['B', outside]] as const) {
      const issued = await amrSystem.query(ISSUE, { input: issueInput(type.code, holder, { category, address: holder.address }), key: `${item}-${category}` });
      expect(issued.errors).toBeUndefined();
      certificates[category] = issued.data!.issueCertificate.certificate.identifier;
    }
    await grantToCenter(type.code, ['address'], item, amrAdmin, { rowScope: { field: 'category', values: ['A'] } });
    const published = await centerAdmin.query(PUBLISH_ITEM, {
      input: { code: item, name: '证照回归测试事项', nameEn: 'Certificate regression item', materials: [{ key: 'permit', name: '许可证', source: 'CERTIFICATE', typeCode: type.code }] },
    });
    expect(published.errors).toBeUndefined();
  });

  it('verifyCertificates shows a scoped field only for the certificates the scope covers', async () => {
    const res = await clerk.with({ 'x-sharehub-purpose': item }).query(`query V($ids: [String!]!) { verifyCertificates(identifiers: $ids) { identifier status ${faceSelection(type.code, 'address')} } }`, {
      ids: [certificates.A, certificates.B],
    });
    expect(res.data?.verifyCertificates[0].face.address).toBe(inside.address);
    expect(res.data?.verifyCertificates[1]).toMatchObject({ status: 'VALID', face: { address: null } });
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FIELD_FORBIDDEN', 'verifyCertificates.1.face.address']]);
    expect(JSON.stringify(res)).not.toContain(outside.address);
  });

  it('a certificate material out of the scope is answered as none; in scope it is satisfied and audited with its fields', async () => {
    const out = await clerk.query(PREPARE, { item, id: outside.idNumber, case: newCase() });
    expect(out.data!.prepareApplication.materials[0]).toMatchObject({ outcome: 'NEEDED', reason: 'NO_RECORD', values: null, certificateIdentifier: null });
    expect(JSON.stringify(out)).not.toContain(outside.address);
    const kase = newCase();
    const ok = await clerk.query(PREPARE, { item, id: inside.idNumber, case: kase });
    expect(ok.data!.prepareApplication.materials[0]).toMatchObject({ outcome: 'SATISFIED', certificateIdentifier: certificates.A });
    expect(ok.data!.prepareApplication.materials[0].values.address).toBe(inside.address);
    const [event] = await sql(`SELECT fields_returned, fields_denied FROM audit_event WHERE action = 'application.material' AND case_number = $1`, [kase]);
    expect(event?.fields_returned).toEqual([`${type.code}.address`]);
    expect(event?.fields_denied).toContain(`${type.code}.inspectorNote`);
  });

  it('certificate { signedDocument } needs a purpose and is audited with every face field', async () => {
    const query = `query C($id: String!) { certificate(identifier: $id) { identifier signedDocument } }`;
    const bare = await amrSystem.query(query, { id: certificates.B });
    expect(bare.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect(bare.data ?? null).toBeNull();
    const requestId = `authz-signed-${process.pid}`;
    const res = await amrSystem.with({ 'x-sharehub-purpose': 'own-records', 'x-request-id': requestId }).query(query, { id: certificates.B });
    expect(res.data?.certificate.signedDocument).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const [event] = await sql(`SELECT fields_returned FROM audit_event WHERE request_id = $1`, [requestId]);
    expect(event?.fields_returned).toEqual(expect.arrayContaining(['title', 'category', 'address', 'inspectorNote', 'holderIdNumber'].map((f) => `${type.code}.${f}`)));
  });
});
