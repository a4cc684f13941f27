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
  messages: ['impossible', 'different'],
  check({ promise }, report) {
    const list = promise.commitments;
    for (const [j, second] of list.entries()) {
      const i = list.findIndex((first, k) => k < j && conflict(first, second) !== undefined);
      const first = list[i];
      const kind = first && conflict(first, second);
      if (!first?.target || !second.target || !kind) continue;
      report(['commitments', j, 'target'], kind,
        { first: first.id, second: second.id, kpi: second.kpi ?? '', a: show(first.target), b: show(second.target) });
    }
  },
});

/** impossible: no figure meets both; different: two targets in the same direction. */
function conflict(a: Commitment, b: Commitment): 'impossible' | 'different' | undefined {
  if (!a.kpi || a.kpi !== b.kpi || !a.target || !b.target) return undefined;
  if ((a.period ?? '') !== (b.period ?? '')) return undefined;
  if (!canBothHold(a.target, b.target)) return 'impossible';
  const sameDirection = a.target.comparison[0] === b.target.comparison[0];
  if (sameDirection && show(a.target) !== show(b.target)) return 'different';
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
