import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeKpisFile } from '../../adapters/define-kpi.ts';
import { displayPath, exists } from '../../adapters/files.ts';
import { contentPaths } from '../../adapters/project.ts';
import { InputError } from '../../core/input-error.ts';
import { removeKpiFromYaml } from '../../core/kpi/kpis-yaml.ts';
import { parseYaml } from '../../core/yaml-source.ts';
import { EXIT, UsageError, type CliIO } from '../io.ts';

export const REMOVE_USAGE = 'pledge kpi remove ID [--root DIR]   (refused while a commitment in promise.yaml uses it)';

/** `pledge kpi remove ID`: the KPI's lines out of kpis.yaml, the rest of the file as it was. */
export async function runKpiRemove(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { root: { type: 'string', default: '.' } } });
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError('give the id of one KPI to remove, e.g. pledge kpi remove on_time.');
  const root = path.resolve(io.cwd, values.root);
  const paths = contentPaths(root);
  const shown = displayPath(paths.kpis, io.cwd);
  if (!await exists(paths.kpis)) throw new UsageError(`there is no ${shown} to remove a KPI from.`);
  if (await exists(paths.promise)) {
    const promise = parseYaml(await readFile(paths.promise, 'utf8'), displayPath(paths.promise, io.cwd));
    const commitments = (promise.data as { commitments?: Array<{ id?: unknown; kpi?: unknown }> }).commitments ?? [];
    const at = commitments.findIndex((c) => c?.kpi === id);
    if (at >= 0) {
      throw new InputError(promise.locate(['commitments', at, 'kpi']), `Commitment "${String(commitments[at]?.id)}" is measured by "${id}", so it cannot be removed.`,
        'Give the commitment another KPI first (pledge draft), then remove this one.');
    }
  }
  await writeKpisFile(root, removeKpiFromYaml(await readFile(paths.kpis, 'utf8'), shown, id));
  io.out(`Removed KPI "${id}" from ${shown}.\n`);
  return EXIT.ok;
}
