import type { Commitment, PromiseDoc, Target } from '../schema/promise.ts';
import { PROMISE_TYPES, COMPARISONS, EXCEED_DIMENSIONS } from '../schema/promise.ts';
import type { Language, Period } from '../schema/text.ts';

export type PromiseType = (typeof PROMISE_TYPES)[number];
export type Comparison = (typeof COMPARISONS)[number];
export type ExceedDimension = (typeof EXCEED_DIMENSIONS)[number];

/** One commitment as the wizard asks for it. `keep` carries fields the wizard does not ask about. */
export interface CommitmentAnswers {
  id: string;
  kpi: string;
  comparison: Comparison;
  unit: string;
  target: number | undefined;
  internalTarget: number | undefined;
  period: Period;
  remedy: string | undefined;
  exceeds: ExceedDimension | undefined;
  keep: Pick<Commitment, 'text' | 'deadline' | 'since' | 'history'>;
}

/** Everything the wizard asks, in its order; optional answers are undefined until given. */
export interface DraftAnswers {
  language: Language;
  company: string;
  audienceWho: string;
  audienceNeeds: string | undefined;
  values: string[];
  uniqueAssets: string[];
  promiseTypes: PromiseType[];
  benefit: string;
  commitments: CommitmentAnswers[];
  ctaText: string | undefined;
  ctaUrl: string | undefined;
  feedbackChannel: string | undefined;
  feedbackUrl: string | undefined;
  /** A hand-edited statement; undefined means "compose it from the templates". */
  statement: string | undefined;
  /** Fields the wizard never asks about but must not lose when editing. */
  keep: Pick<PromiseDoc, 'touchpoints' | 'restatements'>;
}

export function emptyAnswers(language: Language = 'en'): DraftAnswers {
  return {
    language, company: '', audienceWho: '', audienceNeeds: undefined, values: [], uniqueAssets: [],
    promiseTypes: [], benefit: '', commitments: [], ctaText: undefined, ctaUrl: undefined,
    feedbackChannel: undefined, feedbackUrl: undefined, statement: undefined, keep: { touchpoints: [] },
  };
}

/** An existing promise.yaml as answers, so `pledge draft` on it starts from what is there. */
export function answersFromPromise(doc: PromiseDoc): DraftAnswers {
  return {
    language: doc.language,
    company: doc.company,
    audienceWho: doc.audience.who,
    audienceNeeds: doc.audience.needs,
    values: [...doc.values],
    uniqueAssets: [...doc.unique_assets],
    promiseTypes: [...doc.promise_types],
    benefit: doc.benefit,
    commitments: doc.commitments.map(commitmentAnswersFrom),
    ctaText: doc.call_to_action?.text,
    ctaUrl: doc.call_to_action?.url,
    feedbackChannel: doc.feedback?.channel,
    feedbackUrl: doc.feedback?.url,
    statement: doc.statement,
    keep: { touchpoints: doc.touchpoints, restatements: doc.restatements },
  };
}

function commitmentAnswersFrom(c: Commitment): CommitmentAnswers {
  return {
    id: c.id,
    kpi: c.kpi ?? '',
    comparison: c.target?.comparison ?? c.internal_target?.comparison ?? '>=',
    unit: c.target?.unit ?? c.internal_target?.unit ?? '',
    target: c.target?.value,
    internalTarget: c.internal_target?.value,
    period: c.period ?? 'month',
    remedy: c.remedy,
    exceeds: c.exceeds,
    keep: { text: c.text, deadline: c.deadline, since: c.since, history: c.history },
  };
}

/**
 * The answers as promise.yaml data, keys in the file's usual order. Unanswered optional fields are
 * left out rather than written empty; the result still goes through promiseSchema before it is saved.
 */
export function promiseFromAnswers(a: DraftAnswers): Record<string, unknown> {
  return prune({
    company: a.company,
    language: a.language,
    audience: { who: a.audienceWho, needs: a.audienceNeeds },
    values: a.values,
    unique_assets: a.uniqueAssets.length ? a.uniqueAssets : undefined,
    promise_types: a.promiseTypes,
    benefit: a.benefit,
    statement: a.statement,
    commitments: a.commitments.map(commitmentFromAnswers),
    call_to_action: a.ctaText || a.ctaUrl ? { text: a.ctaText, url: a.ctaUrl } : undefined,
    feedback: a.feedbackChannel || a.feedbackUrl ? { channel: a.feedbackChannel, url: a.feedbackUrl } : undefined,
    touchpoints: a.keep.touchpoints.length ? a.keep.touchpoints : undefined,
    restatements: a.keep.restatements?.length ? a.keep.restatements : undefined,
  });
}

function commitmentFromAnswers(c: CommitmentAnswers): Record<string, unknown> {
  return {
    id: c.id,
    text: c.keep.text,
    kpi: c.kpi,
    target: targetOf(c, c.target),
    internal_target: targetOf(c, c.internalTarget),
    period: c.period,
    deadline: c.keep.deadline,
    remedy: c.remedy,
    exceeds: c.exceeds,
    since: c.keep.since,
    history: c.keep.history,
  };
}

function targetOf(c: CommitmentAnswers, value: number | undefined): Target | undefined {
  if (value === undefined) return undefined;
  return c.unit ? { comparison: c.comparison, value, unit: c.unit } : { comparison: c.comparison, value };
}

/** Drops undefined and empty-string fields, deeply, so the written YAML has no `key: null` noise. */
function prune(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === '') continue;
    out[key] = Array.isArray(item)
      ? item.map((element) => (isPlainObject(element) ? prune(element) : element))
      : isPlainObject(item) ? prune(item) : item;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A commitment id from a KPI id, unique among `taken`: on_time_delivery → on-time-delivery. */
export function commitmentIdFor(kpi: string, taken: readonly string[]): string {
  const base = kpi.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'commitment';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Stands in for answers not given yet, so the checks can run on a partial draft. */
export const PLACEHOLDER = '…';

/**
 * The answers with every required field filled (placeholders where unanswered), so a partial draft
 * validates and can be checked. Findings caused by placeholders are about later steps; the wizard
 * only shows a step's own findings.
 */
export function checkableAnswers(a: DraftAnswers): DraftAnswers {
  return {
    ...a,
    company: a.company || PLACEHOLDER,
    audienceWho: a.audienceWho || PLACEHOLDER,
    values: a.values.length ? a.values : [PLACEHOLDER],
    promiseTypes: a.promiseTypes.length ? a.promiseTypes : ['service'],
    benefit: a.benefit || PLACEHOLDER,
    commitments: a.commitments.length ? a.commitments : [{
      id: 'draft', kpi: 'draft', comparison: '>=', unit: '', target: undefined, internalTarget: undefined,
      period: 'month', remedy: undefined, exceeds: undefined, keep: {},
    }],
  };
}
