import { formatTarget, formatValueAgainst } from '../../kpi/format.ts';
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
  needsData: true,
  check({ promise, evaluation }, report) {
    for (const { commitment, target, index, result } of measuredCommitments(promise.commitments, evaluation)) {
      const best = bestPeriod(result, target);
      if (!best || meets(best.value, target)) continue;
      const unit = target.unit ?? result.kpi.unit;
      report(['commitments', index, 'target', 'value'],
        `Commitment "${commitment.id}" promises ${formatTarget(target, unit)}, but the best ${result.kpi.period} in the data (${best.period}) reached ${formatValueAgainst(best.value, target.value, unit)}.`,
        'Promise what you already achieve, with a margin, and raise the target once the figures have improved.');
    }
  },
});
