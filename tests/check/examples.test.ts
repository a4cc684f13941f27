import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/adapters/check-project.ts';
import { loadProject } from '../../src/adapters/project.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the shipped example companies', () => {
  it.each([
    ['content/ (en)', '.', 'For home cooks, Kestrel Kitchen promises delivery you can plan around:'],
    ['examples/pt', 'examples/pt', 'Para quem ama café fresco em casa, a Torra Ipê promete entregas com que você pode contar:'],
    ['examples/zh', 'examples/zh', '青隼厨房向爱在家做饭的人承诺准时送达：'],
  ])('%s composes its statement and has no error-level statement findings', async (_name, dir, opening) => {
    const project = await loadProject(path.join(root, dir), root);
    const { statement, findings } = await checkProject(project);
    expect(statement.text.startsWith(opening)).toBe(true);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
