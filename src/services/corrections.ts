// Data correction reports (数据纠错): a consumer reports a wrong field of a record it can see; the provider
// corrects the record (a new version) or rejects the report with a reason; both sides list their reports.
import { recordChange } from '../audit/changes.js';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities/Client.js';
import { CorrectionReport, CorrectionStatus } from '../../entities/CorrectionReport.js';
import type { ClientPrincipal } from '../auth/principal.js';
import { PurposeRequiredError } from '../authz/errors.js';
import { DENIED, planResource, type ResourcePlan } from '../authz/plan.js';
import { releaseValues, tallyReleases } from '../authz/release.js';
import { qualifiedField } from '../catalog/naming.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { RecordValues } from '../catalog/definition.js';
import { recordProblems } from '../catalog/values.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import type { AccessSide } from './access.js';
import { applicableGrants } from './grants.js';
import type { Cursor } from './pages.js';
import { checkSubjectIds, validateBatch, writeRecords } from './records.js';

export const MAX_COMMENT = 2_000;
export const MAX_REASON = 2_000;

const REPORTER_ROLES: readonly Role[] = [Role.SYSTEM, Role.DATA_ADMIN, Role.WINDOW_CLERK];
const RESOLVER_ROLES: readonly Role[] = [Role.SYSTEM, Role.DATA_ADMIN];

export interface ReportDataErrorInput {
  resourceType: string;
  subjectId: string;
  field: string;
  comment: string;
}

export type CorrectionOutcome = 'CORRECTED' | 'REJECTED';

export interface ResolveDataErrorInput {
  reportId: string;
  outcome: CorrectionOutcome;
  reason: string;
  /** For CORRECTED: corrected values, merged over the record's current values. */
  fields?: Record<string, unknown> | null;
}

interface CurrentRecord {
  version: number;
  data: RecordValues;
}

function clientWithRole(ctx: RequestContext, roles: readonly Role[], refusal: string): ClientPrincipal {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.some((r) => roles.includes(r))) throw new ForbiddenError(refusal);
  return p;
}

function entryOf(ctx: RequestContext, code: string): CatalogEntry {
  const entry = ctx.hub.catalog.get(code);
  if (!entry) throw new NotFoundError(`No resource type ${code}.`);
  return entry;
}

function checkUuid(id: string, name: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new BadUserInputError(`${name} is not a valid id.`);
}

function checkText(text: string, name: string, max: number, missing: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new BadUserInputError(`${name}: ${missing}`);
  if (trimmed.length > max) throw new BadUserInputError(`${name}: at most ${max} characters, got ${trimmed.length}.`);
  return trimmed;
}

/** The record as stored now, through `em` (so inside its transaction when it has one). */
async function currentRecord(em: EntityManager, code: string, subjectId: string): Promise<CurrentRecord | null> {
  const [row] = await em.execute<CurrentRecord[]>('SELECT version, data FROM record WHERE resource_type_code = ? AND subject_id = ?', [code, subjectId]);
  return row ?? null;
}

/** The reporter's plan for the type, for the purpose it states: the access plan's own rules. */
async function reporterPlan(ctx: RequestContext, reporter: ClientPrincipal, entry: CatalogEntry, field: string, purpose: string): Promise<ResourcePlan> {
  const grants = (await applicableGrants(ctx.em, reporter.department.code, [entry.code], ctx.now)).get(entry.code) ?? [];
  return planResource({ departmentCode: reporter.department.code, clientId: reporter.clientId, purpose, entry, selected: new Set([field]), grants });
}

/**
 * `reportDataError`: a consumer's system, administrator or window clerk reports a field it can read, for the purpose
 * it states. No record, a record no grant covers and a field withheld for this record all get the same NOT_FOUND.
 */
