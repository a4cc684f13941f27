import type { ElementContent, Element } from 'hast';
import { InputError, placeOf } from '../input-error.ts';
import type { Evaluation, KpiResult } from '../kpi/types.ts';
import type { Language } from '../schema/text.ts';
import type { Commitment } from '../schema/promise.ts';
import { chartCaption, chartPoints, lineChartPair, type ChartPair } from '../site/chart.ts';
import { figureTargets, formatPeriod, formatValue } from '../site/format.ts';
import { UI_STRINGS } from '../site/strings.ts';

/** What a directive asks for: `:kpi[id]`, `::kpi-table{id=… last=6}`, `::kpi-chart{id=… last=12}`. */
export interface EmbedRequest {
  kind: 'value' | 'table' | 'chart';
  kpiId: string;
  period?: string;
  last?: number;
  line: number;
  column: number;
}

export interface EmbedContext {
  file: string;
  evaluation: Evaluation;
  language: Language;
  /** The report's own period: embeds without a `period` stop there instead of at the latest data. */
  period?: string | null;
  /** The promise's commitments: a chart draws the public target of the first one on its KPI. */
  commitments?: readonly Commitment[];
}

export const EMBED_NAMES: Record<string, EmbedRequest['kind']> = { kpi: 'value', 'kpi-table': 'table', 'kpi-chart': 'chart' };

/** The KPI an embed names, checked: an unknown KPI, or a period it has no bucket for, is an input error at the embed. */
export function findResult(request: EmbedRequest, context: EmbedContext): KpiResult {
  const result = context.evaluation.kpis.find((k) => k.kpi.id === request.kpiId);
  if (result) {
    if (request.period !== undefined && !result.buckets.some((b) => b.period === request.period)) throw unknownPeriod(request, result, context);
    return result;
  }
  const known = context.evaluation.kpis.map((k) => k.kpi.id).join(', ') || 'none';
  throw new InputError(placeOf(context.file, request.line, request.column),
    `The report embeds KPI "${request.kpiId}", which kpis.yaml does not define.`,
    `Use one of: ${known}.`);
}

function unknownPeriod(request: EmbedRequest, result: KpiResult, context: EmbedContext): InputError {
  const periods = result.buckets.map((b) => b.period);
  const range = periods.length ? `Its periods run from ${periods[0]} to ${periods.at(-1)}` : 'It has no data at all';
  return new InputError(placeOf(context.file, request.line, request.column),
    `The report embeds KPI "${request.kpiId}" for period "${request.period}", which its data does not have.`,
    `${range} (${result.kpi.period}ly, written like ${periods.at(-1) ?? example(result.kpi.period)}); fix the period or remove it to show the latest.`);
}

function example(period: KpiResult['kpi']['period']): string {
  return { week: '2026-W07', month: '2026-03', quarter: '2026-Q1' }[period];
}

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
