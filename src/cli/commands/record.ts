import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../../adapters/check-project.ts';
import { evaluateProject } from '../../adapters/evaluate.ts';
import { FigureCache } from '../../adapters/figure-cache.ts';
import { loadProject } from '../../adapters/project.ts';
import { recordProject } from '../../adapters/record.ts';
import { formatText } from '../../core/check/format.ts';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'Append the closed periods to the published record in content/record/ (commit it)',
  usage: 'pledge record [--root DIR]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { root: { type: 'string', default: '.' } } });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    const root = path.resolve(io.cwd, values.root);
    const project = await loadProject(root, io.cwd);
    if (!project.kpis) throw new UsageError('this project has no content/kpis.yaml, so there is nothing to record.');
    const evaluation = await evaluateProject(project, { cwd: io.cwd, cache: FigureCache.of(project.root, io.env, { writes: false }) });
    const result = await recordProject(project, evaluation, io.cwd);
    if (result.refused) {
      // The same findings `pledge check` shows, so the fix is described once.
      const { findings } = await checkProject(project, { evaluation });
      io.err(formatText(findings.filter((f) => f.rule === 'record-changed')));
      io.err('Nothing was written: a published period would change. Restate it in promise.yaml, or restore the data.\n');
      return EXIT.findings;
    }
    for (const update of result.updates) io.out(`${update.shown}: ${describe(update.added, update.restated)}\n`);
    return EXIT.ok;
  },
};

function describe(added: readonly string[], restated: readonly string[]): string {
  const parts = [
    added.length ? `${added.length} period${added.length === 1 ? '' : 's'} added (${span(added)})` : '',
    restated.length ? `${restated.join(', ')} restated` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join('; ')}.` : 'up to date.';
}

function span(periods: readonly string[]): string {
  return periods.length > 2 ? `${periods[0]} to ${periods[periods.length - 1]}` : periods.join(', ');
}
