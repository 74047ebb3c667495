// Certificates at their issuer and their holder: issuance (validated, signed, idempotent under a key), the status
// lifecycle and renewal (only the issuer; every change a version and an audit event), and the holder's own list.
import { recordChange } from '../audit/changes.js';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Certificate, CertificateIssuance, CertificateStatus, CertificateVersion, HolderIdType } from '../../entities/Certificate.js';
import { Role } from '../../entities/Client.js';
import { certificatePlanFor, isIssuerOrHolder, showCertificate, type ShownHolder } from '../authz/certificatePlan.js';
import type { ClientPrincipal } from '../auth/principal.js';
import { faceDefinitionOf, MAX_VALIDITY_DAYS, planEntryOf, type CertificateTypeEntry } from '../catalog/certificateType.js';
import type { RecordValues } from '../catalog/definition.js';
import { qualifiedField } from '../catalog/naming.js';
import { normalizeRecord, recordProblems } from '../catalog/values.js';
import { formatCertificateIdentifier, MAX_EDITION, normalizeCertificateIdentifier, parseCertificateIdentifier, type CertificateIdentifierParts } from '../certs/certificateIdentifier.js';
import { signCertificate, signedContentOf, signedDocumentOf, type SignedColumns } from '../certs/document.js';
import { creditCodeProblem, normalizeSubjectId, residentIdProblem } from '../certs/identifiers.js';
import { RENEWABLE, stateAt, TRANSITIONS, type CertificateChange, type CertificateState } from '../certs/status.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import type { Cursor } from './pages.js';
import { allocateStatusEntries, applyStatusBits } from './statusLists.js';

const DAY_MS = 24 * 3600_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const MAX_NAME = 200;
const MAX_REASON = 1_000;

/** A certificate as the services pass it around (plain data, from the entity or from a raw row). */
export interface CertificateData extends SignedColumns {
  serial: number;
  edition: number;
  status: CertificateStatus;
  statusReason: string | null;
  version: number;
  kid: string;
  signature: string;
  predecessor: string | null;
  successor: string | null;
  issuedAt: Date;
  changedAt: Date;
}

export function dataOf(c: Certificate): CertificateData {
  return {
    identifier: c.identifier,
    typeCode: c.typeCode,
    issuerCode: c.issuerCode,
    serial: c.serial,
    edition: c.edition,
    holderIdType: c.holderIdType,
    holderId: c.holderId,
    holderName: c.holderName,
    validFrom: c.validFrom,
    validUntil: c.validUntil ?? null,
    face: c.face,
    status: c.status,
    statusReason: c.statusReason ?? null,
    version: c.version,
    kid: c.kid,
    signature: c.signature,
    predecessor: c.predecessor ?? null,
    successor: c.successor ?? null,
    issuedAt: c.issuedAt,
    changedAt: c.changedAt,
  };
}

/** A face as it leaves the service layer: masked, with the denied fields named (never present). */
export interface FaceView {
  typeCode: string;
  values: RecordValues;
  /** Fields whose values in `values` are masked. */
  masked: ReadonlySet<string>;
  denied: ReadonlySet<string>;
}

export interface HolderView extends ShownHolder {
  idType: HolderIdType;
  /** The certificate type, for the audit note of what the holder's fields returned. */
  typeCode: string;
}

/** A certificate as its issuer or its holder sees it. */
export interface CertificateView {
  identifier: string;
  certificateType: string;
  issuerCode: string;
  holder: HolderView;
  validFrom: Date;
  validUntil: Date | null;
  status: CertificateStatus;
  state: CertificateState;
  statusReason: string | null;
  version: number;
  issuedAt: Date;
  changedAt: Date;
  predecessor: string | null;
  successor: string | null;
  face: FaceView;
  signedDocument: string;
  kid: string;
}

export function certificateTypeOf(ctx: RequestContext, code: string): CertificateTypeEntry {
  const type = ctx.hub.catalog.certificateType(code);
  if (!type) throw new NotFoundError(`No certificate type ${code}.`);
  return type;
}

