import { defineRule } from '../define-rule.ts';

/**
 * The latest complete period's figure misses a public target: the promise was broken, and customers
 * are owed the remedy. ok: on-time delivery 96 % against ">= 95 %"; not ok: 93 % against ">= 95 %".
 */
export default defineRule({
  id: 'promise-broken',
  severity: 'error',
  summary: "the latest period's data misses a public target",
  // -note: no note in content/notes/ explains the period yet, so the hint says how to write one.
  messages: ['with-remedy', 'no-remedy', 'with-remedy-note', 'no-remedy-note'],
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
      const explained = notes.some((n) => n.commitment === commitment.id && n.period === entry.latest?.period);
      const key = `${commitment.remedy ? 'with-remedy' : 'no-remedy'}${explained ? '' : '-note'}` as const;
      report(['commitments', index, 'target', 'value'], key, {
        commitment: commitment.id, when: entry.latest.period, kpi: entry.kpiId, remedy: commitment.remedy ?? '',
        value: { value: entry.latest.value, unit, against: [target.value] }, target: { target, unit },
      });
    }
  },
});
