import { publishedCommitments } from '../../record/record.ts';
import { defineRule } from '../define-rule.ts';

/**
 * A broken month on the public page with no word from the company reads as indifference. ok: a
 * broken 2026-02 and content/notes/2026-02-on-time.md about it; not ok: the broken month alone.
 */
export default defineRule({
  id: 'broken-without-note',
  severity: 'warning',
  summary: 'a broken closed period has no public note explaining it',
  messages: ['one', 'many'],
  needsData: true,
  check({ promise, kpis, evaluation, notes }, report) {
    for (const commitment of publishedCommitments(promise, kpis)) {
      const entry = evaluation?.commitments.find((c) => c.commitmentId === commitment.id);
      const unexplained = (entry?.history ?? []).filter((p) => p.status === 'broken'
        && !notes.some((n) => n.commitment === commitment.id && n.period === p.period)).map((p) => p.period);
      const first = unexplained[0];
      if (first === undefined) continue;
      const index = promise.commitments.indexOf(commitment);
      report(['commitments', index, 'id'], unexplained.length > 1 ? 'many' : 'one',
        { commitment: commitment.id, periods: { list: unexplained }, first });
    }
  },
});
