import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledge, sandbox, type Sandbox } from './helpers.ts';

let box: Sandbox;
let kpisYaml: string;
let baseline: string;
beforeAll(async () => {
  box = await sandbox();
  kpisYaml = await readFile(path.join(box.root, 'content', 'kpis.yaml'), 'utf8');
  baseline = (await pledge(box.root, 'kpi', '--format', 'csv')).out;
});
afterAll(async () => { await box.remove(); });

/** kpis.yaml with the first KPI's source (line 5, column 13) written as `source`. */
async function withSource(source: string): Promise<void> {
  const line = '    source: data/orders.csv\n';
  if (!kpisYaml.includes(line)) throw new Error('the fixture changed');
  await writeFile(path.join(box.root, 'content', 'kpis.yaml'), kpisYaml.replace(line, `    source: ${source}\n`));
}

describe('a KPI source path is normalised first, then judged', () => {
  it.each([
    'data/../data/orders.csv', './data/orders.csv', 'data/./orders.csv', 'data//orders.csv', 'data/x/../orders.csv',
    String.raw`data\orders.csv`, String.raw`data\..\data\orders.csv`,
  ])('%s stays inside, so it is read as data/orders.csv', async (source) => {
    await withSource(source);
    const run = await pledge(box.root, 'kpi', '--format', 'csv');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(baseline);
  });

  it.each([
    '../data/orders.csv', 'data/../../content/data/orders.csv', './../orders.csv', 'data/..', '..', '/etc/passwd',
    String.raw`..\secret.csv`, String.raw`data\..\..\secret.csv`, String.raw`C:\data\orders.csv`, 'c:data/orders.csv',
    String.raw`\\server\share\orders.csv`, String.raw`\etc\passwd`,
  ])('%s leaves the project: exit 2 at the source, with the fix', async (source) => {
    await withSource(JSON.stringify(source));
    const run = await pledge(box.root, 'kpi', '--format', 'csv');
    expect(run.err).toBe('content/kpis.yaml:5:13  kpis[0].source: this path leaves the project. Put the data file inside the project, e.g. data/orders.csv.\n');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
  });
});
