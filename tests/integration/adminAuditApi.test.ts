// What the console's administrator and auditor pages need beyond the rest of the API, over HTTP: a resource type's
// and a certificate type's versions, a grant's history, the grants that hold on to a field a new version removes,
// a service item's problems on the input field they concern, and the auditors' NDJSON export of a search (streamed,
// audited, auditors only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { householdLike, publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { permitLike, publishCertificateType } from '../support/certificates.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let admin: GraphQLClient;
let consumer: GraphQLClient;
const code = uniqueCode('t_console');
const [person, other] = testPersons(2, 1400);
let grantId = '';

beforeAll(async () => {
  t = await startTestHub();
  [admin, consumer] = await Promise.all([t.as('amr-admin'), t.as('hrss-admin')]);
  await publish(admin, householdLike(code));
  const upsert = await (await t.as('amr-system')).query(UPSERT, {
    type: code,
    records: [person!, other!].map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: 'FEMALE', districtCode: '330106', address: '杭州市西湖区文三路 1 号' } })),
  });
  expect(upsert.errors).toBeUndefined();
  const requested = await consumer.query<{ requestAccess: { accessRequest: { id: string } } }>(
    `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`,
    { input: { resourceType: code, fields: ['address'], purposes: ['demo'], justification: 'console test', validUntil: new Date(Date.now() + 86_400_000 * 30).toISOString() } },
  );
  expect(requested.errors).toBeUndefined();
  const approved = await admin.query<{ approveAccessRequest: { grant: { id: string } } }>(
    `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id } } }`,
    { input: { requestId: requested.data!.requestAccess.accessRequest.id, fields: [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 } }] } },
  );
  expect(approved.errors).toBeUndefined();
  grantId = approved.data!.approveAccessRequest.grant.id;
});
afterAll(async () => {
  await t?.close();
});

