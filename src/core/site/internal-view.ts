import { sourceName } from '../schema/kpis.ts';
import type { Finding } from '../check/finding.ts';
import { renderRowText, type Messages } from '../check/messages.ts';
import type { Bucket, CommitmentEvaluation, KpiResult, ReasonGroup, RowIssue, Status } from '../kpi/types.ts';
import type { Commitment } from '../schema/promise.ts';
import type { Language } from '../schema/text.ts';
import { chartCaption, chartPoints, lineChartPair, type ChartPair } from './chart.ts';
import { figureTargets, formatDate, formatPeriod, formatTarget, formatValue } from './format.ts';
import { commitmentText, statementText, type RenderedReport, type SiteInput } from './input.ts';
import { streakText, UI_STRINGS, type UiStrings } from './strings.ts';
import { reportSchema } from './view-schemas.ts';
import { internalHead, type PageHead } from './head.ts';

export interface InternalCommitmentRow {
  id: string;
  heading: string;
  kpiId: string;
  kpiName: string;
  target: string;
  internalTarget: string | null;
  latestPeriod: string | null;
  latestValue: string;
  status: Status;
  statusLabel: string;
  streak: string;
  remedy: string | null;
}

export interface KpiPageView {
  id: string;
  name: string;
  formula: string;
  visibility: 'public' | 'internal';
  method: string;
  source: string;
  /** The period's name in the page language ("month", "mês", "月"). */
  period: string;
  /** The latest complete period's figure and its period ("95.8% · Oct 2026"), as the overview shows it. */
  latest: string;
  minSample: number;
  rows: Array<{ period: string; value: string; n: number; complete: boolean }>;
  /** The columns segments are split by, e.g. "region". */
  segmentBy: string;
  segmentColumns: string[];
  segmentRows: Array<{ period: string; cells: string[] }>;
  /** Every period, as SVG for a wide column and for a phone's width. */
  chart: ChartPair;
  /** What the chart draws, in words: only the lines and marks it has. */
  chartCaption: string;
  commitments: InternalCommitmentRow[];
  rowsRead: number;
  rowsUsed: number;
  badRows: { count: number; examples: RowIssue[] };
}

export interface TouchpointView {
  id: string;
  name: string;
  stage: string;
  expected: string;
  kpiName: string | null;
  received: string;
  status: Status;
  statusLabel: string;
  /** True when what customers get falls short of what they expect (broken or at risk), or nobody measures it. */
  gap: boolean;
}

export interface InternalSiteView {
  lang: Language;
  /** The reports site's words in the promise's language, placeholders still in. */
  labels: UiStrings['internal'];
  company: string;
  statement: string;
  /** Favicon and brand colour (content/site.yaml); the favicon's address is relative to the site's root. */
  head: PageHead;
  dataAsOf: string | null;
  commitments: InternalCommitmentRow[];
  kpis: KpiPageView[];
  findings: Array<Finding & { place: string }>;
  touchpoints: TouchpointView[];
  reports: RenderedReport[];
  /** Skipped rows per KPI, grouped by reason and column (count, first lines, fix); `message` and `fix` in the site's language. */
  rowIssues: Array<{ kpiId: string; kpiName: string; count: number; examples: RowIssue[]; groups: ReasonGroup[] }>;
}

/** Worst first: what needs attention leads the overview. */
const STATUS_ORDER: Record<Status, number> = { broken: 0, 'at-risk': 1, 'no-data': 2, kept: 3, 'before-promise': 4 };

export function internalSiteView(input: SiteInput): InternalSiteView {
  const language = input.promise.language;
  const commitments = input.promise.commitments.map((c) => commitmentRow(input, c))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.id.localeCompare(b.id));
  return {
    lang: language,
    labels: UI_STRINGS[language].internal,
    company: input.promise.company,
    statement: statementText(input),
    head: internalHead({ config: input.siteConfig, images: input.siteImages }, language),
    dataAsOf: formatDate(input.evaluation.dataDate, language),
    commitments,
    kpis: input.evaluation.kpis.map((result) => kpiPage(result, commitments, language, targetsOf(input, result.kpi.id), input.messages)),
    findings: input.findings.map((f) => ({ ...f, place: `${f.file}:${f.line}:${f.column}` })),
    touchpoints: input.promise.touchpoints.map((t) => touchpointView(input, t, commitments)),
    reports: input.reports.map((report) => reportSchema.parse(report)),
    rowIssues: input.evaluation.kpis.filter((k) => k.badRows.count > 0).map((k) => {
      const { examples, byReason } = worded(k.badRows, input.messages);
      return { kpiId: k.kpi.id, kpiName: k.kpi.name, count: k.badRows.count, examples, groups: byReason ?? [] };
    }),
  };
}

function commitmentRow(input: SiteInput, c: Commitment): InternalCommitmentRow {
  const language = input.promise.language;
  const kpi = input.kpis.kpis.find((k) => k.id === c.kpi);
  const unit = kpi?.unit ?? '';
  const evaluation: CommitmentEvaluation | undefined = input.evaluation.commitments.find((e) => e.commitmentId === c.id);
  const status = evaluation?.latest?.status ?? 'no-data';
  return {
    id: c.id,
    heading: commitmentText(input, c.id) ?? kpi?.name ?? c.id,
    kpiId: c.kpi ?? '',
    kpiName: kpi?.name ?? c.kpi ?? '',
    target: c.target ? formatTarget(c.target, unit, language) : '',
    internalTarget: c.internal_target ? formatTarget(c.internal_target, unit, language) : null,
    latestPeriod: evaluation?.latest ? formatPeriod(evaluation.latest.period, language) : null,
    latestValue: formatValue(evaluation?.latest?.value ?? null, unit, language, figureTargets(c)),
    status,
    statusLabel: UI_STRINGS[language].status[status],
    streak: evaluation ? streakText(language, evaluation.streak.kept, evaluation.streak.of, c.period ?? kpi?.period ?? 'month') : '',
    remedy: c.remedy ?? null,
  };
}

