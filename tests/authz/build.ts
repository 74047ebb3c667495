// Makes a generated world real through the public API, as departments would: the provider publishes a resource type
// and its records, the issuer a certificate type and its certificates, a handling department its service items; the
// service center asks for access, the providers approve (masked, scoped, shortened), reject, suspend, revoke.
// Returns the world as the oracle sees it: every grant with the id the hub gave it.
import { createHmac, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { formatCertificateIdentifier } from '../../src/certs/certificateIdentifier.js';
import { DEMO_DEPARTMENTS, type DemoPerson } from '../../src/demo/subjects.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { publish, testPersons, uniqueCode, UPSERT } from '../support/catalog.js';
import { ISSUE, publishCertificateType, uniqueIdentifierCode } from '../support/certificates.js';
import type { GraphQLClient } from '../support/client.js';
import type { TestHub } from '../support/hub.js';
import type { Condition, OracleGrant } from './oracle.js';
import { DISTRICTS, HOLDER_ID_NUMBER, HOLDER_NAME, ITEMS, PLAIN_PURPOSES, SUBJECTS, grantableFields, type FieldSpec, type GrantSpec, type Values, type WorldSpec } from './world.js';

export const CENTER = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'service-center')!.code;
export const CIVIL_AFFAIRS = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'civil-affairs')!.code;
export const PSB = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'psb')!.code;
export const AMR = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'amr')!.code;
const DAY = 24 * 3600_000;

export interface Clients {
  psbAdmin: GraphQLClient;
  psbSystem: GraphQLClient;
  amrAdmin: GraphQLClient;
  amrSystem: GraphQLClient;
  centerAdmin: GraphQLClient;
  civilAdmin: GraphQLClient;
  housingAdmin: GraphQLClient;
  clerk: GraphQLClient;
}

export async function clientsOf(t: TestHub): Promise<Clients> {
  return {
    psbAdmin: await t.as('psb-admin'),
    psbSystem: await t.as('psb-system'),
    amrAdmin: await t.as('amr-admin'),
    amrSystem: await t.as('amr-system'),
    centerAdmin: await t.as('service-center-admin'),
    civilAdmin: await t.as('civil-affairs-admin'),
    housingAdmin: await t.as('housing-admin'),
    clerk: await t.as('window-clerk'),
  };
}

/** The HASH key of a consumer department, from the run's secret (derived as src/server/hub.ts and masking.ts do). */
export async function maskingSecretOf(t: TestHub): Promise<string> {
  const { subjectHashKey } = await resolveSecrets(t.config);
  return createHmac('sha256', subjectHashKey).update('sharehub:masking').digest('base64url');
}

export interface BuiltMaterial {
  key: string;
  source: 'RECORD' | 'CERTIFICATE';
  fields: string[];
  condition: Condition | null;
  isSatisfiedWhenAbsent: boolean;
}

export interface World {
  spec: WorldSpec;
  recordCode: string;
  recordTypeName: string;
  certificateCode: string;
  faceTypeName: string;
  identifierCode: string;
  recordFields: FieldSpec[];
  /** Holder fields, then the face. */
  certificateFields: FieldSpec[];
  /** Subjects 0..SUBJECTS-1 of the world, then two that were never published. */
  persons: DemoPerson[];
  /** Per subject: the identifier of the certificate it holds, or null. */
  identifiers: Array<string | null>;
  purposes: string[];
  items: Array<{ code: string; materials: BuiltMaterial[] }>;
  grants: OracleGrant[];
  certificateGrants: OracleGrant[];
}

