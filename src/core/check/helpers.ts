import type { Place } from '../input-error.ts';
import type { CheckInput } from './define-rule.ts';
import { placeOfSentence, placeOfSpan } from './locate.ts';
import { escapeRegExp, sentences, type Span } from './text.ts';

/** Where a finding about the whole statement points: the written statement, or the first field it uses. */
export function statementPlace({ promise, source, statement }: CheckInput): Place {
  if (promise.statement) return source.locate(['statement']);
  const first = statement.parts.find((part) => part.path);
  return source.locate(first?.path ?? []);
}

/** The configured limit (content/rules.yaml `limit:`), or the language's default. */
export function limitOf(input: CheckInput, fallback: number): number {
  return typeof input.options.limit === 'number' ? input.options.limit : fallback;
}

export function spanPlace(input: CheckInput, span: Span): Place {
  return placeOfSpan(input.statement, input.source, span);
}

export function sentencePlace(input: CheckInput, span: Span): Place {
  return placeOfSentence(input.statement, input.source, span);
}

/**
 * The statement as read for mentions, with the company's name blanked out (offsets kept): "Casa Ipê"
 * does not mention an audience who cooks "em casa".
 */
export function mentionText({ statement, promise }: CheckInput): string {
  const name = promise.company.trim();
  if (!name) return statement.text;
  return statement.text.replace(new RegExp(escapeRegExp(name), 'giu'), (match) => ' '.repeat(match.length));
}

/**
 * Only the words that came from promise.yaml (fields and a written statement), template wording blanked
 * out (offsets kept): the intro's stock "delivery you can plan around" says nothing about this promise.
 */
export function writersText({ statement }: CheckInput): string {
  return statement.parts.map((part) => (part.path ? part.text : ' '.repeat(part.text.length))).join('');
}

export function statementSentences(input: CheckInput): Span[] {
  return sentences(input.statement.text);
}

/** Which commitment (its index) a statement offset falls in, by finding each commitment's text in the statement. */
export function commitmentAt(input: CheckInput, offset: number): number | undefined {
  const text = input.statement.text;
  for (const [index, c] of input.statement.commitments.entries()) {
    const start = text.indexOf(c.text);
    if (c.text && start >= 0 && offset >= start && offset < start + c.text.length) return index;
  }
  return undefined;
}

export function quote(text: string): string {
  return `"${text}"`;
}

/**
 * Where a finding about a KPI points: its definition in kpis.yaml (`key` under it), or, without the
 * parsed file, the first commitment that uses it.
 */
export function kpiPlace(input: CheckInput, kpiId: string, key: string): Place {
  const index = input.kpis?.kpis.findIndex((kpi) => kpi.id === kpiId) ?? -1;
  if (input.kpisSource && index >= 0) return input.kpisSource.locate(['kpis', index, key]);
  const commitment = input.promise.commitments.findIndex((c) => c.kpi === kpiId);
  return input.source.locate(commitment >= 0 ? ['commitments', commitment, 'kpi'] : []);
}

