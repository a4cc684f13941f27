import type { Rule } from './define-rule.ts';
import type { Finding } from './finding.ts';
import { RULES } from './rules/index.ts';

/** What a check run's findings mean: fine, failed (exit 1), or the input itself is wrong (exit 2). */
export type Outcome = 'ok' | 'failed' | 'bad-input';

/**
 * The outcome from the findings alone, with the severities rules.yaml left them: a finding of severity
 * error fails the run, and one from a rule whose metadata says `badInput` means the input is wrong.
 * Nothing about the promise or the data is judged again here, so a rule turned off fails nothing.
 */
export function outcomeOf(findings: readonly Finding[], rules: readonly Rule[] = RULES): Outcome {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return 'ok';
  const badInput = new Set(rules.filter((rule) => rule.badInput).map((rule) => rule.id));
  return errors.some((f) => badInput.has(f.rule)) ? 'bad-input' : 'failed';
}
