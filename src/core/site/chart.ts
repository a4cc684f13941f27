import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Bucket } from '../kpi/types.ts';
import type { Language } from '../schema/text.ts';
import { formatPeriod } from './format.ts';
import { fill, UI_STRINGS } from './strings.ts';

export interface ChartPoint {
  /** Already formatted by pledge (a period label), never raw input text. */
  label: string;
  value: number | null;
  /** The target in force in this period, when it can differ from period to period (null: none then). */
  target?: number | null;
  /** The period is still in progress: drawn hollow, on a dashed segment, and labelled, never as a final value. */
  provisional?: boolean;
}

export interface ChartSpec {
  points: ChartPoint[];
  /** The public target, drawn as a dashed line. */
  target?: number;
  /** The internal target (internal charts only), drawn as a dotted line. */
  internalTarget?: number;
  /** The words beside a provisional point ("in progress"), in the page's language. */
  provisionalLabel?: string;
  unit: string;
  width?: number;
  height?: number;
  /** At most this many period labels on the x axis (default 6). */
  maxTicks?: number;
  /** Text size in SVG units (default 12): larger for charts drawn small, so they read on a phone. */
  fontSize?: number;
}

/**
 * A line chart as an SVG string, made at build time with Observable Plot on a light DOM (linkedom),
 * so it needs no JavaScript in the page and prints crisply. Colours are CSS variables the page sets
 * for light, dark and print. Only numbers and pledge's own labels go in: the chart is decorative
 * for screen readers (aria-hidden) because the same figures are in a table beside it.
 */
export function lineChart(spec: ChartSpec): string {
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = drawChart(spec);
    if (drawn.size >= MAX_DRAWN) drawn.clear();
    drawn.set(key, svg);
  }
  return svg;
}

/**
 * Charts already drawn, by their spec: drawing one is the costliest part of a page's data, and under
 * `pledge dev` a save mostly leaves the figures, and so the charts, as they were.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 500;

function drawChart(spec: ChartSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = spec.points.map((p) => p.label);
  const every = Math.ceil(labels.length / (spec.maxTicks ?? 6));
  // Ticks only where there is a label (counted back from the latest period), so no stray marks.
  const ticks = labels.filter((_, i) => i % every === (labels.length - 1) % every);
  const svg = Plot.plot({
    document,
    width: spec.width ?? 560,
    height: spec.height ?? 200,
    marginLeft: 44,
    // Room above the top tick for the unit label ("↑ hours"), which sits there.
    marginTop: Math.round((spec.fontSize ?? 12) * 2.4),
    marginRight: 28,
    style: { fontSize: `${spec.fontSize ?? 12}px`, background: 'transparent' },
    x: { type: 'point', domain: labels, label: null, ticks },
    y: { grid: true, label: spec.unit ? `${spec.unit}` : null, nice: true, domain: yDomain(spec) },
    marks: [...targetMarks(spec), ...valueMarks(spec)],
  });
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return svg.outerHTML;
}

const TARGET_STYLE = { stroke: 'var(--chart-target)', strokeWidth: 2, strokeDasharray: '7 5', className: 'chart-target' };

/**
 * One dashed rule across the chart while the target never changed; a stepped dashed line when it did
 * (the step sits halfway between the last period of one version and the first of the next), with a
 * gap over periods before the promise. The internal target, on internal charts, is a dotted rule.
 * Each mark's group has a class naming what it draws (chart-target, chart-provisional), so tests and
 * styles can find it.
 */
function targetMarks(spec: ChartSpec): Plot.Markish[] {
  const publicTarget = targetChanges(spec)
    ? [Plot.line(spec.points, { x: 'label', y: (p: ChartPoint) => p.target ?? Number.NaN, curve: 'step', ...TARGET_STYLE })]
    : spec.target === undefined ? [] : [Plot.ruleY([spec.target], TARGET_STYLE)];
  return [
    ...publicTarget,
    ...(spec.internalTarget === undefined ? [] : [Plot.ruleY([spec.internalTarget],
      { stroke: 'var(--chart-internal-target)', strokeWidth: 2, strokeDasharray: '2 4', className: 'chart-internal-target' })]),
  ];
}

