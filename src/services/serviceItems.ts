// Service items and "once only" applications: every material of an item is resolved from shared data for the
// window (SATISFIED with its source) or named as still NEEDED and why; the answer is signed as a receipt.
import { recordChange } from '../audit/changes.js';
import canonicalize from 'canonicalize';
import { compactVerify, CompactSign, createLocalJWKSet } from 'jose';
import { Role } from '../../entities/Client.js';
import { Application, ServiceItem, ServiceItemVersion, type Material, type MaterialCondition } from '../../entities/ServiceItem.js';
import { DENIED, isUnscoped, planResource, type ResourcePlan } from '../authz/plan.js';
import { releaseValues, tallyReleases, type Released, type ReleaseTally } from '../authz/release.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';
import { qualifiedField } from '../catalog/naming.js';
import type { DefinitionProblem } from '../catalog/validate.js';
import { normalizeSubjectId, subjectIdProblem } from '../certs/identifiers.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import { applicableGrants, requestGrantsByType } from './grants.js';
import { recordLoader } from './records.js';

export const RECEIPT_KEY_OWNER = 'hub:receipts';
export const RECEIPT_TYP = 'sharehub-receipt+jws';
const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

export type NeededReason = 'NO_GRANT' | 'NO_RECORD' | 'CERTIFICATE_NOT_VALID' | 'CONDITION_NOT_MET' | 'SOURCE_UNAVAILABLE' | 'CONSENT_REQUIRED' | 'NO_CATALOG_ENTRY';

export interface MissingGrant {
  /** The access request that would remove this paper: resource or certificate type, fields, purpose. */
  typeCode: string;
  fields: string[];
  purpose: string;
  providerCode: string | null;
}

export interface MaterialResult {
  key: string;
  name: string;
  source: Material['source'];
  typeCode: string;
  outcome: 'SATISFIED' | 'NEEDED';
  reason: NeededReason | null;
  explanation: string;
  recordVersion: number | null;
  certificateIdentifier: string | null;
  /** The values the window's grants let it see (masked where the grant masks). */
  values: Record<string, unknown> | null;
  missingGrant: MissingGrant | null;
}

/** What a certificate material needs from the certificates module: the applicant's valid certificate of a type. */
export interface HeldCertificate {
  status: 'VALID' | 'NOT_VALID' | 'NONE' | 'NO_TYPE' | 'NO_GRANT';
  identifier?: string;
  face?: Record<string, unknown>;
  /** For VALID: the certificate as the enforcement point released it. */
  released?: Released;
  /** The plan the type was decided under (for the audit event); absent when there is no such type. */
  plan?: ResourcePlan;
  detail?: string;
  missingFields?: string[];
  providerCode?: string;
}
export type CertificateLookup = (ctx: RequestContext, typeCode: string, holderId: string, purpose: string) => Promise<HeldCertificate>;

/** Until certificate types exist, a certificate material has no catalog entry to be resolved from. */
export const NO_CERTIFICATES: CertificateLookup = async () => ({ status: 'NO_TYPE' });

function conditionHolds(condition: MaterialCondition, value: unknown): boolean {
  const text = value === null || value === undefined ? null : String(value);
  switch (condition.operator) {
    case 'EQUALS':
      return text !== null && text === condition.values[0];
    case 'NOT_EQUALS':
      return text !== condition.values[0];
    case 'IN':
      return text !== null && condition.values.includes(text);
    case 'AT_LEAST':
      return text !== null && Number(text) >= Number(condition.values[0]);
    case 'AT_MOST':
      return text !== null && Number(text) <= Number(condition.values[0]);
  }
}

function describeCondition(c: MaterialCondition): string {
  return `${c.field} ${c.operator.toLowerCase().replace('_', ' ')} ${c.values.join(', ')}`;
}

function neededOf(m: Material, reason: NeededReason, explanation: string, missingGrant: MissingGrant | null = null): MaterialResult {
  return { key: m.key, name: m.name, source: m.source, typeCode: m.typeCode, outcome: 'NEEDED', reason, explanation, recordVersion: null, certificateIdentifier: null, values: null, missingGrant };
}

/** A service item as an application reads it: its current version, nothing to change. */
export type ServiceItemData = Pick<ServiceItem, 'code' | 'name' | 'nameEn' | 'departmentCode' | 'version' | 'materials'>;

