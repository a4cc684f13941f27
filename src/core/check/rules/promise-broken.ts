import { formatTarget, formatValueAgainst } from '../../kpi/format.ts';
import { defineRule } from '../define-rule.ts';
import { noteHint } from './broken-without-note.ts';

/**
 * The latest complete period's figure misses a public target: the promise was broken, and customers
 * are owed the remedy. ok: on-time delivery 96 % against ">= 95 %"; not ok: 93 % against ">= 95 %".
 */
export default defineRule({
  id: 'promise-broken',
  severity: 'error',
  summary: "the latest period's data misses a public target",
  needsData: true,
  check({ promise, evaluation, notes }, report) {
    for (const entry of evaluation?.commitments ?? []) {
      if (entry.latest?.status !== 'broken' || entry.latest.value === null) continue;
      const index = promise.commitments.findIndex((c) => c.id === entry.commitmentId);
      const commitment = promise.commitments[index];
      // The target in force in that period (versions.ts): the current one unless a history entry still covers it.
      const target = entry.latest.target ?? commitment?.target;
      if (!commitment || !target) continue;
      const unit = target.unit ?? evaluation?.kpis.find((k) => k.kpi.id === entry.kpiId)?.kpi.unit ?? '';
      const remedy = commitment.remedy ? `Customers are owed the remedy ("${commitment.remedy}"); ` : 'Tell the customers affected; ';
      const explained = notes.some((n) => n.commitment === commitment.id && n.period === entry.latest?.period);
      report(['commitments', index, 'target', 'value'],
        `Commitment "${commitment.id}" was broken in ${entry.latest.period}: ${entry.kpiId} was ${formatValueAgainst(entry.latest.value, target.value, unit)}, against a promise of ${formatTarget(target, unit)}.`,
        `${remedy}find the cause, and say what you changed.${explained ? '' : ` ${noteHint(commitment.id, entry.latest.period)}`}`);
    }
  },
});
