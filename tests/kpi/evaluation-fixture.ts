import { loadCheckResources } from '../../src/adapters/check-project.ts';
import { RULES } from '../../src/core/check/rules/index.ts';
import { runChecks } from '../../src/core/check/run.ts';
import { evaluateCommitments } from '../../src/core/kpi/commitments.ts';
import type { Evaluation, KpiResult } from '../../src/core/kpi/types.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import type { LoadedRecord, NoteRef } from '../../src/core/check/define-rule.ts';
import type { RulesConfig } from '../../src/core/schema/rules-config.ts';
import { applyEdits, fixtureRoot, fixtureText, formatFinding, type Edit, type Language } from '../check/harness.ts';

/** Monthly figures per KPI id, oldest first from 2026-01; null is a month with too little data. */
export type Figures = Record<string, (number | null)[]>;

/** What a data rule may also see besides the figures: the fixture's language, notes, the published record. */
export interface DataContext {
  language?: Language;
  /** The language of the findings' texts: English unless told, as in the rule tables. */
  messages?: Language;
  notes?: NoteRef[];
  record?: LoadedRecord[];
}

/** An evaluation with the given monthly figures for the KPIs of the check fixture (English unless told). */
export function evaluationOf(figures: Figures, edits: Edit[] = [], withData = true, language: Language = 'en') {
  const source = parseYaml(applyEdits(fixtureText(language), edits), 'content/promise.yaml');
  const promise = validateSource(source, promiseSchema);
  const kpisSource = parseYaml(fixtureText(language, 'kpis.yaml'), 'content/kpis.yaml');
  const kpis = validateSource(kpisSource, kpisFileSchema);
  const results: KpiResult[] = kpis.kpis.filter((kpi) => figures[kpi.id]).map((kpi) => ({
    kpi, formula: kpi.formula, period: kpi.period, segments: [], rowsRead: 0, rowsUsed: 0, badRows: { count: 0, examples: [] },
    buckets: (figures[kpi.id] ?? []).map((value, i) => ({
      period: `2026-${String(i + 1).padStart(2, '0')}`, start: '', end: '', n: value === null ? 0 : 50, value, complete: true,
    })),
  }));
  const evaluation: Evaluation = { dataDate: '2026-12-01T00:00:00.000Z', kpis: results, commitments: evaluateCommitments(promise.commitments, results) };
  return { source, promise, kpis, kpisSource, evaluation: withData ? evaluation : undefined };
}

export interface DataCase {
  language?: Language;
  /** The language of the findings' texts: English unless told. */
  messages?: Language;
  figures: Figures;
  edits?: Edit[];
  /** Changes the KPI results before the commitments are judged (sample sizes, intervals, bad rows, dates). */
  change?: (results: KpiResult[]) => void;
  /** The build date the rules see. */
  asOf?: string;
  config?: RulesConfig;
}

/** Runs one rule on the language's fixture with figures adjusted by `change`; findings formatted as the harness does. */
export async function runDataCase(ruleId: string, testCase: DataCase): Promise<string[]> {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  const language = testCase.language ?? 'en';
  const { source, promise, kpis, kpisSource, evaluation } = evaluationOf(testCase.figures, testCase.edits, true, language);
  if (!evaluation) throw new Error('no evaluation');
  testCase.change?.(evaluation.kpis);
  evaluation.commitments = evaluateCommitments(promise.commitments, evaluation.kpis);
  const resources = await loadCheckResources(fixtureRoot(language));
  return runChecks({ ...resources, promise, source, kpis, kpisSource, evaluation, asOf: testCase.asOf, config: testCase.config, language: testCase.messages ?? 'en', rules: [rule] })
    .findings.map(formatFinding);
}

/** Runs one rule on a fixture with these figures; findings as `file:line:col  severity  rule  message | hint`. */
export async function runDataRule(ruleId: string, figures: Figures, edits: Edit[] = [], withData = true, context: DataContext = {}): Promise<string[]> {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  const language = context.language ?? 'en';
  const { source, promise, kpis, evaluation } = evaluationOf(figures, edits, withData, language);
  const resources = await loadCheckResources(fixtureRoot(language));
  return runChecks({ ...resources, promise, source, kpis, evaluation, notes: context.notes, record: context.record, language: context.messages ?? 'en', rules: [rule] }).findings.map(formatFinding);
}
