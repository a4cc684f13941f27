import type { ElementContent, Element } from 'hast';
import type { KpiResult } from '../kpi/types.ts';
import { findResult, type EmbedContext, type EmbedRequest } from './directives.ts';
import type { Language } from '../schema/text.ts';
import { chartCaption, chartPoints, lineChartPair, type ChartPair } from '../site/chart.ts';
import { figureTargets, formatPeriod, formatValue } from '../site/format.ts';
import { UI_STRINGS } from '../site/strings.ts';

/** Trusted HTML for one embed, built from numbers and pledge's own labels only. */
export function embedNodes(request: EmbedRequest, context: EmbedContext): ElementContent[] {
  const result = findResult(request, context);
  const commitment = context.commitments?.find((c) => c.kpi === result.kpi.id);
  const targets = commitment ? figureTargets(commitment) : [];
  const upToReport = bucketsUntil(result.buckets, context.period);
  const buckets = upToReport.slice(-(request.last ?? 12));
  if (request.kind === 'value') {
    const bucket = request.period ? result.buckets.find((b) => b.period === request.period) : upToReport.findLast((b) => b.complete);
    return [element('strong', { className: ['kpi-value'] }, [text(formatValue(bucket?.value ?? null, result.kpi.unit, context.language, targets))])];
  }
  const table = kpiTable(result, buckets, context.language, targets);
  if (request.kind === 'table') return [table];
  const spec = {
    points: chartPoints(buckets, context.language),
    unit: result.kpi.unit,
    ...(commitment?.target ? { target: commitment.target.value } : {}),
    provisionalLabel: UI_STRINGS[context.language].internal.inProgress,
  };
  const chart = lineChartPair(spec);
  const svg = (variant: keyof ChartPair) =>
    element('div', { className: ['chart-svg', `chart-${variant}`] }, [{ type: 'raw', value: chart[variant] } as unknown as ElementContent]);
  const caption = element('figcaption', { className: ['muted', 'small'] }, [text(chartCaption(result.kpi.name, spec, context.language))]);
  return [element('figure', { className: ['chart'] }, [svg('wide'), svg('compact'), caption, table])];
}

/**
 * The buckets that had ended when the report's period ended: what was known then (all of them for a
 * report without a period). A quarterly KPI in a January report stops at the quarter before.
 */
function bucketsUntil(buckets: KpiResult['buckets'], period: string | null | undefined): KpiResult['buckets'] {
  const end = period ? periodEnd(period) : undefined;
  return end === undefined ? buckets : buckets.filter((b) => Date.parse(b.end) <= end);
}

/** `2026-02` → the instant March 2026 starts; `2026-Q1` → April 2026 (UTC). */
function periodEnd(period: string): number | undefined {
  const match = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const monthsIn = match[2] ? Number(match[2]) : Number(match[3]) * 3;
  return Date.UTC(year, monthsIn, 1);
}

function kpiTable(result: KpiResult, buckets: KpiResult['buckets'], language: Language, targets: readonly number[]): Element {
  const cell = (tag: string, value: string, scope?: string) => element(tag, scope ? { scope } : {}, [text(value)]);
  const { columns } = UI_STRINGS[language].internal;
  return element('table', { className: ['data'] }, [
    element('caption', {}, [text(result.kpi.name)]),
    element('thead', {}, [element('tr', {}, [cell('th', columns.period, 'col'), cell('th', columns.value, 'col'), cell('th', columns.sample, 'col')])]),
    element('tbody', {}, buckets.map((b) => element('tr', {}, [
      cell('th', formatPeriod(b.period, language), 'row'),
      cell('td', formatValue(b.value, result.kpi.unit, language, targets)),
      cell('td', String(b.n)),
    ]))),
  ]);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