export async function reportDataError(ctx: RequestContext, input: ReportDataErrorInput): Promise<CorrectionReport> {
  const reporter = clientWithRole(ctx, REPORTER_ROLES, 'Only a system, data administrator or window clerk of a consumer department reports data errors.');
  if (!ctx.purpose) throw new PurposeRequiredError();
  const entry = entryOf(ctx, input.resourceType);
  if (entry.providerCode === reporter.department.code) throw new BadUserInputError(`Your department provides ${entry.code}; correct its records with upsertRecords instead of reporting them.`);
  const subjectId = checkSubjectIds([input.subjectId], 'subjectId')[0]!;
  if (!entry.fields.some((f) => f.name === input.field)) throw new BadUserInputError(`field: ${input.field} is not a field of ${entry.code}.`, { field: input.field });
  const comment = checkText(input.comment, 'comment', MAX_COMMENT, 'say what is wrong with the value.');

  const plan = await reporterPlan(ctx, reporter, entry, input.field, ctx.purpose);
  const subjectHashes = [ctx.hub.hashSubject(subjectId)];
  if ((plan.fields.get(input.field) ?? DENIED).effect === 'DENY') {
    ctx.audit.noteRead({ resourceType: entry.code, subjectHashes, fieldsDenied: [qualifiedField(entry.code, input.field)] });
    throw new ForbiddenError(`No grant of your department lets it read ${entry.code}.${input.field} for this purpose; you can only report fields you can read.`);
  }
  const record = await currentRecord(ctx.em, entry.code, subjectId);
  const released = record ? releaseValues(plan, entry.fields, record.data, ctx.maskingKey()) : null;
  const tally = tallyReleases(plan, entry.code, released ? [released] : []);
  if (!record || !released?.isVisible || released.withheld.has(input.field)) {
    ctx.audit.noteRead({ resourceType: entry.code, subjectHashes, fieldsDenied: tally.denied, details: { correction: record ? 'OUT_OF_SCOPE' : 'NO_RECORD' } });
    throw new NotFoundError(`No record of ${entry.code} whose ${input.field} you can read for this subject.`);
  }

  return ctx.em.transactional(async (em) => {
    const report = em.create(CorrectionReport, {
      id: randomUUID(),
      resourceTypeCode: entry.code,
      providerCode: entry.providerCode,
      subjectId,
      field: input.field,
      recordVersion: record.version,
      comment,
      reporterCode: reporter.department.code,
      reportedBy: reporter.clientId,
      reportedAt: ctx.now,
      status: CorrectionStatus.OPEN,
    });
    await em.flush();
    await recordChange(ctx, em, {
      action: 'correction.report',
      resourceTypes: [entry.code],
      subjectHashes,
      fieldsReturned: tally.returned,
      fieldsMasked: tally.masked,
      details: { reportId: report.id, field: report.field, recordVersion: report.recordVersion, grants: tally.grants },
    });
    return report;
  });
}

