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
