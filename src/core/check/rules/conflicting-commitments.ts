import { commitmentKinds, commitmentsFor, contradicted, kindsIn, showTarget as show, targetParam } from '../claims.ts';
import { defineRule, type CheckInput, type Report } from '../define-rule.ts';
import { commitmentAt, spanPlace } from '../helpers.ts';
import { placeInField } from '../locate.ts';
import { sentences } from '../text.ts';
import { findFigures } from '../text/figures.ts';
import type { Commitment, Target } from '../../schema/promise.ts';

/**
 * Two commitments on one KPI and period must agree: ">= 95" and "<= 90" can never both be kept, and
 * ">= 95" next to ">= 90" tells the customer two different things (">= 95" with "<= 99" is a range: fine).
 * Each conflicting commitment is reported once, at its target, naming the earlier one it contradicts.
 * The words must agree with the targets too: a duration or percentage in a commitment's own text, or
 * in the rest of the statement, that differs from the target it speaks of (see claims.ts, figures.ts).
 */
export default defineRule({
  id: 'conflicting-commitments',
  severity: 'error',
  summary: 'two commitments on one KPI with incompatible targets, or contradictory claims',
  messages: ['impossible', 'different', 'words'],
  check(input, report) {
    const list = input.promise.commitments;
    for (const [j, second] of list.entries()) {
      const i = list.findIndex((first, k) => k < j && conflict(first, second) !== undefined);
      const first = list[i];
      const kind = first && conflict(first, second);
      if (!first?.target || !second.target || !kind) continue;
      report(['commitments', j, 'target'], kind,
        { first: first.id, second: second.id, kpi: second.kpi ?? '', a: targetParam(first.target), b: targetParam(second.target) });
    }
    checkWords(input, report);
  },
});

type Key = 'impossible' | 'different' | 'words';

/** Figures in the commitments' own texts against their targets, then in the statement's other sentences. */
function checkWords(input: CheckInput, report: Report<Key>): void {
  const { promise, lexicon } = input;
  for (const [i, c] of promise.commitments.entries()) {
    if (!c.text || !c.target) continue;
    const figures = findFigures(c.text, lexicon.figures);
    for (const figure of figures.filter((f) => contradicted(input, [i], f, figures) === i))
      report(placeInField(input.source, ['commitments', i, 'text'], c.text, figure.start, figure.text), 'words', { claim: figure.text, id: c.id, target: targetParam(c.target) });
  }
  const kinds = commitmentKinds(input);
  for (const sentence of sentences(input.statement.text)) {
    if (commitmentAt(input, sentence.start) !== undefined) continue;
    const sentenceKinds = new Set(kindsIn(sentence.text, lexicon).keys());
    const figures = findFigures(sentence.text, lexicon.figures);
    for (const figure of figures) {
      const i = contradicted(input, commitmentsFor(input, kinds, figure, sentenceKinds), figure, figures);
      const c = i === undefined ? undefined : promise.commitments[i];
      if (!c?.target) continue;
      const span = { start: sentence.start + figure.start, end: sentence.start + figure.end, text: figure.text };
      report(spanPlace(input, span), 'words', { claim: figure.text, id: c.id, target: targetParam(c.target) });
    }
  }
}

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
