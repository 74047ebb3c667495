// Resolvers for electronic certificates: types, issuance, status changes, verification, presentation. Thin: each a
// call into src/services (certificateTypes, certificates, certificateVerification, signingKeys).
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { faceTypeNameOf, holderFieldsOf, type CertificateTypeEntry } from '../src/catalog/certificateType.js';
import type { CertificateReadExtension } from '../src/authz/selection.js';
import type { RequestContext } from '../src/server/context.js';
import { certificateTypeVersions, publishCertificateType } from '../src/services/certificateTypes.js';
import * as certificates from '../src/services/certificates.js';
import * as verification from '../src/services/certificateVerification.js';
import * as credentials from '../src/services/credentials.js';
import { BadUserInputError } from '../src/errors.js';
import { decodeCursor, pageOf, pageSize } from '../src/services/pages.js';
import { rotateSigningKey } from '../src/services/signingKeys.js';
import {
  CertificateChangePayload,
  CertificateConnection,
  CertificatePresentationView,
  CertificateTypeVersionView,
  CertificateTypeView,
  CertificateVerificationView,
  CertificateVersionView,
  CertificateView,
  IssueCertificateInput,
  IssueCertificatePayload,
  PublishCertificateTypeInput,
  PublishCertificateTypePayload,
  RenewCertificateInput,
  RenewCertificatePayload,
  RotateSigningKeyPayload,
} from './types/certificates.js';

/** Marks the verification fields: the access plan plans every certificate type for them (holder and face fields). */
const READS_CERTIFICATES: { sharehub: CertificateReadExtension } = { sharehub: { readsCertificates: true } };

export function certificateTypeView(type: CertificateTypeEntry): CertificateTypeView {
  const field = (f: CertificateTypeEntry['fields'][number]) => ({ ...f, enumValues: f.enumValues ?? null });
  return { ...type, faceType: faceTypeNameOf(type.code), fields: type.fields.map(field), holderFields: holderFieldsOf(type.holderKind).map(field) };
}

function verificationView(v: verification.VerificationView): CertificateVerificationView {
  return { ...v, certificateType: v.certificateType ? certificateTypeView(v.certificateType) : null };
}

@Resolver(() => CertificateView)
export class CertificateResolver {
  @Query(() => [CertificateTypeView], { description: 'Certificate types (证照类型) issued through the hub, with their face fields and sharing classes.' })
  certificateTypes(@Ctx() ctx: RequestContext): CertificateTypeView[] {
    return ctx.hub.catalog.certificateTypes().map(certificateTypeView);
  }

