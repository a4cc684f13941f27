import { recordChanges, type CurrentEntry } from '../../record/record.ts';
import { defineRule } from '../define-rule.ts';
import type { Param } from '../messages.ts';

/**
 * A closed period, once published (content/record/, written by `pledge record`), keeps its figure,
 * target and status: rewritten data or a target edited in place would quietly change what customers
 * were shown. ok: the same figures, or a change with a restatement in promise.yaml; not ok: a
 * February figure that moved because a data file was rewritten.
 */
export default defineRule({
  id: 'record-changed',
  severity: 'error',
  summary: "a closed, published period's figure, target or status would change without a restatement",
  // gone: the period is no longer in the data at all.
  messages: ['changed', 'gone'],
  needsData: true,
  check({ promise, kpis, evaluation, record }, report) {
    if (!evaluation) return;
    const unit = (commitment: string) => kpis?.kpis.find((k) => k.id === promise.commitments.find((c) => c.id === commitment)?.kpi)?.unit ?? '';
    for (const change of recordChanges(record.map((r) => r.doc), promise, evaluation)) {
      if (change.restated) continue;
      const source = record[change.recordIndex]?.source;
      if (!source) continue;
      const u = unit(change.commitment);
      const params = { commitment: change.commitment, when: change.recorded.period, was: describe(change.recorded, u) };
      report(source.locate(['periods', change.entryIndex]), change.now ? 'changed' : 'gone',
        change.now ? { ...params, now: describe(change.now, u) } : params);
    }
  },
});

/** The figure as published or computed: value, rows, target, status (worded by the finding's language). */
function describe(entry: Omit<CurrentEntry, 'period'>, unit: string): Param {
  return { figure: { value: entry.value, n: entry.n, target: entry.target, unit, status: entry.status } };
}
