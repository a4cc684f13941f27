import type { Target } from '../schema/promise.ts';
import type { CheckInput } from './define-rule.ts';
import { CLAIM_KINDS, type ClaimKind, type Lexicon } from './lexicon.ts';
import type { Param } from './messages.ts';
import { findTerms, type Span } from './text.ts';
import { contradictsTarget, targetFigure, type Figure } from './text/figures.ts';

/**
 * What a sentence is about, and which commitment a figure in it speaks of: shared by
 * conflicting-commitments (the promise's own words) and inconsistent-claim (the company's other copy).
 */

/** Each kind whose words the text uses, with the first place it does. */
export function kindsIn(text: string, lexicon: Lexicon): Map<ClaimKind, Span> {
  const kinds = new Map<ClaimKind, Span>();
  for (const kind of CLAIM_KINDS) {
    const [first] = findTerms(text, lexicon.claims[kind], lexicon);
    if (first) kinds.set(kind, first);
  }
  return kinds;
}

/** What a KPI formula measures, whatever language its name is in (an on-time rate is a fulfilment rate: delivery). */
const FORMULA_KINDS: Partial<Record<string, ClaimKind>> = {
  on_time_rate: 'delivery', response_time: 'response', within_sla_rate: 'response', csat: 'satisfaction', nps: 'satisfaction', ces: 'satisfaction',
};

/** What each commitment is about: its KPI's formula, the words of its sentence, its KPI's id and name, and its remedy. */
export function commitmentKinds(input: CheckInput): Array<Set<ClaimKind>> {
  return input.promise.commitments.map((commitment) => {
    const sentence = input.statement.commitments.find((c) => c.id === commitment.id)?.text ?? '';
    const kpi = input.kpis?.kpis.find((k) => k.id === commitment.kpi);
    const words = [sentence, commitment.kpi?.replace(/_/g, ' '), kpi?.name, commitment.remedy].filter(Boolean).join('. ');
    const measured = FORMULA_KINDS[kpi?.formula ?? ''];
    return new Set([...kindsIn(words, input.lexicon).keys(), ...(measured ? [measured] : [])]);
  });
}

/**
 * The kinds of promise the company makes: those its statement or commitments speak of, plus what its
 * promise types name outright (delivery, price).
 */
export function kindsMade(input: CheckInput, perCommitment: ReadonlyArray<Set<ClaimKind>>): Set<ClaimKind> {
  const made = new Set<ClaimKind>([...kindsIn(input.statement.text, input.lexicon).keys(), ...perCommitment.flatMap((kinds) => [...kinds])]);
  for (const type of input.promise.promise_types) if (type === 'delivery' || type === 'price') made.add(type);
  return made;
}

/**
 * The commitments a figure may speak of: those whose target is in the figure's dimension and that share
 * a kind with its sentence. A sentence that names no kind is not guessed at ("20 % of our cooks are
 * chefs", "open 24 hours").
 */
export function commitmentsFor(input: CheckInput, kinds: ReadonlyArray<Set<ClaimKind>>, figure: Figure, sentenceKinds: ReadonlySet<ClaimKind>): number[] {
  return input.promise.commitments.flatMap((c, i) =>
    (c.target && targetFigure(c.target, input.lexicon.figures)?.dimension === figure.dimension
      && [...(kinds[i] ?? [])].some((kind) => sentenceKinds.has(kind)) ? [i] : []));
}

/**
 * The commitment a figure contradicts: one it may speak of, when it agrees with none of them. A figure
 * beside one that does agree speaks of something else ("we reply within 4 hours, or send a voucher
 * within 2 days"), so `others` (the sentence's figures) may excuse it.
 */
export function contradicted(input: CheckInput, candidates: readonly number[], figure: Figure, others: readonly Figure[] = []): number | undefined {
  const words = input.lexicon.figures;
  const disagree = candidates.filter((i) => {
    const target = input.promise.commitments[i]?.target;
    return target !== undefined && contradictsTarget(figure, target, words)
      && !others.some((other) => other.dimension === figure.dimension && !contradictsTarget(other, target, words));
  });
  return disagree.length > 0 && disagree.length === candidates.length ? disagree[0] : undefined;
}

/** A target as people read it: `<= 48 hours`. */
export function showTarget(target: Target): string {
  return `${target.comparison} ${target.value}${target.unit ? ` ${target.unit}` : ''}`;
}

/** A commitment's target in a finding, written as every finding writes one, in the finding's language. */
export function targetParam(target: Target): Param {
  return { target, unit: '' };
}
