// `myPendingConsents`: the applications prepared about a holder that wait for their consent, with what they would use.
import { Application, ServiceItem, type Material } from '../../entities/ServiceItem.js';
import { pendingConsentScope } from '../authz/consentScope.js';
import type { RequestContext } from '../server/context.js';

export interface PendingConsent {
  caseNumber: string;
  departmentCode: string;
  serviceItem: { code: string; name: string; nameEn: string };
  /** The materials whose use needs the applicant's consent. */
  materials: Material[];
  requestedAt: Date;
}

/** Newest first. Applications whose service item no longer asks for consent are not pending. */
export async function myPendingConsents(ctx: RequestContext): Promise<PendingConsent[]> {
  const scope = pendingConsentScope(ctx.principal, ctx.hub.hashSubject);
  const applications = await ctx.em.find(Application, { applicantHash: scope.applicantHash, consentGivenAt: null }, { orderBy: { preparedAt: 'desc' }, limit: 100 });
  const codes = [...new Set(applications.map((a) => a.serviceItemCode))];
  const items = new Map((codes.length ? await ctx.em.find(ServiceItem, { code: { $in: codes } }) : []).map((i) => [i.code, i]));
  const pending = applications.flatMap((a): PendingConsent[] => {
    const item = items.get(a.serviceItemCode);
    const materials = item?.materials.filter((m) => m.isConsentRequired) ?? [];
    if (!item || !materials.length) return [];
    return [{ caseNumber: a.caseNumber, departmentCode: a.preparedByDepartment, serviceItem: { code: item.code, name: item.name, nameEn: item.nameEn }, materials, requestedAt: a.preparedAt }];
  });
  // Audited like the holder's other reads of their own affairs: their own subject on the operation's event.
  ctx.audit.subjectHashes.add(scope.applicantHash);
  ctx.audit.details.pendingConsentsShown = pending.length;
  return pending;
}
