// One generated operation over HTTP: the GraphQL document it sends, what the oracle says the answer and its audit event
// may hold, and every difference between the two, in words.
import { isDeepStrictEqual } from 'node:util';
import type { Pool } from 'pg';
import { listQueryNameOf, singleQueryNameOf } from '../../src/catalog/naming.js';
import type { GraphQLClient, GraphQLResponse } from '../support/client.js';
import { CENTER, CIVIL_AFFAIRS, certificateValues, missingIdentifier, type World } from './build.js';
import {
  applicableGrants,
  decideField,
  defaultIdNumberMask,
  defaultNameMask,
  emptyAudit,
  expectRecordMaterial,
  isGivenAtAll,
  isTypeGiven,
  isVisible,
  maskingKeyOf,
  shownValue,
  type AuditFields,
  type Decision,
  type OracleGrant,
  type OracleReader,
} from './oracle.js';
import { HOLDER_ID_NUMBER, HOLDER_NAME, PURPOSES, SUBJECTS, type FieldSpec, type Operation, type Reader, type Selection, type Value, type Values } from './world.js';

export interface Mismatch {
  /** What kind of promise broke: the failing property. */
  property: string;
  detail: string;
}

export interface OperationReport {
  operation: Operation;
  document: string;
  variables: Record<string, unknown>;
  reader: string;
  purpose: string;
  grants: OracleGrant[];
  mismatches: Mismatch[];
}

/** How often each case of the rules was exercised, so that a vacuous run is noticed. */
export type Coverage = Record<string, number>;

export interface Runner {
  world: World;
  clients: Record<string, GraphQLClient>;
  pool: Pool;
  maskingSecret: string;
  coverage: Coverage;
  requestCounter: { n: number };
  /** A client signed in as the holder with this id number. */
  holder(idNumber: string): Promise<GraphQLClient>;
  /** Holders' Verifiable Credentials already downloaded, by certificate identifier. */
  credentials: Map<string, string>;
}

/** The holder's Verifiable Credential of the world's certificate of `subject`, as the holder downloads it. */
async function credentialOf(r: Runner, subject: number): Promise<string> {
  const identifier = r.world.identifiers[subject]!;
  let credential = r.credentials.get(identifier);
  if (!credential) {
    const res = await (await r.holder(r.world.persons[subject]!.idNumber)).query(`query C($id: String!) { certificate(identifier: $id) { credential } }`, { id: identifier });
    credential = res.data?.certificate?.credential as string | undefined;
    if (!credential) throw new Error(`the holder of ${identifier} got no credential: ${JSON.stringify(res.errors)}`);
    r.credentials.set(identifier, credential);
  }
  return credential;
}

function count(coverage: Coverage, key: string): void {
  coverage[key] = (coverage[key] ?? 0) + 1;
}

const READERS: Record<Exclude<Reader, 'PROVIDER'>, { clientId: string; departmentCode: string }> = {
  'window-clerk': { clientId: 'window-clerk', departmentCode: CENTER },
  'service-center-admin': { clientId: 'service-center-admin', departmentCode: CENTER },
  'civil-affairs-admin': { clientId: 'civil-affairs-admin', departmentCode: CIVIL_AFFAIRS },
};

function subjectId(world: World, subject: number): string {
  return world.persons[subject]!.idNumber;
}

function storedRecord(world: World, subject: number): Values | null {
  return subject < SUBJECTS ? (world.spec.records[subject] ?? null) : null;
}

/** The selection's GraphQL text and, per output key, the field it reads. */
function selectionText(selection: Selection, typeName: string, fragmentName: string): { text: string; fragment: string | null; keys: Array<[string, string]> } {
  const keys: Array<[string, string]> = [];
  const seen = new Set<string>();
  const items = selection.fields.flatMap((field, i) => {
    const key = selection.style === 'PLAIN' ? field : `${selection.style === 'ALIASES' ? 'a' : selection.style === 'FRAGMENT' ? 'x' : 'i'}${i}_${field}`;
    if (seen.has(key)) return [];
    seen.add(key);
    keys.push([key, field]);
    return [key === field ? field : `${key}: ${field}`];
  });
  switch (selection.style) {
    case 'PLAIN':
    case 'ALIASES':
      return { text: items.join(' '), fragment: null, keys };
    case 'FRAGMENT':
      return { text: `...${fragmentName}`, fragment: `fragment ${fragmentName} on ${typeName} { ${items.join(' ')} }`, keys };
    case 'INLINE':
      return { text: `... on ${typeName} { ${items.join(' ')} }`, fragment: null, keys };
  }
}

function errorKeys(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => `${(e.path ?? []).join('.')} ${e.extensions?.code ?? '(no code)'}`).sort();
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

