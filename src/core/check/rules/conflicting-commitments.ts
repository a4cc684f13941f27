import { defineRule } from '../define-rule.ts';
import type { Commitment, Target } from '../../schema/promise.ts';

/**
 * Two commitments on one KPI and period must agree: ">= 95" and "<= 90" can never both be kept, and
 * ">= 95" next to ">= 90" tells the customer two different things (">= 95" with "<= 99" is a range: fine).
 * Each conflicting commitment is reported once, at its target, naming the earlier one it contradicts.
 */
export default defineRule({
  id: 'conflicting-commitments',
  severity: 'error',
  summary: 'two commitments on one KPI with incompatible targets, or contradictory claims',
  check({ promise }, report) {
    const list = promise.commitments;
    for (const [j, second] of list.entries()) {
      const i = list.findIndex((first, k) => k < j && conflict(first, second) !== undefined);
      const first = list[i];
      if (!first) continue;
      report(['commitments', j, 'target'],
        `Commitments "${first.id}" and "${second.id}" both measure ${second.kpi} but ${conflict(first, second)}.`,
        'Keep one target per KPI and period; put the stricter figure in internal_target.');
    }
  },
});

function conflict(a: Commitment, b: Commitment): string | undefined {
  if (!a.kpi || a.kpi !== b.kpi || !a.target || !b.target) return undefined;
  if ((a.period ?? '') !== (b.period ?? '')) return undefined;
  if (!canBothHold(a.target, b.target)) return `no figure can meet ${show(a.target)} and ${show(b.target)} at once`;
  const sameDirection = a.target.comparison[0] === b.target.comparison[0];
  if (sameDirection && show(a.target) !== show(b.target)) return `promise different targets (${show(a.target)} and ${show(b.target)})`;
  return undefined;
}

function canBothHold(a: Target, b: Target): boolean {
  const low = [a, b].filter((t) => t.comparison.startsWith('>'));
  const high = [a, b].filter((t) => t.comparison.startsWith('<'));
  if (low.length === 0 || high.length === 0) return true;
  const floor = Math.max(...low.map((t) => t.value));
  const ceiling = Math.min(...high.map((t) => t.value));
  const strict = [...low, ...high].some((t) => t.comparison.length === 1);
  return strict ? floor < ceiling : floor <= ceiling;
}

function show(target: Target): string {
  return `${target.comparison} ${target.value}${target.unit ? ` ${target.unit}` : ''}`;
}
