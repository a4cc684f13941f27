import { internalFromPublic } from '../../draft/suggest.ts';
import { asksForMore, atLeastAsStrict, measuredCommitments, recentMedian } from '../../kpi/targets.ts';
import type { Target } from '../../schema/promise.ts';
import { defineRule } from '../define-rule.ts';
import type { Param } from '../messages.ts';

/**
 * Promise with a margin: the public target should be looser than the internal one and than what you
 * usually deliver. Which is stricter follows the comparison: for `>=` a higher number, for `<=` a lower one. ok: public ">= 95 %", internal ">= 97 %", recent median 98 %; not ok: public ">= 97 %"
 * with internal ">= 97 %", or public ">= 98 %" when the median of the last 6 months is 97.5 %.
 */
export default defineRule({
  id: 'no-margin',
  severity: 'warning',
  summary: 'the public target is as strict as, or stricter than, the internal target or recent performance',
  messages: ['internal', 'looser', 'median'],
  check({ promise, kpis, evaluation }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.target || !c.internal_target || !atLeastAsStrict(c.target, c.internal_target.value)) continue;
      const unit = c.target.unit ?? kpis?.kpis.find((k) => k.id === c.kpi)?.unit ?? '';
      // Equal is "as strict as"; otherwise the internal target is the looser one (85 % under a public 90 %).
      report(['commitments', i, 'target', 'value'], c.target.value === c.internal_target.value ? 'internal' : 'looser', {
        commitment: c.id, target: { target: c.target, unit }, internal: { target: c.internal_target, unit }, example: stricterExample(c.target, unit),
      });
    }
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const median = recentMedian(result);
      if (!median || !atLeastAsStrict(target, median.value)) continue;
      const unit = target.unit ?? result.kpi.unit;
      report(['commitments', index, 'target', 'value'], 'median', {
        commitment: commitment.id, target: { target, unit }, count: median.periods,
        periods: { period: result.kpi.period, count: median.periods }, median: { value: median.value, unit, against: [target.value] },
      });
    }
  },
});

/** An internal target with a margin, in the KPI's own unit: `>= 94 %` under a public `>= 90 %`, `<= 36 hours` under `<= 48 hours`. */
function stricterExample(target: Target, unit: string): Param {
  return { target: { ...target, value: internalFromPublic(target.value, asksForMore(target) ? 'higher' : 'lower', unit) }, unit };
}
