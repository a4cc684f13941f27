import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateProject } from '../../src/adapters/evaluate.ts';
import { loadProject } from '../../src/adapters/project.ts';
import { renderReports } from '../../src/adapters/site/steps.ts';
import { pledge, sandbox, type Sandbox } from './helpers.ts';

let box: Sandbox;
beforeAll(async () => {
  box = await sandbox();
  await mkdir(path.join(box.root, 'content', 'reports'));
  await mkdir(path.join(box.root, 'dist'));
  await writeFile(path.join(box.root, 'dist', 'pledge.json'), 'previous build');
});
afterAll(async () => { await box.remove(); });

/** A report whose third line starts with `embed`. */
async function report(embed: string): Promise<void> {
  await writeFile(path.join(box.root, 'content', 'reports', '2026-05-review.md'), `# May review\n\n${embed}\n`);
}

// The fixture's KPIs have one monthly bucket, 2026-05.
const REFUSAL = (period: string) => 'content/reports/2026-05-review.md:3:1  The report embeds KPI "on_time" for period '
  + `"${period}", which its data does not have. Its periods run from 2026-05 to 2026-05 (monthly, written like 2026-05); fix the period or remove it to show the latest.\n`;

describe('a report embed naming a period the KPI does not have', () => {
  it.each([
    [':kpi{id=on_time period=2030-01}', '2030-01'],
    [':kpi{id=on_time period=2026-04}', '2026-04'],
    [':kpi{id=on_time period=2026-13}', '2026-13'],
    [':kpi{id=on_time period=2026-5}', '2026-5'],
    [':kpi{id=on_time period=2026-Q2}', '2026-Q2'],
    [':kpi{id=on_time period=2026-W19}', '2026-W19'],
    [':kpi{id=on_time period=""}', ''],
    ['::kpi-table{id=on_time period=1999-01}', '1999-01'],
  ])('%s is an input error at its line: exit 2, the previous dist/ kept', async (embed, period) => {
    await report(embed);
    const run = await pledge(box.root, 'build');
    expect(run.err).toBe(REFUSAL(period));
    expect(run.code).toBe(2);
    expect(await readFile(path.join(box.root, 'dist', 'pledge.json'), 'utf8')).toBe('previous build');
  }, 60_000);

  it('a period the KPI has still shows its value', async () => {
    await report(':kpi{id=on_time period=2026-05}');
    const project = await loadProject(box.root, box.root);
    const [rendered] = await renderReports(project, await evaluateProject(project), box.root);
    expect(rendered?.html).toBe('<h1>May review</h1>\n<p><strong class="kpi-value">100%</strong></p>');
  });
});