/** The certificate as its issuer or holder sees it (callers have checked that the principal is one of them). */
export function certificateViewOf(ctx: RequestContext, c: CertificateData): CertificateView {
  const type = certificateTypeOf(ctx, c.typeCode);
  const entry = planEntryOf(type);
  const plan = certificatePlanFor(ctx.principal, ctx.plan.resources.get(type.code), entry, c.holderId);
  const shown = showCertificate(plan, entry, type.fields, c, ctx.maskingKey());
  return {
    identifier: c.identifier,
    certificateType: c.typeCode,
    issuerCode: c.issuerCode,
    holder: { idType: c.holderIdType, typeCode: c.typeCode, ...shown.holder },
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    status: c.status,
    state: stateAt(c, ctx.now),
    statusReason: c.statusReason,
    version: c.version,
    issuedAt: c.issuedAt,
    changedAt: c.changedAt,
    predecessor: c.predecessor,
    successor: c.successor,
    face: { typeCode: c.typeCode, values: shown.face, masked: shown.released.masked, denied: shown.released.withheld },
    signedDocument: signedDocumentOf(c.signature, signedContentOf(c)),
    kid: c.kid,
  };
}

/** Parses an identifier at the edge: a malformed one, or one with a wrong check character, never reaches the database. */
export function checkIdentifier(raw: string, argument: string): { identifier: string; parts: CertificateIdentifierParts } {
  const identifier = normalizeCertificateIdentifier(raw);
  const parsed = parseCertificateIdentifier(identifier);
  if (!parsed.parts) throw new BadUserInputError(`${argument} ${parsed.problem}.`, { argument });
  return { identifier, parts: parsed.parts };
}

/** A client of the issuing department that may issue and change certificates (its systems and data administrators). */
function issuerOf(ctx: RequestContext, issuerCode: string, what: string): ClientPrincipal {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || p.department.code !== issuerCode || !(p.roles.includes(Role.SYSTEM) || p.roles.includes(Role.DATA_ADMIN))) {
    throw new ForbiddenError(`Only the issuing department (${issuerCode}) ${what}.`);
  }
  return p;
}

// ---- issuance ----

export interface HolderInput {
  idType: HolderIdType;
  idNumber: string;
  name: string;
}

export interface IssueInput {
  certificateType: string;
  holder: HolderInput;
  validFrom?: Date | null;
  validUntil?: Date | null;
  face: Record<string, unknown>;
}

const ID_TYPE_OF_KIND = { PERSON: HolderIdType.RESIDENT_ID, ORGANIZATION: HolderIdType.CREDIT_CODE } as const;

function checkHolder(type: CertificateTypeEntry, holder: HolderInput): HolderInput {
  const expected = ID_TYPE_OF_KIND[type.holderKind];
  if (holder.idType !== expected) throw new BadUserInputError(`holder.idType: ${type.code} certificates are held by ${type.holderKind.toLowerCase()}s, identified by ${expected}.`, { field: 'holder.idType' });
  const idNumber = normalizeSubjectId(holder.idNumber);
  const problem = expected === HolderIdType.RESIDENT_ID ? residentIdProblem(idNumber) : creditCodeProblem(idNumber);
  if (problem) throw new BadUserInputError(`holder.idNumber is not a valid ${expected === HolderIdType.RESIDENT_ID ? 'resident ID number' : 'unified social credit code'}: ${problem}.`, { field: 'holder.idNumber' });
  const name = holder.name.trim();
  if (!name || [...name].length > MAX_NAME) throw new BadUserInputError(`holder.name is required, at most ${MAX_NAME} characters.`, { field: 'holder.name' });
  return { idType: expected, idNumber, name };
}

function checkValidity(type: CertificateTypeEntry, validFrom: Date | null | undefined, validUntil: Date | null | undefined, now: Date): { from: Date; until: Date | null } {
  const from = validFrom ?? now;
  const until = validUntil ?? (type.defaultValidityDays === null ? null : new Date(from.getTime() + type.defaultValidityDays * DAY_MS));
  if (until && until.getTime() <= from.getTime()) throw new BadUserInputError('validUntil must be after validFrom: the validity would end before it starts.', { field: 'validUntil' });
  if (until && until.getTime() - from.getTime() > MAX_VALIDITY_DAYS * DAY_MS) throw new BadUserInputError(`validity: at most ${MAX_VALIDITY_DAYS} days.`, { field: 'validUntil' });
  return { from, until };
}

function checkFace(type: CertificateTypeEntry, face: unknown): RecordValues {
  const problems = recordProblems(faceDefinitionOf(type), face);
  if (problems.length) {
    const first = problems[0]!;
    throw new BadUserInputError(`face.${first.field} ${first.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}; nothing was written.`, {
      problems: problems.map((p) => ({ field: `face.${p.field}`, problem: p.problem })),
    });
  }
  return normalizeRecord(faceDefinitionOf(type), face as Record<string, unknown>);
}