/** The corrected record: given values over the current ones, validated; each problem names `fields.<name>`. */
function correctedValues(entry: CatalogEntry, subjectId: string, current: CurrentRecord, fields: Record<string, unknown>): { data: RecordValues; changed: string[] } {
  const names = Object.keys(fields);
  if (names.length === 0) throw new BadUserInputError('fields: give the corrected values of the record.');
  const known = new Set(entry.fields.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new BadUserInputError(`fields.${unknown[0]} is not a field of ${entry.code}.`, { fields: unknown });
  const merged = { ...current.data, ...fields };
  const [problem] = recordProblems(entry, merged);
  if (problem) throw new BadUserInputError(`fields.${problem.field} ${problem.problem}.`, { field: problem.field });
  const [row] = validateBatch(entry, [{ subjectId, fields: merged }]);
  const data = row!.data;
  return { data, changed: entry.fields.map((f) => f.name).filter((n) => JSON.stringify(data[n] ?? null) !== JSON.stringify(current.data[n] ?? null)) };
}

/**
 * `resolveDataError`: the provider's system or administrator corrects the record (a new version, all the
 * record's other values kept) or rejects the report with a reason. An OPEN report is resolved once.
 */
export async function resolveDataError(ctx: RequestContext, input: ResolveDataErrorInput): Promise<CorrectionReport> {
  const resolver = clientWithRole(ctx, RESOLVER_ROLES, 'Only a system or data administrator of the providing department resolves data error reports.');
  checkUuid(input.reportId, 'reportId');
  const reason = checkText(input.reason, 'reason', MAX_REASON, input.outcome === 'CORRECTED' ? 'say what was corrected.' : 'say why the report is rejected.');
  if (input.outcome === 'REJECTED' && input.fields) throw new BadUserInputError('fields: only a CORRECTED outcome changes the record.');
  if (input.outcome === 'CORRECTED' && !input.fields) throw new BadUserInputError('fields: a CORRECTED outcome gives the corrected values.');

  const { report, changed } = await ctx.em.transactional(async (em) => {
    const report = await em.findOne(CorrectionReport, { id: input.reportId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!report) throw new NotFoundError(`No correction report ${input.reportId}.`);
    if (report.providerCode !== resolver.department.code) throw new ForbiddenError('Only the providing department resolves this report.');
    if (report.status !== CorrectionStatus.OPEN) throw new ConflictError(`This report was already resolved (${report.status}).`);
    let changed: string[] = [];
    if (input.outcome === 'CORRECTED') {
      const entry = entryOf(ctx, report.resourceTypeCode);
      const current = await currentRecord(em, entry.code, report.subjectId);
      if (!current) throw new NotFoundError(`No record of ${entry.code} for this report's subject.`);
      const corrected = correctedValues(entry, report.subjectId, current, input.fields!);
      changed = corrected.changed;
      if (changed.length) {
        // writeRecords's statement runs in this transaction (em.execute joins it): the record, the report and the
        // event commit together.
        const { written } = await writeRecords(em, entry.code, [{ subjectId: report.subjectId, data: corrected.data }], resolver.clientId, ctx.now);
        // Changed values always make a new version.
        report.correctedVersion = written[0]!.version;
      } else if (current.version > report.recordVersion) {
        // Already corrected since the report (by a regular publication): the current version carries it.
        report.correctedVersion = current.version;
      } else {
        throw new BadUserInputError('fields: these are the values the report is about; change a value, or reject the report.');
      }
      report.status = CorrectionStatus.CORRECTED;
    } else {
      report.status = CorrectionStatus.REJECTED;
    }
    report.resolution = reason;
    report.resolvedBy = resolver.clientId;
    report.resolvedAt = ctx.now;
    await em.flush();
    await recordChange(ctx, em, {
      action: 'correction.resolve',
      resourceTypes: [report.resourceTypeCode],
      subjectHashes: [ctx.hub.hashSubject(report.subjectId)],
      details: { reportId: report.id, outcome: report.status, field: report.field, correctedVersion: report.correctedVersion ?? null, fieldsChanged: changed },
    });
    return { report, changed };
  });
  return report;
}

/** Reports about the department's data (PROVIDER) or made by it (CONSUMER), newest first. */
export async function listCorrectionReports(ctx: RequestContext, side: AccessSide, status: CorrectionStatus | null, size: number, after: Cursor | null): Promise<CorrectionReport[]> {
  const viewer =
    side === 'PROVIDER'
      ? clientWithRole(ctx, RESOLVER_ROLES, "Only a system or data administrator sees the reports about its department's data.")
      : clientWithRole(ctx, REPORTER_ROLES, 'Only a system, data administrator or window clerk sees the reports its department made.');
  const dept = viewer.department.code;
  const where: Record<string, unknown> = side === 'CONSUMER' ? { reporterCode: dept } : { providerCode: dept };
  if (status) where.status = status;
  if (after) where.$or = [{ reportedAt: { $lt: after.at } }, { reportedAt: after.at, id: { $lt: after.id } }];
  return ctx.em.find(CorrectionReport, where, { orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }], limit: size + 1 });
}