/** Read fresh every time (an admin may publish a new version), as a plain row: hydrating an entity cost more than the read. */
export async function findServiceItem(ctx: RequestContext, code: string): Promise<ServiceItemData> {
  const [row] = await ctx.em.execute<Array<{ code: string; name: string; name_en: string; department_code: string; version: number; materials: Material[] }>>(
    'SELECT code, name, name_en, department_code, version, materials FROM service_item WHERE code = ?',
    [code],
  );
  if (!row) throw new NotFoundError(`No service item ${code}.`);
  return { code: row.code, name: row.name, nameEn: row.name_en, departmentCode: row.department_code, version: row.version, materials: row.materials };
}

/**
 * Plans every RECORD material's resource type once, with the item code as purpose. The grants of the certificate
 * materials' types are loaded in the same query (one per item), so their lookups ask for none.
 */
async function planRecords(ctx: RequestContext, item: ServiceItemData): Promise<Map<string, ResourcePlan>> {
  const p = ctx.principal;
  const departmentCode = p.kind === 'CLIENT' ? p.department.code : null;
  const clientId = p.kind === 'CLIENT' ? p.clientId : null;
  const { catalog } = ctx.hub;
  const codes = [...new Set(item.materials.filter((m) => m.source === 'RECORD' && catalog.get(m.typeCode)).map((m) => m.typeCode))];
  const certificateCodes = item.materials.filter((m) => m.source === 'CERTIFICATE' && catalog.certificateType(m.typeCode)).map((m) => m.typeCode);
  const grants = await requestGrantsByType(ctx, departmentCode, [...codes, ...certificateCodes]);
  const plans = new Map<string, ResourcePlan>();
  for (const code of codes) {
    const selected = new Set(item.materials.filter((m) => m.typeCode === code).flatMap((m) => [...m.fields, ...(m.condition ? [m.condition.field] : [])]));
    plans.set(code, planResource({ departmentCode, clientId, purpose: item.code, entry: catalog.get(code)!, selected, grants: grants.get(code) ?? [] }));
  }
  return plans;
}

/** A material's answer, and what its audit event says was read. */
interface Resolved {
  result: MaterialResult;
  tally: ReleaseTally | null;
}

/** The fields a record material reads: its own, and its condition's (whose value is used, so must be readable in full). */
function materialFields(m: Material): string[] {
  return [...new Set([...m.fields, ...(m.condition ? [m.condition.field] : [])])];
}

/**
 * What a material's audit event says: of the material's own fields (a condition's field is used, not returned),
 * those returned or masked when the material is SATISFIED, and those withheld or given by no grant.
 */
function materialTally(plan: ResourcePlan, typeCode: string, fields: readonly string[], released: Released | null, isReturned: boolean): ReleaseTally {
  const tally = tallyReleases(plan, typeCode, released ? [released] : [], fields);
  return isReturned ? tally : { ...tally, returned: [], masked: [] };
}

function noGrant(item: ServiceItemData, m: Material, entry: CatalogEntry, plan: ResourcePlan, fields: string[], why: string, released: Released | null = null): Resolved {
  return {
    result: neededOf(m, 'NO_GRANT', `${why} ${fields.map((f) => qualifiedField(entry.code, f)).join(', ')} for ${item.code}.`, {
      typeCode: entry.code,
      fields,
      purpose: item.code,
      providerCode: entry.providerCode,
    }),
    tally: materialTally(plan, entry.code, m.fields, released, false),
  };
}

/**
 * A record material through the enforcement point. A condition is evaluated only on a value the window could read in
 * the clear; an out-of-scope record is answered as no record; an absence is certified only by unscoped grants.
 */
