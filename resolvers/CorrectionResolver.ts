// Resolvers for data correction reports: thin, each a call into src/services/corrections.ts.
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CorrectionStatus, type CorrectionReport } from '../entities/CorrectionReport.js';
import type { RequestContext } from '../src/server/context.js';
import type { AccessSide } from '../src/services/access.js';
import * as corrections from '../src/services/corrections.js';
import { decodeCursor, pageOf, pageSize } from '../src/services/pages.js';
import { AccessSideEnum } from './types/access.js';
import {
  CorrectionReportConnection,
  CorrectionReportView,
  ReportDataErrorInput,
  ReportDataErrorPayload,
  ResolveDataErrorInput,
  ResolveDataErrorPayload,
} from './types/corrections.js';

function reportView(r: CorrectionReport): CorrectionReportView {
  return {
    id: r.id,
    resourceType: r.resourceTypeCode,
    subjectId: r.subjectId,
    field: r.field,
    recordVersion: r.recordVersion,
    comment: r.comment,
    reporterCode: r.reporterCode,
    reportedBy: r.reportedBy,
    reportedAt: r.reportedAt,
    status: r.status,
    resolution: r.resolution ?? null,
    correctedVersion: r.correctedVersion ?? null,
    resolvedBy: r.resolvedBy ?? null,
    resolvedAt: r.resolvedAt ?? null,
  };
}

@Resolver()
export class CorrectionResolver {
  @Mutation(() => ReportDataErrorPayload, {
    description:
      "Report that a field of another department's record is wrong (数据纠错), for its provider to correct or reject. Systems, data administrators and window clerks of a department whose grant lets it read that field.",
  })
  async reportDataError(@Arg('input', () => ReportDataErrorInput) input: ReportDataErrorInput, @Ctx() ctx: RequestContext): Promise<ReportDataErrorPayload> {
    return { correctionReport: reportView(await corrections.reportDataError(ctx, input)) };
  }

  @Mutation(() => ResolveDataErrorPayload, {
    description: "Answer an OPEN report about your department's data (systems and data administrators): correct the record, which gets a new version, or reject the report with a reason.",
  })
  async resolveDataError(@Arg('input', () => ResolveDataErrorInput) input: ResolveDataErrorInput, @Ctx() ctx: RequestContext): Promise<ResolveDataErrorPayload> {
    return { correctionReport: reportView(await corrections.resolveDataError(ctx, input)) };
  }

  @Query(() => CorrectionReportConnection, { description: "Data correction reports your department made (CONSUMER) or must answer (PROVIDER), newest first." })
  async correctionReports(
    @Arg('side', () => AccessSideEnum, { description: 'CONSUMER: reports your department made; PROVIDER: reports about its data.' }) side: AccessSide,
    @Arg('status', () => CorrectionStatus, { nullable: true, description: 'Only reports in this status.' }) status: CorrectionStatus | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const size = pageSize(first);
    const rows = await corrections.listCorrectionReports(ctx, side, status, size, decodeCursor(after));
    return pageOf(rows, size, (r) => ({ at: r.reportedAt, id: r.id }), reportView);
  }
}
