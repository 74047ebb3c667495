// Once-only applications over HTTP with demo tokens: materials resolved from shared data or named as needed,
// a receipt that verifies with the JWKS alone, and coverage that rises when the missing grant arrives.
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let clerk: GraphQLClient;
let applicant: string;

const PREPARE = `mutation P($item: String!, $id: String!, $case: String!) {
  prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) {
    caseNumber satisfiedCount receipt serviceItem { code version }
    materials { key outcome reason explanation recordVersion certificateIdentifier values missingGrant { typeCode fields purpose providerCode } } } }`;
const COVERAGE = `{ serviceItemCoverage { resolvable total items { serviceItem { code } resolvable total needing { key reason missingFields } } } }`;

let caseCounter = 0;
const newCase = () => `CASE-${process.pid}-${Date.now()}-${(caseCounter += 1)}`;

beforeAll(async () => {
  t = await startTestHub();
  clerk = await t.as('window-clerk');
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  // A demo person with a household and a marriage record and no real estate.
  const { rows } = await pool.query(`SELECT h.subject_id FROM record h JOIN record m ON m.subject_id = h.subject_id AND m.resource_type_code = 'marriage_registration'
    WHERE h.resource_type_code = 'household_registration' AND NOT EXISTS (SELECT 1 FROM record r WHERE r.subject_id = h.subject_id AND r.resource_type_code = 'real_estate_ownership')
    ORDER BY h.subject_id LIMIT 1`);
  applicant = rows[0].subject_id;
});
afterAll(async () => {
  await t?.close();
});

describe('prepareApplication', () => {
  let first: Record<string, any>;
  const kase = newCase();

  it('resolves every material the service center has grants for, and names the grant missing for each needed one', async () => {
    const res = await clerk.query(PREPARE, { item: 'public_rental_housing', id: applicant, case: kase });
    expect(res.errors).toBeUndefined();
    first = res.data!.prepareApplication;
    const byKey = Object.fromEntries(first.materials.map((m: { key: string }) => [m.key, m]));
    expect(byKey.household).toMatchObject({ outcome: 'SATISFIED', reason: null, recordVersion: 1 });
    expect(byKey.household.values).toHaveProperty('districtCode');
    expect(byKey.marital_status).toMatchObject({ outcome: 'SATISFIED' });
    expect(byKey.social_insurance).toMatchObject({
      outcome: 'NEEDED',
      reason: 'NO_GRANT',
      missingGrant: { typeCode: 'social_insurance', fields: ['insuredStatus', 'pensionContributionMonths'], purpose: 'public_rental_housing' },
    });
    expect(byKey.no_real_estate).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT' });
    expect(first.satisfiedCount).toBe(2);
  });

  it('audits one event per material, with the item code as purpose and the case number', async () => {
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT purpose, case_number, resource_types, details FROM audit_event WHERE action = 'application.material' AND case_number = $1 ORDER BY seq`, [kase]);
    expect(rows.map((r) => r.details.material)).toEqual(['household', 'marital_status', 'social_insurance', 'no_real_estate']);
    for (const r of rows) expect(r).toMatchObject({ purpose: 'public_rental_housing', case_number: kase });
  });

  it('its receipt verifies with nothing but the published JWKS, and says what the decision relied on', async () => {
    const jwks = await (await fetch(`${t.url}/.well-known/jwks.json`)).json();
    const { payload } = await compactVerify(first.receipt, createLocalJWKSet(jwks as never));
    const content = JSON.parse(new TextDecoder().decode(payload));
    expect(content).toMatchObject({ caseNumber: kase, serviceItem: { code: 'public_rental_housing', version: 1 } });
    expect(content.applicant).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(content)).not.toContain(applicant);
    expect(content.materials.find((m: { key: string }) => m.key === 'household')).toMatchObject({ outcome: 'SATISFIED', recordVersion: 1 });
  });

  it('verifyReceipt says valid for the receipt and invalid for a tampered one', async () => {
    const ok = await clerk.query(`query V($r: String!) { verifyReceipt(receipt: $r) { isValid problem content } }`, { r: first.receipt });
    expect(ok.data?.verifyReceipt.isValid).toBe(true);
    const [h, p, s] = first.receipt.split('.');
    const forged = JSON.parse(Buffer.from(p, 'base64url').toString());
    forged.materials[2].outcome = 'SATISFIED';
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    const bad = await clerk.query(`query V($r: String!) { verifyReceipt(receipt: $r) { isValid problem content } }`, { r: tampered });
    expect(bad.data?.verifyReceipt).toMatchObject({ isValid: false, content: null });
  });

  it('after the missing access request is approved, the material turns SATISFIED and the coverage figure rises', async () => {
    const before = (await (await t.as('service-center-admin')).query(COVERAGE)).data!.serviceItemCoverage;
    const request = await (await t.as('service-center-admin')).query(
      `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { status } } }`,
      { input: { resourceType: 'social_insurance', fields: ['insuredStatus', 'pensionContributionMonths'], purposes: ['public_rental_housing'], justification: '公租房申请免提交社保证明', validUntil: '2031-01-01T00:00:00Z' } },
    );
    expect(request.data?.requestAccess.accessRequest.status).toBe('APPROVED');
    const again = await clerk.query(PREPARE, { item: 'public_rental_housing', id: applicant, case: newCase() });
    const social = again.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'social_insurance');
    expect(social.reason).not.toBe('NO_GRANT');
    expect(['SATISFIED', 'NEEDED']).toContain(social.outcome);
    if (social.outcome === 'NEEDED') expect(['NO_RECORD', 'CONDITION_NOT_MET']).toContain(social.reason);
    const after = (await (await t.as('service-center-admin')).query(COVERAGE)).data!.serviceItemCoverage;
    expect(after.resolvable).toBe(before.resolvable + 1);
    expect(after.total).toBe(before.total);
  });

  it('costs a constant number of SQL statements: one grants query, at most one SELECT per resource type', async () => {
    t.sql.count = 0;
    const res = await clerk.query(PREPARE, { item: 'public_rental_housing', id: applicant, case: newCase() });
    const readable = res.data!.prepareApplication.materials.filter((m: { reason: string | null }) => m.reason !== 'NO_GRANT').length;
    const reads = t.sql.statements.slice(-t.sql.count);
    expect(reads.filter((s) => /FROM record r/.test(s))).toHaveLength(readable);
    expect(reads.filter((s) => /FROM access_grant/.test(s))).toHaveLength(1);
  });

  it('an item with a certificate material costs one grants query too, shared by its records and its certificate', async () => {
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT holder_id FROM certificate WHERE type_code = 'business_licence' ORDER BY holder_id LIMIT 1`);
    t.sql.count = 0;
    const res = await clerk.query(PREPARE, { item: 'enterprise_change_registration', id: rows[0].holder_id, case: newCase() });
    const licence = res.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'business_licence');
    expect(licence.reason).not.toBe('NO_CATALOG_ENTRY');
    const reads = t.sql.statements.slice(-t.sql.count);
    expect(reads.filter((s) => /FROM access_grant/.test(s))).toHaveLength(1);
    expect(reads.filter((s) => /FROM certificate c/.test(s)).length).toBeLessThanOrEqual(1);
  });
});