async function resolveRecord(ctx: RequestContext, item: ServiceItemData, m: Material, entry: CatalogEntry, plan: ResourcePlan, applicantId: string): Promise<Resolved> {
  const needed = materialFields(m);
  const decisionOf = (f: string) => plan.fields.get(f) ?? DENIED;
  // A condition uses its field's value, so it needs that value in the clear; the material's fields may be masked.
  const unreadable = needed.filter((f) => decisionOf(f).effect === 'DENY' || (f === m.condition?.field && decisionOf(f).effect !== 'ALLOW'));
  if (unreadable.length) return noGrant(item, m, entry, plan, unreadable, 'No grant lets this window read (a condition: in the clear)');
  let row;
  try {
    row = await recordLoader(ctx, entry, plan, `application:${item.code}`).load(applicantId);
  } catch {
    return { result: neededOf(m, 'SOURCE_UNAVAILABLE', `The provider's source for ${entry.code} is unavailable now.`), tally: materialTally(plan, entry.code, m.fields, null, false) };
  }
  const released = row ? releaseValues(plan, entry.fields, row.data, ctx.maskingKey()) : null;
  if (!row || !released?.isVisible) {
    const absent = materialTally(plan, entry.code, m.fields, null, false);
    if (!m.isSatisfiedWhenAbsent) return { result: neededOf(m, 'NO_RECORD', `The provider holds no ${entry.nameEn} record for the applicant.`), tally: absent };
    // Only a grant that covers every subject can tell "no record" from "a record out of scope".
    if (!m.fields.some((f) => isUnscoped(plan, f))) {
      return noGrant(item, m, entry, plan, m.fields, 'An absence is certified only by a grant covering every subject; the grants are limited to some subjects for');
    }
    return { result: { ...neededOf(m, 'NO_RECORD', ''), outcome: 'SATISFIED', reason: null, explanation: `No ${entry.nameEn} record: the condition holds by its absence.` }, tally: absent };
  }
  const withheld = needed.filter((f) => released.withheld.has(f) || (f === m.condition?.field && !(f in released.clear)));
  if (withheld.length) return noGrant(item, m, entry, plan, withheld, "No grant covering the applicant's record lets this window read (a condition: in the clear)", released);
  if (m.condition) {
    if (!conditionHolds(m.condition, released.clear[m.condition.field])) {
      return {
        result: { ...neededOf(m, 'CONDITION_NOT_MET', `The record does not meet the condition ${describeCondition(m.condition)}.`), recordVersion: row.version },
        tally: materialTally(plan, entry.code, m.fields, released, false),
      };
    }
  }
  const values = Object.fromEntries(m.fields.map((f) => [f, released.values[f] ?? null]));
  return {
    result: { key: m.key, name: m.name, source: m.source, typeCode: m.typeCode, outcome: 'SATISFIED', reason: null, explanation: `From ${entry.nameEn} record version ${row.version}.`, recordVersion: row.version, certificateIdentifier: null, values, missingGrant: null },
    tally: materialTally(plan, entry.code, m.fields, released, true),
  };
}

async function resolveCertificate(ctx: RequestContext, item: ServiceItemData, m: Material, applicantId: string, lookup: CertificateLookup): Promise<Resolved> {
  const held = await lookup(ctx, m.typeCode, applicantId, item.code);
  // Nothing returned: the face fields no grant gives are named, as for any read.
  const result = (r: MaterialResult): Resolved => ({ result: r, tally: held.plan ? materialTally(held.plan, m.typeCode, [...held.plan.selected], null, false) : null });
  switch (held.status) {
    case 'NO_TYPE':
      return result(neededOf(m, 'NO_CATALOG_ENTRY', `No certificate type ${m.typeCode} is issued through the hub.`));
    case 'NO_GRANT':
      return result(
        neededOf(m, 'NO_GRANT', `No grant lets this window verify ${m.typeCode} certificates for ${item.code}.`, {
          typeCode: m.typeCode,
          fields: held.missingFields ?? [],
          purpose: item.code,
          providerCode: held.providerCode ?? null,
        }),
      );
    case 'NONE':
      return result(neededOf(m, 'NO_RECORD', `The applicant holds no ${m.typeCode} certificate.`));
    case 'NOT_VALID':
      return result({ ...neededOf(m, 'CERTIFICATE_NOT_VALID', `The applicant's ${m.typeCode} certificate is not valid (${held.detail ?? 'not VALID'}).`), certificateIdentifier: held.identifier ?? null });
    case 'VALID':
      return {
        result: { key: m.key, name: m.name, source: m.source, typeCode: m.typeCode, outcome: 'SATISFIED', reason: null, explanation: `Certificate ${held.identifier} is VALID.`, recordVersion: null, certificateIdentifier: held.identifier ?? null, values: held.face ?? null, missingGrant: null },
        // The face fields are what the material returns: each as the enforcement point released it.
        tally: held.plan ? materialTally(held.plan, m.typeCode, [...held.plan.selected], held.released ?? null, true) : null,
      };
  }
}

