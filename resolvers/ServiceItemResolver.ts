// Resolvers for service items, prepared applications, receipts, consent (given and pending) and the once-only coverage report.
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ServiceItem, type Material } from '../entities/ServiceItem.js';
import { Role } from '../entities/Client.js';
import { ForbiddenError } from '../src/errors.js';
import type { RequestContext } from '../src/server/context.js';
import * as items from '../src/services/serviceItems.js';
import { myPendingConsents } from '../src/services/pendingConsents.js';
import {
  CoverageReportView,
  GiveConsentPayload,
  PendingConsentView,
  PrepareApplicationPayload,
  PublishServiceItemInput,
  PublishServiceItemPayload,
  ReceiptVerificationView,
  ServiceItemView,
} from './types/serviceItems.js';

export function serviceItemView(item: items.ServiceItemData): ServiceItemView {
  return { code: item.code, name: item.name, nameEn: item.nameEn, departmentCode: item.departmentCode, version: item.version, materials: item.materials };
}

@Resolver()
export class ServiceItemResolver {
  @Query(() => [ServiceItemView], { description: 'Government service items (政务服务事项) with their required materials.' })
  async serviceItems(@Ctx() ctx: RequestContext): Promise<ServiceItemView[]> {
    return (await ctx.em.find(ServiceItem, {}, { orderBy: { code: 'asc' } })).map(serviceItemView);
  }

  @Mutation(() => PublishServiceItemPayload, { description: "Publish a service item or a new version of one of your department's (data administrators). Materials must name existing catalog entries and fields." })
  async publishServiceItem(@Arg('input', () => PublishServiceItemInput) input: PublishServiceItemInput, @Ctx() ctx: RequestContext): Promise<PublishServiceItemPayload> {
    const materials: Material[] = input.materials.map((m) => ({
      key: m.key,
      name: m.name,
      source: m.source,
      typeCode: m.typeCode,
      fields: m.fields ?? [],
      condition: m.condition ?? null,
      isSatisfiedWhenAbsent: m.isSatisfiedWhenAbsent ?? false,
      isConsentRequired: m.isConsentRequired ?? false,
    }));
    const item = await items.publishServiceItem(ctx, { code: input.code, name: input.name, nameEn: input.nameEn, materials }, await ctx.hub.certificateTypes());
    return { serviceItem: serviceItemView(item) };
  }

  @Mutation(() => PrepareApplicationPayload, {
    description: 'Prepare an application at the window: every material is resolved from shared data (SATISFIED, with its source) or named as NEEDED with the reason. Reads state the service item code as purpose and the case number, one audit event per material. The answer carries a signed receipt.',
  })
  async prepareApplication(
    @Arg('serviceItemCode', { description: 'The service item.' }) serviceItemCode: string,
    @Arg('applicantId', { description: "The applicant's resident ID number or credit code." }) applicantId: string,
    @Arg('caseNumber', { description: 'The case number at the window.' }) caseNumber: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PrepareApplicationPayload> {
    const prepared = await items.prepareApplication(ctx, serviceItemCode, applicantId, caseNumber, ctx.hub.certificates);
    return {
      caseNumber: prepared.caseNumber,
      serviceItem: serviceItemView(prepared.serviceItem),
      materials: prepared.materials,
      satisfiedCount: prepared.materials.filter((m) => m.outcome === 'SATISFIED').length,
      receipt: prepared.receipt,
      preparedAt: prepared.preparedAt,
    };
  }

  @Query(() => ReceiptVerificationView, { description: 'Check a receipt online: authentic (signed by the hub, unaltered) and what it says.' })
  async verifyReceipt(@Arg('receipt', { description: 'The receipt (JWS).' }) receipt: string, @Ctx() ctx: RequestContext): Promise<ReceiptVerificationView> {
    const check = await items.verifyReceipt(ctx, receipt);
    return { isValid: check.isValid, problem: check.problem, content: check.payload };
  }

  @Mutation(() => GiveConsentPayload, { description: 'As the applicant (holder token): approve the use of your data for a case prepared for you.' })
  async giveConsent(@Arg('caseNumber') caseNumber: string, @Ctx() ctx: RequestContext): Promise<GiveConsentPayload> {
    const app = await items.giveConsent(ctx, caseNumber);
    return { caseNumber: app.caseNumber, consentGivenAt: app.consentGivenAt! };
  }

  @Query(() => [PendingConsentView], { description: 'As the applicant (holder token): the applications prepared about you that wait for your consent, newest first (at most 100).' })
  async myPendingConsents(@Ctx() ctx: RequestContext): Promise<PendingConsentView[]> {
    const pending = await myPendingConsents(ctx);
    const departments = await ctx.loaders.departmentByCode.loadMany([...new Set(pending.map((p) => p.departmentCode))]);
    const byCode = new Map(departments.filter((d): d is Exclude<typeof d, Error | null> => !!d && !(d instanceof Error)).map((d) => [d.code, d]));
    return pending.map((p) => {
      const d = byCode.get(p.departmentCode);
      return {
        caseNumber: p.caseNumber,
        department: d ? { code: d.code, shortCode: d.shortCode, name: d.name, nameEn: d.nameEn } : null,
        serviceItem: p.serviceItem,
        materials: p.materials,
        requestedAt: p.requestedAt,
      };
    });
  }

  @Query(() => CoverageReportView, { description: 'The once-only coverage report: per service item, the materials a department (default: yours) can resolve from shared data now, and why the others still need paper.' })
  async serviceItemCoverage(
    @Arg('departmentCode', () => String, { nullable: true, description: 'Credit code; auditors and data administrators may ask for any department.' }) departmentCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageReportView> {
    const p = ctx.principal;
    if (p.kind !== 'CLIENT') throw new ForbiddenError('The coverage report is for departments.');
    const dept = departmentCode ?? p.department.code;
    if (dept !== p.department.code && !p.roles.includes(Role.AUDITOR) && !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError('Only your own department.');
    const report = await items.serviceItemCoverage(
      { em: ctx.em, catalog: ctx.hub.catalog, now: ctx.now, certificateTypes: await ctx.hub.certificateTypes(), isSourceDown: ctx.hub.isSourceDown },
      dept,
    );
    return {
      departmentCode: dept,
      items: report.map((r) => ({ serviceItem: serviceItemView(r.item), resolvable: r.resolvable, total: r.total, needing: r.needing })),
      resolvable: report.reduce((n, r) => n + r.resolvable, 0),
      total: report.reduce((n, r) => n + r.total, 0),
    };
  }
}
