import { z } from 'zod';
import { SAMPLE_NOUNS, type SampleNounKey } from '../schema/kpis.ts';
import type { Language, Period } from '../schema/text.ts';
import en from './strings/en.json' with { type: 'json' };
import pt from './strings/pt.json' with { type: 'json' };
import zh from './strings/zh.json' with { type: 'json' };

const text = z.string().min(1);
const perPeriod = z.strictObject({ week: text, month: text, quarter: text });
/** Intl.PluralRules categories we use: `one` for a single period, `other` for the rest. */
const plural = z.strictObject({ one: text, other: text });

/** Every word the pages show that does not come from the user's files: one JSON file per language. */
export const uiStringsSchema = z.strictObject({
  ourPromise: text,
  ourCommitments: text,
  atAGlance: text,
  target: text,
  latest: text,
  status: z.strictObject({ kept: text, 'at-risk': text, broken: text, 'no-data': text, 'before-promise': text }),
  /** `{kept}` and `{of}` are filled in; `one` when `{of}` is 1 (in languages that say so). */
  streak: z.strictObject({ week: plural, month: plural, quarter: plural }),
  history: text,
  period: text,
  value: text,
  statusHeading: text,
  howWeMeasure: text,
  ifWeMiss: text,
  dataAsOf: text,
  notEnoughData: text,
  /** Beside a figure from a sample: `{margin}` (its margin of error), `{n}` and `{noun}` (what was counted) are filled in. */
  margin: text,
  /** The same, for a figure with no interval (too few rows for one). */
  sampleOnly: text,
  /** What a sample counts (a KPI's sample_noun, SAMPLE_NOUNS in schema/kpis.ts), singular and plural. */
  samples: z.strictObject(Object.fromEntries(SAMPLE_NOUNS.map((noun) => [noun, plural])) as Record<SampleNounKey, typeof plural>),
  feedbackTitle: text,
  /** The feedback link's label: different words from the section's heading above it. */
  feedbackButton: text,
  comparison: z.strictObject({ '>=': text, '<=': text, '>': text, '<': text }),
  every: perPeriod,
  /** `{name}` is filled in. */
  chartLabel: text,
  published: text,
  /** Between the target and how often it is measured. */
  separator: text,
  /** A label before what it introduces, `{label}` filled in: "If we miss it: " or "如未做到：". */
  lead: text,
  /** The history table's column: the target in force in each period. */
  targetInForce: text,
  changesTitle: text,
  /** `{period}`: the first period of the new version. */
  changeFrom: text,
  /** `{before}` and `{after}`: the public targets. */
  changeTargets: text,
  /** The first item of the changes list when the commitment has `since`; `{target}`: its first public target. */
  promiseMade: text,
  /** A note's heading beside its period, `{period}` filled in. */
  noteFor: text,
  /** A restated figure in the changes list, after its period: `{before}` (first published), `{after}`. */
  restated: text,
  /** The reports site; `{name}`-style placeholders are filled in by the pages. */
  internal: z.strictObject({
    tag: text, dataUpTo: text,
    nav: z.strictObject({ overview: text, kpis: text, findings: text, touchpoints: text, reports: text, data: text }),
    needAttention: text, commitments: text, errorsWarnings: text, rowsSkipped: text, attentionFirst: text,
    columns: z.strictObject(Object.fromEntries(['commitment', 'status', 'latest', 'publicTarget', 'internalTarget', 'streak', 'kpi', 'visibility',
      'formula', 'period', 'value', 'sample', 'complete', 'touchpoint', 'stage', 'expected', 'received', 'fileLine', 'column', 'problem',
      'rows', 'firstLines', 'fix']
      .map((key) => [key, text])) as Record<'commitment' | 'status' | 'latest' | 'publicTarget' | 'internalTarget' | 'streak' | 'kpi' | 'visibility'
      | 'formula' | 'period' | 'value' | 'sample' | 'complete' | 'touchpoint' | 'stage' | 'expected' | 'received' | 'fileLine' | 'column' | 'problem'
      | 'rows' | 'firstLines' | 'fix', typeof text>),
    visibility: z.strictObject({ public: text, internal: text }),
    /** A period's name, as in "by month". */
    periods: perPeriod,
    kpiMeta: text, commitmentLine: text, allPeriods: text, yes: text, inProgress: text, bySegment: text, segmentCaption: text,
    rowsSkippedTitle: text, chartCaption: text, chartPublicTarget: text, chartInternalTarget: text, chartProvisional: text, chartFigures: text, findingsTitle: text, noFindings: text, touchpointsTitle: text, allTouchpointsMet: text,
    touchpointGaps: text, notMeasured: text, gap: text, reportsTitle: text, noReports: text, dataTitle: text, allRowsValid: text, rowsSkippedFor: text,
  }),
});
export type UiStrings = z.infer<typeof uiStringsSchema>;

export const UI_STRINGS: Record<Language, UiStrings> = {
  en: uiStringsSchema.parse(en),
  pt: uiStringsSchema.parse(pt),
  zh: uiStringsSchema.parse(zh),
};

/** BCP 47 locale for number and date formatting. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', pt: 'pt-PT', zh: 'zh-CN' };

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Which of a word's two forms a count takes in the language ('one' for 1 in English and Portuguese). */
export function pluralForm(language: Language, n: number): 'one' | 'other' {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, rules = new Intl.PluralRules(LOCALES[language]));
  return rules.select(n) === 'one' ? 'one' : 'other';
}

/** `Kept in {kept} of the last {of} months` with the numbers in, singular or plural by `of`. */
export function streakText(language: Language, kept: number, of: number, period: Period): string {
  const form = pluralForm(language, of);
  return fill(UI_STRINGS[language].streak[period][form], { kept: String(kept), of: String(of) });
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
