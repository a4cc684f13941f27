import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartPoint {
  /** Already formatted by pledge (a period label), never raw input text. */
  label: string;
  value: number | null;
  /** The target in force in this period, when it can differ from period to period (null: none then). */
  target?: number | null;
}

export interface ChartSpec {
  points: ChartPoint[];
  target?: number;
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
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = spec.points.map((p) => p.label);
  const defined = spec.points.filter((p) => p.value !== null);
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
    marks: [
      ...targetMarks(spec),
      Plot.line(spec.points, { x: 'label', y: 'value', stroke: 'var(--chart-line)', strokeWidth: 2.5, curve: 'linear' }),
      Plot.dot(defined, { x: 'label', y: 'value', fill: 'var(--chart-line)', r: 3.5 }),
    ],
  });
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return svg.outerHTML;
}

const TARGET_STYLE = { stroke: 'var(--chart-target)', strokeWidth: 2, strokeDasharray: '7 5' };

/**
 * One dashed rule across the chart while the target never changed; a stepped dashed line when it did
 * (the step sits halfway between the last period of one version and the first of the next), with a
 * gap over periods before the promise.
 */
function targetMarks(spec: ChartSpec): Plot.Markish[] {
  if (!targetChanges(spec)) return spec.target === undefined ? [] : [Plot.ruleY([spec.target], TARGET_STYLE)];
  return [Plot.line(spec.points, { x: 'label', y: (p: ChartPoint) => p.target ?? Number.NaN, curve: 'step', ...TARGET_STYLE })];
}

/** True when the points carry targets that are not all the chart's one target. */
export function targetChanges(spec: Pick<ChartSpec, 'points' | 'target'>): boolean {
  return spec.points.some((p) => p.target !== undefined && p.target !== spec.target);
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
export function yDomain(spec: Pick<ChartSpec, 'points' | 'target' | 'unit'>): [number, number] | undefined {
  const values = spec.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (spec.target !== undefined) values.push(spec.target);
  for (const p of spec.points) if (typeof p.target === 'number') values.push(p.target);
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.25, Math.abs(high) * 0.02, 1);
  const top = spec.unit === '%' && high <= 100 ? Math.min(high + pad, 100) : high + pad;
  return [low - pad, top];
}
