import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { InputError, placeOf } from '../input-error.ts';
import type { Evaluation, KpiResult } from '../kpi/types.ts';
import type { Commitment } from '../schema/promise.ts';
import type { Language } from '../schema/text.ts';

// The directives of a report narrative, read and checked against the evaluation: no HTML, no charts,
// so that `pledge check` can refuse what the build would refuse without loading either.

/** The placeholder attribute an embed's element carries between parsing and filling in. */
export const EMBED_ATTRIBUTE = 'dataPledgeEmbed';

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

/**
 * Everything in a report that renderReport would refuse (an embed with no KPI, a KPI or period that
 * does not exist), found without building its HTML or charts: `pledge check` runs this, so that a
 * report that checks clean renders.
 */
export function validateReport(markdown: string, slug: string, baseContext: EmbedContext): void {
  const context = { ...baseContext, period: reportPeriod(slug) };
  collectEmbeds(unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(markdown) as MdastRoot, [], context);
}

/**
 * A report named for a month or quarter (`2026-02-carrier-strike`, `2026-Q1-review`) is about that
 * period: its embeds end there, and its PDF header names it rather than the latest month.
 */
export function reportPeriod(slug: string): string | null {
  const match = /^(\d{4}-(?:0[1-9]|1[0-2]|Q[1-4]))(?:[-_.]|$)/.exec(slug);
  return match?.[1] ?? null;
}

/** Turns each pledge directive into a placeholder element that survives sanitizing. */
export function collectEmbeds(node: MdastNodes, requests: EmbedRequest[], context: EmbedContext): void {
  if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
    const kind = EMBED_NAMES[node.name];
    if (kind) {
      const request = toRequest(node, kind, context);
      findResult(request, context);
      node.data = { hName: node.type === 'textDirective' ? 'span' : 'div', hProperties: { [EMBED_ATTRIBUTE]: String(requests.length) }, hChildren: [] };
      requests.push(request);
      return;
    }
  }
  if ('children' in node) for (const child of node.children) collectEmbeds(child as MdastNodes, requests, context);
}

function toRequest(node: Extract<MdastNodes, { name: string }>, kind: EmbedRequest['kind'], context: EmbedContext): EmbedRequest {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  const label = node.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
  const kpiId = node.attributes?.id ?? label;
  if (!kpiId) {
    throw new InputError(placeOf(context.file, line, column), `The ${node.name} embed names no KPI.`,
      `Write it as ${kind === 'value' ? ':kpi[on_time_delivery]' : `::${node.name}{id=on_time_delivery}`}.`);
  }
  const last = Number(node.attributes?.last);
  return {
    kind, kpiId, line, column,
    // Present but empty (`period=""`) is still a period asked for, and findResult refuses it.
    ...(typeof node.attributes?.period === 'string' ? { period: node.attributes.period } : {}),
    ...(Number.isInteger(last) && last > 0 ? { last } : {}),
  };
}

