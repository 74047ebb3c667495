// Certificates as W3C Verifiable Credentials: the credential a holder (or the issuer) downloads, signed on request
// with the issuing department's active key, and the window's verification of one a holder carries, answered like the
// other verifications (the stored certificate's fields through the enforcement point) plus what the credential and
// its status lists say.
import DataLoader from 'dataloader';
import QRCode from 'qrcode';
import type { JWK } from 'jose';
import { CertificateStatus } from '../../entities/Certificate.js';
import { StatusPurpose } from '../../entities/StatusList.js';
import { isIssuerOrHolder } from '../authz/certificatePlan.js';
import { HubError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';
import { credentialOf, signCredential, type StatusEntry } from '../vc/credential.js';
import { checkCredential, type CredentialProblem, type CheckedCredential, type StatusCheck } from '../vc/verify.js';
import type { CredentialUrls } from '../vc/urls.js';
import type { CertificateData } from './certificates.js';
import { certificateLoader, verifyCertificates, type VerificationView } from './certificateVerification.js';
import { statusEntriesOf, type StatusListPublisher } from './statusLists.js';

/** What the hub needs to issue and check credentials: where things are published, and the status lists. */
export interface CredentialDeps {
  urls: CredentialUrls;
  statusLists: StatusListPublisher;
}

/** Byte-mode capacity of a version 40 QR code at error correction L: a longer credential gets no QR code. */
export const MAX_QR_BYTES = 2_953;

/**
 * The credential of a certificate its issuer or holder has been shown (the CertificateView's field), signed once per
 * request: `credential` and `credentialQrCode` in one query are the same credential. The certificates of one page are
 * read in one batch (their status list places and type versions in one statement each).
 */
export function credentialOfCertificate(ctx: RequestContext, identifier: string): Promise<string> {
  const key = 'credentials:byIdentifier';
  let loader = ctx.loaders.custom.get(key) as DataLoader<string, string> | undefined;
  if (!loader) {
    loader = new DataLoader<string, string>(async (identifiers) => {
      const stored = await certificateLoader(ctx).loadMany(identifiers);
      const places = await statusEntriesOf(ctx.em, identifiers, ctx.hub.credentials.urls);
      const versions = await typeVersionsOf(ctx, identifiers);
      return Promise.all(
        identifiers.map(async (id, i) => {
          const c = stored[i];
          if (c instanceof Error) return c;
          if (!c || !isIssuerOrHolder(ctx.principal, c.issuerCode, c.holderId)) return new NotFoundError(`No certificate ${id} that you issued or hold.`);
          return credentialFor(ctx, c, places.get(id) ?? [], versions.get(id) ?? 1);
        }),
      );
    });
    ctx.loaders.custom.set(key, loader as DataLoader<string, unknown>);
  }
  return loader.load(identifier);
}

/** The certificate as a vc+jwt, signed now with its issuer's active key (old credentials keep their key's kid). */
async function credentialFor(ctx: RequestContext, c: CertificateData, status: StatusEntry[], typeVersion: number): Promise<string> {
  // Every certificate has its places (at issuance, or the backfill at start): one without them is a fault of the hub.
  if (status.length !== 2) throw new Error(`certificate ${c.identifier} has no status list entries`);
  const { urls } = ctx.hub.credentials;
  const credential = credentialOf({
    identifier: c.identifier,
    typeCode: c.typeCode,
    typeNameZh: ctx.hub.catalog.certificateType(c.typeCode)?.nameZh ?? c.typeCode,
    contextUrl: urls.context(c.typeCode, typeVersion),
    issuerUrl: urls.issuer(c.issuerCode),
    holder: { idType: c.holderIdType, idNumber: c.holderId, name: c.holderName },
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    face: c.face,
    status,
  });
  return signCredential(credential, await ctx.hub.keys.activeKey(c.issuerCode));
}

/** The face definition version each certificate was validated against: its context's version. */
async function typeVersionsOf(ctx: RequestContext, identifiers: readonly string[]): Promise<Map<string, number>> {
  const rows = await ctx.em.execute<Array<{ identifier: string; type_version: number }>>(`SELECT identifier, type_version FROM certificate WHERE identifier = ANY(${TEXT_ARRAY})`, [textArray(identifiers)]);
  return new Map(rows.map((r) => [r.identifier, r.type_version]));
}

/** The credential as a QR code (an SVG data URL), or null when it is too long for one. */
export async function credentialQrCode(jws: string): Promise<string | null> {
  if (Buffer.byteLength(jws) > MAX_QR_BYTES) return null;
  const svg = await QRCode.toString(jws, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

// ---- the window's verification ----

const INVALID: Record<CredentialProblem, string> = {
  MALFORMED: 'This is not a verifiable credential of this hub (a vc+jwt with the W3C VC 2.0 properties).',
  FOREIGN_ISSUER: 'This credential was issued elsewhere: its issuer is not a department of this hub.',
  UNKNOWN_KEY: 'This credential names a key (kid) its issuer has never published.',
  SIGNATURE_MISMATCH: 'This credential was altered after it was signed, or its signature is not its issuer’s.',
};

export class CredentialInvalidError extends HubError {
  constructor(reason: CredentialProblem) {
    super('CREDENTIAL_INVALID', INVALID[reason], { reason });
  }
}

/** How one status list answered. */
export type StatusListAnswer = 'CLEAR' | 'SET' | 'UNAVAILABLE' | 'INVALID' | 'STALE' | 'ABSENT';

export interface CredentialCheckView {
  kid: string;
  issuer: string;
  validFrom: Date;
  validUntil: Date | null;
  revocation: StatusListAnswer;
  suspension: StatusListAnswer;
}

function answerOf(check: StatusCheck | undefined): StatusListAnswer {
  if (!check) return 'ABSENT';
  return check.problem ?? (check.isSet ? 'SET' : 'CLEAR');
}

/** The standing the credential tells, the stored certificate's standing `stored` being the other witness. */
function standingOf(c: CheckedCredential, stored: VerificationView['status'], now: Date): VerificationView['status'] {
  const revocation = c.status[StatusPurpose.REVOCATION];
  const suspension = c.status[StatusPurpose.SUSPENSION];
  if (revocation?.isSet) return stored === CertificateStatus.CANCELLED ? CertificateStatus.CANCELLED : CertificateStatus.REVOKED;
  if (suspension?.isSet) return CertificateStatus.SUSPENDED;
  // Without both lists' answers nothing says the credential still stands.
  if (!revocation || !suspension || revocation.problem || suspension.problem) return 'STATUS_UNKNOWN';
  if (c.validUntil && c.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (c.validFrom.getTime() > now.getTime()) return 'NOT_YET_VALID';
  return stored;
}

/** Reads this hub's own issuers and status lists straight from the database (what it serves to everyone else). */
function hubResolvers(ctx: RequestContext) {
  const { urls, statusLists } = ctx.hub.credentials;
  return {
    keysOf: async (issuerCode: string) => (await ctx.hub.keys.publicKeysOf(issuerCode)) as JWK[],
    async statusList(url: string): Promise<string> {
      const address = urls.statusListOf(url);
      const doc = address ? await statusLists.document(address, ctx.now) : null;
      if (!doc) throw new Error('no such status list');
      return doc.jws;
    },
  };
}

/** `verifyCertificate(credential:)`: the credential's signature, issuer key, validity and status lists, then the certificate. */
export async function verifyCredential(ctx: RequestContext, jws: string): Promise<VerificationView & { credential: CredentialCheckView }> {
  const check = await checkCredential(jws.trim(), ctx.hub.credentials.urls, hubResolvers(ctx), ctx.now);
  if (!check.credential) {
    ctx.audit.details.credential = check.problem;
    throw new CredentialInvalidError(check.problem);
  }
  const c = check.credential;
  const [view] = await verifyCertificates(ctx, [c.identifier], 'credential');
  const stored = await certificateLoader(ctx).load(c.identifier);
  // The credential must say what the certificate says: the same holder and validity (both signed by the issuer).
  const isSame =
    !!stored &&
    stored.issuerCode === c.issuerCode &&
    c.subject.holderIdNumber === stored.holderId &&
    c.validFrom.getTime() === Math.floor(stored.validFrom.getTime() / 1000) * 1000 &&
    (c.validUntil?.getTime() ?? null) === (stored.validUntil ? Math.floor(stored.validUntil.getTime() / 1000) * 1000 : null);
  const credential: CredentialCheckView = {
    kid: c.kid,
    issuer: ctx.hub.credentials.urls.issuer(c.issuerCode),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    revocation: answerOf(c.status[StatusPurpose.REVOCATION]),
    suspension: answerOf(c.status[StatusPurpose.SUSPENSION]),
  };
  ctx.audit.details.credential = { outcome: 'ACCEPTED', kid: c.kid, revocation: credential.revocation, suspension: credential.suspension };
  const status = view!.status === 'NOT_FOUND' ? 'NOT_FOUND' : standingOf(c, view!.status, ctx.now);
  return { ...view!, authentic: view!.authentic && isSame, status, credential };
}
