import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCheckResources } from '../../src/adapters/check-project.ts';
import { readCopy } from '../../src/core/check/copy.ts';
import type { Finding } from '../../src/core/check/finding.ts';
import { RULES } from '../../src/core/check/rules/index.ts';
import { runChecks } from '../../src/core/check/run.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import type { RulesConfig } from '../../src/core/schema/rules-config.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';

export type Language = 'en' | 'pt' | 'zh';
/** Replace the one occurrence of the first text with the second (a missing text fails the test). */
export type Edit = [from: string, to: string];

export interface Case {
  name: string;
  language: Language;
  edits?: Edit[];
  config?: RulesConfig;
  /** Run without kpis.yaml. */
  noKpis?: boolean;
  /**
   * The language of the messages. English by default: the rule tables test what each rule finds and
   * where; tests/check/messages.test.ts tests the words in every language.
   */
  messages?: Language;
  /** The company's other copy (`pledge check --scan`): each file's name and text, read as copy.ts reads it. */
  copy?: Array<{ file: string; text: string }>;
  /** Each finding as `file:line:column  severity  rule  message | hint`. */
  expected: string[];
}

export const fixtureRoot = (language: Language) => path.resolve(import.meta.dirname, `../fixtures/check-${language}`);

export function fixtureText(language: Language, file = 'promise.yaml'): string {
  return readFileSync(path.join(fixtureRoot(language), 'content', file), 'utf8');
}

export function applyEdits(text: string, edits: Edit[]): string {
  return edits.reduce((current, [from, to]) => {
    const count = current.split(from).length - 1;
    if (count !== 1) throw new Error(`The edit text ${JSON.stringify(from)} occurs ${count} times in the fixture, not once.`);
    return current.replace(from, to);
  }, text);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message} | ${f.hint}`;
}

/** Runs one rule on the language's base fixture with the case's edits applied. */
export async function runRule(ruleId: string, testCase: Case): Promise<string[]> {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  const source = parseYaml(applyEdits(fixtureText(testCase.language), testCase.edits ?? []), 'content/promise.yaml');
  const kpisSource = parseYaml(fixtureText(testCase.language, 'kpis.yaml'), 'content/kpis.yaml');
  const resources = await loadCheckResources(fixtureRoot(testCase.language));
  const { findings } = runChecks({
    ...resources,
    promise: validateSource(source, promiseSchema),
    source,
    kpis: testCase.noKpis ? undefined : validateSource(kpisSource, kpisFileSchema),
    config: testCase.config,
    language: testCase.messages ?? 'en',
    rules: [rule],
    copy: testCase.copy?.map(({ file, text }) => readCopy(file, text)),
  });
  return findings.map(formatFinding);
}

/** The valid/invalid table of one rule: every case runs that rule alone and compares whole findings. */
export function ruleTable(ruleId: string, cases: Case[]): void {
  describe(ruleId, () => {
    it.each(cases)('$language: $name', async (testCase) => {
      expect(await runRule(ruleId, testCase)).toEqual(testCase.expected);
    });
  });
}

/** An edit that gives the fixture a written `statement:` (the commitments' sentences still follow it). */
export function writtenStatement(text: string): Edit {
  return ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];
}

/** Edits that take "you" out of each fixture's remedies, so that only the written statement speaks to the reader. */
export const impersonalRemedies: Record<Language, Edit[]> = {
  en: [['we refund your shipping', 'we refund the shipping'], ['we send you a voucher', 'we send a voucher']],
  pt: [['enviamos um cupom para você', 'enviamos um cupom']],
  zh: [['我们送您一张优惠券', '我们送一张优惠券']],
};