export interface PreparedApplication {
  serviceItem: ServiceItemData;
  caseNumber: string;
  materials: MaterialResult[];
  receipt: string;
  preparedAt: Date;
}

async function signReceipt(ctx: RequestContext, payload: Record<string, unknown>): Promise<string> {
  const key = await ctx.hub.keys.activeKey(RECEIPT_KEY_OWNER);
  return new CompactSign(new TextEncoder().encode(canonicalize(payload)!)).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: RECEIPT_TYP }).sign(key.privateKey);
}

function caseConflict(caseNumber: string): ConflictError {
  return new ConflictError(`Case ${caseNumber} belongs to another application.`);
}

export async function prepareApplication(ctx: RequestContext, serviceItemCode: string, applicantId: string, caseNumber: string, certificates: CertificateLookup): Promise<PreparedApplication> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !(p.roles.includes(Role.WINDOW_CLERK) || p.roles.includes(Role.SYSTEM))) {
    throw new ForbiddenError('Applications are prepared by service windows and department systems.');
  }
  const applicant = normalizeSubjectId(applicantId);
  const problem = subjectIdProblem(applicant);
  if (problem) throw new BadUserInputError(`applicantId is ${problem}.`);
  const kase = caseNumber.trim();
  if (!CASE_NUMBER.test(kase)) throw new BadUserInputError('caseNumber is required: letters, digits and . _ : / -, at most 100 characters.');
  // The case is read with the item, without a lock: the one write at the end checks the case's owner again.
  const [item, [existing]] = await Promise.all([
    findServiceItem(ctx, serviceItemCode),
    ctx.em.execute<Array<{ applicant_hash: string; service_item_code: string; prepared_by_department: string; consent_given_at: Date | null }>>(
      'SELECT applicant_hash, service_item_code, prepared_by_department, consent_given_at FROM application WHERE case_number = ?',
      [kase],
    ),
  ]);
  const applicantHash = ctx.hub.hashSubject(applicant);
  // A case is (applicant, item, preparing department): another department neither reads under its consent nor overwrites it.
  if (existing && (existing.applicant_hash !== applicantHash || existing.service_item_code !== item.code || existing.prepared_by_department !== p.department.code)) {
    throw caseConflict(kase);
  }

  const plans = await planRecords(ctx, item);
  // Materials are independent: resolved together, their reads overlap (still one SELECT per type, through the loaders).
  const resolved = await Promise.all(
    item.materials.map(async (m): Promise<Resolved> => {
      if (m.isConsentRequired && !existing?.consent_given_at) {
        return { result: neededOf(m, 'CONSENT_REQUIRED', 'The applicant has not yet approved this use (giveConsent with a holder token).'), tally: null };
      }
      if (m.source === 'CERTIFICATE') return resolveCertificate(ctx, item, m, applicant, certificates);
      const entry = ctx.hub.catalog.get(m.typeCode);
      const plan = plans.get(m.typeCode);
      return entry && plan ? resolveRecord(ctx, item, m, entry, plan, applicant) : { result: neededOf(m, 'NO_CATALOG_ENTRY', `No resource type ${m.typeCode} in the catalog.`), tally: null };
    }),
  );
  const materials = resolved.map((r) => r.result);
  const materialEvents = item.materials.map((m, i) => {
    const { result, tally } = resolved[i]!;
    return {
      action: 'application.material',
      purpose: item.code,
      caseNumber: kase,
      resourceTypes: [m.typeCode],
      subjectHashes: [applicantHash],
      outcome: result.outcome === 'SATISFIED' ? ('SUCCESS' as never) : ('PARTIAL' as never),
      fieldsReturned: tally?.returned ?? [],
      fieldsMasked: tally?.masked ?? [],
      fieldsDenied: tally?.denied ?? [],
      details: {
        serviceItem: `${item.code}@${item.version}`,
        material: m.key,
        outcome: result.outcome,
        reason: result.reason,
        recordVersion: result.recordVersion,
        certificate: result.certificateIdentifier,
        ...(tally && Object.keys(tally.grants).length ? { grants: tally.grants } : {}),
      },
    };
  });
  const receipt = await signReceipt(ctx, {
    serviceItem: { code: item.code, version: item.version },
    applicant: applicantHash,
    caseNumber: kase,
    materials: materials.map((r) => ({ key: r.key, outcome: r.outcome, reason: r.reason, recordVersion: r.recordVersion, certificateIdentifier: r.certificateIdentifier, typeCode: r.typeCode })),
    preparedBy: p.department.code,
    at: ctx.now.toISOString(),
  });
  // One statement for the case: a new case is inserted with its receipt, the same case prepared again gets the new
  // receipt (its consent kept), and a case of another applicant or item (also one written meanwhile) is left alone.
  // The materials' events commit with it.
  await ctx.em.transactional(async (em) => {
    const written = await em.execute<Array<{ case_number: string }>>(
      `INSERT INTO application (case_number, service_item_code, applicant_hash, prepared_by_department, prepared_at, consent_given_at, receipt)
       VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (case_number) DO UPDATE SET receipt = excluded.receipt
         WHERE application.applicant_hash = excluded.applicant_hash AND application.service_item_code = excluded.service_item_code
           AND application.prepared_by_department = excluded.prepared_by_department
       RETURNING case_number`,
      [kase, item.code, applicantHash, p.department.code, ctx.now, receipt],
    );
    if (written.length === 0) throw caseConflict(kase);
    await recordChange(ctx, em, ...materialEvents);
  });
  return { serviceItem: item, caseNumber: kase, materials, receipt, preparedAt: ctx.now };
}