function requestHashOf(type: CertificateTypeEntry, holder: HolderInput, input: IssueInput, face: RecordValues): string {
  const request = { type: type.code, holder, validFrom: input.validFrom?.toISOString() ?? null, validUntil: input.validUntil?.toISOString() ?? null, face };
  return createHash('sha256').update(canonicalize(request)!).digest('hex');
}

interface NewCertificate {
  identifier: string;
  parts: CertificateIdentifierParts;
  type: CertificateTypeEntry;
  holder: HolderInput;
  validity: { from: Date; until: Date | null };
  face: RecordValues;
  predecessor: string | null;
}

/** Signs and adds a certificate (and its first version) to the transaction of `em`. */
async function createSigned(ctx: RequestContext, em: EntityManager, n: NewCertificate, by: string): Promise<Certificate> {
  // On this transaction's connection, never a second one; it sees a rotation by another instance (activeKeyIn).
  const key = await ctx.hub.keys.activeKeyIn(em, n.parts.issuerCode);
  const columns: SignedColumns = {
    identifier: n.identifier,
    typeCode: n.type.code,
    issuerCode: n.parts.issuerCode,
    holderIdType: n.holder.idType,
    holderId: n.holder.idNumber,
    holderName: n.holder.name,
    validFrom: n.validity.from,
    validUntil: n.validity.until,
    face: n.face,
  };
  const signature = await signCertificate(signedContentOf(columns), key);
  const certificate = em.create(Certificate, {
    ...columns,
    serial: n.parts.serial,
    edition: n.parts.edition,
    typeVersion: n.type.version,
    status: CertificateStatus.VALID,
    statusReason: null,
    version: 1,
    kid: key.kid,
    signature,
    predecessor: n.predecessor,
    successor: null,
    issuedBy: by,
    issuedAt: ctx.now,
    changedBy: by,
    changedAt: ctx.now,
  });
  em.create(CertificateVersion, { identifier: n.identifier, version: 1, action: 'ISSUE', status: CertificateStatus.VALID, reason: null, successor: null, changedBy: by, changedAt: ctx.now });
  // Its places in the issuer's status lists (its credential's credentialStatus), in the same transaction.
  await allocateStatusEntries(em, n.parts.issuerCode, n.identifier, ctx.now);
  return certificate;
}

export interface IssueResult {
  certificate: CertificateView;
  /** The key had been used before with the same input: this is that certificate, nothing new was issued. */
  isReplay: boolean;
}

/**
 * `issueCertificate`: by a system or data administrator of the type's issuing department; the face is validated
 * against the type; nothing is written on error. Under one idempotency key, the same input returns the same
 * certificate and another input is a CONFLICT (keys are scoped to the issuing department).
 */
export async function issueCertificate(ctx: RequestContext, input: IssueInput, idempotencyKey: string): Promise<IssueResult> {
  const type = certificateTypeOf(ctx, input.certificateType);
  const issuer = issuerOf(ctx, type.issuerCode, `issues ${type.code} certificates`);
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw new BadUserInputError('idempotencyKey: 1-200 printable ASCII characters without spaces.', { field: 'idempotencyKey' });
  const holder = checkHolder(type, input.holder);
  const validity = checkValidity(type, input.validFrom, input.validUntil, ctx.now);
  const face = checkFace(type, input.face);
  const requestHash = requestHashOf(type, holder, input, face);

  const result = await ctx.em.transactional(async (em) => {
    // Concurrent requests under one key wait here for each other; the later one then sees the earlier one's claim.
    await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`certificate_issuance:${type.issuerCode}:${idempotencyKey}`]);
    const claim = await em.findOne(CertificateIssuance, { issuerCode: type.issuerCode, idempotencyKey });
    if (claim) {
      if (claim.requestHash !== requestHash) throw new ConflictError('idempotencyKey was already used to issue a certificate with other input; use a new key for a new certificate.');
      return { certificate: await em.findOneOrFail(Certificate, { identifier: claim.identifier }), isReplay: true };
    }
    const [counter] = await em.execute<Array<{ last_serial: number }>>('UPDATE certificate_type SET last_serial = last_serial + 1 WHERE code = ? RETURNING last_serial', [type.code]);
    if (!counter) throw new NotFoundError(`No certificate type ${type.code}.`);
    const parts = { identifierCode: type.identifierCode, issuerCode: type.issuerCode, serial: counter.last_serial, edition: 1 };
    const identifier = formatCertificateIdentifier(parts);
    const certificate = await createSigned(ctx, em, { identifier, parts, type, holder, validity, face, predecessor: null }, issuer.clientId);
    em.create(CertificateIssuance, { issuerCode: type.issuerCode, idempotencyKey, requestHash, identifier, clientId: issuer.clientId, createdAt: ctx.now });
    await em.flush();
    await recordChange(ctx, em, {
      action: 'certificate.issue',
      resourceTypes: [certificate.typeCode],
      subjectHashes: [ctx.hub.hashSubject(certificate.holderId)],
      details: { identifier: certificate.identifier, version: certificate.version, kid: certificate.kid },
    });
    return { certificate, isReplay: false };
  });
  const c = result.certificate;
  if (result.isReplay) ctx.audit.details.replayOf = c.identifier;
  return { certificate: certificateViewOf(ctx, dataOf(c)), isReplay: result.isReplay };
}

