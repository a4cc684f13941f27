import { SourceScan } from '../../src/core/kpi/source-scan.ts';
import type { KpiResult } from '../../src/core/kpi/types.ts';
import { kpiSchema, type KpiDef } from '../../src/core/schema/kpis.ts';

/** A KPI definition as kpis.yaml would give it, with the fields a test does not care about filled in. */
export function kpi(fields: Record<string, unknown>): KpiDef {
  return kpiSchema.parse({ id: 'k', name: 'K', source: 'data/x.csv', better: 'higher', method: 'Test.', timestamp: 'at', ...fields });
}

/** Runs KPIs over rows given as CSV text lines (header first; line numbers are their 1-based positions). */
export function compute(defs: KpiDef | KpiDef[], lines: string[], dataDate = Date.parse('2030-01-01T00:00:00Z'),
  options: { key?: string; timeZone?: string } = {}): KpiResult[] {
  const [head = '', ...rows] = lines;
  const scan = new SourceScan(Array.isArray(defs) ? defs : [defs], 'data/x.csv', head.split(','), options);
  rows.forEach((row, i) => scan.add(row.split(','), i + 2));
  return scan.accumulators.map((acc) => acc.result(dataDate));
}

export function one(def: KpiDef, lines: string[], dataDate?: number): KpiResult {
  const [result] = compute(def, lines, dataDate);
  if (!result) throw new Error('no result');
  return result;
}

/** `period=value(n)` per bucket, values rounded to 4 decimals: compact and exact enough to compare by hand. */
export function series(result: { buckets: { period: string; value: number | null; n: number }[] }): string[] {
  return result.buckets.map((b) => `${b.period}=${b.value === null ? 'null' : Number(b.value.toFixed(4))}(${b.n})`);
}