  @Query(() => [CertificateTypeVersionView], { description: 'Every published version of a certificate type, newest first: compare two to see what changed.' })
  async certificateTypeVersions(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<CertificateTypeVersionView[]> {
    const versions = await certificateTypeVersions(ctx, code);
    return versions.map((v) => ({ version: v.entry.version, changedAt: v.changedAt, changedBy: v.changedBy, certificateType: certificateTypeView(v.entry) }));
  }

  @Mutation(() => PublishCertificateTypePayload, { description: "Publish a certificate type your department issues, or a new version of one (data administrators). Every instance serves its face type at once." })
  async publishCertificateType(@Arg('input', () => PublishCertificateTypeInput) input: PublishCertificateTypeInput, @Ctx() ctx: RequestContext): Promise<PublishCertificateTypePayload> {
    const type = await publishCertificateType(
      ctx,
      { ...input, defaultValidityDays: input.defaultValidityDays ?? null, fields: input.fields.map((f) => ({ ...f, enumValues: f.enumValues ?? undefined })) },
      ctx.hub.reservedNames,
    );
    return { certificateType: certificateTypeView(type) };
  }

  @Mutation(() => IssueCertificatePayload, {
    description: 'Issue a certificate of a type your department issues (its systems and data administrators): validated against the type, signed with your department’s key. The same idempotencyKey with the same input returns the same certificate; with other input it is CONFLICT.',
  })
  async issueCertificate(
    @Arg('input', () => IssueCertificateInput) input: IssueCertificateInput,
    @Arg('idempotencyKey', { description: 'Your key for this issuance (1-200 printable characters), unique within your department.' }) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<IssueCertificatePayload> {
    return certificates.issueCertificate(ctx, input, idempotencyKey);
  }

  @Mutation(() => CertificateChangePayload, { description: 'Suspend a VALID certificate your department issued, with a reason.' })
  async suspendCertificate(@Arg('identifier') identifier: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: RequestContext): Promise<CertificateChangePayload> {
    return { certificate: await certificates.changeCertificate(ctx, identifier, 'SUSPEND', reason) };
  }

  @Mutation(() => CertificateChangePayload, { description: 'Reinstate a SUSPENDED certificate your department issued. A revoked certificate is never reinstated.' })
  async reinstateCertificate(@Arg('identifier') identifier: string, @Ctx() ctx: RequestContext): Promise<CertificateChangePayload> {
    return { certificate: await certificates.changeCertificate(ctx, identifier, 'REINSTATE', null) };
  }

  @Mutation(() => CertificateChangePayload, { description: 'Revoke (吊销) a certificate your department issued, for good, with a reason.' })
  async revokeCertificate(@Arg('identifier') identifier: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: RequestContext): Promise<CertificateChangePayload> {
    return { certificate: await certificates.changeCertificate(ctx, identifier, 'REVOKE', reason) };
  }

  @Mutation(() => CertificateChangePayload, { description: 'Cancel (注销) a certificate your department issued, for good, with a reason (e.g. on the holder’s request).' })
  async cancelCertificate(@Arg('identifier') identifier: string, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: RequestContext): Promise<CertificateChangePayload> {
    return { certificate: await certificates.changeCertificate(ctx, identifier, 'CANCEL', reason) };
  }

  @Mutation(() => RenewCertificatePayload, { description: 'Renew a VALID certificate your department issued: a successor with the next version in its identifier, signed anew; the renewed one becomes CANCELLED and points at it.' })
  async renewCertificate(
    @Arg('identifier') identifier: string,
    @Arg('input', () => RenewCertificateInput, { nullable: true, description: 'New validity or face; default: as before.' }) input: RenewCertificateInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RenewCertificatePayload> {
    return certificates.renewCertificate(ctx, identifier, input ?? {});
  }

  @Mutation(() => RotateSigningKeyPayload, { description: "Rotate your department's certificate signing key (data administrators): new certificates use the new key; old keys stay published at /.well-known/jwks.json, so certificates signed with them still verify." })
  async rotateSigningKey(@Ctx() ctx: RequestContext): Promise<RotateSigningKeyPayload> {
    return rotateSigningKey(ctx);
  }

  @Query(() => CertificateView, {
    description:
      'One certificate with its history, for its issuer or its holder (NOT_FOUND for anyone else: others verify it). A read like any other: a client states a purpose (header x-sharehub-purpose); audited, with every face field when signedDocument is selected.',
  })
  @Extensions(READS_CERTIFICATES)
  async certificate(@Arg('identifier') identifier: string, @Ctx() ctx: RequestContext): Promise<CertificateView> {
    return certificates.findCertificate(ctx, identifier);
  }

  @Query(() => CertificateConnection, { description: 'As a holder (holder token): the certificates you hold, newest first. Audited, with every face field when signedDocument is selected.' })
  @Extensions(READS_CERTIFICATES)
  async myCertificates(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const size = pageSize(first);
    const rows = await certificates.myCertificates(ctx, size, decodeCursor(after));
    return pageOf(rows, size, (c) => ({ at: c.issuedAt, id: c.identifier }), (c) => c);
  }

  @Query(() => CertificateVerificationView, {
    description:
      'Verify a certificate (证照核验) by its identifier, by the token of a holder’s presentation (QR code), or by the Verifiable Credential the holder carries (signature, issuer key, validity and status lists checked): authentic, status now, validity, issuer, type, holder (masked unless granted) and the face fields your grants allow. Needs a purpose (header x-sharehub-purpose); audited. A malformed identifier or wrong check character is BAD_USER_INPUT; an expired presentation PRESENTATION_EXPIRED; an altered or foreign one PRESENTATION_INVALID; a credential that is not this hub’s, names an unknown key or was altered CREDENTIAL_INVALID (with its reason).',
  })
  @Extensions(READS_CERTIFICATES)
  async verifyCertificate(
    @Arg('identifier', () => String, { nullable: true, description: 'The certificate identifier, e.g. YYZZ.11330100MBDEM00239.0000000042.01.K.' }) identifier: string | null,
    @Arg('qrToken', () => String, { nullable: true, description: 'The token of a holder’s presentation (what its QR code holds).' }) qrToken: string | null,
    @Arg('credential', () => String, { nullable: true, description: 'A W3C Verifiable Credential of this hub that the holder carries (application/vc+jwt), e.g. scanned from its QR code.' }) credential: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateVerificationView> {
    if (credential) {
      if (identifier || qrToken) throw new BadUserInputError('Give exactly one of identifier, qrToken or credential.');
      return verificationView(await credentials.verifyCredential(ctx, credential));
    }
    return verificationView(await verification.verifyCertificate(ctx, identifier, qrToken));
  }

  @Query(() => [CertificateVerificationView], { description: `Verify up to ${verification.MAX_VERIFICATIONS} certificates at once, answered in the order asked, at a constant cost. Needs a purpose; audited.` })
  @Extensions(READS_CERTIFICATES)
  async verifyCertificates(
    @Arg('identifiers', () => [String], { description: `At most ${verification.MAX_VERIFICATIONS} identifiers.` }) identifiers: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateVerificationView[]> {
    return (await verification.verifyCertificates(ctx, identifiers)).map(verificationView);
  }

  @Mutation(() => CertificatePresentationView, { description: 'As a holder: present a certificate you hold. The token (and its QR code) is valid for five minutes and serves only to verify this certificate.' })
  async presentCertificate(@Arg('identifier') identifier: string, @Ctx() ctx: RequestContext): Promise<CertificatePresentationView> {
    return verification.presentCertificate(ctx, identifier);
  }

  @FieldResolver(() => String)
  async credential(@Root() certificate: CertificateView, @Ctx() ctx: RequestContext): Promise<string> {
    return credentials.credentialOfCertificate(ctx, certificate.identifier);
  }

  @FieldResolver(() => String, { nullable: true })
  async credentialQrCode(@Root() certificate: CertificateView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return credentials.credentialQrCode(await credentials.credentialOfCertificate(ctx, certificate.identifier));
  }

  @FieldResolver(() => [CertificateVersionView], { description: 'Every version of the certificate, oldest first.' })
  async history(@Root() certificate: CertificateView, @Ctx() ctx: RequestContext): Promise<CertificateVersionView[]> {
    const versions = await certificates.certificateHistory(ctx, certificate.identifier);
    return versions.map((v) => ({ version: v.version, action: v.action as CertificateVersionView['action'], status: v.status, reason: v.reason ?? null, successor: v.successor ?? null, changedBy: v.changedBy, changedAt: v.changedAt }));
  }
}

