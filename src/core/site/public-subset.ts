import type { Bucket, CommitmentPeriod, Status } from '../kpi/types.ts';
import { isSqlSource, type FormulaId, type KpiDef, type SampleNoun, type SampleNounKey } from '../schema/kpis.ts';
import type { Commitment, Target } from '../schema/promise.ts';
import type { PublicChange, PublicCommitment, PublicPeriod, PublicPledgeJson, PublicRestatement } from '../schema/pledge-json.ts';
import { sameTarget, targetChanges } from '../kpi/versions.ts';
import { commitmentText, statementText, type SiteInput } from './input.ts';

/** What the public may see of a status: `at-risk` only when content/site.yaml says `show_at_risk: true`. */
export type PublicStatus = Status;
export type { PublicChange, PublicCommitment, PublicPeriod, PublicRestatement } from '../schema/pledge-json.ts';
/** The open-data view of the commitment page: dist/public/pledge.json, and all the public page is made from. */
export type PublicSubset = PublicPledgeJson;

export const HISTORY_LENGTH = 12;

/**
 * Copies field by field, never spreading an input object, so a field added to the inputs later
 * (or an internal one) cannot reach the public site unless it is named here.
 */
export function publicSubset(input: SiteInput): PublicSubset {
  const { promise } = input;
  return {
    format: 'pledge-public/1',
    company: promise.company,
    language: promise.language,
    statement: statementText(input),
    commitments: promise.commitments.flatMap((c) => publicCommitment(input, c)),
    callToAction: promise.call_to_action ? { text: promise.call_to_action.text, url: promise.call_to_action.url } : null,
    feedback: promise.feedback ? { channel: promise.feedback.channel, url: promise.feedback.url ?? null } : null,
    dataDate: input.evaluation.dataDate,
    generatedAt: input.generatedAt,
  };
}

/** A commitment on an internal or unknown KPI, or without a target, is left off the public page. */
function publicCommitment(input: SiteInput, c: Commitment): PublicCommitment[] {
  const kpi = input.kpis.kpis.find((k) => k.id === c.kpi);
  if (!kpi || kpi.visibility !== 'public' || !c.target) return [];
  const evaluation = input.evaluation.commitments.find((e) => e.commitmentId === c.id);
  const showAtRisk = input.siteConfig?.public.show_at_risk ?? false;
  const noteOf = (period: string) => input.notes?.find((n) => n.commitment === c.id && n.period === period)?.html ?? null;
  const buckets = input.evaluation.kpis.find((k) => k.kpi.id === kpi.id)?.buckets ?? [];
  const toPublic = (p: CommitmentPeriod) => ({ ...publicPeriod(p, showAtRisk, buckets.find((b) => b.period === p.period)), note: noteOf(p.period) });
  const history = (evaluation?.history ?? []).slice(-HISTORY_LENGTH).map(toPublic);
  return [{
    id: c.id,
    text: commitmentText(input, c.id) ?? null,
    kpi: publicKpi(kpi),
    target: publicTarget(c.target),
    period: c.period ?? kpi.period,
    deadline: c.deadline ?? null,
    remedy: c.remedy ?? null,
    latest: evaluation?.latest ? toPublic(evaluation.latest) : null,
    history,
    streak: evaluation ? { kept: evaluation.streak.kept, of: evaluation.streak.of } : { kept: 0, of: 0 },
    since: c.since ?? null,
    firstTarget: publicTarget(c.history?.[0]?.target ?? c.target),
    changes: publicChanges(c),
    restatements: publicRestatements(input, c, evaluation?.history ?? []),
  }];
}

function publicChanges(c: Commitment): PublicChange[] {
  return targetChanges(c).flatMap((change) => change.after.target && !sameTarget(change.before.target, change.after.target)
    ? [{ from: change.from, before: publicTarget(change.before.target), after: publicTarget(change.after.target), note: change.note ?? null }]
    : []);
}

function publicRestatements(input: SiteInput, c: Commitment, history: readonly CommitmentPeriod[]): PublicRestatement[] {
  const record = input.record?.find((r) => r.commitment === c.id);
  return (input.promise.restatements ?? []).filter((r) => r.commitment === c.id).map((r) => {
    const recorded = record?.periods.find((p) => p.period === r.period);
    const first = recorded?.restated?.[0] ?? recorded;
    return { period: r.period, before: first?.value ?? null, after: history.find((p) => p.period === r.period)?.value ?? null, note: r.note };
  });
}

/** Comparison, value and unit only: a target copied field by field. */
export function publicTarget(target: Target): Target {
  return { comparison: target.comparison, value: target.value, ...(target.unit ? { unit: target.unit } : {}) };
}

function publicKpi(kpi: KpiDef): PublicCommitment['kpi'] {
  return { id: kpi.id, name: kpi.name, method: kpi.method, unit: kpi.unit, better: kpi.better, formula: kpi.formula, sample_noun: sampleNounOf(kpi) };
}

/** What a formula's rows always are; undefined: any kind of row (the source says); null: not a sample. */
const FORMULA_NOUNS: Record<FormulaId, SampleNounKey | undefined | null> = {
  nps: 'answers', csat: 'answers', ces: 'answers', churn_rate: 'customers', retention_rate: 'customers', repeat_purchase_rate: 'customers',
  on_time_rate: undefined, response_time: undefined, within_sla_rate: undefined, mean: undefined, ratio: undefined, sum: null, count: null,
};

/** Words in a file or table name that say what its rows are (`data/orders.csv`, `support_tickets`). */
const SOURCE_WORDS: Readonly<Record<string, SampleNounKey>> = {
  order: 'orders', orders: 'orders', ticket: 'requests', tickets: 'requests', request: 'requests', requests: 'requests',
  answer: 'answers', answers: 'answers', response: 'answers', responses: 'answers', survey: 'answers', surveys: 'answers',
  customer: 'customers', customers: 'customers',
};

/**
 * The noun of "from 190 orders": the KPI's own `sample_noun`, else what the formula counts, else what
 * the source's name says its rows are (a query says nothing), else the neutral "records".
 */
export function sampleNounOf(kpi: KpiDef): SampleNoun | null {
  if (FORMULA_NOUNS[kpi.formula] === null) return null;
  if (kpi.sample_noun) return kpi.sample_noun;
  const fixed = FORMULA_NOUNS[kpi.formula];
  if (fixed) return fixed;
  const name = isSqlSource(kpi.source) ? kpi.source.table ?? '' : kpi.source.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  // The last word names the rows: `orders_2026` → orders, `order_lines` → nothing known.
  const last = name.toLowerCase().split(/[^a-z]+/).filter(Boolean).at(-1);
  return (last && SOURCE_WORDS[last]) || 'records';
}

/**
 * By default at-risk is published as kept: the public target was met, and the margin is internal.
 * The sample size and interval come from the KPI's bucket of that period (the whole KPI, never a segment).
 */
export function publicPeriod(p: CommitmentPeriod, showAtRisk = false, bucket?: Bucket): Omit<PublicPeriod, 'note'> {
  const ci95 = bucket?.ci95 && p.value !== null ? { low: bucket.ci95.low, high: bucket.ci95.high } : null;
  return {
    period: p.period, value: p.value, status: p.status === 'at-risk' && !showAtRisk ? 'kept' : p.status,
    target: p.target ? publicTarget(p.target) : null, n: bucket?.n ?? 0, ci95,
  };
}