export interface ReceiptCheck {
  isValid: boolean;
  problem: string | null;
  payload: Record<string, unknown> | null;
}

/** Checks a receipt's signature against the hub's published receipt keys. */
export async function verifyReceipt(ctx: RequestContext, receipt: string): Promise<ReceiptCheck> {
  const keys = await ctx.hub.keys.publicKeysOf(RECEIPT_KEY_OWNER);
  try {
    const { payload, protectedHeader } = await compactVerify(receipt.trim(), createLocalJWKSet({ keys: keys as never }), { algorithms: ['ES256'] });
    if (protectedHeader.typ !== RECEIPT_TYP) return { isValid: false, problem: 'not a sharehub receipt', payload: null };
    return { isValid: true, problem: null, payload: JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown> };
  } catch {
    return { isValid: false, problem: 'the signature does not verify with the published receipt keys (tampered or foreign)', payload: null };
  }
}

/** A holder approves the use of their data for a case prepared for them. */
export async function giveConsent(ctx: RequestContext, caseNumber: string): Promise<Application> {
  const p = ctx.principal;
  if (p.kind !== 'HOLDER') throw new ForbiddenError('Consent is given by the applicant, signed in as a holder.');
  const row = await ctx.em.transactional(async (em) => {
    const app = await em.findOne(Application, { caseNumber: caseNumber.trim() });
    if (!app || app.applicantHash !== ctx.hub.hashSubject(p.subjectId)) throw new NotFoundError(`No application ${caseNumber} for you.`);
    app.consentGivenAt ??= ctx.now;
    await em.flush();
    await recordChange(ctx, em, { action: 'application.consent', caseNumber: app.caseNumber, subjectHashes: [app.applicantHash], details: { serviceItem: app.serviceItemCode } });
    return app;
  });
  return row;
}

// ---- managing service items ----

export interface PublishServiceItemInput {
  code: string;
  name: string;
  nameEn: string;
  materials: Material[];
}

/**
 * Problems with a service item's definition, each on the input field it concerns (as for catalog entries, so that a
 * form can show it there): the code, and materials that must point at catalog entries and fields that exist.
 */
function serviceItemProblems(ctx: RequestContext, input: PublishServiceItemInput, certificateTypes: ReadonlySet<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(input.code)) add('code', 'must be snake_case');
  const keys = new Set<string>();
  input.materials.forEach((m, i) => {
    const at = `materials[${i}]`;
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(m.key)) add(`${at}.key`, 'must be snake_case');
    else if (keys.has(m.key)) add(`${at}.key`, `${m.key} repeats`);
    keys.add(m.key);
    if (m.source === 'CERTIFICATE') {
      if (!certificateTypes.has(m.typeCode)) add(`${at}.typeCode`, `no certificate type ${m.typeCode}`);
      return;
    }
    const entry = ctx.hub.catalog.get(m.typeCode);
    if (!entry) return void add(`${at}.typeCode`, `no resource type ${m.typeCode}`);
    const names = new Set(entry.fields.map((f) => f.name));
    for (const f of m.fields) if (!names.has(f)) add(`${at}.fields`, `${entry.code} has no field ${f}`);
    if (m.condition && !names.has(m.condition.field)) add(`${at}.condition.field`, `${entry.code} has no field ${m.condition.field}`);
    if (m.fields.length === 0) add(`${at}.fields`, 'name at least one field');
  });
  if (input.materials.length === 0) add('materials', 'at least one');
  return problems;
}