/** True when the points carry targets that are not all the chart's one target. */
export function targetChanges(spec: Pick<ChartSpec, 'points' | 'target'>): boolean {
  return spec.points.some((p) => p.target !== undefined && p.target !== spec.target);
}

/**
 * Final periods as a solid line with filled dots. A period in progress (a few days of rows can make a
 * 100 % spike) gets a dashed segment from the last final value, a hollow dot and its label.
 */
function valueMarks(spec: ChartSpec): Plot.Markish[] {
  const final = spec.points.map((p) => (p.provisional ? { ...p, value: null } : p));
  const provisional = spec.points.filter((p) => p.provisional && p.value !== null);
  const lastFinal = final.findLast((p) => p.value !== null);
  const dashed = provisional.length && lastFinal ? [lastFinal, ...provisional] : provisional;
  return [
    Plot.line(final, { x: 'label', y: 'value', stroke: 'var(--chart-line)', strokeWidth: 2.5, curve: 'linear', className: 'chart-values' }),
    Plot.dot(final.filter((p) => p.value !== null), { x: 'label', y: 'value', fill: 'var(--chart-line)', r: 3.5, className: 'chart-values' }),
    ...(provisional.length === 0 ? [] : [
      Plot.line(dashed, { x: 'label', y: 'value', stroke: 'var(--chart-line)', strokeWidth: 2, strokeDasharray: '4 4', curve: 'linear', className: 'chart-provisional' }),
      Plot.dot(provisional, { x: 'label', y: 'value', fill: 'none', stroke: 'var(--chart-line)', strokeWidth: 2, r: 4, className: 'chart-provisional' }),
      Plot.text(provisional, { x: 'label', y: 'value', text: () => spec.provisionalLabel ?? 'in progress', dy: -12, textAnchor: 'end', fill: 'currentColor', className: 'chart-provisional' }),
    ]),
  ];
}

/** A KPI's buckets as chart points: labelled in the page's language, the period in progress provisional. */
export function chartPoints(buckets: readonly Bucket[], language: Language): ChartPoint[] {
  return buckets.map((b) => ({ label: formatPeriod(b.period, language), value: b.value, ...(b.complete ? {} : { provisional: true }) }));
}

/** What a chart draws, in words, naming only the lines and marks it has. */
export function chartCaption(name: string, spec: Pick<ChartSpec, 'points' | 'target' | 'internalTarget'>, language: Language): string {
  const strings = UI_STRINGS[language].internal;
  return [fill(strings.chartCaption, { name }),
    spec.target === undefined ? '' : strings.chartPublicTarget,
    spec.internalTarget === undefined ? '' : strings.chartInternalTarget,
    spec.points.some((p) => p.provisional && p.value !== null) ? strings.chartProvisional : '',
    strings.chartFigures].join('');
}

/** The chart twice: for a wide column, and for a phone's width (fewer labels, larger text); CSS shows one. */
export interface ChartPair {
  wide: string;
  compact: string;
}

export function lineChartPair(spec: ChartSpec): ChartPair {
  return { wide: lineChart(spec), compact: lineChart({ ...spec, width: 340, height: 190, maxTicks: 3, fontSize: 14 }) };
}

/**
 * Room around the data and the target, so neither sits on the frame; a percentage axis stops at 100
 * (a tick at 105 % would suggest a figure that cannot exist).
 */
export function yDomain(spec: Pick<ChartSpec, 'points' | 'target' | 'internalTarget' | 'unit'>): [number, number] | undefined {
  const values = spec.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  for (const target of [spec.target, spec.internalTarget]) if (target !== undefined) values.push(target);
  for (const p of spec.points) if (typeof p.target === 'number') values.push(p.target);
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.25, Math.abs(high) * 0.02, 1);
  const top = spec.unit === '%' && high <= 100 ? Math.min(high + pad, 100) : high + pad;
  return [low - pad, top];
}
