import { readKpis } from '#application/read-kpis.ts';
import type { KpiScope } from '#domain/kpi-report.ts';
import { listScope, mayReadKpis } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { kpiCsv } from './kpi-csv.ts';
import { badRequest, forbidden } from './problem.ts';
import { route } from './routes.ts';

const DAY = 86_400_000;
/** Three years of rollups is at most 36 months and two ragged ends; beyond that a report is an export job. */
const MAX_RANGE_DAYS = 3 * 366;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Without `from`, a year: the eleven months before `to`'s month and that month up to `to`. */
const defaultFrom = (to: string): string => {
  const [year, month] = to.split('-').map(Number) as [number, number];
  return day(Date.UTC(year, month - 12, 1));
};

export const handler = http(route('GET /kpis'), async ({ query, caller, headers, log }) => {
  const scope: KpiScope | undefined = query.companyId
    ? { kind: 'company', companyId: query.companyId }
    : query.repEmail
      ? { kind: 'rep', repEmail: query.repEmail }
      : listScope(caller);
  const owners =
    scope?.kind === 'company'
      ? { companyId: scope.companyId }
      : scope?.kind === 'rep'
        ? { repEmail: scope.repEmail }
        : {};
  if (!scope || !mayReadKpis(caller, owners)) throw forbidden('you may not read these KPIs');

  const to = query.to ?? day(Date.now());
  const from = query.from ?? defaultFrom(to);
  if (from > to) throw badRequest('the range is empty', [{ path: 'query.from', message: `must not be after ${to}` }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY >= MAX_RANGE_DAYS) {
    throw badRequest('the range is too long', [
      { path: 'query.from', message: `at most ${MAX_RANGE_DAYS} days before to` },
    ]);
  }

  const { report, itemsRead } = await readKpis(adapters().store.kpis, {
    from,
    to,
    groupBy: query.groupBy,
    scope,
    currency: query.currency,
  });
  log.info('kpis read', { scope: scope.kind, groupBy: query.groupBy, from, to, itemsRead });

  const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/i.test(headers.accept ?? ''));
  if (!csv) return { status: 200, body: report, headers: { vary: 'accept' } };
  return {
    status: 200,
    text: kpiCsv(report),
    contentType: 'text/csv; charset=utf-8',
    headers: {
      vary: 'accept',
      'content-disposition': `attachment; filename="kpis-${from}-${to}-by-${query.groupBy}.csv"`,
    },
  };
});
