import { asksForMore } from '../../kpi/targets.ts';
import { targetChanges } from '../../kpi/versions.ts';
import type { Target } from '../../schema/promise.ts';
import { defineRule } from '../define-rule.ts';

/** The new public target asks for less than the old one: a lower floor, a higher ceiling, or a strict bound made inclusive. */
export function easier(before: Target, after: Target): boolean {
  if (asksForMore(before) !== asksForMore(after)) return true;
  if (after.value !== before.value) return asksForMore(before) ? after.value < before.value : after.value > before.value;
  return (before.comparison === '>' && after.comparison === '>=') || (before.comparison === '<' && after.comparison === '<=');
}

/**
 * Customers judge a promise by its target: making it easier without saying why looks like moving the
 * goalposts. ok: `history: [{ until: 2026-03, target: >= 95, note: "why" }]` then `>= 80`; not ok: the same
 * with no note. Raising a target needs no note (it is still worth one).
 */
export default defineRule({
  id: 'target-loosened',
  severity: 'warning',
  summary: 'a version of a commitment made its public target easier with no note to customers',
  messages: ['no-note'],
  check({ promise }, report) {
    promise.commitments.forEach((commitment, index) => {
      for (const change of targetChanges(commitment)) {
        const { before, after } = change;
        if (change.note || !after.target || !easier(before.target, after.target)) continue;
        const unit = before.target.unit ?? after.target.unit ?? '';
        report(['commitments', index, 'history', change.version, 'until'], 'no-note',
          { commitment: commitment.id, from: change.from, before: { target: before.target, unit }, after: { target: after.target, unit } });
      }
    });
  },
});
