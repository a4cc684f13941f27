import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  draftKpi, forgetCopy, locateDataFile, requireColumns, sampleDataFile, writeKpisFile, type DataFile, type DataSample, type KpiDraft,
} from '../../adapters/define-kpi.ts';
import { displayPath } from '../../adapters/files.ts';
import { contentPaths } from '../../adapters/project.ts';
import { FORMULA_DEFAULTS, kpiFromChoice, type KpiChoice } from '../../core/kpi/define.ts';
import { formatValue } from '../../core/kpi/format.ts';
import { FORMULA_ROLES, FORMULAS, type FormulaId } from '../../core/schema/kpis.ts';
import { DATE_FORMATS, type DateFormat } from '../../core/kpi/time.ts';
import { PERIODS } from '../../core/schema/text.ts';
import { InputError, placeOf } from '../../core/input-error.ts';
import { EXIT, oneOf, UsageError, type CliIO } from '../io.ts';

/** The flag that names each column role (and the other names it answers to). */
const ROLE_FLAGS: Record<string, readonly string[]> = {
  done: ['done'], promised: ['promised'], start: ['start', 'opened'], end: ['end', 'first-reply'],
  score: ['score'], customer: ['customer'], value: ['value'], numerator: ['numerator'], denominator: ['denominator'],
};

const STRING_FLAGS = [
  'file', 'formula', 'id', 'label', 'unit', 'better', 'period', 'timestamp', 'visibility', 'method', 'statistic',
  'duration-unit', 'sla', 'min-sample', 'date-format', 'decimal', 'delimiter', 'root', ...Object.values(ROLE_FLAGS).flat(),
] as const;

export const ADD_USAGE = `pledge kpi add --file FILE [--copy] [--formula F] [column flags] [--id ID] [--label NAME] [--unit U]
       [--better higher|lower] [--period month|week|quarter] [--timestamp COLUMN] [--date-format F] [--decimal .|,]
       [--min-sample N] [--visibility public|internal] [--method TEXT] [--dry-run] [--root DIR]
  Column flags, per formula:
    on_time_rate                       --done COLUMN --promised COLUMN
    response_time, within_sla_rate     --start (or --opened) COLUMN --end (or --first-reply) COLUMN
                                       (within_sla_rate: --sla N; both: --duration-unit minutes|hours, response_time: --statistic median|p90|p95|mean)
    churn_rate, retention_rate         --start COLUMN --end COLUMN
    nps, csat, ces                     --score COLUMN
    repeat_purchase_rate               --customer COLUMN
    mean, sum                          --value COLUMN
    ratio                              --numerator COLUMN --denominator COLUMN
    count                              (none)
  Without --formula, pledge proposes one from the columns' names and values, and says which.
  Formulas: ${FORMULAS.join(', ')}.`;

type Values = Partial<Record<(typeof STRING_FLAGS)[number], string>> & { copy?: boolean; 'dry-run'?: boolean };

/** `pledge kpi add`: a KPI from the user's own data file, previewed from that file, added to kpis.yaml. */
export async function runKpiAdd(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      ...Object.fromEntries(STRING_FLAGS.map((name) => [name, { type: 'string' as const }])),
      copy: { type: 'boolean' }, 'dry-run': { type: 'boolean' },
    },
  }) as { values: Values; positionals: string[] };
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (!values.file) throw new UsageError('say which data file the KPI reads, e.g. --file content/data/repairs.csv.');
  const root = path.resolve(io.cwd, values.root ?? '.');
  let data: DataFile | undefined;
  try {
    data = await locateDataFile(root, values.file, io.cwd, values.copy ?? false);
    if (data.copiedFrom) io.err(`Copied ${data.copiedFrom} to ${data.shown}.\n`);
    const sample = await sampleDataFile(data, values.delimiter);
    const { choice, note } = choiceFrom(values, data, sample);
    if (note) io.err(`${note}\n`);
    const draft = await draftKpi(root, io.cwd, kpiFromChoice(choice, []), sourceEntry(data, values, sample, choice));
    io.out(previewText(draft, data));
    if (values['dry-run']) {
      await forgetCopy(data);
      io.out('Nothing written (--dry-run).\n');
      return EXIT.ok;
    }
    await writeKpisFile(root, draft.text);
    io.out(`Added KPI "${draft.kpi.id}" to ${displayPath(contentPaths(root).kpis, io.cwd)}. Use it in a commitment with kpi: ${draft.kpi.id}.\n`);
    return EXIT.ok;
  } catch (error) {
    await forgetCopy(data);
    throw error;
  }
}

