import { z } from 'zod';
import { validateSource } from '../schema/validate.ts';
import type { YamlSource } from '../yaml-source.ts';

/** What a claim can be about: delivery and response are measured by figures; the rest are offers in themselves. */
export const CLAIM_KINDS = ['delivery', 'response', 'refund', 'price', 'satisfaction'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

const terms = z.array(z.string().trim().min(1)).min(1);

/**
 * One language's word lists and limits (src/core/check/lexicon/<language>.yml). Terms match whole
 * words, case-insensitively (Chinese: anywhere in the text, since it has no spaces between words).
 */
export const lexiconSchema = z.strictObject({
  language: z.string().min(2),
  /** How the limits count: words (en, pt) or characters (zh, which has no spaces). */
  unit: z.enum(['words', 'characters']),
  limits: z.strictObject({
    /** too-long: the whole statement. */
    statement: z.number().int().positive(),
    /** sentence-too-long: one sentence. */
    sentence: z.number().int().positive(),
    /** hard-to-read: the lowest readability score accepted (zh: the most characters per sentence on average). */
    readability: z.number(),
  }),
  /** Buzzwords: say what the customer gets instead. */
  jargon: terms,
  /** Superlatives nobody can measure, unless a number sits in the same sentence. */
  vague: terms,
  /** Absolute words that need a remedy beside them. */
  absolute: terms,
  /** Words that speak to feeling or shared values. */
  emotion: terms,
  /** Phrases that describe the company's features... */
  features: terms,
  /** ...and phrases that say what the customer gains. */
  benefits: terms,
  /** How the statement addresses its reader (you, your). */
  address: terms,
  /** Words that carry no meaning of their own, left out when matching a mention (text/mention.ts). */
  stop_words: terms,
  /**
   * When a field (audience, value, unique asset, benefit) counts as mentioned: some sentence holds at
   * least `share` of its content words, or words with the same stem; two stems at least `prefix` letters
   * long also match when one begins the other (docs/checks.md, "How the rules read the statement").
   */
  mention: z.strictObject({ share: z.number().gt(0).max(1), prefix: z.number().int().min(1) }),
  /** unfocused-exceed: a sentence sets out to beat expectations when it has a signal and a dimension's word. */
  exceed: z.strictObject({
    /** Words that say "better than expected or than others" (best, beat, faster than anyone). */
    signals: terms,
    time: terms,
    cost: terms,
    service: terms,
  }),
  /** What makes a number a measurable target (text/measure.ts): its unit, and a period beside it. */
  measure: z.strictObject({
    /** Numbers written as words ("two", "dois"); Chinese numerals are recognised without a list. */
    numbers: terms,
    /** Units of time after a number: a time limit is a target in itself ("within 48 hours"). */
    durations: terms,
    /** Units that need a period beside them to be a target (%, "of orders"). */
    rates: terms,
    /** Periods over which a rate is measured ("every month", "a cada mês", "每月"). */
    periods: terms,
  }),
  /** absolute-claim: phrasing that says what the customer gets on a miss, in the sentence itself. */
  remedy: terms,
  /** Number and unit words for the figures in a text (durations, percentages): see text/figures.ts. */
  figures: z.strictObject({
    numbers: z.record(z.string().trim().min(1), z.number().nonnegative()),
    units: z.strictObject({ minutes: terms, hours: terms, days: terms, weeks: terms, percent: terms }),
    at_most: terms,
    at_least: terms,
    discount: terms,
  }),
  /** What a claim is about, per kind (see claims.ts): the words that name it. */
  claims: z.strictObject(Object.fromEntries(CLAIM_KINDS.map((kind) => [kind, terms])) as Record<ClaimKind, typeof terms>),
});
export type Lexicon = z.infer<typeof lexiconSchema>;

/** Validates a lexicon file; a bad one (a user's edit) is an InputError naming its line. */
export function parseLexicon(source: YamlSource): Lexicon {
  return validateSource(source, lexiconSchema);
}
