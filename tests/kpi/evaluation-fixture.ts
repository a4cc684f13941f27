import { loadCheckResources } from '../../src/adapters/check-project.ts';
import { RULES } from '../../src/core/check/rules/index.ts';
import { runChecks } from '../../src/core/check/run.ts';
import { evaluateCommitments } from '../../src/core/kpi/commitments.ts';
import type { Evaluation, KpiResult } from '../../src/core/kpi/types.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { applyEdits, fixtureRoot, fixtureText, formatFinding, type Edit } from '../check/harness.ts';

/** Monthly figures per KPI id, oldest first from 2026-01; null is a month with too little data. */
export type Figures = Record<string, (number | null)[]>;

/** An evaluation with the given monthly figures for the KPIs of the English check fixture. */
export function evaluationOf(figures: Figures, edits: Edit[] = [], withData = true) {
  const source = parseYaml(applyEdits(fixtureText('en'), edits), 'content/promise.yaml');
  const promise = validateSource(source, promiseSchema);
  const kpis = validateSource(parseYaml(fixtureText('en', 'kpis.yaml'), 'content/kpis.yaml'), kpisFileSchema);
  const results: KpiResult[] = kpis.kpis.filter((kpi) => figures[kpi.id]).map((kpi) => ({
    kpi, formula: kpi.formula, period: kpi.period, segments: [], rowsRead: 0, rowsUsed: 0, badRows: { count: 0, examples: [] },
    buckets: (figures[kpi.id] ?? []).map((value, i) => ({
      period: `2026-${String(i + 1).padStart(2, '0')}`, start: '', end: '', n: value === null ? 0 : 50, value, complete: true,
    })),
  }));
  const evaluation: Evaluation = { dataDate: '2026-12-01T00:00:00.000Z', kpis: results, commitments: evaluateCommitments(promise.commitments, results) };
  return { source, promise, kpis, evaluation: withData ? evaluation : undefined };
}

/** Runs one rule on the English fixture with these figures; findings as `file:line:col  severity  rule  message | hint`. */
export async function runDataRule(ruleId: string, figures: Figures, edits: Edit[] = [], withData = true): Promise<string[]> {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  const { source, promise, kpis, evaluation } = evaluationOf(figures, edits, withData);
  const resources = await loadCheckResources(fixtureRoot('en'));
  return runChecks({ ...resources, promise, source, kpis, evaluation, rules: [rule] }).findings.map(formatFinding);
}
