import { formatTarget, formatValue } from '../../kpi/format.ts';
import { recordChanges, type CurrentEntry } from '../../record/record.ts';
import { defineRule } from '../define-rule.ts';

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
  needsData: true,
  check({ promise, kpis, evaluation, record }, report) {
    if (!evaluation) return;
    const unit = (commitment: string) => kpis?.kpis.find((k) => k.id === promise.commitments.find((c) => c.id === commitment)?.kpi)?.unit ?? '';
    for (const change of recordChanges(record.map((r) => r.doc), promise, evaluation)) {
      if (change.restated) continue;
      const source = record[change.recordIndex]?.source;
      if (!source) continue;
      const u = unit(change.commitment);
      const now = change.now ? `now gives ${describe(change.now, u)}` : 'no longer has this period (its rows are gone, or it is now before "since")';
      report(source.locate(['periods', change.entryIndex]),
        `Commitment "${change.commitment}" was published for ${change.recorded.period} as ${describe(change.recorded, u)}; the data ${now}.`,
        `A published figure is not rewritten silently. If the new one is right, add to promise.yaml restatements: [{ commitment: ${change.commitment}, period: ${change.recorded.period}, note: "what was corrected and why" }] and run \`pledge record\`; the page lists it. Otherwise restore the data, or record a target change as a history entry.`);
    }
  },
});

function describe(entry: Omit<CurrentEntry, 'period'>, unit: string): string {
  return `${formatValue(entry.value, unit)} (n ${entry.n}, target ${formatTarget(entry.target, unit)}, ${entry.status})`;
}
