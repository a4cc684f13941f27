import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { evaluateProject, type EvaluateOptions } from '../../adapters/evaluate.ts';
import { messagesOf } from '../../adapters/check-project.ts';
import { FigureCache } from '../../adapters/figure-cache.ts';
import { loadProject } from '../../adapters/project.ts';
import { formatBadRows, formatKpiCsv, formatKpiJson, formatKpiTable, formatStatusTable } from '../../core/kpi/format.ts';
import { EXIT, oneOf, UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';
import { ADD_USAGE, runKpiAdd } from './kpi-add.ts';
import { REMOVE_USAGE, runKpiRemove } from './kpi-remove.ts';

const FORMATS = ['table', 'json', 'csv'] as const;

/** A progress bar over the bytes of the data files, on a terminal only (never in CI or a pipe). */
export function progressOptions(io: CliIO): Pick<EvaluateOptions, 'onStart' | 'onProgress'> & { stop(): void } {
  if (!io.interactive) return { stop() {} };
  const bar = new cliProgress.SingleBar({
    format: 'Reading data |{bar}| {percentage}% {rows} rows {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  return {
    onStart: (total) => bar.start(Math.max(total, 1), 0, { rows: 0, file: '' }),
    onProgress: (rows, file, bytes) => bar.update(bytes, { rows, file }),
    stop: () => bar.stop(),
  };
}

export const command: Command = {
  summary: 'Compute every KPI per period from the data files (`kpi add`: define one from your own data file; `kpi remove`)',
  usage: `pledge kpi [--format table|json|csv] [--root DIR] [--strict]\n       ${ADD_USAGE}\n       ${REMOVE_USAGE}`,
  async run(argv, io) {
    if (argv[0] === 'add') return runKpiAdd(argv.slice(1), io);
    if (argv[0] === 'remove') return runKpiRemove(argv.slice(1), io);
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { format: { type: 'string', default: 'table' }, root: { type: 'string', default: '.' }, strict: { type: 'boolean', default: false } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    const format = oneOf('format', FORMATS, values.format);
    const root = path.resolve(io.cwd, values.root);
    const project = await loadProject(root, io.cwd);
    if (!project.kpis) throw new UsageError('this project has no content/kpis.yaml, so there is nothing to compute.');
    const progress = progressOptions(io);
    let evaluation;
    try {
      evaluation = await evaluateProject(project, { strict: values.strict, cwd: io.cwd, cache: FigureCache.of(project.root, io.env, { writes: false }), onStart: progress.onStart, onProgress: progress.onProgress });
    } finally {
      progress.stop();
    }
    if (format === 'json') io.out(formatKpiJson(evaluation));
    else if (format === 'csv') io.out(formatKpiCsv(evaluation));
    else io.out(`${formatKpiTable(evaluation, project.promise.doc.commitments, project.promise.doc.language)}\n${formatStatusTable(evaluation, project.promise.doc.commitments, project.promise.doc.language)}`);
    io.err(formatBadRows(evaluation, await messagesOf(project.promise.doc.language)));
    return EXIT.ok;
  },
};