function kpiPage(result: KpiResult, commitments: InternalCommitmentRow[], language: Language, targets: KpiTargets, messages: Messages | undefined): KpiPageView {
  const { kpi } = result;
  const strings = UI_STRINGS[language].internal;
  const figure = (value: number | null) => formatValue(value, kpi.unit, language, targets.figure);
  const periods = result.buckets.map((b) => b.period);
  const segmentColumns = result.segments.map((s) => Object.values(s.segment).join(' · '));
  const cell = (buckets: Bucket[], period: string) => {
    const bucket = buckets.find((b) => b.period === period);
    if (!bucket) return '–';
    return `${bucket.value === null ? '–' : figure(bucket.value)} (n=${bucket.n})`;
  };
  const chart = {
    points: chartPoints(result.buckets, language),
    unit: kpi.unit,
    ...(targets.target === undefined ? {} : { target: targets.target }),
    ...(targets.internal === undefined ? {} : { internalTarget: targets.internal }),
    provisionalLabel: strings.inProgress,
  };
  return {
    id: kpi.id,
    name: kpi.name,
    formula: result.formula,
    visibility: kpi.visibility,
    method: kpi.method,
    source: sourceName(kpi.source),
    period: strings.periods[result.period],
    latest: latestOf(result, language, targets.figure),
    minSample: kpi.min_sample,
    rows: result.buckets.map((b) => ({ period: formatPeriod(b.period, language), value: figure(b.value), n: b.n, complete: b.complete })),
    segmentBy: kpi.segment_by.join(' · '),
    segmentColumns,
    segmentRows: periods.map((p) => ({ period: formatPeriod(p, language), cells: result.segments.map((s) => cell(s.buckets, p)) })),
    // About the width of its column on a laptop, so its text shows at its own size.
    chart: lineChartPair({ ...chart, width: 640, height: 260 }),
    chartCaption: chartCaption(kpi.name, chart, language),
    commitments: commitments.filter((c) => c.kpiId === kpi.id),
    rowsRead: result.rowsRead,
    rowsUsed: result.rowsUsed,
    badRows: worded(result.badRows, messages),
  };
}

/**
 * Skipped rows with their reason (`message`) and fix in the site's language: the cases of `rows.says` and
 * `rows.fixes` the data reader gave, rendered; the English it came with where it gave none, or without messages.
 */
function worded<T extends KpiResult['badRows']>(badRows: T, messages: Messages | undefined): T {
  // English keeps the reader's own words, as the JSON outputs do: the cases are there to translate them.
  if (!messages || messages.language === 'en') return badRows;
  const issue = ({ says, ...rest }: RowIssue): RowIssue => ({ ...rest, message: says ? renderRowText(messages, 'says', says) : rest.message });
  const group = ({ fixSays, examples, ...rest }: ReasonGroup): ReasonGroup =>
    ({ ...rest, examples: examples.map(issue), fix: fixSays ? renderRowText(messages, 'fixes', fixSays) : rest.fix });
  return { ...badRows, examples: badRows.examples.map(issue), ...(badRows.byReason ? { byReason: badRows.byReason.map(group) } : {}) };
}

function latestOf(result: KpiResult, language: Language, targets: readonly number[]): string {
  const bucket = result.buckets.findLast((b) => b.complete);
  return bucket ? `${formatValue(bucket.value, result.kpi.unit, language, targets)} · ${formatPeriod(bucket.period, language)}` : '—';
}

function touchpointView(input: SiteInput, t: SiteInput['promise']['touchpoints'][number], commitments: InternalCommitmentRow[]): TouchpointView {
  const language = input.promise.language;
  const kpi = input.kpis.kpis.find((k) => k.id === t.kpi);
  const commitment = commitments.find((c) => c.kpiId === t.kpi);
  const result = input.evaluation.kpis.find((k) => k.kpi.id === t.kpi);
  const lastBucket = result?.buckets.findLast((b) => b.complete) ?? result?.buckets.at(-1);
  const status: Status = commitment?.status ?? (lastBucket?.value == null ? 'no-data' : 'kept');
  return {
    id: t.id,
    name: t.name,
    stage: t.stage,
    expected: t.expected,
    kpiName: kpi?.name ?? null,
    received: commitment ? `${commitment.latestValue} (${commitment.target})` : formatValue(lastBucket?.value ?? null, kpi?.unit ?? '', language),
    status,
    statusLabel: UI_STRINGS[language].status[status],
    gap: status !== 'kept',
  };
}

interface KpiTargets {
  target?: number;
  internal?: number;
  /** What the KPI's figures are rounded against (see figureTargets). */
  figure: number[];
}

/** The targets of the first commitment on the KPI: the lines its chart draws. */
function targetsOf(input: SiteInput, kpiId: string): KpiTargets {
  const commitment = input.promise.commitments.find((c) => c.kpi === kpiId);
  return {
    ...(commitment?.target ? { target: commitment.target.value } : {}),
    ...(commitment?.internal_target ? { internal: commitment.internal_target.value } : {}),
    figure: commitment ? figureTargets(commitment) : [],
  };
}
