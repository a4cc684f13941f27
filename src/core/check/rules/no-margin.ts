import { formatTarget, formatValueAgainst } from '../../kpi/format.ts';
import { atLeastAsStrict, measuredCommitments, recentMedian } from '../../kpi/targets.ts';
import { defineRule } from '../define-rule.ts';

/**
 * Promise with a margin: the public target should be looser than the internal one and than what you
 * usually deliver. ok: public ">= 95 %", internal ">= 97 %", recent median 98 %; not ok: public ">= 97 %"
 * with internal ">= 97 %", or public ">= 98 %" when the median of the last 6 months is 97.5 %.
 */
export default defineRule({
  id: 'no-margin',
  severity: 'warning',
  summary: 'the public target is as strict as, or stricter than, the internal target or recent performance',
  check({ promise, evaluation }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.target || !c.internal_target || !atLeastAsStrict(c.target, c.internal_target.value)) continue;
      report(['commitments', i, 'target', 'value'],
        `Commitment "${c.id}" promises ${formatTarget(c.target)} in public, as strict as its internal target (${formatTarget(c.internal_target)}), so there is no margin before a broken promise.`,
        'Make the internal target stricter than the public one, e.g. promise 60 minutes and aim for 45.');
    }
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const median = recentMedian(result);
      if (!median || !atLeastAsStrict(target, median.value)) continue;
      const unit = target.unit ?? result.kpi.unit;
      report(['commitments', index, 'target', 'value'],
        `Commitment "${commitment.id}" promises ${formatTarget(target, unit)}, but the median of the last ${median.periods} ${result.kpi.period}s is ${formatValueAgainst(median.value, target.value, unit)}: about half the periods miss or barely meet it.`,
        'Set the public target where you deliver comfortably, and keep the stricter figure as the internal_target.');
    }
  },
});
