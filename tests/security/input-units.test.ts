import { describe, expect, it } from 'vitest';
import { makeFinding, type Finding, type Severity } from '../../src/core/check/finding.ts';
import { outcomeOf } from '../../src/core/check/outcome.ts';
import { endsLinesWithCrOnly, sniffEncoding } from '../../src/core/text-encoding.ts';
import { utf16 } from './helpers.ts';

// The pure pieces behind data-input.test.ts and check-outcome.test.ts (which test through the CLI).

describe('text encoding', () => {
  it('sniffs encodings and line ends from the first bytes', () => {
    expect(sniffEncoding(Buffer.from('\ufeffa,b\n', 'utf8'))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(sniffEncoding(Buffer.from('ação,b\n', 'utf8'))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(sniffEncoding(utf16('a,b\n', 'le', false))).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(sniffEncoding(utf16('a,b\n', 'be', true))).toEqual({ encoding: 'utf-16be', bom: 2 });
    expect([endsLinesWithCrOnly(Buffer.from('a\rb\r')), endsLinesWithCrOnly(Buffer.from('a\r\nb\r')), endsLinesWithCrOnly(Buffer.from('a\nb\r')), endsLinesWithCrOnly(Buffer.from('ab\r'))])
      .toEqual([true, false, false, false]);
  });
});

describe('outcomeOf: the exit code from the findings alone', () => {
  const finding = (rule: string, severity: Severity): Finding => makeFinding(rule, severity, { file: 'f', line: 1, column: 1 }, 'm', 'h');
  it.each([
    [[], 'ok'],
    [[finding('jargon', 'warning'), finding('promise-broken', 'info')], 'ok'],
    [[finding('promise-broken', 'error')], 'failed'],
    [[finding('kpi-unknown', 'warning')], 'ok'],
    [[finding('kpi-unknown', 'error'), finding('promise-broken', 'error')], 'bad-input'],
  ] as Array<[Finding[], string]>)('outcomeOf %j is %s', (findings, outcome) => {
    expect(outcomeOf(findings)).toBe(outcome);
  });
});