describe('catalog versions', () => {
  it('lists every version of a resource type, newest first, each with its definition', async () => {
    const changed = householdLike(code);
    changed.fields = changed.fields.filter((f) => f.name !== 'householdSize');
    await publish(admin, changed);
    const res = await consumer.query<{ resourceTypeVersions: Array<{ version: number; changedBy: string; resourceType: { fields: Array<{ name: string }> } }> }>(
      `query V($code: ID!) { resourceTypeVersions(code: $code) { version changedAt changedBy resourceType { code fields { name sharing } } } }`,
      { code },
    );
    expect(res.errors).toBeUndefined();
    const versions = res.data!.resourceTypeVersions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.changedBy).toBe('amr-admin');
    expect(versions[0]!.resourceType.fields.map((f) => f.name)).not.toContain('householdSize');
    expect(versions[1]!.resourceType.fields.map((f) => f.name)).toContain('householdSize');
  });

  it('answers NOT_FOUND for a code that was never published', async () => {
    const res = await consumer.query(`{ resourceTypeVersions(code: "no_such_type") { version } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a version that removes a field a grant uses, naming the grants beside the field', async () => {
    const removed = householdLike(code);
    removed.fields = removed.fields.filter((f) => f.name !== 'address' && f.name !== 'householdSize');
    const res = await admin.query(`mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { version } } }`, { input: removed });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', usedByGrants: [{ field: 'address', grants: [grantId] }] });
  });
});

describe('certificate type versions', () => {
  const PUBLISH = `mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { version } } }`;
  const VERSIONS = `query V($code: ID!) { certificateTypeVersions(code: $code) { version changedAt changedBy certificateType { code issuerCode defaultValidityDays fields { name } } } }`;

  it('lists every version of a certificate type, newest first, each with its definition', async () => {
    const permit = permitLike();
    await publishCertificateType(admin, permit);
    const changed = await admin.query(PUBLISH, { input: { ...permit, defaultValidityDays: 730, fields: permit.fields.filter((f) => f.name !== 'inspectorNote') } });
    expect(changed.errors).toBeUndefined();
    const res = await consumer.query<{ certificateTypeVersions: Array<{ version: number; changedBy: string; certificateType: { issuerCode: string; defaultValidityDays: number; fields: Array<{ name: string }> } }> }>(VERSIONS, { code: permit.code });
    expect(res.errors).toBeUndefined();
    const versions = res.data!.certificateTypeVersions;
    expect(versions.map((v) => [v.version, v.changedBy, v.certificateType.defaultValidityDays])).toEqual([
      [2, 'amr-admin', 730],
      [1, 'amr-admin', 365],
    ]);
    expect(versions[0]!.certificateType.issuerCode).toBe('11330100MBDEM00239');
    expect(versions[0]!.certificateType.fields.map((f) => f.name)).not.toContain('inspectorNote');
    expect(versions[1]!.certificateType.fields.map((f) => f.name)).toContain('inspectorNote');
  });

  it('answers NOT_FOUND for a code that was never published, and lists the demo types’ first version', async () => {
    const res = await consumer.query(`{ certificateTypeVersions(code: "no_such_type") { version } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seeded = await consumer.query<{ certificateTypeVersions: Array<{ version: number; certificateType: { code: string } }> }>(VERSIONS, { code: 'business_licence' });
    expect(seeded.data!.certificateTypeVersions.map((v) => [v.version, v.certificateType.code])).toEqual([[1, 'business_licence']]);
  });

  it('refuses a version that removes a face field a grant uses, naming the grants beside the field', async () => {
    const permit = permitLike();
    await publishCertificateType(admin, permit);
    const requested = await consumer.query<{ requestAccess: { accessRequest: { id: string } } }>(
      `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`,
      { input: { resourceType: permit.code, fields: ['capacity'], purposes: ['demo'], justification: 'console test', validUntil: new Date(Date.now() + 86_400_000 * 30).toISOString() } },
    );
    expect(requested.errors).toBeUndefined();
    const approved = await admin.query<{ approveAccessRequest: { grant: { id: string } } }>(
      `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id } } }`,
      { input: { requestId: requested.data!.requestAccess.accessRequest.id, fields: [{ field: 'capacity', effect: 'ALLOW' }] } },
    );
    expect(approved.errors).toBeUndefined();
    const res = await admin.query(PUBLISH, { input: { ...permit, fields: permit.fields.filter((f) => f.name !== 'capacity') } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', usedByGrants: [{ field: 'capacity', grants: [approved.data!.approveAccessRequest.grant.id] }] });
  });
});

