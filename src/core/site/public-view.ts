import type { Language } from '../schema/text.ts';
import { lineChartPair } from './chart.ts';
import { commitmentViewSchema, type ChangeView, type CommitmentView, type HistoryRow } from './view-schemas.ts';
import type { SampleNoun } from '../schema/kpis.ts';
import { formatCount, formatDate, formatMargin, formatPeriod, formatTarget, formatValue } from './format.ts';
import type { PublicCommitment, PublicPeriod, PublicSubset } from './public-subset.ts';
import { fill, pluralForm, streakText, UI_STRINGS } from './strings.ts';
import { pageDescription, publicHead, type PageHead, type SiteFacts } from './head.ts';

export type { CommitmentView, PeriodRow } from './view-schemas.ts';

/** Everything the public page prints, as finished strings: the Astro page only lays them out. */
export interface PublicPageView {
  lang: Language;
  company: string;
  title: string;
  statement: string;
  /** Description, canonical address, link preview, favicon and brand colour (content/site.yaml). */
  head: PageHead;
  /** The logo in the masthead, its alt text the company's name; null: the name in text. */
  logo: { src: string; alt: string } | null;
  dataAsOf: string | null;
  labels: Pick<typeof UI_STRINGS.en, 'ourPromise' | 'ourCommitments' | 'atAGlance' | 'target' | 'latest' | 'history' | 'period' | 'value' | 'statusHeading'
    | 'howWeMeasure' | 'dataAsOf' | 'feedbackTitle' | 'feedbackButton' | 'published'
    | 'targetInForce' | 'changesTitle'>;
  commitments: CommitmentView[];
  callToAction: { text: string; url: string } | null;
  feedback: { channel: string; url: string | null } | null;
}

/** Built from the public subset only, so nothing internal can be on the page: it is not in the input. */
export function publicPageView(subset: PublicSubset, site: SiteFacts = {}): PublicPageView {
  const strings = UI_STRINGS[subset.language];
  const { ourPromise, ourCommitments, atAGlance, target, latest, history, period, value, statusHeading, howWeMeasure, dataAsOf, feedbackTitle, feedbackButton, published,
    targetInForce, changesTitle } = strings;
  return {
    lang: subset.language,
    company: subset.company,
    title: `${subset.company} · ${ourPromise}`,
    statement: subset.statement,
    head: publicHead(site, subset.language, pageDescription(site, subset.statement, subset.language)),
    logo: site.images?.logo ? { src: site.images.logo.file, alt: subset.company } : null,
    dataAsOf: formatDate(subset.dataDate, subset.language),
    labels: { ourPromise, ourCommitments, atAGlance, target, latest, history, period, value, statusHeading, howWeMeasure, dataAsOf, feedbackTitle, feedbackButton, published,
      targetInForce, changesTitle },
    // Through the schema, so only the fields the page is meant to print reach it.
    commitments: subset.commitments.map((c) => commitmentViewSchema.parse(commitmentView(c, subset.language))),
    callToAction: subset.callToAction,
    feedback: subset.feedback,
  };
}

function commitmentView(c: PublicCommitment, language: Language): CommitmentView {
  const strings = UI_STRINGS[language];
  const target = (t: PublicCommitment['target']) => formatTarget(t, c.kpi.unit, language);
  const row = (p: PublicPeriod): HistoryRow => ({
    period: formatPeriod(p.period, language),
    value: p.value === null ? '—' : formatValue(p.value, c.kpi.unit, language, [(p.target ?? c.target).value]),
    status: p.status,
    label: strings.status[p.status],
    target: p.target ? target(p.target) : '—',
    note: p.note ? { heading: fill(strings.noteFor, { period: formatPeriod(p.period, language) }), html: p.note } : null,
  });
  const history = c.history.map(row);
  const showTargets = new Set(history.map((r) => r.target)).size > 1;
  const points = c.history.map((p, i) => ({ label: history[i]?.period ?? p.period, value: p.value, target: p.target?.value ?? null }));
  return {
    id: c.id,
    heading: c.kpi.name,
    sentence: c.text ?? `${c.kpi.name}${strings.separator}${formatTarget(c.target, c.kpi.unit, language)}${strings.separator}${strings.every[c.period]}`,
    kpiName: c.kpi.name,
    target: formatTarget(c.target, c.kpi.unit, language),
    cadence: strings.every[c.period],
    targetLine: `${formatTarget(c.target, c.kpi.unit, language)}${strings.separator}${strings.every[c.period]}`,
    latest: c.latest ? { ...row(c.latest), streak: streakText(language, c.streak.kept, c.streak.of, c.period), margin: marginText(c.latest, c.kpi.sample_noun, language) } : null,
    remedy: c.remedy,
    remedyLead: fill(strings.lead, { label: strings.ifWeMiss }),
    targetLegend: `${fill(strings.lead, { label: strings.target })}${formatTarget(c.target, c.kpi.unit, language)}`,
    method: c.kpi.method,
    history,
    showTargets,
    singleColumn: showTargets || history.some((r) => r.note),
    changes: changesView(c, language),
    chart: lineChartPair({ points, target: c.target.value, unit: c.kpi.unit }),
    chartLabel: fill(strings.chartLabel, { name: c.kpi.name }),
  };
}

/** "Changes to this promise": when it started (with `since`), then each change of the public target. */
function changesView(c: PublicCommitment, language: Language): ChangeView[] {
  const strings = UI_STRINGS[language];
  const target = (t: PublicCommitment['target']) => formatTarget(t, c.kpi.unit, language);
  const when = (period: string) => fill(strings.changeFrom, { period: formatPeriod(period, language) });
  const started: ChangeView[] = c.since ? [{ when: when(c.since), text: fill(strings.promiseMade, { target: target(c.firstTarget) }), note: null }] : [];
  const value = (v: number | null) => formatValue(v, c.kpi.unit, language);
  const changes = c.changes.map((change) => ({
    when: when(change.from),
    text: fill(strings.changeTargets, { before: target(change.before), after: target(change.after) }),
    note: change.note,
  }));
  const restated = c.restatements.map((r) => ({
    when: formatPeriod(r.period, language),
    text: fill(strings.restated, { before: value(r.before), after: value(r.after) }),
    note: r.note,
  }));
  return [...started, ...changes, ...restated];
}

/**
 * "± 3.9, from 190 orders": the larger distance from the figure to an end of its 95 % interval (the
 * intervals are not all symmetric, and the margin must not look smaller than it is), and the sample.
 */
export function marginText(p: PublicPeriod, sampleNoun: SampleNoun | null, language: Language): string | null {
  if (p.value === null || p.n === 0 || !sampleNoun) return null;
  const strings = UI_STRINGS[language];
  const forms = typeof sampleNoun === 'string' ? strings.samples[sampleNoun] : sampleNoun;
  const noun = forms[pluralForm(language, p.n)];
  const n = formatCount(p.n, language);
  if (!p.ci95) return fill(strings.sampleOnly, { n, noun });
  const margin = Math.max(p.value - p.ci95.low, p.ci95.high - p.value);
  return fill(strings.margin, { margin: formatMargin(margin, language), n, noun });
}
