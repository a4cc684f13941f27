import { renderRowText, type Messages, type Params } from '../check/messages.ts';
import type { Commitment, Target } from '../schema/promise.ts';
import { sourceName } from '../schema/kpis.ts';
import type { Language } from '../schema/text.ts';
import { figureTargets, formatAmount as formatAmountIn, formatValue as formatFigure } from '../site/format.ts';
import { ROW_REPORT, withoutRowTexts } from './row-reasons.ts';
import { issuePlace, type Bucket, type Evaluation, type KpiResult } from './types.ts';

/** A figure for the terminal: the pages' own formatter (one for all outputs), `—` when there is none. */
export function formatValue(value: number | null, unit: string, targets: readonly number[] = [], language: Language = 'en'): string {
  return value === null ? '—' : formatFigure(value, unit, language, targets);
}

/** A number as the user wrote it, with its unit (`95%`, `4 hours`): the pages' formatter, never rounded. */
export function formatAmount(value: number, unit: string, language: Language = 'en'): string {
  return formatAmountIn(value, unit, language);
}

/** A target as written: `>= 95 %`. */
export function formatTarget(target: Target | undefined, unit = '', language: Language = 'en'): string {
  return target ? `${target.comparison} ${formatAmount(target.value, target.unit ?? unit, language)}` : '—';
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/**
 * The commitments at a glance, for `pledge check` and `pledge kpi`: target, internal target, the latest
 * complete period's figure, its status, and the streak over the last 12 periods.
 */
export function formatStatusTable(evaluation: Evaluation, commitments: readonly Commitment[] = [], language: Language = 'en'): string {
  if (evaluation.commitments.length === 0) return 'No commitment has KPI data to evaluate.\n';
  const rows = [['commitment', 'kpi', 'target', 'internal', 'period', 'latest', 'status', 'kept']];
  for (const entry of evaluation.commitments) {
    const unit = evaluation.kpis.find((k) => k.kpi.id === entry.kpiId)?.kpi.unit ?? '';
    const commitment = commitments.find((c) => c.id === entry.commitmentId);
    rows.push([entry.commitmentId, entry.kpiId, formatTarget(commitment?.target, unit, language), formatTarget(commitment?.internal_target, unit, language),
      entry.latest?.period ?? '—', formatValue(entry.latest?.value ?? null, unit, commitment ? figureTargets(commitment) : [], language), entry.latest?.status ?? 'no-data',
      `${entry.streak.kept} of ${entry.streak.of}`]);
  }
  const date = evaluation.dataDate ? `Data up to ${evaluation.dataDate.slice(0, 16).replace('T', ' ')} UTC.` : 'No data rows.';
  return `${table(rows)}\n\n${date} "kept" counts periods that met the public target, out of the last 12 with data.\n`;
}

function bucketNote(bucket: Bucket, result: KpiResult): string {
  if (!bucket.complete) return 'in progress';
  if (bucket.value === null) return bucket.n === 0 ? 'no data' : `not enough data (n < ${result.kpi.min_sample})`;
  return '';
}

/** Every KPI by period, with the status of the commitments that use it. */
export function formatKpiTable(evaluation: Evaluation, commitments: readonly Commitment[] = [], language: Language = 'en'): string {
  const sections = evaluation.kpis.map((result) => {
    const { kpi } = result;
    // Rounded against the same targets as on the KPI's internal page: its first commitment's.
    const first = commitments.find((c) => c.kpi === kpi.id);
    const targets = first ? figureTargets(first) : [];
    const tracking = evaluation.commitments.filter((c) => c.kpiId === kpi.id);
    const rows = [['period', 'value', 'n', ...tracking.map((c) => c.commitmentId), 'note']];
    for (const bucket of result.buckets) {
      const statuses = tracking.map((c) => c.history.find((h) => h.period === bucket.period)?.status ?? '');
      rows.push([bucket.period, formatValue(bucket.value, kpi.unit, targets, language), String(bucket.n), ...statuses, bucketNote(bucket, result)]);
    }
    const segments = kpi.segment_by.length ? ` Segments by ${kpi.segment_by.join(', ')}: see --format json or csv.` : '';
    const bad = result.badRows.count ? ` ${result.badRows.count} bad row${result.badRows.count === 1 ? '' : 's'} skipped.` : '';
    const heading = `${kpi.name} (${kpi.id}): ${kpi.formula}${kpi.statistic ? ` ${kpi.statistic}` : ''} by ${kpi.period}, ${kpi.better} is better, ${kpi.visibility}.`;
    return `${heading}\n${indent(table(rows))}\n  ${result.rowsUsed} of ${result.rowsRead} rows used from ${sourceName(kpi.source)}.${bad}${segments}`;
  });
  return `${sections.join('\n\n')}\n`;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}

/**
 * Skipped rows, one line per reason and column, in the language of `messages` (rows.report):
 * `file:line  kpi  N rows skipped (lines a, b, c, …): what is wrong. The fix.` The line is the first
 * such row; the rest of them are only counted.
 */
export function formatBadRows(evaluation: Evaluation, messages: Messages): string {
  const report = (key: (typeof ROW_REPORT)[number], params: Params = {}) => renderRowText(messages, 'report', { case: key, params });
  const lines: string[] = [];
  for (const result of evaluation.kpis) {
    for (const group of result.badRows.byReason ?? []) {
      const first = group.examples[0];
      if (!first) continue;
      const listed = group.examples.map((issue) => issue.line).join(messages.separator);
      const lineList = group.count > group.examples.length ? report('more', { lines: listed }) : listed;
      const rows = group.count === 1 ? report('skipped-one', { count: group.count })
        : report(group.count > 1 && first.line !== undefined ? 'skipped-lines' : 'skipped', { count: group.count, lines: lineList });
      lines.push(`${issuePlace(first)}  ${result.kpi.id}  ${report('line', {
        rows, reason: { row: 'says', text: first.says, english: first.message },
        column: group.column ? report('in-column', { column: group.column }) : '', fix: { row: 'fixes', text: group.fixSays, english: group.fix },
      })}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every bucket of every KPI and segment as CSV rows; `segment` is `column=value;…`, empty for the whole KPI. */
export function formatKpiCsv(evaluation: Evaluation): string {
  const lines = ['kpi,period,segment,start,end,n,value,complete'];
  for (const result of evaluation.kpis) {
    const series = [{ name: '', buckets: result.buckets },
      ...result.segments.map((s) => ({ name: Object.entries(s.segment).map(([k, v]) => `${k}=${v}`).join(';'), buckets: s.buckets }))];
    for (const { name, buckets } of series) {
      for (const b of buckets) lines.push([result.kpi.id, b.period, name, b.start, b.end, b.n, b.value, b.complete].map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A JSON view of the evaluation (what `pledge kpi --format json` prints). */
export function formatKpiJson(evaluation: Evaluation): string {
  const english = { ...evaluation, kpis: evaluation.kpis.map((result) => ({ ...result, badRows: withoutRowTexts(result.badRows) })) };
  return `${JSON.stringify(english, null, 2)}\n`;
}
