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
  messages: ['internal', 'median'],
  check({ promise, evaluation }, report) {
    for (const [i, c] of promise.commitments.entries()) {
      if (!c.target || !c.internal_target || !atLeastAsStrict(c.target, c.internal_target.value)) continue;
      report(['commitments', i, 'target', 'value'], 'internal',
        { commitment: c.id, target: formatTarget(c.target), internal: formatTarget(c.internal_target) });
    }
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const median = recentMedian(result);
      if (!median || !atLeastAsStrict(target, median.value)) continue;
      const unit = target.unit ?? result.kpi.unit;
      report(['commitments', index, 'target', 'value'], 'median', {
        commitment: commitment.id, target: formatTarget(target, unit), count: median.periods,
        periods: { period: result.kpi.period, count: median.periods }, median: formatValueAgainst(median.value, target.value, unit),
      });
    }
  },
});