/** The formula and columns: the flags first, then what the file's columns suggest for that formula. */
function choiceFrom(values: Values, data: DataFile, sample: DataSample): { choice: KpiChoice; note?: string } {
  const proposal = values.formula ? sample.proposals.find((p) => p.formula === values.formula) : sample.proposals[0];
  if (!values.formula && !proposal) {
    throw new UsageError(`nothing in ${data.shown} looks like a KPI pledge can propose (columns: ${sample.header.join(', ')}). Give --formula (${FORMULAS.join(', ')}) and its column flags.`);
  }
  const formula = oneOf('formula', FORMULAS, values.formula ?? proposal?.formula ?? '') as FormulaId;
  const stray = Object.entries(ROLE_FLAGS).filter(([role]) => !FORMULA_ROLES[formula].includes(role))
    .flatMap(([, flags]) => flags).filter((flag) => values[flag as keyof Values] !== undefined);
  if (stray.length) throw new UsageError(`formula ${formula} reads no ${stray.map((f) => `--${f}`).join(' or ')}; its column flags are ${FORMULA_ROLES[formula].map((r) => `--${ROLE_FLAGS[r]?.[0] ?? r}`).join(' and ') || 'none'}.`);
  const columns: Record<string, string> = {};
  const missing: string[] = [];
  for (const role of FORMULA_ROLES[formula]) {
    const flags = ROLE_FLAGS[role] ?? [role];
    const given = flags.map((flag) => values[flag as keyof Values]).find((v) => typeof v === 'string') as string | undefined;
    const column = given ?? proposal?.columns[role];
    if (column) columns[role] = column;
    else missing.push(`--${flags[0]}`);
  }
  if (missing.length) throw new UsageError(`formula ${formula} needs ${missing.join(' and ')} (the columns of ${data.shown} are: ${sample.header.join(', ')}).`);
  const firstTime = sample.profiles.find((p) => p.kind === 'timestamp' || p.kind === 'ambiguous-date')?.name;
  const timestamp = values.timestamp ?? proposal?.timestamp ?? columns.promised ?? columns.start ?? firstTime ?? '';
  requireColumns(data, sample.header, [...Object.values(columns), timestamp].filter(Boolean));
  if (!timestamp) throw new UsageError(`say which column places a row in a period with --timestamp COLUMN: none of ${sample.header.join(', ')} reads as dates.`);
  const choice: KpiChoice = {
    formula, source: data.source, columns, timestamp,
    id: values.id, name: values.label, unit: values.unit, method: values.method,
    period: values.period === undefined ? undefined : oneOf('period', PERIODS, values.period),
    better: values.better === undefined ? undefined : oneOf('better', ['higher', 'lower'] as const, values.better),
    visibility: values.visibility === undefined ? undefined : oneOf('visibility', ['public', 'internal'] as const, values.visibility),
    statistic: values.statistic === undefined ? undefined : oneOf('statistic', ['median', 'p90', 'p95', 'mean'] as const, values.statistic),
    durationUnit: values['duration-unit'] === undefined ? undefined : oneOf('duration-unit', ['minutes', 'hours'] as const, values['duration-unit']),
    sla: numberFlag('sla', values.sla), minSample: numberFlag('min-sample', values['min-sample']),
  };
  // mean, sum, count and ratio have no usual direction: the user says which way is better.
  if (!FORMULA_DEFAULTS[formula].better && !choice.better) {
    throw new UsageError(`say whether a higher or a lower ${formula} is better: --better higher or --better lower.`);
  }
  const note = values.formula ? undefined : `pledge proposes ${formula} (${proposal?.reason}); give --formula to choose another.`;
  return { choice, ...(note ? { note } : {}) };
}

function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === '') throw new UsageError(`--${name} must be a number, not "${text}".`);
  return value;
}

/**
 * How the file writes dates, when not ISO 8601: the flag, or the one format its values allow. Dates
 * that fit day-first and month-first alike (03/10/2026) are never guessed: --date-format is required.
 */
function sourceEntry(data: DataFile, values: Values, sample: DataSample, choice: KpiChoice) {
  const used = new Set([...Object.values(choice.columns), choice.timestamp]);
  const dated = sample.profiles.filter((p) => used.has(p.name) && p.dateFormats.length > 0);
  let dateFormat: DateFormat | undefined = values['date-format'] === undefined ? undefined : oneOf('date-format', DATE_FORMATS, values['date-format']);
  if (!dateFormat) {
    const ambiguous = dated.find((p) => p.kind === 'ambiguous-date');
    if (ambiguous) {
      throw new InputError(placeOf(data.shown), `The dates in column "${ambiguous.name}" read as day-first and as month-first alike (03/10/2026 is 3 October or 10 March), and pledge never guesses.`,
        'Give --date-format DD/MM/YYYY or --date-format MM/DD/YYYY.');
    }
    dateFormat = dated[0]?.dateFormats[0];
  }
  const decimal = values.decimal === undefined ? undefined : oneOf('decimal', ['.', ','] as const, values.decimal);
  return dateFormat || decimal ? { file: data.source, date_format: dateFormat, decimal } : undefined;
}

/** The last complete periods, computed from the user's file by the engine: what `pledge kpi` will show. */
export function previewText(draft: KpiDraft, data: DataFile): string {
  const { kpi, recent, result } = draft;
  const head = `${kpi.name} (${kpi.id}): ${kpi.formula} over ${data.shown}, by ${kpi.period}.\n`;
  if (recent.length === 0) {
    return `${head}No complete ${kpi.period} with enough rows yet (${result.rowsUsed} of ${result.rowsRead} rows used).\n`;
  }
  const lines = recent.map((b) => `  ${b.period.padEnd(9)} ${formatValue(b.value, kpi.unit).padStart(10)}   n = ${b.n}`);
  const skipped = result.badRows.count ? `\n  (${result.badRows.count} rows could not be read; \`pledge kpi\` lists them)` : '';
  return `${head}From your data, the last ${recent.length} complete ${kpi.period}${recent.length === 1 ? '' : 's'}:\n${lines.join('\n')}${skipped}\n`;
}
