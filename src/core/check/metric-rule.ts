import { defineRule, type Rule } from './define-rule.ts';
import { limitOf, statementPlace } from './helpers.ts';
import type { Lexicon } from './lexicon.ts';
import type { Params } from './messages.ts';

/** A figure of the whole statement, and which way is better. */
export interface Metric {
  value: number;
  better: 'higher' | 'lower';
}

interface MetricRuleSpec<M extends Metric, Key extends string> {
  id: string;
  summary: string;
  /** The language's default limit; content/rules.yaml (`limit:`) overrides it. */
  defaultLimit: (lexicon: Lexicon) => number;
  measure: (text: string, lexicon: Lexicon) => M;
  messages: readonly Key[];
  /** Which message case, and its placeholders, for a failing figure. */
  report: (metric: M, limit: number, lexicon: Lexicon) => [Key, Params];
}

/**
 * Like Vale's `metric` check: a figure of the statement (its length, its readability) against a
 * per-language limit, reported where the statement comes from.
 */
export function statementMetricRule<M extends Metric, const Key extends string>(spec: MetricRuleSpec<M, Key>): Rule {
  return defineRule({
    id: spec.id,
    severity: 'warning',
    summary: spec.summary,
    messages: spec.messages,
    check(input, report) {
      const limit = limitOf(input, spec.defaultLimit(input.lexicon));
      const metric = spec.measure(input.statement.text, input.lexicon);
      const fails = metric.better === 'higher' ? metric.value < limit : metric.value > limit;
      if (fails) report(statementPlace(input), ...spec.report(metric, limit, input.lexicon));
    },
  });
}