describe('consent', () => {
  it('a consent-required material is NEEDED with CONSENT_REQUIRED until the applicant gives consent with a holder token', async () => {
    const kase = newCase();
    const res = await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    const cert = res.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'marriage_certificate');
    expect(cert.reason).toBe('CONSENT_REQUIRED');
    const holder = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(applicant)}` });
    const consent = await holder.query(`mutation C($c: String!) { giveConsent(caseNumber: $c) { caseNumber consentGivenAt } }`, { c: kase });
    expect(consent.data?.giveConsent.caseNumber).toBe(kase);
    const after = await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    expect(after.data!.prepareApplication.materials.find((m: { key: string }) => m.key === 'marriage_certificate').reason).not.toBe('CONSENT_REQUIRED');
  });

  it('a case belongs to one applicant and item: preparing it again updates its receipt, anyone or anything else is a CONFLICT', async () => {
    const kase = newCase();
    await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    const again = (await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase })).data!.prepareApplication;
    const otherItem = await clerk.query(PREPARE, { item: 'public_rental_housing', id: applicant, case: kase });
    expect(otherItem.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const otherApplicant = await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: '11010519491231002X', case: kase });
    expect(otherApplicant.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT service_item_code, receipt FROM application WHERE case_number = $1`, [kase]);
    expect(rows).toEqual([{ service_item_code: 'household_transfer_after_marriage', receipt: again.receipt }]);
  });

  it("another person cannot give consent for someone else's case", async () => {
    const kase = newCase();
    await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    const other = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken('11010519491231002X')}` });
    const res = await other.query(`mutation C($c: String!) { giveConsent(caseNumber: $c) { caseNumber } }`, { c: kase });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('myPendingConsents', () => {
  const PENDING = `{ myPendingConsents { caseNumber department { code shortCode name } serviceItem { code name nameEn } materials { key name source typeCode fields isConsentRequired } requestedAt } }`;
  const holderOf = async (id: string) => new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(id)}` });

  it('lists the applications prepared about the holder that wait for consent, with department, item, materials and time; gone once given', async () => {
    const kase = newCase();
    const before = Date.now();
    await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    const holder = await holderOf(applicant);
    const res = await holder.query(PENDING);
    expect(res.errors).toBeUndefined();
    const mine = res.data!.myPendingConsents.find((p: { caseNumber: string }) => p.caseNumber === kase);
    expect(mine).toMatchObject({
      department: { shortCode: 'service-center' },
      serviceItem: { code: 'household_transfer_after_marriage' },
      materials: [{ key: 'marriage_certificate', source: 'CERTIFICATE', isConsentRequired: true }],
    });
    expect(Date.parse(mine.requestedAt)).toBeGreaterThanOrEqual(before - 60_000);
    // Only consent-requiring applications, newest first.
    const listed = res.data!.myPendingConsents as Array<{ requestedAt: string; materials: Array<{ isConsentRequired: boolean }> }>;
    for (const p of listed) expect(p.materials.every((m) => m.isConsentRequired)).toBe(true);
    expect(listed.map((p) => p.requestedAt)).toEqual([...listed.map((p) => p.requestedAt)].sort().reverse());

    await holder.query(`mutation C($c: String!) { giveConsent(caseNumber: $c) { caseNumber } }`, { c: kase });
    const after = await holder.query(PENDING);
    expect(after.data!.myPendingConsents.map((p: { caseNumber: string }) => p.caseNumber)).not.toContain(kase);
  });

  it('another holder never sees them, and a client is FORBIDDEN', async () => {
    const kase = newCase();
    await clerk.query(PREPARE, { item: 'household_transfer_after_marriage', id: applicant, case: kase });
    const other = await (await holderOf('11010519491231002X')).query(PENDING);
    expect(other.errors).toBeUndefined();
    expect(other.data!.myPendingConsents.map((p: { caseNumber: string }) => p.caseNumber)).not.toContain(kase);
    const asClerk = await clerk.query(PENDING);
    expect(asClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asClerk.data).toBeNull();
  });

  it('is audited as the holder’s own read: their subject hash and how many were shown, no raw identifier', async () => {
    const holder = new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(applicant)}`, 'x-request-id': `pending-${process.pid}-${Date.now()}` });
    const res = await holder.query(PENDING);
    const shown = res.data!.myPendingConsents.length as number;
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT action, outcome, subject_hashes, details FROM audit_event WHERE request_id = $1`, [holder.headers['x-request-id']]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'graphql.query', outcome: 'SUCCESS', subject_hashes: [expect.stringMatching(/^[0-9a-f]{64}$|^[\w-]{20,}$/)], details: expect.objectContaining({ pendingConsentsShown: shown }) });
    expect(JSON.stringify(rows[0])).not.toContain(applicant);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown service item', { item: 'no_such_item' }, 'NOT_FOUND'],
    ['an invalid applicant id', { id: '110105194912310021' }, 'BAD_USER_INPUT'],
    ['a missing case number', { case: '' }, 'BAD_USER_INPUT'],
  ])('%s is refused', async (_what, change, code) => {
    const res = await clerk.query(PREPARE, { item: 'public_rental_housing', id: applicant, case: newCase(), ...change });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('a material that references a field the catalog does not have is refused at publication', async () => {
    const res = await (await t.as('housing-admin')).query(
      `mutation S($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code } } }`,
      { input: { code: 'test_item_bad', name: '测试', nameEn: 'Test', materials: [{ key: 'h', name: '户口', source: 'RECORD', typeCode: 'household_registration', fields: ['shoeSize'] }] } },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('shoeSize');
  });

  it('a department system cannot publish service items', async () => {
    const res = await (await t.as('housing-system')).query(
      `mutation S($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code } } }`,
      { input: { code: 'test_item_x', name: '测试', nameEn: 'Test', materials: [{ key: 'h', name: '户口', source: 'RECORD', typeCode: 'household_registration', fields: ['name'] }] } },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('sharehub coverage', () => {
  it('prints the report as a table with the total', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const { inject } = await import('vitest');
    const child = spawn(process.execPath, [path.resolve('dist/src/cli/main.js'), 'coverage'], {
      env: { PATH: process.env.PATH, SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir') },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('public_rental_housing');
    expect(out).toMatch(/total: \d+ of \d+ materials resolvable from shared data/);
  });
});
