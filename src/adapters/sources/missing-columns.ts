import { InputError } from '../../core/input-error.ts';
import type { KpiAccumulator } from '../../core/kpi/accumulator.ts';
import type { YamlSource } from '../../core/yaml-source.ts';

/** One error per column a KPI names that its source lacks, at that column's place in kpis.yaml (every engine alike). */
export function missingColumnErrors(source: YamlSource, index: number, acc: KpiAccumulator, shown: string, header: readonly string[]): InputError[] {
  const columns = header.length ? `Its columns are: ${header.join(', ')}.` : 'The file has no header line.';
  return acc.missing.map((missing) => new InputError(source.locate(['kpis', index, ...missing.path]),
    `KPI "${acc.kpi.id}" needs the column "${missing.column}", which ${shown} does not have.`,
    `Fix the column name in kpis.yaml or add the column to the file. ${columns}`));
}
