import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/adapters/check-project.ts';
import { loadProject } from '../../src/adapters/project.ts';
import { sentences } from '../../src/core/check/text.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the shipped example companies', () => {
  it.each([
    ['content/ (en)', '.', 'For home cooks, Kestrel Kitchen makes one promise: you can plan the dinner before the parcel arrives.', 3],
    ['examples/pt', 'examples/pt', 'Para quem ama café fresco em casa, a Torra Ipê faz uma promessa: você recebe café torrado há menos de uma semana, no dia que combinamos.', 3],
    ['examples/zh', 'examples/zh', '青隼厨房向爱在家做饭的人承诺：您下单时就能放心安排周末的晚饭。', 3],
  ])('%s composes a statement a person would publish, which passes every statement rule', async (_name, dir, opening, sentenceCount) => {
    const project = await loadProject(path.join(root, dir), root);
    // Without the data: the statement's own rules, none of the figures'.
    const { statement, findings } = await checkProject(project);
    expect(statement.lead.startsWith(opening)).toBe(true);
    expect(sentences(statement.lead)).toHaveLength(sentenceCount);
    expect(statement.commitments.map((c) => c.text)).toHaveLength(3);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