interface AuditRow {
  action: string;
  fields_returned: string[];
  fields_masked: string[];
  fields_denied: string[];
  subject_hashes: string[];
  details: Record<string, unknown> | null;
}

async function auditOf(pool: Pool, requestId: string): Promise<AuditRow[]> {
  return (await pool.query<AuditRow>('SELECT action, fields_returned, fields_masked, fields_denied, subject_hashes, details FROM audit_event WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
}

function compareAudit(mismatches: Mismatch[], path: string, event: AuditRow | undefined, expected: AuditFields, where = path): void {
  if (!event) {
    mismatches.push({ property: `${path}: the read has an audit event`, detail: `${where}: no audit event with the request id` });
    return;
  }
  for (const [name, column, want] of [
    ['fieldsReturned', event.fields_returned, expected.returned],
    ['fieldsMasked', event.fields_masked, expected.masked],
    ['fieldsDenied', event.fields_denied, expected.denied],
  ] as const) {
    const got = [...new Set(column)].sort();
    const exp = [...want].sort();
    if (!isDeepStrictEqual(got, exp)) mismatches.push({ property: `${path}: audit ${name} is the oracle's`, detail: `${where}: expected ${show(exp)}, the event says ${show(got)}` });
  }
}

function noteDecision(audit: AuditFields, q: string, d: Decision): void {
  (d.kind === 'CLEAR' ? audit.returned : d.kind === 'MASKED' ? audit.masked : audit.denied).add(q);
}

function countDecision(coverage: Coverage, prefix: string, d: Decision, field?: FieldSpec, applicable: readonly OracleGrant[] = []): void {
  count(coverage, `${prefix}.${d.kind}`);
  if (d.kind === 'MASKED') count(coverage, `${prefix}.MASKED.${d.mask.strategy}`);
  if (d.kind === 'WITHHELD' && field) {
    const gives = applicable.filter((g) => g.rules.some((r) => r.field === field.name));
    const why = field.sharing === 'NOT_SHARED' ? 'NOT_SHARED' : gives.some((g) => g.rules.some((r) => r.field === field.name && r.effect === 'DENY')) ? 'DENY' : gives.length ? 'NOT_COVERED' : 'NO_GRANT';
    count(coverage, `${prefix}.WITHHELD.${why}`);
  }
}

function compareValue(mismatches: Mismatch[], path: string, d: Decision, expected: Value | undefined, actual: unknown): void {
  if (d.kind === 'WITHHELD') {
    if (actual !== null) mismatches.push({ property: 'a withheld field leaves as null', detail: `${path}: withheld, but the answer holds ${show(actual)}` });
    return;
  }
  if (!isDeepStrictEqual(actual, expected)) {
    const property = d.kind === 'MASKED' ? 'a masked field leaves exactly the oracle’s mask' : 'a field in the clear leaves its stored value';
    mismatches.push({ property, detail: `${path}: ${d.kind}${d.kind === 'MASKED' ? ` (${show(d.mask)})` : ''} expected ${show(expected)}, got ${show(actual)}` });
  }
}

function readerOf(world: World, reader: Reader, purposeIndex: number, isCertificate: boolean): OracleReader & { client: string } {
  const purpose = purposeIndex < PURPOSES ? world.purposes[purposeIndex]! : 'GEN-NO-GRANT-NAMES-THIS';
  if (reader === 'PROVIDER') {
    return { client: isCertificate ? 'amr-system' : 'psb-system', clientId: isCertificate ? 'amr-system' : 'psb-system', departmentCode: '', purpose, now: new Date(), isProvider: true };
  }
  return { client: reader, ...READERS[reader], purpose, now: new Date(), isProvider: false };
}

async function send(r: Runner, client: string, headers: Record<string, string>, document: string, variables: Record<string, unknown>): Promise<{ res: GraphQLResponse; requestId: string }> {
  r.requestCounter.n += 1;
  const requestId = `authzgen-${process.pid}-${Date.now().toString(36)}-${r.requestCounter.n}`;
  const res = await r.clients[client]!.with({ ...headers, 'x-request-id': requestId }).query(document, variables);
  return { res, requestId };
}

/** Why the grants of the reader's department for the purpose that do not count do not count (coverage only). */
function countIgnoredGrants(coverage: Coverage, grants: readonly OracleGrant[], reader: OracleReader): void {
  if (reader.isProvider) return;
  for (const g of grants) {
    if (!g.purposes.includes(reader.purpose)) continue;
    if (g.consumerCode !== reader.departmentCode) count(coverage, 'grant.IGNORED.OTHER_DEPARTMENT');
    else if (g.status !== 'ACTIVE') count(coverage, `grant.IGNORED.${g.status}`);
    else if (g.validUntil.getTime() <= reader.now.getTime()) count(coverage, 'grant.IGNORED.EXPIRED');
    else if (g.validFrom.getTime() > reader.now.getTime()) count(coverage, 'grant.IGNORED.NOT_YET_VALID');
    else if (g.clientId !== null && g.clientId !== reader.clientId) count(coverage, 'grant.IGNORED.OTHER_CLIENT');
    else count(coverage, g.clientId === null ? 'grant.APPLIES.DEPARTMENT' : 'grant.APPLIES.CLIENT');
  }
}

// ---- records ----

async function runRecords(r: Runner, op: Extract<Operation, { kind: 'RECORD' | 'RECORDS' }>): Promise<OperationReport> {
  const { world, coverage } = r;
  const reader = readerOf(world, op.reader, op.purpose, false);
  const applicable = applicableGrants(world.grants, reader);
  countIgnoredGrants(coverage, world.grants, reader);
  const hashKey = maskingKeyOf(r.maskingSecret, reader.departmentCode);
  const fields = world.recordFields;
  const fieldOf = (name: string) => fields.find((f) => f.name === name)!;
  const isGiven = isTypeGiven(fields, applicable, reader.isProvider);
  const roots = op.kind === 'RECORD' ? op.roots.map((root, i) => ({ key: `r${i}`, subjects: [root.subject], selection: root.selection, isList: false })) : [{ key: 'list', subjects: op.subjects, selection: op.selection, isList: true }];
  const variables: Record<string, unknown> = {};
  const fragments: string[] = [];
  const texts = roots.map((root, i) => {
    const sel = selectionText(root.selection, world.recordTypeName, `Parts${i}`);
    if (sel.fragment) fragments.push(sel.fragment);
    if (root.isList) {
      variables[`ids${i}`] = root.subjects.map((s) => subjectId(world, s));
      return { root, sel, text: `${root.key}: ${listQueryNameOf(world.recordCode)}(subjectIds: $ids${i}) { subjectId ${sel.text} }`, decl: `$ids${i}: [ID!]!` };
    }
    variables[`s${i}`] = subjectId(world, root.subjects[0]!);
    return { root, sel, text: `${root.key}: ${singleQueryNameOf(world.recordCode)}(subjectId: $s${i}) { subjectId ${sel.text} }`, decl: `$s${i}: ID!` };
  });
  const document = `query Generated(${texts.map((t) => t.decl).join(', ')}) { ${texts.map((t) => t.text).join(' ')} } ${fragments.join(' ')}`;
  const { res, requestId } = await send(r, reader.client, { 'x-sharehub-purpose': reader.purpose }, document, variables);

  const mismatches: Mismatch[] = [];
  const audit = emptyAudit();
  const expectedErrors: string[] = [];
  let outOfScope = 0;
  const asked = new Set<string>();
  for (const { root, sel } of texts) {
    for (const [, field] of sel.keys) if (!isGivenAtAll(fieldOf(field), applicable, reader.isProvider)) audit.denied.add(`${world.recordCode}.${field}`);
    for (const s of root.subjects) asked.add(subjectId(world, s));
    const actualRoot = res.data?.[root.key] as unknown;
    if (!isGiven) {
      count(coverage, 'record.FORBIDDEN_TYPE');
      expectedErrors.push(`${root.key} FORBIDDEN`);
      if (actualRoot !== null && actualRoot !== undefined) mismatches.push({ property: 'a type no grant gives is refused', detail: `${root.key}: expected null (FORBIDDEN), got ${show(actualRoot)}` });
      continue;
    }
    const list = root.isList ? (Array.isArray(actualRoot) ? (actualRoot as unknown[]) : null) : [actualRoot];
    if (root.isList && (!list || list.length !== root.subjects.length)) {
      mismatches.push({ property: 'a list answers every subject in the order asked', detail: `${root.key}: expected ${root.subjects.length} entries, got ${show(actualRoot)}` });
      continue;
    }
    root.subjects.forEach((s, index) => {
      const path = root.isList ? `${root.key}.${index}` : root.key;
      const stored = storedRecord(world, s);
      const actual = list![index] as Record<string, unknown> | null | undefined;
      const visible = stored !== null && isVisible(fields, stored, applicable, reader.isProvider);
      if (!visible) {
        count(coverage, stored === null ? 'record.ABSENT' : 'record.OUT_OF_SCOPE');
        if (stored !== null) outOfScope += 1;
        if (actual !== null) {
          mismatches.push({
            property: stored === null ? 'a subject without a record is answered null' : 'an out-of-scope record is answered exactly like no record (null)',
            detail: `${path}: expected null, got ${show(actual)}`,
          });
        }
        return;
      }
      count(coverage, 'record.VISIBLE');
      if (!actual) {
        mismatches.push({ property: 'a visible record is answered', detail: `${path}: expected the record, got ${show(actual)}` });
        return;
      }
      if (actual.subjectId !== subjectId(world, s)) mismatches.push({ property: 'a visible record is answered', detail: `${path}.subjectId: got ${show(actual.subjectId)}` });
      for (const [key, field] of sel.keys) {
        const d = decideField(fieldOf(field), stored, applicable, reader.isProvider);
        countDecision(coverage, 'record', d, fieldOf(field), applicable);
        noteDecision(audit, `${world.recordCode}.${field}`, d);
        if (d.kind === 'WITHHELD') expectedErrors.push(`${path}.${key} FIELD_FORBIDDEN`);
        compareValue(mismatches, `${path}.${key}`, d, shownValue(d, stored[field] ?? null, hashKey), actual[key]);
      }
    });
  }
  const gotErrors = errorKeys(res);
  if (!isDeepStrictEqual(gotErrors, expectedErrors.sort())) {
    mismatches.push({ property: 'the errors are exactly the oracle’s (FIELD_FORBIDDEN per withheld field; nothing that tells out of scope from absent)', detail: `expected ${show(expectedErrors)}, got ${show(gotErrors)}` });
  }
  const [event] = (await auditOf(r.pool, requestId)).filter((e) => e.action === 'graphql.query');
  compareAudit(mismatches, 'records', event, audit);
  if (event && event.subject_hashes.length !== asked.size) {
    mismatches.push({ property: 'records: audit names every subject asked about', detail: `${asked.size} subjects asked, the event has ${event.subject_hashes.length} subject hashes` });
  }
  if (event && outOfScope > 0 && !event.details?.outOfScope) {
    mismatches.push({ property: 'records: the audit event says which subjects were out of scope (details.outOfScope)', detail: `${outOfScope} out-of-scope record(s); details: ${show(event.details)}` });
  }
  return { operation: op, document, variables, reader: reader.client, purpose: reader.purpose, grants: applicable, mismatches };
}

// ---- certificate verification ----

async function runVerify(r: Runner, op: Extract<Operation, { kind: 'VERIFY' }>): Promise<OperationReport> {
  const { world, coverage } = r;
  const reader = readerOf(world, op.reader, op.purpose, true);
  const applicable = applicableGrants(world.certificateGrants, reader);
  const hashKey = maskingKeyOf(r.maskingSecret, reader.departmentCode);
  const fields = world.certificateFields;
  const fieldOf = (name: string) => fields.find((f) => f.name === name)!;
  const targets = op.certificates.map((c, i) => {
    const subject = 'subject' in c && world.identifiers[c.subject] ? c.subject : null;
    return { subject, identifier: subject !== null ? world.identifiers[subject]! : missingIdentifier(world, 'missing' in c ? c.missing : 1000 + i) };
  });
  const sel = selectionText(op.selection, world.faceTypeName, 'Face');
  const faceText = op.selection.style === 'PLAIN' || op.selection.style === 'ALIASES' ? `... on ${world.faceTypeName} { ${sel.text} }` : sel.text;
  const holderText = op.holder.length ? `holder { isNameMasked isIdNumberMasked ${op.holder.join(' ')} }` : '';
  const body = `{ identifier authentic status ${holderText} face { certificateType ${faceText} } }`;
  const variables: Record<string, unknown> = {};
  let document: string;
  if (op.isBatch) {
    variables.ids = targets.map((t) => t.identifier);
    document = `query Generated($ids: [String!]!) { batch: verifyCertificates(identifiers: $ids) ${body} } ${sel.fragment ?? ''}`;
  } else {
    // By credential: the certificates that exist are verified from their holders' credentials, the missing ones by identifier.
    const byCredential = await Promise.all(targets.map(async (t) => (op.isByCredential && t.subject !== null ? credentialOf(r, t.subject) : null)));
    targets.forEach((t, i) => (variables[`i${i}`] = byCredential[i] ?? t.identifier));
    if (byCredential.some((c) => c !== null)) count(coverage, 'certificate.BY_CREDENTIAL');
    const argument = (i: number) => (byCredential[i] !== null ? 'credential' : 'identifier');
    document = `query Generated(${targets.map((_, i) => `$i${i}: String`).join(', ')}) { ${targets.map((_, i) => `v${i}: verifyCertificate(${argument(i)}: $i${i}) ${body}`).join(' ')} } ${sel.fragment ?? ''}`;
  }
  const { res, requestId } = await send(r, reader.client, { 'x-sharehub-purpose': reader.purpose }, document, variables);

  const mismatches: Mismatch[] = [];
  const audit = emptyAudit();
  const expectedErrors: string[] = [];
  for (const [, field] of sel.keys) if (!isGivenAtAll(fieldOf(field), applicable, reader.isProvider)) audit.denied.add(`${world.certificateCode}.${field}`);
  const answers = op.isBatch ? ((res.data?.batch as unknown[] | undefined) ?? []) : targets.map((_, i) => res.data?.[`v${i}`]);
  targets.forEach((target, i) => {
    const path = op.isBatch ? `batch.${i}` : `v${i}`;
    const actual = answers[i] as Record<string, any> | null | undefined;
    if (!actual) {
      mismatches.push({ property: 'every certificate asked about is answered', detail: `${path}: got ${show(actual)}` });
      return;
    }
    if (target.subject === null) {
      count(coverage, 'certificate.NOT_FOUND');
      if (actual.status !== 'NOT_FOUND' || actual.face !== null || (op.holder.length && actual.holder !== null)) {
        mismatches.push({ property: 'an unknown certificate is NOT_FOUND with nothing else', detail: `${path}: got ${show(actual)}` });
      }
      return;
    }
    const stored = certificateValues(world, target.subject)!;
    if (actual.status !== 'VALID' || actual.authentic !== true) mismatches.push({ property: 'a certificate found is verified (status, authentic)', detail: `${path}: got ${show({ status: actual.status, authentic: actual.authentic })}` });
    count(coverage, isVisible(fields, stored, applicable, reader.isProvider) ? 'certificate.VISIBLE' : 'certificate.OUT_OF_SCOPE');
    for (const [name, field, fallback] of [
      ['name', HOLDER_NAME, defaultNameMask],
      ['idNumber', HOLDER_ID_NUMBER, defaultIdNumberMask],
    ] as const) {
      if (!op.holder.includes(name)) continue;
      const d = decideField(fieldOf(field), stored, applicable, reader.isProvider);
      countDecision(coverage, 'holder', d);
      const raw = String(stored[field]);
      const expected = d.kind === 'WITHHELD' ? fallback(raw) : shownValue(d, raw, hashKey);
      (d.kind === 'CLEAR' ? audit.returned : audit.masked).add(`${world.certificateCode}.${field}`);
      if (actual.holder?.[name] !== expected) {
        mismatches.push({
          property: d.kind === 'CLEAR' ? 'a holder field in the clear leaves its stored value' : 'a holder field leaves masked: the grant’s mask, else the default mask',
          detail: `${path}.holder.${name}: ${d.kind} expected ${show(expected)}, got ${show(actual.holder?.[name])}`,
        });
      }
      const flag = name === 'name' ? 'isNameMasked' : 'isIdNumberMasked';
      if (actual.holder?.[flag] !== (d.kind !== 'CLEAR')) mismatches.push({ property: 'a holder field says whether it is masked', detail: `${path}.holder.${flag}: expected ${d.kind !== 'CLEAR'}, got ${show(actual.holder?.[flag])}` });
    }
    for (const [key, field] of sel.keys) {
      const d = decideField(fieldOf(field), stored, applicable, reader.isProvider);
      countDecision(coverage, 'face', d, fieldOf(field), applicable);
      noteDecision(audit, `${world.certificateCode}.${field}`, d);
      if (d.kind === 'WITHHELD') expectedErrors.push(`${path}.face.${key} FIELD_FORBIDDEN`);
      compareValue(mismatches, `${path}.face.${key}`, d, shownValue(d, stored[field] ?? null, hashKey), actual.face?.[key]);
    }
  });
  const gotErrors = errorKeys(res);
  if (!isDeepStrictEqual(gotErrors, expectedErrors.sort())) {
    mismatches.push({ property: 'verification errors are exactly the oracle’s (FIELD_FORBIDDEN per withheld face field)', detail: `expected ${show(expectedErrors)}, got ${show(gotErrors)}` });
  }
  const [event] = (await auditOf(r.pool, requestId)).filter((e) => e.action === 'graphql.query');
  compareAudit(mismatches, 'verification', event, audit);
  return { operation: op, document, variables, reader: reader.client, purpose: reader.purpose, grants: applicable, mismatches };
}

// ---- applications ----

const PREPARE = `mutation Generated($item: String!, $id: String!, $case: String!) {
  prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) {
    materials { key outcome reason explanation recordVersion certificateIdentifier values missingGrant { fields } } } }`;

async function runPrepare(r: Runner, op: Extract<Operation, { kind: 'PREPARE' }>): Promise<OperationReport> {
  const { world, coverage } = r;
  const item = world.items[op.item]!;
  const reader: OracleReader = { departmentCode: CENTER, clientId: 'window-clerk', purpose: item.code, now: new Date(), isProvider: false };
  const hashKey = maskingKeyOf(r.maskingSecret, CENTER);
  const recordGrants = applicableGrants(world.grants, reader);
  const certificateGrants = applicableGrants(world.certificateGrants, reader);
  const variables = { item: item.code, id: subjectId(world, op.applicant), case: `GEN-${process.pid}-${Date.now().toString(36)}-${r.requestCounter.n + 1}` };
  const { res, requestId } = await send(r, 'window-clerk', {}, PREPARE, variables);
  const mismatches: Mismatch[] = [];
  const materials = (res.data?.prepareApplication?.materials ?? null) as Array<Record<string, any>> | null;
  if (!materials) {
    mismatches.push({ property: 'prepareApplication answers', detail: `errors ${show(res.errors)}` });
    return { operation: op, document: PREPARE, variables, reader: 'window-clerk', purpose: item.code, grants: [...recordGrants, ...certificateGrants], mismatches };
  }
  const events = (await auditOf(r.pool, requestId)).filter((e) => e.action === 'application.material');
  item.materials.forEach((m, i) => {
    const actual = materials[i]!;
    const where = `material ${m.key} (${m.source})`;
    const event = events.find((e) => (e.details as { material?: string } | null)?.material === m.key);
    if (m.source === 'RECORD') {
      const stored = storedRecord(world, op.applicant);
      const exp = expectRecordMaterial(world.recordCode, world.recordFields, m, stored, recordGrants, hashKey);
      count(coverage, `material.${exp.situation}.${exp.outcome}${exp.reason ? `.${exp.reason}` : ''}`);
      count(coverage, `material.${exp.situation}`);
      if (m.condition && exp.reason === 'NO_GRANT') {
        const conditionField = world.recordFields.find((f) => f.name === m.condition!.field)!;
        const d = stored ? decideField(conditionField, stored, recordGrants, false) : null;
        if (d?.kind === 'MASKED') count(coverage, 'material.CONDITION_ON_MASKED');
      }
      if (actual.outcome !== exp.outcome || actual.reason !== exp.reason) {
        mismatches.push({
          property: exp.situation === 'OUT_OF_SCOPE' ? 'an out-of-scope record material is answered as absent' : exp.reason === 'NO_GRANT' ? 'a material uses only values the window may read (else NO_GRANT)' : 'a record material resolves as the oracle says',
          detail: `${where}: expected ${exp.outcome}/${exp.reason}${exp.missing.length ? ` naming ${show(exp.missing)}` : ''}, got ${actual.outcome}/${actual.reason} (${actual.explanation}) values ${show(actual.values)}`,
        });
      } else if (exp.reason === 'NO_GRANT') {
        const named: string[] = actual.missingGrant?.fields ?? [];
        if (!exp.missing.every((f) => named.includes(f))) mismatches.push({ property: 'a NO_GRANT material names the fields it cannot read', detail: `${where}: expected ${show(exp.missing)} among ${show(named)}` });
      }
      if (exp.outcome === 'SATISFIED' && exp.values && actual.outcome === 'SATISFIED') {
        for (const [field, { decision, value }] of Object.entries(exp.values)) compareValue(mismatches, `${where}.values.${field}`, decision, value, actual.values?.[field]);
      }
      if (exp.reason === 'NO_RECORD' && (actual.recordVersion !== null || actual.values !== null)) {
        mismatches.push({ property: 'an out-of-scope record material is answered as absent', detail: `${where}: NO_RECORD carries ${show({ recordVersion: actual.recordVersion, values: actual.values })}` });
      }
      compareAudit(mismatches, 'application record material', event, exp.audit, where);
      return;
    }
    // A certificate material: the applicant's certificate of the world's type, planned like a resource type.
    const stored = certificateValues(world, op.applicant);
    const fields = world.certificateFields;
    const face = world.spec.certificate.fields;
    const audit = emptyAudit();
    const given = isTypeGiven(fields, certificateGrants, false);
    const visible = stored !== null && isVisible(fields, stored, certificateGrants, false);
    const expected = !given ? 'NO_GRANT' : visible ? 'SATISFIED' : 'NO_RECORD';
    count(coverage, `material.certificate.${stored === null ? 'ABSENT' : visible ? 'VISIBLE' : 'OUT_OF_SCOPE'}.${expected}`);
    if (given) count(coverage, `material.${stored === null ? 'ABSENT' : visible ? 'VISIBLE' : 'OUT_OF_SCOPE'}`);
    for (const f of face) if (!isGivenAtAll(f, certificateGrants, false)) audit.denied.add(`${world.certificateCode}.${f.name}`);
    const got = actual.outcome === 'SATISFIED' ? 'SATISFIED' : actual.reason;
    if (got !== expected) {
      mismatches.push({
        property: stored !== null && !visible && given ? 'an out-of-scope certificate material is answered as absent' : 'a certificate material resolves as the oracle says',
        detail: `${where}: expected ${expected}, got ${actual.outcome}/${actual.reason} values ${show(actual.values)}`,
      });
    }
    if (expected === 'SATISFIED' && stored) {
      for (const f of fields) {
        const d = decideField(f, stored, certificateGrants, false);
        if (face.includes(f)) noteDecision(audit, `${world.certificateCode}.${f.name}`, d);
        const value: unknown = actual.values?.[f.name];
        const isHolder = !face.includes(f);
        // A withheld face field may be left out; a holder field need not be there; anything present is the oracle's.
        if (isHolder && value === undefined) continue;
        if (isHolder && d.kind === 'WITHHELD') {
          const fallback = f.name === HOLDER_NAME ? defaultNameMask(String(stored[f.name])) : defaultIdNumberMask(String(stored[f.name]));
          if (value !== null && value !== fallback) mismatches.push({ property: 'a withheld field leaves as null', detail: `${where}.values.${f.name}: withheld, got ${show(value)}` });
          continue;
        }
        compareValue(mismatches, `${where}.values.${f.name}`, d, shownValue(d, stored[f.name] ?? null, hashKey), value ?? null);
      }
    }
    if (expected !== 'SATISFIED' && (actual.values !== null || actual.certificateIdentifier !== null)) {
      mismatches.push({ property: 'an out-of-scope certificate material is answered as absent', detail: `${where}: ${expected} carries ${show({ certificateIdentifier: actual.certificateIdentifier, values: actual.values })}` });
    }
    compareAudit(mismatches, 'application certificate material', event, audit, where);
  });
  return { operation: op, document: PREPARE, variables, reader: 'window-clerk', purpose: item.code, grants: [...recordGrants, ...certificateGrants], mismatches };
}

// ---- a certificate itself (its signed face) ----

async function runCertificate(r: Runner, op: Extract<Operation, { kind: 'CERTIFICATE' }>): Promise<OperationReport> {
  const { world, coverage } = r;
  const held = world.identifiers.map((id, i) => (id ? i : -1)).filter((i) => i >= 0);
  const subject = world.identifiers[op.subject] ? op.subject : held[0];
  const mismatches: Mismatch[] = [];
  const purpose = world.purposes[0]!;
  if (subject === undefined) return { operation: op, document: '', variables: {}, reader: op.reader, purpose, grants: [], mismatches };
  const stored = certificateValues(world, subject)!;
  const sel = selectionText(op.selection, world.faceTypeName, 'Face');
  const faceText = op.selection.style === 'PLAIN' || op.selection.style === 'ALIASES' ? `... on ${world.faceTypeName} { ${sel.text} }` : sel.text;
  const document = `query Generated($id: String!) { c: certificate(identifier: $id) { identifier holder { name idNumber isNameMasked isIdNumberMasked } face { certificateType ${faceText} } ${op.isSignedDocumentSelected ? 'signedDocument' : ''} ${op.isCredentialSelected ? 'credential' : ''} } } ${sel.fragment ?? ''}`;
  const variables = { id: world.identifiers[subject]! };
  const holderOf = op.reader === 'HOLDER' ? subject : op.reader === 'OTHER_HOLDER' ? (subject + 1) % (SUBJECTS + 2) : null;
  const client = holderOf === null ? r.clients[op.reader]! : await r.holder(world.persons[holderOf]!.idNumber);
  r.requestCounter.n += 1;
  const requestId = `authzgen-${process.pid}-${Date.now().toString(36)}-${r.requestCounter.n}`;
  const res = await client.with({ 'x-sharehub-purpose': purpose, 'x-request-id': requestId }).query(document, variables);
  const actual = res.data?.c as Record<string, any> | null | undefined;
  const [event] = (await auditOf(r.pool, requestId)).filter((e) => e.action === 'graphql.query');
  const q = (f: string) => `${world.certificateCode}.${f}`;
  if (op.reader !== 'HOLDER') {
    count(coverage, 'certificate.ITSELF.REFUSED');
    if (actual || !errorKeys(res).includes('c NOT_FOUND')) mismatches.push({ property: 'a certificate itself is for its issuer and holder only (NOT_FOUND for anyone else)', detail: `got ${show(actual)} with errors ${show(errorKeys(res))}` });
    if (event && (event.fields_returned.length || event.fields_masked.length)) mismatches.push({ property: 'certificate itself: audit fieldsReturned is the oracle\'s', detail: `nothing was returned, the event says ${show({ returned: event.fields_returned, masked: event.fields_masked })}` });
    return { operation: op, document, variables, reader: op.reader, purpose, grants: [], mismatches };
  }
  count(coverage, 'certificate.ITSELF.HOLDER');
  const audit = emptyAudit();
  audit.returned.add(q(HOLDER_NAME)).add(q(HOLDER_ID_NUMBER));
  if (!actual) mismatches.push({ property: 'a holder reads their own certificate in full', detail: `got ${show(actual)} with errors ${show(errorKeys(res))}` });
  else {
    if (actual.holder?.name !== stored[HOLDER_NAME] || actual.holder?.idNumber !== stored[HOLDER_ID_NUMBER] || actual.holder?.isNameMasked || actual.holder?.isIdNumberMasked) {
      mismatches.push({ property: 'a holder reads their own certificate in full', detail: `c.holder: got ${show(actual.holder)}` });
    }
    for (const [key, field] of sel.keys) {
      audit.returned.add(q(field));
      compareValue(mismatches, `c.face.${key}`, { kind: 'CLEAR', grant: 'holder' }, stored[field] ?? null, actual.face?.[key]);
    }
  }
  // The signed document and the credential carry the whole face: audited with every face field as returned.
  if (op.isSignedDocumentSelected || op.isCredentialSelected) for (const f of world.spec.certificate.fields) audit.returned.add(q(f.name));
  if (op.isCredentialSelected && actual) {
    count(coverage, 'certificate.ITSELF.CREDENTIAL');
    const subjectClaims = typeof actual.credential === 'string' ? JSON.parse(Buffer.from(actual.credential.split('.')[1] ?? '', 'base64url').toString('utf8')).credentialSubject : null;
    if (subjectClaims?.holderIdNumber !== stored[HOLDER_ID_NUMBER]) mismatches.push({ property: 'a holder’s credential carries their own certificate', detail: `c.credential: subject ${show(subjectClaims)}` });
  }
  if (errorKeys(res).length) mismatches.push({ property: 'a holder reads their own certificate in full', detail: `errors ${show(errorKeys(res))}` });
  compareAudit(mismatches, 'certificate itself', event, audit);
  return { operation: op, document, variables, reader: `holder ${holderOf}`, purpose, grants: [], mismatches };
}

export async function runOperation(r: Runner, op: Operation): Promise<OperationReport> {
  switch (op.kind) {
    case 'CERTIFICATE':
      return runCertificate(r, op);
    case 'RECORD':
    case 'RECORDS':
      return runRecords(r, op);
    case 'VERIFY':
      return runVerify(r, op);
    case 'PREPARE':
      return runPrepare(r, op);
  }
}

/** A grant in one line, for a failure message. */
export function describeGrant(g: OracleGrant): string {
  const rules = g.rules.map((x) => `${x.field}=${x.effect}${x.mask ? `(${x.mask.strategy}${'n' in x.mask ? ` ${x.mask.n}` : ''})` : ''}`).join(', ');
  return `${g.typeCode === undefined ? '' : `${g.typeCode.startsWith('gen_certificate') ? 'certificate' : 'record'} grant `}${g.id.slice(0, 8)} client=${g.clientId ?? '*'} purposes=[${g.purposes.join(', ')}] scope=${g.rowScope ? `${g.rowScope.field} in ${show(g.rowScope.values)}` : 'none'} rules: ${rules}`;
}

export function describeReport(world: World, report: OperationReport, only?: string): string {
  const lines = [
    `operation ${report.operation.kind} as ${report.reader} for purpose ${report.purpose}`,
    `  ${report.document.replace(/\s+/g, ' ').trim()}`,
    `  variables ${show(report.variables)}`,
    `  applicable grants (by id):${report.grants.length ? '' : ' none'}`,
    ...report.grants.map((g) => `    ${describeGrant(g)}`),
    `  stored: ${describeStored(world, report.operation)}`,
    ...report.mismatches.filter((m) => only === undefined || m.property === only).map((m) => `  ✗ ${m.property}\n      ${m.detail}`),
  ];
  return lines.join('\n');
}

function describeStored(world: World, op: Operation): string {
  const subjects = op.kind === 'RECORD' ? op.roots.map((x) => x.subject) : op.kind === 'RECORDS' ? op.subjects : op.kind === 'PREPARE' ? [op.applicant] : op.kind === 'CERTIFICATE' ? [op.subject] : op.certificates.flatMap((c) => ('subject' in c ? [c.subject] : []));
  const isCertificate = op.kind === 'VERIFY' || op.kind === 'CERTIFICATE';
  const fields: FieldSpec[] = isCertificate ? world.certificateFields : world.recordFields;
  const describe = (s: number, values: Values | null, of: readonly FieldSpec[]) => `#${s}=${values ? show(Object.fromEntries(of.map((f) => [f.name, values[f.name] ?? null]))) : 'none'}`;
  return [...new Set(subjects)]
    .map((s) => {
      const record = describe(s, isCertificate ? certificateValues(world, s) : storedRecord(world, s), fields);
      // An application reads the applicant's record and certificate.
      return op.kind === 'PREPARE' ? `record ${record}; certificate ${describe(s, certificateValues(world, s), world.certificateFields)}` : record;
    })
    .join('; ');
}
