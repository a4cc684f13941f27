import path from 'node:path';
import { draftKpi, locateDataFile, sampleDataFile, writeKpisFile, type DataFile, type DataSample } from '../../adapters/define-kpi.ts';
import { displayPath } from '../../adapters/files.ts';
import { projectFiles } from '../../adapters/project-path.ts';
import { contentPaths } from '../../adapters/project.ts';
import { formatInputError, inputErrorsOf } from '../../core/input-error.ts';
import { kpiFromChoice, type KpiChoice } from '../../core/kpi/define.ts';
import { formatValue } from '../../core/kpi/format.ts';
import type { Proposal } from '../../core/kpi/infer.ts';
import type { SourceEntry } from '../../core/kpi/kpis-yaml.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import { fill } from '../../core/draft/text/index.ts';
import { parseKpiId, parseText } from '../../core/draft/validate.ts';
import { FORMULA_ROLES, FORMULAS, kpisFileSchema, type FormulaId } from '../../core/schema/kpis.ts';
import { validateSource } from '../../core/schema/validate.ts';
import { parseYaml } from '../../core/yaml-source.ts';
import { loadDraftChecker } from './checks.ts';
import { textOf, type WizardContext } from './context.ts';
import { askSelect, askText, askYesNo, suggest, ui } from './prompts.ts';

const OTHER = '\u0000other';
const MANUAL = -1;
const DATA_EXTENSIONS = ['.csv', '.json', '.ndjson', '.jsonl'];

/**
 * A KPI from the user's own data file, inside the wizard: pick a file in content/data/ (or give a path,
 * copied in), pick what pledge proposes from its columns (or choose formula and columns), see the last
 * periods computed from that file, and add it to kpis.yaml. The id of the new KPI, or undefined when
 * the user declined or the file could not be used (the KPI question is then asked again).
 */
export async function defineKpiFromData(ctx: WizardContext): Promise<string | undefined> {
  const t = textOf(ctx).newKpi;
  try {
    const data = await askDataFile(ctx);
    const sample = await sampleDataFile(data);
    const choice = await askChoice(ctx, data, sample);
    if (!choice) return undefined;
    const taken = ctx.kpis?.kpis.map((k) => k.id) ?? [];
    const proposed = kpiFromChoice(choice.kpi, taken);
    const name = await askText(textOf(ctx), { message: t.name, initial: String(proposed.name), parse: parseText });
    const id = await askText(textOf(ctx), { message: t.id, initial: String(proposed.id), parse: parseKpiId });
    const draft = await draftKpi(ctx.root, ctx.cwd, kpiFromChoice({ ...choice.kpi, name, id }, taken), choice.source);
    showPreview(ctx, data, draft.recent.map((b) => ({ period: b.period, value: formatValue(b.value, draft.kpi.unit), n: b.n })));
    const shown = displayPath(contentPaths(ctx.root).kpis, ctx.cwd);
    if (!await askYesNo(textOf(ctx), fill(t.confirm, { file: shown }), true)) return undefined;
    await writeKpisFile(ctx.root, draft.text);
    await adopt(ctx, draft.text, shown, draft.result);
    ui.success(fill(t.added, { id: draft.kpi.id, file: shown }));
    return draft.kpi.id;
  } catch (error) {
    const errors = inputErrorsOf(error);
    if (!errors) throw error;
    for (const inputError of errors) suggest(formatInputError(inputError));
    return undefined;
  }
}

async function askDataFile(ctx: WizardContext): Promise<DataFile> {
  const t = textOf(ctx).newKpi;
  const paths = contentPaths(ctx.root);
  const shown = (file: string) => displayPath(file, ctx.cwd);
  const names = (await Promise.all(DATA_EXTENSIONS.map((extension) => projectFiles(ctx.root, paths.data, { extension, recursive: false, shown }).catch(() => []))))
    .flat().sort();
  const picked = names.length === 0 ? OTHER : await askSelect(t.file, [
    ...names.map((name) => ({ value: name, label: `content/data/${name}` })),
    { value: OTHER, label: t.otherFile },
  ]);
  if (picked !== OTHER) return locateDataFile(ctx.root, path.join(paths.data, picked), ctx.cwd, false);
  const written = await askText(textOf(ctx), { message: t.path, parse: parseText });
  return locateDataFile(ctx.root, written, ctx.cwd, true);
}