describe('service item problems', () => {
  it('names each problem with the input field it concerns', async () => {
    const res = await admin.query(`mutation P($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code } } }`, {
      input: {
        code: 'Bad Code',
        name: '测试事项',
        nameEn: 'Test item',
        materials: [
          { key: 'licence', name: '许可证', source: 'CERTIFICATE', typeCode: 'no_such_certificate' },
          { key: 'record', name: '登记信息', source: 'RECORD', typeCode: code, fields: ['address', 'shoeSize'] },
        ],
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('code must be snake_case (and 2 more).');
    expect(res.errors?.[0]?.extensions?.problems).toEqual([
      { field: 'code', problem: 'must be snake_case' },
      { field: 'materials[0].typeCode', problem: 'no certificate type no_such_certificate' },
      { field: 'materials[1].fields', problem: `${code} has no field shoeSize` },
    ]);
  });
});

describe('grant history', () => {
  it('shows every version of a grant to both sides, and nothing to a third department', async () => {
    const suspended = await admin.query(`mutation S($id: ID!) { suspendGrant(grantId: $id, reason: "checking") { grant { state } } }`, { id: grantId });
    expect(suspended.errors).toBeUndefined();
    const HISTORY = `query H($id: ID!) { grantHistory(grantId: $id) { version state statusReason changedAt rules { field effect mask { strategy n } } } }`;
    for (const side of [admin, consumer]) {
      const res = await side.query<{ grantHistory: Array<{ version: number; state: string; statusReason: string | null }> }>(HISTORY, { id: grantId });
      expect(res.errors).toBeUndefined();
      expect(res.data!.grantHistory.map((g) => [g.version, g.state, g.statusReason])).toEqual([
        [1, 'ACTIVE', null],
        [2, 'SUSPENDED', 'checking'],
      ]);
    }
    const third = await (await t.as('psb-admin')).query(HISTORY, { id: grantId });
    expect(third.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await admin.query(`mutation R($id: ID!) { reinstateGrant(grantId: $id) { grant { state } } }`, { id: grantId });
  });
});

describe('audit export (GET /audit/export)', () => {
  const exportAs = async (who: string | null, query: string) =>
    fetch(`${t.url}/audit/export?${query}`, { headers: who ? { authorization: `Bearer ${await t.token(who)}` } : {} });

  it('streams the events matching the filter as NDJSON, the same as the search finds them, and records the export', async () => {
    const reader = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': 'demo' });
    const query = `query Q($id: ID!) { ${singleQueryNameOf(code)}(subjectId: $id) { address } }`;
    for (let i = 0; i < 3; i += 1) expect((await reader.query(query, { id: person!.idNumber })).errors).toBeUndefined();
    const auditor = await t.as('auditor');
    const search = await auditor.query<{ auditEvents: { edges: Array<{ node: { seq: string } }> } }>(
      `query S($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { edges { node { seq } } } }`,
      { f: { subjectId: person!.idNumber, client: 'hrss-system' } },
    );
    const found = search.data!.auditEvents.edges.map((e) => e.node.seq);
    expect(found.length).toBeGreaterThanOrEqual(3);

    const res = await exportAs('auditor', new URLSearchParams({ subjectId: person!.idNumber, client: 'hrss-system' }).toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-export-.*\.ndjson"$/);
    const lines = (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { seq: string; clientId: string; fieldsMasked: string[]; hash: string; prevHash: string });
    expect(lines.map((l) => l.seq)).toEqual(found);
    expect(lines.every((l) => l.clientId === 'hrss-system' && l.hash.length === 64 && l.prevHash.length === 64)).toBe(true);
    expect(lines[0]!.fieldsMasked).toEqual([`${code}.address`]);

    const exports = await auditor.query<{ auditEvents: { edges: Array<{ node: { action: string; clientId: string; subjectHashes: string[]; details: { filter: Record<string, unknown> } } }> } }>(
      `{ auditEvents(filter: { operation: "audit.export" }, first: 1) { edges { node { action clientId subjectHashes details } } } }`,
    );
    const recorded = exports.data!.auditEvents.edges[0]!.node;
    expect(recorded).toMatchObject({ action: 'audit.export', clientId: 'auditor', details: { filter: { client: 'hrss-system', hasSubject: true } } });
    expect(recorded.subjectHashes).toHaveLength(1);
    expect(JSON.stringify(recorded)).not.toContain(person!.idNumber);
  });

  it('pages through more events than one page holds (keyset pages of 100), newest first', async () => {
    const system = await t.as('psb-system');
    for (let i = 0; i < 130; i += 1) await system.query('query ExportPaging { viewer { roles } }', undefined, 'ExportPaging');
    const res = await exportAs('auditor', 'operation=ExportPaging');
    const seqs = (await res.text()).split('\n').filter(Boolean).map((l) => BigInt((JSON.parse(l) as { seq: string }).seq));
    expect(seqs).toHaveLength(130);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a > b ? -1 : 1)));
  });

  it('is for auditors only, with a bearer token, and a filter it knows', async () => {
    const admin = await exportAs('amr-admin', '');
    expect(admin.status).toBe(403);
    expect(((await admin.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect((await exportAs(null, '')).status).toBe(401);
    for (const [query, text] of [
      ['colour=red', 'Unknown filter colour'],
      ['from=yesterday', 'ISO 8601'],
      ['outcome=MAYBE', 'outcome must be one of'],
      ['subjectId=330102197512316130', 'subjectId'],
    ] as const) {
      const res = await exportAs('auditor', query);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]!.message).toContain(text);
    }
  });
});