async function must<T = Record<string, any>>(client: GraphQLClient, query: string, variables: Record<string, unknown>, what: string): Promise<T> {
  const res = await client.query<T>(query, variables);
  if (res.errors?.length || !res.data) throw new Error(`building the world: ${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

function catalogField(f: FieldSpec) {
  return { name: f.name, nameZh: f.name, type: f.type, sharing: f.sharing, required: false, description: `A generated ${f.type} field.`, ...(f.enumValues ? { enumValues: f.enumValues } : {}) };
}

const REQUEST = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id status conditionalFields grants { id } } } }`;
const APPROVE = `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id } } }`;
const REJECT = `mutation J($id: ID!) { rejectAccessRequest(requestId: $id, reason: "generated rejection") { accessRequest { id } } }`;
const SUSPEND = `mutation S($id: ID!) { suspendGrant(grantId: $id, reason: "generated suspension") { grant { id } } }`;
const REINSTATE = `mutation N($id: ID!) { reinstateGrant(grantId: $id) { grant { id } } }`;
const REVOKE = `mutation V($id: ID!) { revokeGrant(grantId: $id, reason: "generated revocation") { grant { id } } }`;
const PUBLISH_ITEM = `mutation P($input: PublishServiceItemInput!) { publishServiceItem(input: $input) { serviceItem { code } } }`;

function validityOf(spec: GrantSpec, now: number): { validFrom: Date; validUntil: Date } {
  switch (spec.validity) {
    case 'CURRENT':
      return { validFrom: new Date(now - DAY), validUntil: new Date(now + 365 * DAY) };
    case 'EXPIRED':
      return { validFrom: new Date(now - 400 * DAY), validUntil: new Date(now - 10 * DAY) };
    case 'NOT_YET_VALID':
      return { validFrom: new Date(now + 10 * DAY), validUntil: new Date(now + 400 * DAY) };
  }
}

/** One access request and its consequences; the grants it made, as the oracle sees them. */
async function makeGrants(
  c: Clients,
  provider: GraphQLClient,
  code: string,
  fields: readonly FieldSpec[],
  spec: GrantSpec,
  purposes: string[],
  scopeValue: (v: string) => string,
  now: number,
): Promise<OracleGrant[]> {
  const consumer = spec.consumer === 'SELF' ? c.centerAdmin : c.civilAdmin;
  const consumerCode = spec.consumer === 'SELF' ? CENTER : CIVIL_AFFAIRS;
  const clientId = spec.consumer === 'SELF' ? spec.clientId : null;
  const { validFrom, validUntil } = validityOf(spec, now);
  const names = spec.purposes.map((i) => purposes[i]!);
  const asked = await must(consumer, REQUEST, { input: { resourceType: code, fields: spec.fields, purposes: names, justification: 'generated', validFrom, validUntil, clientId } }, 'requestAccess');
  const request = asked.requestAccess.accessRequest as { id: string; conditionalFields: string[]; grants: Array<{ id: string }> };
  const made: OracleGrant[] = [];
  const base = { consumerCode, clientId, purposes: names, validFrom, status: 'ACTIVE' as const, typeCode: code };
  const unconditional = spec.fields.filter((f) => fields.find((x) => x.name === f)!.sharing === 'UNCONDITIONAL');
  if (request.grants[0]) {
    made.push({ ...base, id: request.grants[0].id, validUntil, rules: unconditional.map((field) => ({ field, effect: 'ALLOW' as const })), rowScope: null });
    await changeLife(provider, made[0]!, spec.unconditionalLife);
  }
  const decided = request.conditionalFields.map((field) => ({ field, decision: spec.decisions[field]! })).filter((d) => d.decision.effect !== 'OMIT');
  if (request.conditionalFields.length === 0) return made;
  if (spec.answer === 'REJECT') {
    await must(provider, REJECT, { id: request.id }, 'rejectAccessRequest');
    return made;
  }
  if (spec.answer === 'PENDING' || decided.length === 0) return made;
  const approvedUntil = spec.isApprovalShortened ? new Date(now - 3600_000) : validUntil;
  const rowScope = spec.rowScope ? { field: spec.rowScope.field, values: spec.rowScope.values.map(scopeValue) } : null;
  const rules = decided.map(({ field, decision }) => (decision.effect === 'MASK' ? { field, effect: 'MASK' as const, mask: decision.mask } : { field, effect: 'ALLOW' as const }));
  const approved = await must(provider, APPROVE, { input: { requestId: request.id, fields: rules, rowScope, ...(spec.isApprovalShortened ? { validUntil: approvedUntil } : {}) } }, 'approveAccessRequest');
  const grant: OracleGrant = { ...base, id: approved.approveAccessRequest.grant.id, validUntil: approvedUntil, rules, rowScope };
  made.push(grant);
  await changeLife(provider, grant, spec.conditionalLife);
  return made;
}

async function changeLife(provider: GraphQLClient, grant: OracleGrant, life: GrantSpec['unconditionalLife']): Promise<void> {
  if (life === 'ACTIVE') return;
  await must(provider, SUSPEND, { id: grant.id }, 'suspendGrant');
  if (life === 'SUSPENDED') grant.status = 'SUSPENDED';
  else if (life === 'REINSTATED') await must(provider, REINSTATE, { id: grant.id }, 'reinstateGrant');
  else {
    await must(provider, REVOKE, { id: grant.id }, 'revokeGrant');
    grant.status = 'REVOKED';
  }
}

/** A condition's values: what a subject's record holds (so that it can hold or fail), or the literal. */
function conditionOf(spec: WorldSpec, c: NonNullable<WorldSpec['items'][number][number]['condition']>): Condition {
  const value = 'subject' in c.valueOf ? (spec.records[c.valueOf.subject]?.[c.field] ?? null) : c.valueOf.literal;
  const text = value === null ? '0' : String(value);
  return { field: c.field, operator: c.operator, values: c.operator === 'IN' ? [text, DISTRICTS[0]!] : [text] };
}

export async function buildWorld(t: TestHub, c: Clients, spec: WorldSpec): Promise<World> {
  const now = Date.now();
  const recordCode = uniqueCode('gen_record');
  const certificateCode = uniqueCode('gen_certificate');
  const identifierCode = uniqueIdentifierCode();
  const persons = testPersons(SUBJECTS + 2, 20_000 + spec.subjectSeed);
  const itemCodes = Array.from({ length: ITEMS }, () => uniqueCode('gen_item'));
  const purposes = [...Array.from({ length: PLAIN_PURPOSES }, (_, i) => `GEN-${String.fromCharCode(65 + i)}-${recordCode}`), ...itemCodes];

  const published = await publish(c.psbAdmin, {
    code: recordCode,
    nameZh: '生成的类型',
    nameEn: 'Generated type',
    subjectKind: 'PERSON',
    description: 'A resource type generated by the authorization property.',
    fields: spec.record.fields.map(catalogField),
  });
  const records = spec.records.flatMap((values, i) => (values ? [{ subjectId: persons[i]!.idNumber, fields: values }] : []));
  if (records.length) await must(c.psbSystem, UPSERT, { type: recordCode, records }, 'upsertRecords');

  const certificateType = await publishCertificateType(c.amrAdmin, {
    code: certificateCode,
    identifierCode,
    nameZh: '生成的证照',
    nameEn: 'Generated certificate',
    holderKind: 'PERSON',
    description: 'A certificate type generated by the authorization property.',
    defaultValidityDays: 365,
    fields: spec.certificate.fields.map(catalogField),
  });
  const identifiers = await Promise.all(
    spec.certificates.map(async (face, i) => {
      if (!face) return null;
      const p = persons[i]!;
      const input = { certificateType: certificateCode, holder: { idType: 'RESIDENT_ID', idNumber: p.idNumber, name: p.name }, face: withoutNulls(face) };
      const data = await must(c.amrSystem, ISSUE, { input, key: `${certificateCode}-${i}` }, 'issueCertificate');
      return data.issueCertificate.certificate.identifier as string;
    }),
  );

  const items = spec.items.map((materials, i) => ({
    code: itemCodes[i]!,
    materials: materials.map((m, k) => ({
      key: `m${k}`,
      source: m.source,
      fields: m.fields,
      condition: m.condition ? conditionOf(spec, m.condition) : null,
      isSatisfiedWhenAbsent: m.isSatisfiedWhenAbsent,
    })),
  }));
  for (const item of items) {
    await must(
      c.housingAdmin,
      PUBLISH_ITEM,
      {
        input: {
          code: item.code,
          name: '生成的事项',
          nameEn: 'Generated service item',
          materials: item.materials.map((m) => ({
            key: m.key,
            name: `材料 ${m.key}`,
            source: m.source,
            typeCode: m.source === 'RECORD' ? recordCode : certificateCode,
            ...(m.source === 'RECORD' ? { fields: m.fields } : {}),
            ...(m.condition ? { condition: m.condition } : {}),
            isSatisfiedWhenAbsent: m.isSatisfiedWhenAbsent,
            isConsentRequired: false,
          })),
        },
      },
      'publishServiceItem',
    );
  }

  const recordFields = spec.record.fields;
  const certificateFields: FieldSpec[] = [{ name: HOLDER_NAME, type: 'STRING', sharing: 'CONDITIONAL' }, { name: HOLDER_ID_NUMBER, type: 'STRING', sharing: 'CONDITIONAL' }, ...spec.certificate.fields];
  const grants: OracleGrant[] = [];
  for (const g of spec.grants) grants.push(...(await makeGrants(c, c.psbAdmin, recordCode, recordFields, g, purposes, (v) => v, now)));
  for (const d of spec.denials) grants.push(await storeDenial(t, recordCode, grantableFields(recordFields), d, purposes, now));
  const certificateGrants: OracleGrant[] = [];
  for (const g of spec.certificateGrants) {
    const scopeValue = (v: string) => (g.rowScope?.field === HOLDER_ID_NUMBER ? persons[Number(v)]!.idNumber : v);
    certificateGrants.push(...(await makeGrants(c, c.amrAdmin, certificateCode, certificateFields, g, purposes, scopeValue, now)));
  }
  return {
    spec,
    recordCode,
    recordTypeName: published.graphqlType,
    certificateCode,
    faceTypeName: certificateType.faceType,
    identifierCode,
    recordFields,
    certificateFields,
    persons,
    identifiers,
    purposes,
    items,
    grants,
    certificateGrants,
  };
}

/** A stored grant that DENYs one field to the service center (there is no mutation that makes one). */
async function storeDenial(t: TestHub, code: string, grantable: FieldSpec[], denial: WorldSpec['denials'][number], purposes: string[], now: number): Promise<OracleGrant> {
  const grant: OracleGrant = {
    id: randomUUID(),
    consumerCode: CENTER,
    clientId: null,
    purposes: denial.purposes.map((i) => purposes[i]!),
    validFrom: new Date(now - DAY),
    validUntil: new Date(now + 365 * DAY),
    status: 'ACTIVE',
    rules: [{ field: grantable[denial.field % grantable.length]!.name, effect: 'DENY' }],
    rowScope: null,
    typeCode: code,
  };
  const pool = (await t.db.orm.em.getConnection().getNativeClient()) as Pool;
  await pool.query(
    `INSERT INTO access_grant (id, version, consumer_code, client_id, resource_type_code, provider_code, rules, purposes, valid_from, valid_until, row_scope, status, changed_by, changed_at)
     VALUES ($1, 1, $2, NULL, $3, $4, $5, $6, $7, $8, NULL, 'ACTIVE', 'authzgen', now())`,
    [grant.id, CENTER, code, PSB, JSON.stringify(grant.rules), grant.purposes, grant.validFrom, grant.validUntil],
  );
  return grant;
}

function withoutNulls(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

/** An identifier of the world's certificate type that was never issued. */
export function missingIdentifier(world: World, n: number): string {
  return formatCertificateIdentifier({ identifierCode: world.identifierCode, issuerCode: AMR, serial: 9_000_000_000 + n, edition: 1 });
}

/** What a certificate holds, as the decision reads it: the holder's name and id number, then the face. */
export function certificateValues(world: World, subject: number): Values | null {
  const face = world.spec.certificates[subject];
  if (!face) return null;
  const p = world.persons[subject]!;
  return { [HOLDER_NAME]: p.name, [HOLDER_ID_NUMBER]: p.idNumber, ...face };
}
