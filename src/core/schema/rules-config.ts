import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../check/finding.ts';
import { InputError, InputErrors } from '../input-error.ts';
import { locateKey, type YamlSource } from '../yaml-source.ts';
import { validateSource } from './validate.ts';

export const RULE_SETTINGS = [...SEVERITIES, 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

const ruleEntrySchema = z.strictObject({
  severity: z.enum(RULE_SETTINGS).optional(),
  /** The rule's limit: words or characters for the length rules, the score for hard-to-read. */
  limit: z.number().positive('the limit must be above zero. | Write a number such as 80.').optional(),
});

/**
 * content/rules.yaml: `rules: { <rule-id>: off | error | warning | info | { severity, limit } }`.
 * Rule ids come from the registry, so the file schema checks the shape and parseRulesConfig the ids.
 */
export const rulesFileSchema = z.strictObject({
  rules: z.record(z.string(), ruleEntrySchema).default({}),
});
export type RuleConfig = z.infer<typeof ruleEntrySchema>;
export type RulesConfig = Record<string, RuleConfig>;

/** The severity a rule runs with, or 'off'. */
export function settingOf(config: RulesConfig | undefined, ruleId: string, fallback: Severity): RuleSetting {
  return config?.[ruleId]?.severity ?? fallback;
}

/** Validates rules.yaml; unknown rule ids and severities are InputErrors that list the valid ones. */
export function parseRulesConfig(source: YamlSource, ruleIds: readonly string[]): RulesConfig {
  const normalized = normalizeShorthand(source.data);
  const unknown = unknownRuleErrors(source, normalized, ruleIds);
  if (unknown.length) throw new InputErrors(unknown);
  return validateSource({ ...source, data: normalized }, rulesFileSchema).rules;
}

/** `jargon: off` is shorthand for `jargon: { severity: off }`. */
function normalizeShorthand(data: unknown): unknown {
  if (!isRecord(data) || !isRecord(data.rules)) return data;
  const rules = Object.fromEntries(Object.entries(data.rules)
    .map(([id, entry]) => [id, typeof entry === 'string' || entry === false ? { severity: entry === false ? 'off' : entry } : entry]));
  return { ...data, rules };
}

function unknownRuleErrors(source: YamlSource, data: unknown, ruleIds: readonly string[]): InputError[] {
  if (!isRecord(data) || !isRecord(data.rules)) return [];
  return Object.keys(data.rules).filter((id) => !ruleIds.includes(id)).map((id) => {
    const guess = closest(id, [...ruleIds]);
    const didYouMean = distance(id, guess) <= Math.max(2, id.length / 3) ? `Did you mean "${guess}"? ` : '';
    return new InputError(locateKey(source, ['rules'], id), `Unknown rule "${id}" in rules.`,
      `${didYouMean}Valid rules: ${[...ruleIds].sort().join(', ')}.`);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
