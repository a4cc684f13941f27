import { defineRule, type Rule } from './define-rule.ts';
import { limitOf, statementPlace } from './helpers.ts';
import type { Lexicon } from './lexicon.ts';

/** A figure of the whole statement, and which way is better. */
export interface Metric {
  value: number;
  better: 'higher' | 'lower';
}

interface MetricRuleSpec<M extends Metric> {
  id: string;
  summary: string;
  /** The language's default limit; content/rules.yaml (`limit:`) overrides it. */
  defaultLimit: (lexicon: Lexicon) => number;
  measure: (text: string, lexicon: Lexicon) => M;
  message: (metric: M, limit: number, lexicon: Lexicon) => string;
  hint: string;
}

/**
 * Like Vale's `metric` check: a figure of the statement (its length, its readability) against a
 * per-language limit, reported where the statement comes from.
 */
export function statementMetricRule<M extends Metric>(spec: MetricRuleSpec<M>): Rule {
  return defineRule({
    id: spec.id,
    severity: 'warning',
    summary: spec.summary,
    check(input, report) {
      const limit = limitOf(input, spec.defaultLimit(input.lexicon));
      const metric = spec.measure(input.statement.text, input.lexicon);
      const fails = metric.better === 'higher' ? metric.value < limit : metric.value > limit;
      if (fails) report(statementPlace(input), spec.message(metric, limit, input.lexicon), spec.hint);
    },
  });
}