// ---- the status lifecycle ----

function checkReason(reason: string | null | undefined, isRequired: boolean): string | null {
  const text = reason?.trim() || null;
  if (isRequired && !text) throw new BadUserInputError('reason: say why.', { field: 'reason' });
  if (text && text.length > MAX_REASON) throw new BadUserInputError(`reason: at most ${MAX_REASON} characters.`, { field: 'reason' });
  return text;
}

function recordVersion(em: EntityManager, c: Certificate, action: string, successor: string | null = null): void {
  em.create(CertificateVersion, { identifier: c.identifier, version: c.version, action, status: c.status, reason: c.statusReason ?? null, successor, changedBy: c.changedBy, changedAt: c.changedAt });
}

async function lockedForIssuer(em: EntityManager, identifier: string): Promise<Certificate> {
  const c = await em.findOne(Certificate, { identifier }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!c) throw new NotFoundError(`No certificate ${identifier}.`);
  return c;
}

/** Suspend, reinstate, revoke or cancel: the issuer only; REVOKED and CANCELLED are final. */
export async function changeCertificate(ctx: RequestContext, rawIdentifier: string, change: CertificateChange, reason: string | null): Promise<CertificateView> {
  const { identifier, parts } = checkIdentifier(rawIdentifier, 'identifier');
  const transition = TRANSITIONS[change];
  const issuer = issuerOf(ctx, parts.issuerCode, `changes the status of its certificates`);
  const text = checkReason(reason, transition.isReasonRequired);
  const c = await ctx.em.transactional(async (em) => {
    const c = await lockedForIssuer(em, identifier);
    if (!transition.from.includes(c.status)) {
      throw new ConflictError(`A ${c.status} certificate cannot be ${transition.done}${c.status === CertificateStatus.REVOKED ? ': revocation is final' : ''}.`);
    }
    Object.assign(c, { status: transition.to, statusReason: text, version: c.version + 1, changedBy: issuer.clientId, changedAt: ctx.now });
    recordVersion(em, c, change);
    // The credential's status list bits change with the status, in this transaction: never one without the other.
    await applyStatusBits(em, identifier, c.status, ctx.now);
    await em.flush();
    await recordChange(ctx, em, {
      action: `certificate.${change.toLowerCase()}`,
      resourceTypes: [c.typeCode],
      subjectHashes: [ctx.hub.hashSubject(c.holderId)],
      details: { identifier, version: c.version, status: c.status },
    });
    return c;
  });
  return certificateViewOf(ctx, dataOf(c));
}

export interface RenewInput {
  validFrom?: Date | null;
  validUntil?: Date | null;
  /** A new face; omitted: the predecessor's, which must still fit the type's current face fields. */
  face?: Record<string, unknown> | null;
}

/**
 * `renewCertificate`: a successor with the same serial and the next version in its identifier, newly validated and
 * signed; the predecessor is CANCELLED and points at it. Only a VALID certificate is renewed, once.
 */
