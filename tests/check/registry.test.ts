import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/core/check/finding.ts';
import { RULES } from '../../src/core/check/rules/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const rulesDir = path.join(root, 'src/core/check/rules');
const ruleFiles = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && !['index.ts', 'all.ts'].includes(name) && !name.endsWith('.test.ts'));

/** The rule ids of the design's table: part of the public contract. */
const DESIGN_IDS = [
  'audience-missing', 'values-not-reflected', 'unique-asset-missing', 'too-long', 'sentence-too-long', 'hard-to-read',
  'jargon', 'vague-claim', 'not-measurable', 'not-time-bound', 'kpi-unknown', 'unrealistic-target', 'no-margin',
  'absolute-claim', 'conflicting-commitments', 'unfocused-exceed', 'features-not-benefits', 'no-emotion', 'cta-missing',
  'feedback-missing', 'promise-broken', 'target-loosened', 'record-changed', 'broken-without-note',
  'data-unreadable', 'data-stale', 'no-data', 'sample-too-small', 'inconsistent-claim',
];
const DATA_IDS = ['unrealistic-target', 'no-margin', 'promise-broken'];

describe('rule registry', () => {
  it('registers every file in src/core/check/rules/ under its file name', () => {
    expect(RULES.map((rule) => `${rule.id}.ts`).sort()).toEqual([...ruleFiles].sort());
  });

  it('has every statement rule of the design, and only ids from the design', () => {
    const ids = RULES.map((rule) => rule.id);
    for (const id of DESIGN_IDS.filter((id) => !DATA_IDS.includes(id))) expect(ids).toContain(id);
    for (const id of ids) expect(DESIGN_IDS).toContain(id);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has a severity, a summary and a test table', (id, rule) => {
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.summary.length).toBeGreaterThan(10);
    // The data-aware rules are tested with the KPI engine's fixtures; every statement rule has its table here.
    if (!DATA_IDS.includes(id)) expect(existsSync(path.join(root, 'tests/check/rules', `${id}.test.ts`))).toBe(true);
  });

  it('is documented in docs/checks.md, every rule with an example and a fix', () => {
    const docs = readFileSync(path.join(root, 'docs/checks.md'), 'utf8');
    for (const rule of RULES) expect(docs).toContain(`### \`${rule.id}\``);
  });
});
