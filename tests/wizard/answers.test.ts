import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answersFromPromise, checkableAnswers, commitmentIdFor, emptyAnswers, promiseFromAnswers, PLACEHOLDER,
} from '../../src/core/draft/answers.ts';
import { promiseYaml } from '../../src/core/draft/serialize.ts';
import { findingsForStep, linesOf } from '../../src/core/draft/steps.ts';
import type { Finding } from '../../src/core/check/finding.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { REPO } from './tty.ts';

const exampleText = readFileSync(path.join(REPO, 'content/promise.yaml'), 'utf8');
const example = validateSource(parseYaml(exampleText, 'content/promise.yaml'), promiseSchema);

describe('answers ↔ promise.yaml', () => {
  it('round-trips the example: editing starts from every answer and loses nothing', () => {
    const answers = answersFromPromise(example);
    expect(answers.values).toEqual(['honesty', 'care', 'craftsmanship']);
    expect(answers.commitments[1]).toEqual({
      id: 'quick-replies', kpi: 'first_response_time', comparison: '<=', unit: 'hours', target: 4, internalTarget: 2,
      period: 'month', remedy: 'we add a £5 voucher to your account', exceeds: undefined,
      keep: { text: undefined, deadline: undefined, since: '2026-01', history: undefined },
    });
    const again = validateSource(parseYaml(promiseYaml(promiseFromAnswers(answers)), 'x.yaml'), promiseSchema);
    expect(again).toEqual(example);
  });

  it('leaves unanswered optional fields out instead of writing them empty', () => {
    const answers = {
      ...emptyAnswers('pt'), company: 'Andorinha', audienceWho: 'cozinheiros', values: ['cuidado'], promiseTypes: ['delivery' as const],
      benefit: 'você recebe antes', ctaText: '', feedbackChannel: undefined,
      commitments: [{ id: 'entrega', kpi: 'on_time_delivery', comparison: '>=' as const, unit: '', target: 95, internalTarget: undefined,
        period: 'week' as const, remedy: undefined, exceeds: undefined, keep: {} }],
    };
    expect(promiseFromAnswers(answers)).toEqual({
      company: 'Andorinha', language: 'pt', audience: { who: 'cozinheiros' }, values: ['cuidado'], promise_types: ['delivery'],
      benefit: 'você recebe antes',
      commitments: [{ id: 'entrega', kpi: 'on_time_delivery', target: { comparison: '>=', value: 95 }, period: 'week' }],
    });
  });

  it('fills unanswered required fields with placeholders so a partial draft can be checked', () => {
    const checkable = checkableAnswers({ ...emptyAnswers(), company: 'Kestrel' });
    expect(checkable.company).toBe('Kestrel');
    expect(checkable.benefit).toBe(PLACEHOLDER);
    expect(checkable.commitments.map((c) => c.id)).toEqual(['draft']);
    expect(promiseSchema.safeParse(promiseFromAnswers(checkable)).success).toBe(true);
  });

  it('names a commitment after its KPI, uniquely', () => {
    expect(commitmentIdFor('on_time_delivery', [])).toBe('on-time-delivery');
    expect(commitmentIdFor('csat', ['csat', 'csat-2'])).toBe('csat-3');
    expect(commitmentIdFor('__', [])).toBe('commitment');
  });
});

describe('promise.yaml text', () => {
  it('starts with the editor schema comment and writes targets on one line', () => {
    const text = promiseYaml(promiseFromAnswers(answersFromPromise(example)));
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=../schemas/promise.schema.json', 'company: Kestrel Kitchen', 'language: en']);
    expect(text).toContain('    target: { comparison: ">=", value: 95, unit: "%" }\n');
    expect(text).toContain('promise_types: [ delivery, service, quality ]\n');
  });
});

describe('which findings a step shows', () => {
  const finding = (rule: string, line: number): Finding => ({ rule, severity: 'warning', message: 'm', file: 'f', line, column: 1, hint: 'h' });
  // Example lines: benefit on 17, commitments[0] on 19–25, commitments[1] on 26–33 (with its since and comment).
  const all = [finding('jargon', 17), finding('jargon', 4), finding('cta-missing', 1), finding('no-emotion', 1),
    finding('absolute-claim', 20), finding('not-time-bound', 27), finding('unfocused-exceed', 33)];

  it('locates fields by line', () => {
    expect(linesOf(exampleText, ['benefit'])).toEqual([17, 17]);
    expect(linesOf(exampleText, ['commitments', 0])).toEqual([19, 25]);
    expect(linesOf(exampleText, ['commitments', 1])).toEqual([26, 33]);
    expect(linesOf(exampleText, ['nothing'])).toBeUndefined();
  });

  it('shows a step its own rules and the wording findings inside its fields', () => {
    expect(findingsForStep('benefit', all, exampleText).map((f) => `${f.rule}@${f.line}`)).toEqual(['jargon@17', 'no-emotion@1']);
    expect(findingsForStep('cta', all, exampleText).map((f) => f.rule)).toEqual(['cta-missing']);
    // The company name sits on line 4: a buzzword in it belongs to the company step.
    expect(findingsForStep('company', all, exampleText).map((f) => `${f.rule}@${f.line}`)).toEqual(['jargon@4']);
    expect(findingsForStep('values', all, exampleText)).toEqual([]);
  });

  it('shows a commitment only its own findings, plus those about the set', () => {
    expect(findingsForStep('commitment', all, exampleText, 0).map((f) => `${f.rule}@${f.line}`)).toEqual(['absolute-claim@20', 'unfocused-exceed@33']);
    expect(findingsForStep('commitment', all, exampleText, 1).map((f) => `${f.rule}@${f.line}`)).toEqual(['not-time-bound@27', 'unfocused-exceed@33']);
  });
});