export async function renewCertificate(ctx: RequestContext, rawIdentifier: string, input: RenewInput): Promise<{ certificate: CertificateView; predecessor: CertificateView }> {
  const { identifier, parts } = checkIdentifier(rawIdentifier, 'identifier');
  const issuer = issuerOf(ctx, parts.issuerCode, 'renews its certificates');
  if (parts.edition >= MAX_EDITION) throw new ConflictError(`This certificate is at version ${MAX_EDITION}, the last an identifier can carry; issue a new one.`);
  const { predecessor, successor } = await ctx.em.transactional(async (em) => {
    const predecessor = await lockedForIssuer(em, identifier);
    if (!RENEWABLE.includes(predecessor.status) || predecessor.successor) {
      throw new ConflictError(`A ${predecessor.status} certificate cannot be renewed${predecessor.successor ? `; it was renewed as ${predecessor.successor}` : ''}.`);
    }
    const type = certificateTypeOf(ctx, predecessor.typeCode);
    const face = checkFace(type, input.face ?? predecessor.face);
    const validity = checkValidity(type, input.validFrom, input.validUntil, ctx.now);
    const next = { ...parts, edition: parts.edition + 1 };
    const nextIdentifier = formatCertificateIdentifier(next);
    const holder = { idType: predecessor.holderIdType, idNumber: predecessor.holderId, name: predecessor.holderName };
    const successor = await createSigned(ctx, em, { identifier: nextIdentifier, parts: next, type, holder, validity, face, predecessor: identifier }, issuer.clientId);
    Object.assign(predecessor, {
      status: CertificateStatus.CANCELLED,
      statusReason: `renewed as ${nextIdentifier}`,
      successor: nextIdentifier,
      version: predecessor.version + 1,
      changedBy: issuer.clientId,
      changedAt: ctx.now,
    });
    recordVersion(em, predecessor, 'RENEW', nextIdentifier);
    await applyStatusBits(em, identifier, predecessor.status, ctx.now);
    await em.flush();
    await recordChange(ctx, em, {
      action: 'certificate.renew',
      resourceTypes: [successor.typeCode],
      subjectHashes: [ctx.hub.hashSubject(successor.holderId)],
      details: { identifier, successor: successor.identifier, version: predecessor.version, kid: successor.kid },
    });
    return { predecessor, successor };
  });
  return { certificate: certificateViewOf(ctx, dataOf(successor)), predecessor: certificateViewOf(ctx, dataOf(predecessor)) };
}

// ---- reading one's own ----

function noteOwnRead(ctx: RequestContext, certificates: CertificateData[]): void {
  for (const code of new Set(certificates.map((c) => c.typeCode))) {
    const selected = ctx.plan.resources.get(code)?.selected ?? new Set<string>();
    ctx.audit.noteRead({
      resourceType: code,
      subjectHashes: [...new Set(certificates.filter((c) => c.typeCode === code).map((c) => ctx.hub.hashSubject(c.holderId)))],
      fieldsReturned: [...selected].map((f) => qualifiedField(code, f)),
      details: { certificatesShown: ((ctx.audit.details.certificatesShown as number | undefined) ?? 0) + certificates.filter((c) => c.typeCode === code).length },
    });
  }
}

/** One certificate with its history, for its issuer or its holder; NOT_FOUND for anyone else (existence is not told). */
export async function findCertificate(ctx: RequestContext, rawIdentifier: string): Promise<CertificateView> {
  const { identifier } = checkIdentifier(rawIdentifier, 'identifier');
  const c = await ctx.em.findOne(Certificate, { identifier });
  if (!c || !isIssuerOrHolder(ctx.principal, c.issuerCode, c.holderId)) throw new NotFoundError(`No certificate ${identifier} that you issued or hold.`);
  const data = dataOf(c);
  noteOwnRead(ctx, [data]);
  return certificateViewOf(ctx, data);
}

export async function certificateHistory(ctx: RequestContext, identifier: string): Promise<CertificateVersion[]> {
  return ctx.em.find(CertificateVersion, { identifier }, { orderBy: { version: 'asc' } });
}

/** `myCertificates`: a holder's own, newest first. */
export async function myCertificates(ctx: RequestContext, size: number, after: Cursor | null): Promise<CertificateView[]> {
  const p = ctx.principal;
  if (p.kind !== 'HOLDER') throw new ForbiddenError('myCertificates is for holders: sign in through the citizen identity issuer.');
  const where: Record<string, unknown> = { holderId: p.subjectId };
  if (after) where.$or = [{ issuedAt: { $lt: after.at } }, { issuedAt: after.at, identifier: { $lt: after.id } }];
  const rows = (await ctx.em.find(Certificate, where, { orderBy: [{ issuedAt: 'desc' }, { identifier: 'desc' }], limit: size + 1 })).map(dataOf);
  noteOwnRead(ctx, rows.slice(0, size));
  return rows.map((c) => certificateViewOf(ctx, c));
}