interface Chosen {
  kpi: KpiChoice;
  source: SourceEntry | undefined;
}

/** One of pledge's proposals, or a formula and its columns chosen by hand; then the date format when the dates read both ways. */
async function askChoice(ctx: WizardContext, data: DataFile, sample: DataSample): Promise<Chosen | undefined> {
  const t = textOf(ctx).newKpi;
  if (sample.proposals.length === 0) suggest(fill(t.noProposal, { file: data.shown, columns: sample.header.join(', ') }));
  const index = await askSelect(fill(t.proposal, { file: data.shown }), [
    ...sample.proposals.map((p, i) => ({ value: i, label: proposalLabel(p), hint: p.reason })),
    { value: MANUAL, label: t.manual },
  ]);
  const proposal = sample.proposals[index] ?? await askManual(ctx, sample.header);
  const used = new Set([...Object.values(proposal.columns), proposal.timestamp]);
  const ambiguous = sample.profiles.find((p) => used.has(p.name) && p.kind === 'ambiguous-date');
  const dated = sample.profiles.find((p) => used.has(p.name) && p.dateFormats.length > 0);
  const dateFormat = ambiguous
    ? await askSelect(fill(t.dateFormat, { column: ambiguous.name }), [{ value: 'DD/MM/YYYY', label: t.dayFirst }, { value: 'MM/DD/YYYY', label: t.monthFirst }])
    : dated?.dateFormats[0];
  return {
    kpi: { formula: proposal.formula, source: data.source, columns: proposal.columns, timestamp: proposal.timestamp },
    source: dateFormat ? { file: data.source, date_format: dateFormat } : undefined,
  };
}

function proposalLabel(p: Proposal): string {
  return `${p.formula}: ${Object.entries(p.columns).map(([role, column]) => `${role} = ${column}`).join(', ')}`;
}

async function askManual(ctx: WizardContext, header: readonly string[]): Promise<Proposal> {
  const t = textOf(ctx).newKpi;
  // mean, sum, count and ratio need a direction (better) the wizard does not ask: kpi add takes them.
  const formula = await askSelect<FormulaId>(t.formula, FORMULAS.filter((f) => !['mean', 'sum', 'count', 'ratio'].includes(f)).map((value) => ({ value, label: value })));
  const options = header.map((column) => ({ value: column, label: column }));
  const columns: Record<string, string> = {};
  for (const role of FORMULA_ROLES[formula]) columns[role] = await askSelect(fill(t.column, { role, formula }), options);
  const timestamp = await askSelect(t.timestamp, options, columns.promised ?? columns.start);
  return { formula, columns, timestamp, reason: '' };
}

function showPreview(ctx: WizardContext, data: DataFile, rows: Array<{ period: string; value: string; n: number }>): void {
  const t = textOf(ctx).newKpi;
  if (rows.length === 0) {
    suggest(fill(t.noPeriods, { file: data.shown }));
    return;
  }
  ui.note(rows.map((r) => `${r.period.padEnd(9)} ${r.value.padStart(10)}   n = ${r.n}`).join('\n'), fill(t.preview, { file: data.shown, n: rows.length }));
}

/**
 * From now on the wizard knows the new KPI: the list, the checks (no kpi-unknown for it) and the
 * data-based suggestions, which use the figures just computed from the user's file.
 */
async function adopt(ctx: WizardContext, text: string, shown: string, result: Evaluation['kpis'][number]): Promise<void> {
  const doc = validateSource(parseYaml(text, shown), kpisFileSchema);
  const before = await ctx.evaluation;
  const evaluation: Evaluation = { dataDate: before?.dataDate ?? result.dataDate ?? null, commitments: before?.commitments ?? [], kpis: [...(before?.kpis ?? []), result] };
  ctx.kpis = doc;
  ctx.evaluation = Promise.resolve(evaluation);
  ctx.check = await loadDraftChecker(ctx.root, ctx.cwd, doc, ctx.evaluation);
}
