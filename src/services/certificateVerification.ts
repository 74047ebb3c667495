// Verifying certificates (the window's main job): by identifier or presented token, many in one SELECT; authentic
// means the stored data matches its signature under the issuer's published key. Also the holder's presentation
// (token + QR code) and the lookup that resolves a service item's certificate material.
import DataLoader from 'dataloader';
import QRCode from 'qrcode';
import type { JWK } from 'jose';
import { CertificateStatus, type HolderIdType } from '../../entities/Certificate.js';
import { certificatePlanFor, showCertificate, type ShownCertificate } from '../authz/certificatePlan.js';
import { givesAnything, planResource, type ResourcePlan } from '../authz/plan.js';
import { deniedByPlan, tallyReleases } from '../authz/release.js';
import { planEntryOf, type CertificateTypeEntry } from '../catalog/certificateType.js';
import type { RecordValues } from '../catalog/definition.js';
import { PresentationExpiredError, PresentationInvalidError } from '../certs/errors.js';
import { isSignatureValid, signedContentOf } from '../certs/document.js';
import { checkPresentation, PRESENTATION_KEY_OWNER, signPresentation } from '../certs/presentation.js';
import { stateAt, type CertificateState } from '../certs/status.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';
import { isInOrmTransaction, type NamedStatement } from '../db/statements.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import type { CertificateLookup } from './serviceItems.js';
import { requestGrants } from './grants.js';
import { checkIdentifier, type CertificateData, type FaceView, type HolderView } from './certificates.js';

export const MAX_VERIFICATIONS = 100;

/** A stored certificate with its issuer's name and the published key it names (null when there is none). */
interface StoredCertificate extends CertificateData {
  issuerName: string;
  publicJwk: JWK | null;
}

interface Row {
  identifier: string;
  type_code: string;
  issuer_code: string;
  issuer_name: string;
  serial: number;
  edition: number;
  holder_id_type: HolderIdType;
  holder_id: string;
  holder_name: string;
  valid_from: Date;
  valid_until: Date | null;
  face: RecordValues;
  status: CertificateStatus;
  status_reason: string | null;
  version: number;
  kid: string;
  signature: string;
  predecessor: string | null;
  successor: string | null;
  issued_at: Date;
  changed_at: Date;
  public_jwk: JWK | null;
}

/** The certificate, its issuer's name and the issuer's public key named by the certificate, in one statement. */
const SELECT = `SELECT c.identifier, c.type_code, c.issuer_code, d.name AS issuer_name, c.serial, c.edition, c.holder_id_type, c.holder_id, c.holder_name,
       c.valid_from, c.valid_until, c.face, c.status, c.status_reason, c.version, c.kid, c.signature, c.predecessor, c.successor,
       c.issued_at, c.changed_at, k.public_jwk
FROM certificate c
JOIN department d ON d.code = c.issuer_code
LEFT JOIN signing_key k ON k.kid = c.kid AND k.owner = c.issuer_code`;

function storedOf(r: Row): StoredCertificate {
  return {
    identifier: r.identifier,
    typeCode: r.type_code,
    issuerCode: r.issuer_code,
    issuerName: r.issuer_name,
    serial: r.serial,
    edition: r.edition,
    holderIdType: r.holder_id_type,
    holderId: r.holder_id,
    holderName: r.holder_name,
    validFrom: new Date(r.valid_from),
    validUntil: r.valid_until ? new Date(r.valid_until) : null,
    face: r.face,
    status: r.status,
    statusReason: r.status_reason,
    version: r.version,
    kid: r.kid,
    signature: r.signature,
    predecessor: r.predecessor,
    successor: r.successor,
    issuedAt: new Date(r.issued_at),
    changedAt: new Date(r.changed_at),
    publicJwk: r.public_jwk,
  };
}

/**
 * The same SELECT as a named statement (parsed and planned once per connection, not on every verification; the
 * identifiers through `array(SELECT unnest($1))` so that its generic plan is kept, see CHECKED_READ in records.ts).
 */
