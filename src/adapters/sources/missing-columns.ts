import { InputError } from '../../core/input-error.ts';
import type { KpiAccumulator } from '../../core/kpi/accumulator.ts';
import { QUOTE_MAX, quoteData } from '../../core/quote-data.ts';
import type { YamlSource } from '../../core/yaml-source.ts';

/** One error per column a KPI names that its source lacks, at that column's place in kpis.yaml (every engine alike). */
export function missingColumnErrors(source: YamlSource, index: number, acc: KpiAccumulator, shown: string, header: readonly string[]): InputError[] {
  const columns = header.length ? `Its columns are: ${columnList(header)}.` : 'The file has no header line.';
  return acc.missing.map((missing) => new InputError(source.locate(['kpis', index, ...missing.path]),
    `KPI "${acc.kpi.id}" needs the column "${missing.column}", which ${shown} does not have.`,
    `Fix the column name in kpis.yaml or add the column to the file. ${columns}`));
}

/** The first columns of a header, a name of more than QUOTE_MAX characters clipped, so the message stays short. */
function columnList(header: readonly string[], most = 20): string {
  const names = header.slice(0, most).map((name) => (name.length > QUOTE_MAX ? quoteData(name) : name));
  return header.length > most ? `${names.join(', ')} and ${header.length - most} more` : names.join(', ');
}
