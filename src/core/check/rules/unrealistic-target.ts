import { bestPeriod, meets, measuredCommitments } from '../../kpi/targets.ts';
import { defineRule } from '../define-rule.ts';

/**
 * A public target no period in the data has ever reached is over-promising.
 * ok: ">= 95 %" when the best month reached 99 %; not ok: ">= 99.5 %" when the best month reached 99 %.
 */
export default defineRule({
  id: 'unrealistic-target',
  severity: 'warning',
  summary: 'the public target is beyond what the data shows was ever achieved',
  messages: ['never-reached'],
  needsData: true,
  check({ promise, evaluation }, report) {
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const best = bestPeriod(result, target);
      if (!best || meets(best.value, target)) continue;
      const unit = target.unit ?? result.kpi.unit;
      report(['commitments', index, 'target', 'value'], 'never-reached', {
        commitment: commitment.id, target: { target, unit }, period: { period: result.kpi.period, count: 1 },
        when: best.period, value: { value: best.value, unit, against: [target.value] },
      });
    }
  },
});