const BY_IDENTIFIERS: NamedStatement = { name: 'sharehub.certificates.by_identifier', text: `${SELECT} WHERE c.identifier = ANY(array(SELECT unnest($1::text[])))` };

/** Every certificate asked for in the operation, by identifier, in one SELECT. */
export function certificateLoader(ctx: RequestContext): DataLoader<string, StoredCertificate | null> {
  const key = 'certificates:byIdentifier';
  const existing = ctx.loaders.custom.get(key) as DataLoader<string, StoredCertificate | null> | undefined;
  if (existing) return existing;
  const loader = new DataLoader<string, StoredCertificate | null>(async (identifiers) => {
    const rows = isInOrmTransaction()
      ? await ctx.em.execute<Row[]>(`${SELECT} WHERE c.identifier = ANY(${TEXT_ARRAY})`, [textArray(identifiers)])
      : await ctx.hub.statements<Row>(BY_IDENTIFIERS, [identifiers]);
    const byIdentifier = new Map(rows.map((r) => [r.identifier, storedOf(r)]));
    return identifiers.map((id) => byIdentifier.get(id) ?? null);
  });
  ctx.loaders.custom.set(key, loader as DataLoader<string, unknown>);
  return loader;
}

export function isAuthentic(c: StoredCertificate): Promise<boolean> {
  return isSignatureValid(c.signature, signedContentOf(c), c.kid, c.publicJwk);
}

// ---- verification ----

/** STATUS_UNKNOWN: only for a credential whose status lists could not be had or trusted. */
export type VerificationStatus = CertificateState | 'NOT_FOUND' | 'STATUS_UNKNOWN';

export interface VerificationView {
  identifier: string;
  authentic: boolean;
  status: VerificationStatus;
  checkedAt: Date;
  certificateType: CertificateTypeEntry | null;
  issuer: { code: string; name: string } | null;
  validFrom: Date | null;
  validUntil: Date | null;
  holder: HolderView | null;
  face: FaceView | null;
  predecessor: string | null;
  successor: string | null;
  presentation: { presentedAt: Date; expiresAt: Date } | null;
}

function notFound(ctx: RequestContext, identifier: string): VerificationView {
  return { identifier, authentic: false, status: 'NOT_FOUND', checkedAt: ctx.now, certificateType: null, issuer: null, validFrom: null, validUntil: null, holder: null, face: null, predecessor: null, successor: null, presentation: null };
}

interface Shown {
  view: VerificationView;
  plan: ResourcePlan;
  shown: ShownCertificate;
}

async function verificationOf(ctx: RequestContext, c: StoredCertificate, key: string | Buffer): Promise<Shown | null> {
  const type = ctx.hub.catalog.certificateType(c.typeCode);
  const entry = ctx.hub.catalog.plannable(c.typeCode);
  if (!type || !entry) return null;
  const plan = certificatePlanFor(ctx.principal, ctx.plan.resources.get(type.code), entry, c.holderId);
  const shown = showCertificate(plan, entry, type.fields, c, key);
  return {
    plan,
    shown,
    view: {
      identifier: c.identifier,
      authentic: await isAuthentic(c),
      status: stateAt(c, ctx.now),
      checkedAt: ctx.now,
      certificateType: type,
      issuer: { code: c.issuerCode, name: c.issuerName },
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      holder: { idType: c.holderIdType, typeCode: type.code, ...shown.holder },
      face: { typeCode: type.code, values: shown.face, masked: shown.released.masked, denied: shown.released.withheld },
      predecessor: c.predecessor,
      successor: c.successor,
      presentation: null,
    },
  };
}

/**
 * One audit note per certificate type verified (its subjects and the grants cited), each verification's outcome in the
 * event's details, and the selected fields no grant gives at all. What each certificate's face and holder returned,
 * masked or withheld is noted where those fields resolve.
 */
