import type { Period } from '../../schema/text.ts';
import { defineRule } from '../define-rule.ts';
import { kpiPlace } from '../helpers.ts';

const MONTHS: Record<Period, number> = { week: 0, month: 1, quarter: 3 };

/** The instant one period after `iso`, in UTC (a month after 31 January is 3 March, as Date counts). */
export function onePeriodAfter(iso: string, period: Period): number {
  const date = new Date(iso);
  if (period === 'week') return date.getTime() + 7 * 86_400_000;
  date.setUTCMonth(date.getUTCMonth() + MONTHS[period]);
  return date.getTime();
}

/**
 * A KPI's latest row is further behind the build date (SOURCE_DATE_EPOCH, or now) than its period:
 * the page would show old figures as the latest. ok: monthly data up to 28 February, built 10 March;
 * not ok: the same data built on 2 April.
 */
export default defineRule({
  id: 'data-stale',
  severity: 'warning',
  summary: 'the data ends further behind the build date than the KPI\'s period',
  needsData: true,
  messages: ['stale'],
  check(input, report) {
    const asOf = input.asOf ? Date.parse(input.asOf) : NaN;
    if (Number.isNaN(asOf)) return;
    for (const result of input.evaluation?.kpis ?? []) {
      const { kpi, dataDate } = result;
      if (!dataDate || onePeriodAfter(dataDate, kpi.period) >= asOf) continue;
      const days = Math.floor((asOf - Date.parse(dataDate)) / 86_400_000);
      report(kpiPlace(input, kpi.id, 'source'), 'stale', {
        kpi: kpi.id, last: dataDate.slice(0, 10), days, built: input.asOf?.slice(0, 10) ?? '',
        period: { period: kpi.period, count: 1 }, source: typeof kpi.source === 'string' ? kpi.source : kpi.source.connection,
      });
    }
  },
});