export async function publishServiceItem(ctx: RequestContext, input: PublishServiceItemInput, certificateTypes: ReadonlySet<string>): Promise<ServiceItem> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError("Service items are managed by the handling department's data administrator.");
  const problems = serviceItemProblems(ctx, input, certificateTypes);
  if (problems.length) {
    throw new BadUserInputError(`${problems[0]!.field} ${problems[0]!.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, { problems });
  }
  const item = await ctx.em.transactional(async (em) => {
    const existing = await em.findOne(ServiceItem, { code: input.code });
    if (existing && existing.departmentCode !== p.department.code) throw new ForbiddenError(`${input.code} is handled by another department.`);
    const row = existing ?? em.create(ServiceItem, { code: input.code, name: input.name, nameEn: input.nameEn, departmentCode: p.department.code, materials: input.materials, version: 0, changedBy: p.clientId, changedAt: ctx.now });
    Object.assign(row, { name: input.name, nameEn: input.nameEn, materials: input.materials, version: (existing?.version ?? 0) + 1, changedBy: p.clientId, changedAt: ctx.now });
    em.create(ServiceItemVersion, { serviceItemCode: row.code, version: row.version, definition: { ...input }, changedBy: p.clientId, changedAt: ctx.now });
    await em.flush();
    await recordChange(ctx, em, { action: 'service_item.publish', details: { serviceItem: row.code, version: row.version } });
    return row;
  });
  return item;
}

// ---- the once-only coverage report ----

export interface ItemCoverage {
  item: ServiceItem;
  resolvable: number;
  total: number;
  needing: Array<{ key: string; name: string; reason: 'NO_GRANT' | 'NO_CATALOG_ENTRY' | 'SOURCE_DOWN'; missingFields: string[] }>;
}

/**
 * For every service item, how many materials `departmentCode` could resolve from shared data right now:
 * the catalog entry exists, its source is up, and an active grant for the item's purpose covers the fields.
 */
export interface CoverageInput {
  em: EntityManager;
  catalog: Catalog;
  now: Date;
  certificateTypes: ReadonlySet<string>;
  isSourceDown: (typeCode: string) => boolean;
}

export async function serviceItemCoverage(input: CoverageInput, departmentCode: string): Promise<ItemCoverage[]> {
  const { em, catalog, certificateTypes, isSourceDown } = input;
  const items = await em.find(ServiceItem, {}, { orderBy: { code: 'asc' } });
  const codes = [...new Set(items.flatMap((i) => i.materials.map((m) => m.typeCode)))];
  const grants = await applicableGrants(em, departmentCode, codes, input.now);
  return items.map((item) => {
    const needing: ItemCoverage['needing'] = [];
    for (const m of item.materials) {
      const entry = m.source === 'RECORD' ? catalog.get(m.typeCode) : undefined;
      if (m.source === 'RECORD' ? !entry : !certificateTypes.has(m.typeCode)) {
        needing.push({ key: m.key, name: m.name, reason: 'NO_CATALOG_ENTRY', missingFields: [] });
        continue;
      }
      if (isSourceDown(m.typeCode)) {
        needing.push({ key: m.key, name: m.name, reason: 'SOURCE_DOWN', missingFields: [] });
        continue;
      }
      const forItem = (grants.get(m.typeCode) ?? []).filter((g) => g.purposes.includes(item.code) && g.clientId === null);
      const fields = m.source === 'RECORD' ? [...new Set([...m.fields, ...(m.condition ? [m.condition.field] : [])])] : [];
      let missing: string[];
      if (m.source === 'RECORD') {
        const plan = planResource({ departmentCode, clientId: null, purpose: item.code, entry: entry!, selected: new Set(fields), grants: forItem });
        missing = fields.filter((f) => plan.fields.get(f)?.effect === 'DENY');
      } else {
        missing = forItem.length ? [] : ['(verification)'];
      }
      if (missing.length) needing.push({ key: m.key, name: m.name, reason: 'NO_GRANT', missingFields: missing });
    }
    return { item, resolvable: item.materials.length - needing.length, total: item.materials.length, needing };
  });
}