function noteVerifications(ctx: RequestContext, results: Array<{ stored: StoredCertificate | null; shown: Shown | null; view: VerificationView }>): void {
  const outcomes = results.map((r) => ({ identifier: r.view.identifier, status: r.view.status, authentic: r.view.authentic }));
  const earlier = (ctx.audit.details.verifications as typeof outcomes | undefined) ?? [];
  ctx.audit.details.verifications = [...earlier, ...outcomes];
  const byType = new Map<string, Array<{ stored: StoredCertificate; shown: Shown }>>();
  for (const r of results) {
    if (!r.stored || !r.shown) continue;
    const list = byType.get(r.stored.typeCode) ?? [];
    list.push({ stored: r.stored, shown: r.shown });
    byType.set(r.stored.typeCode, list);
  }
  for (const [code, plan] of ctx.plan.resources) {
    if (!ctx.hub.catalog.certificateType(code)) continue;
    const list = byType.get(code) ?? [];
    if (list.length === 0 && plan.selected.size === 0) continue;
    const tally = tallyReleases(plan, code, list.map((x) => x.shown.shown.released));
    ctx.audit.noteRead({
      resourceType: code,
      subjectHashes: [...new Set(list.map((x) => ctx.hub.hashSubject(x.stored.holderId)))],
      fieldsDenied: deniedByPlan(plan, code),
      details: { grants: { ...((ctx.audit.details.grants as Record<string, string> | undefined) ?? {}), ...tally.grants } },
    });
  }
}

/** `verifyCertificates`: up to 100, answered in the order asked; malformed identifiers are refused before any lookup. */
export async function verifyCertificates(ctx: RequestContext, identifiers: readonly string[], argument = 'identifiers'): Promise<VerificationView[]> {
  if (identifiers.length > MAX_VERIFICATIONS) throw new BadUserInputError(`${argument}: at most ${MAX_VERIFICATIONS} certificates per request, got ${identifiers.length}.`, { argument });
  const checked = identifiers.map((raw, index) => checkIdentifier(raw, argument === 'identifier' ? argument : `${argument}[${index}]`).identifier);
  const rows = await certificateLoader(ctx).loadMany(checked);
  const key = ctx.maskingKey();
  const results = await Promise.all(
    rows.map(async (row, i) => {
      if (row instanceof Error) throw row;
      const shown = row ? await verificationOf(ctx, row, key) : null;
      return { stored: row, shown, view: shown?.view ?? notFound(ctx, checked[i]!) };
    }),
  );
  noteVerifications(ctx, results);
  return results.map((r) => r.view);
}

/** `verifyCertificate`: by identifier, or by a holder's presentation token (expired, altered or foreign: each its own error). */
export async function verifyCertificate(ctx: RequestContext, identifier: string | null | undefined, qrToken: string | null | undefined): Promise<VerificationView> {
  if (!identifier === !qrToken) throw new BadUserInputError('Give exactly one of identifier or qrToken.');
  if (identifier) return (await verifyCertificates(ctx, [identifier], 'identifier'))[0]!;
  const keys = (await ctx.hub.keys.publicKeysOf(PRESENTATION_KEY_OWNER)) as JWK[];
  const check = await checkPresentation(qrToken!.trim(), keys, ctx.now);
  if (!check.presentation) {
    ctx.audit.details.presentation = check.problem;
    if (check.problem === 'EXPIRED') throw new PresentationExpiredError();
    throw new PresentationInvalidError(check.problem);
  }
  const [view] = await verifyCertificates(ctx, [check.presentation.identifier], 'identifier');
  ctx.audit.details.presentation = 'ACCEPTED';
  return { ...view!, presentation: { presentedAt: check.presentation.presentedAt, expiresAt: check.presentation.expiresAt } };
}

// ---- presentation by the holder ----

export interface PresentationView {
  identifier: string;
  token: string;
  /** The token as a QR code: an SVG image as a data URL. */
  qrCode: string;
  presentedAt: Date;
  expiresAt: Date;
}

