import {
  groupingFor,
  type KpiGroupBy,
  type KpiReport,
  type KpiScope,
  kpiReport,
  periodRanges,
  scopeKey,
} from '#domain/kpi-report.ts';
import type { KpiStore } from '#store/ports.ts';

export interface KpiRequest {
  from: string;
  to: string;
  groupBy: KpiGroupBy;
  scope: KpiScope;
  currency?: string | undefined;
}

/** The KPI report from rollups alone — at most three queries, whatever the number of RFQs behind them. */
export const readKpis = async (
  kpis: KpiStore,
  request: KpiRequest,
): Promise<{ report: KpiReport; itemsRead: number }> => {
  const { rollups, itemsRead } = await kpis.read(
    scopeKey(request.scope),
    groupingFor(request.scope, request.groupBy),
    periodRanges(request.from, request.to),
  );
  return { report: kpiReport(request, rollups), itemsRead };
};
