import { commitmentKinds, commitmentsFor, contradicted, kindsIn, kindsMade, targetParam } from '../claims.ts';
import { copySentences, type CopyText } from '../copy.ts';
import { defineRule, type CheckInput, type Report } from '../define-rule.ts';
import type { ClaimKind } from '../lexicon.ts';
import { findTerms, type Span } from '../text.ts';
import { findFigures } from '../text/figures.ts';

/** Kinds that are promises in themselves ("money-back guarantee"); delivery and response words need a figure or an absolute beside them. */
const OFFERS: ReadonlySet<ClaimKind> = new Set(['refund', 'price', 'satisfaction']);

/**
 * The company's other copy (`pledge check --scan`) must tell the promise's story: per sentence, a kind
 * of promise the company does not make ("money-back guarantee" with no refund anywhere in the promise),
 * a figure that differs from the target it speaks of ("delivered within 24 hours" beside "<= 48 hours"),
 * and an absolute ("always on time") about a commitment that can be missed. One finding per claim.
 */
export default defineRule({
  id: 'inconsistent-claim',
  severity: 'error',
  summary: "the company's other copy (`check --scan`) contradicts the promise",
  messages: ['not-made', 'different', 'absolute', 'absolute-target'],
  check(input, report) {
    const kinds = commitmentKinds(input);
    const made = kindsMade(input, kinds);
    for (const copy of input.copy ?? [])
      for (const sentence of copySentences(copy)) checkSentence(input, { copy, sentence, kinds, made }, report);
  },
});

type Key = 'not-made' | 'different' | 'absolute' | 'absolute-target';

interface Context {
  copy: CopyText;
  sentence: Span;
  kinds: ReadonlyArray<Set<ClaimKind>>;
  made: ReadonlySet<ClaimKind>;
}

function checkSentence(input: CheckInput, { copy, sentence, kinds, made }: Context, report: Report<Key>): void {
  const { lexicon, promise } = input;
  const about = kindsIn(sentence.text, lexicon);
  const figures = findFigures(sentence.text, lexicon.figures);
  const absolutes = findTerms(sentence.text, lexicon.absolute, lexicon);
  const claimed: Span[] = [];
  const at = (span: Pick<Span, 'start' | 'end'>) => {
    claimed.push({ ...span, text: '' });
    return copy.locate(sentence.start + span.start);
  };
  for (const [kind, span] of about)
    if (!made.has(kind) && (OFFERS.has(kind) || figures.length > 0 || absolutes.length > 0)) report(at(span), 'not-made', { claim: span.text });
  const sentenceKinds = new Set(about.keys());
  for (const figure of figures) {
    const c = promise.commitments[contradicted(input, commitmentsFor(input, kinds, figure, sentenceKinds), figure, figures) ?? -1];
    if (c?.target) report(at(figure), 'different', { claim: figure.text, id: c.id, target: targetParam(c.target) });
  }
  const onTopic = promise.commitments.filter((c, i) => [...(kinds[i] ?? [])].some((kind) => sentenceKinds.has(kind) && made.has(kind)));
  const missable = onTopic.find((c) => c.remedy) ?? onTopic.find((c) => c.target);
  for (const word of absolutes) {
    if (!missable || claimed.some((span) => span.start < word.end && word.start < span.end)) continue;
    if (missable.remedy) report(at(word), 'absolute', { claim: word.text, id: missable.id, remedy: missable.remedy });
    else if (missable.target) report(at(word), 'absolute-target', { claim: word.text, id: missable.id, target: targetParam(missable.target) });
  }
}