/** `presentCertificate`: a holder's own certificate as a five-minute token and its QR code. */
export async function presentCertificate(ctx: RequestContext, rawIdentifier: string): Promise<PresentationView> {
  const p = ctx.principal;
  if (p.kind !== 'HOLDER') throw new ForbiddenError('Certificates are presented by their holders: sign in through the citizen identity issuer.');
  const { identifier } = checkIdentifier(rawIdentifier, 'identifier');
  const c = await certificateLoader(ctx).load(identifier);
  if (!c || c.holderId !== p.subjectId) throw new NotFoundError(`You hold no certificate ${identifier}.`);
  const presentation = await signPresentation(await ctx.hub.keys.activeKey(PRESENTATION_KEY_OWNER), identifier, ctx.now);
  const svg = await QRCode.toString(presentation.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  ctx.audit.noteChange({
    action: 'certificate.present',
    resourceTypes: [c.typeCode],
    subjectHashes: [ctx.hub.hashSubject(c.holderId)],
    details: { identifier, expiresAt: presentation.expiresAt.toISOString() },
  });
  return { ...presentation, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

// ---- a service item's certificate material ----

const HELD_LIMIT = 20;

/**
 * The applicant's certificate of a type, as a window preparing an application for `purpose` may see it: VALID (the
 * newest that is valid now and authentic), NOT_VALID (the newest, and why), NONE, NO_TYPE or NO_GRANT.
 */
export const heldCertificate: CertificateLookup = async (ctx, typeCode, holderId, purpose) => {
  const type = ctx.hub.catalog.certificateType(typeCode);
  if (!type) return { status: 'NO_TYPE' };
  const p = ctx.principal;
  const departmentCode = p.kind === 'CLIENT' ? p.department.code : null;
  const entry = planEntryOf(type);
  const grants = departmentCode ? await requestGrants(ctx, departmentCode).load(typeCode) : [];
  const plan = planResource({ departmentCode, clientId: p.kind === 'CLIENT' ? p.clientId : null, purpose, entry, selected: new Set(type.fields.map((f) => f.name)), grants });
  if (!givesAnything(plan)) {
    const grantable = type.fields.filter((f) => f.sharing === 'UNCONDITIONAL').map((f) => f.name);
    return { status: 'NO_GRANT', missingFields: grantable.length ? grantable : type.fields.filter((f) => f.sharing === 'CONDITIONAL').map((f) => f.name), providerCode: type.issuerCode, plan };
  }
  const stored = (await ctx.em.execute<Row[]>(`${SELECT} WHERE c.type_code = ? AND c.holder_id = ? ORDER BY c.issued_at DESC, c.identifier DESC LIMIT ${HELD_LIMIT}`, [typeCode, holderId])).map(storedOf);
  // Out of scope looks like no certificate: only those some grant covers are considered at all.
  const key = ctx.maskingKey();
  const rows = stored.map((c) => ({ c, shown: showCertificate(plan, entry, type.fields, c, key) })).filter((r) => r.shown.released.isVisible);
  if (rows.length === 0) return { status: 'NONE', plan };
  // Newest first: a signature is checked only for a certificate valid now, and the first authentic one is the answer.
  let isNewestAuthentic: boolean | undefined;
  for (const [i, { c, shown }] of rows.entries()) {
    if (stateAt(c, ctx.now) !== CertificateStatus.VALID) continue;
    const authentic = await isAuthentic(c);
    if (i === 0) isNewestAuthentic = authentic;
    if (authentic) return { status: 'VALID', identifier: c.identifier, face: shown.face, released: shown.released, plan };
  }
  const newest = rows[0]!.c;
  isNewestAuthentic ??= await isAuthentic(newest);
  return { status: 'NOT_VALID', identifier: newest.identifier, detail: isNewestAuthentic ? stateAt(newest, ctx.now) : 'its stored data does not match its signature', plan };
};
