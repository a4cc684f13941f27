import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evaluation, RowIssue } from '../../src/core/kpi/types.ts';
import { loadMessages } from '../../src/adapters/check-project.ts';
import { renderRowText } from '../../src/core/check/messages.ts';
import { kpisFileSchema, type KpiDef } from '../../src/core/schema/kpis.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { formatPeriod, formatTarget, formatValue } from '../../src/core/site/format.ts';
import { yDomain } from '../../src/core/site/chart.ts';
import { commitmentViewSchema, reportSchema } from '../../src/core/site/view-schemas.ts';
import { siteConfigSchema } from '../../src/core/site/config.ts';
import type { SiteInput } from '../../src/core/site/input.ts';
import { internalSiteView } from '../../src/core/site/internal-view.ts';
import { publicSubset } from '../../src/core/site/public-subset.ts';
import { publicPageView } from '../../src/core/site/public-view.ts';
import { targetsInForce } from '../../src/core/kpi/versions.ts';
import { fill, streakText, UI_STRINGS, uiStringsSchema } from '../../src/core/site/strings.ts';
import { REPO } from './helpers.ts';

/** The example's promise and KPIs with the hand-made evaluation of tests/fixtures/site. */
function exampleInput(): SiteInput {
  const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
  const promise = promiseSchema.parse(parseYaml(read('content/promise.yaml'), 'promise.yaml').data);
  const evaluation = JSON.parse(read('tests/fixtures/site/evaluation.json')) as Evaluation;
  // The fixture's statuses are hand-made; each period gets the example's target in force, as the engine adds.
  for (const c of evaluation.commitments) {
    const commitment = promise.commitments.find((x) => x.id === c.commitmentId)!;
    for (const p of [...c.history, ...(c.latest ? [c.latest] : [])]) {
      const targets = targetsInForce(commitment, p.period);
      Object.assign(p, { target: targets?.target ?? null, internalTarget: targets?.internal ?? null });
    }
  }
  return {
    promise,
    kpis: kpisFileSchema.parse(parseYaml(read('content/kpis.yaml'), 'kpis.yaml').data),
    statement: null,
    evaluation,
    findings: [],
    reports: [{ slug: 'secret', title: 'Secret', hasHeading: false, period: null, html: '<p>narrative</p>' }],
    generatedAt: '2026-11-01T00:00:00.000Z',
  };
}

describe('the public subset', () => {
  it('holds the public commitments only, with at-risk shown as kept and the last 12 periods', () => {
    const subset = publicSubset(exampleInput());
    expect(subset.commitments.map((c) => c.id)).toEqual(['on-time-delivery', 'quick-replies', 'happy-cooks']);
    const onTime = subset.commitments[0]!;
    // The fixture's latest on-time month is 96.4%: above the public 95, below the internal 97.
    // Its n and 95 % interval come from the KPI's bucket of that month.
    expect(onTime.latest).toEqual({ period: '2026-03', value: 96.4, status: 'kept', target: { comparison: '>=', value: 95, unit: '%' }, note: null, n: 1931, ci95: { low: 95.5, high: 97.1 } });
    expect(onTime.history).toHaveLength(12);
    expect(onTime.history[0]!.period).toBe('2025-04');
    expect(onTime.history.map((h) => h.status).filter((s) => s === 'broken')).toEqual(['broken']);
    expect(onTime.streak).toEqual({ kept: 11, of: 12 });
  });

  it('has no key that could carry internal data', () => {
    const subset = publicSubset(exampleInput());
    expect(Object.keys(subset).sort()).toEqual(['callToAction', 'commitments', 'company', 'dataDate', 'feedback', 'format', 'generatedAt', 'language', 'statement']);
    expect(Object.keys(subset.commitments[0]!).sort()).toEqual(['changes', 'deadline', 'firstTarget', 'history', 'id', 'kpi', 'latest', 'period', 'remedy', 'restatements', 'since', 'streak', 'target', 'text']);
    expect(subset.commitments[0]!.kpi).toEqual({
      id: 'on_time_delivery', name: 'On-time delivery', unit: '%', better: 'higher', formula: 'on_time_rate', sample_noun: 'orders',
      method: 'Of all orders whose promised delivery date fell in the month, the share delivered on or before that date, according to the carrier\'s delivery scan.',
    });
    const json = JSON.stringify(subset);
    for (const hidden of ['internal_target', 'Net Promoter Score', 'customer_email', 'narrative', 'at-risk']) expect(json).not.toContain(hidden);
  });

  it('leaves out a commitment whose KPI is internal', () => {
    const input = exampleInput();
    input.promise.commitments.push({ id: 'loyal', kpi: 'nps', target: { comparison: '>=', value: 40 }, period: 'quarter' });
    expect(publicSubset(input).commitments.map((c) => c.id)).toEqual(['on-time-delivery', 'quick-replies', 'happy-cooks']);
  });
});

describe('content/site.yaml: show_at_risk', () => {
  it('publishes at-risk as at risk when the site config asks for it, and words it', () => {
    const input = { ...exampleInput(), siteConfig: siteConfigSchema.parse({ public: { show_at_risk: true } }) };
    const subset = publicSubset(input);
    expect(subset.commitments[0]!.latest).toEqual({ period: '2026-03', value: 96.4, n: 1931, ci95: { low: 95.5, high: 97.1 }, status: 'at-risk', target: { comparison: '>=', value: 95, unit: '%' }, note: null });
    const view = publicPageView(subset);
    expect(view.commitments[0]!.latest).toMatchObject({ status: 'at-risk', label: 'At risk', streak: 'Kept in 11 of the last 12 months' });
  });

  it('defaults to at-risk shown as kept, and refuses unknown keys and wrong types', () => {
    expect(siteConfigSchema.parse({})).toEqual({ public: { show_at_risk: false } });
    expect(publicSubset({ ...exampleInput(), siteConfig: siteConfigSchema.parse({}) }).commitments[0]!.latest!.status).toBe('kept');
    expect(siteConfigSchema.safeParse({ public: { show_at_risks: true } }).success).toBe(false);
    expect(siteConfigSchema.safeParse({ public: { show_at_risk: 'yes' } }).success).toBe(false);
  });
});

function onTimeLabels() {
  return publicPageView(publicSubset(exampleInput())).commitments[0]!;
}

describe('the public page view', () => {
  it('words each commitment in the page language', () => {
    const view = publicPageView(publicSubset(exampleInput()));
    const [onTime, replies] = view.commitments;
    expect(onTime).toMatchObject({ heading: 'On-time delivery', target: 'at least 95%', cadence: 'every month', targetLine: 'at least 95%, every month' });
    // The margin is the larger side of 95.5–97.1 around 96.4: max(0.9, 0.7) = 0.9.
    expect(onTime!.latest).toEqual({ period: 'Mar 2026', value: '96.4%', status: 'kept', label: 'Kept', streak: 'Kept in 11 of the last 12 months', margin: '± 0.9, from 1,931 orders' });
    // A figure without an interval still says what it was counted from.
    expect(replies!.latest?.margin).toMatch(/^from [\d,]+ requests$/);
    expect(replies!.target).toBe('at most 4 hours');
    expect(view.dataAsOf).toBe('31 March 2026');
    expect(onTime!.chart.wide).toMatch(/^<svg[^>]*aria-hidden="true"/);
  });

  it('speaks Portuguese and Chinese when the promise does', () => {
    const pt = exampleInput();
    pt.promise.language = 'pt';
    const ptView = publicPageView(publicSubset(pt));
    expect(ptView.commitments[0]!.latest).toMatchObject({ value: '96,4%', label: 'Cumprida' });
    expect(ptView.commitments[0]!.target).toBe('pelo menos 95%');
    expect(ptView.commitments[0]!.latest!.streak).toBe('Cumprida em 11 dos últimos 12 meses');
    expect(ptView.commitments[0]!.latest!.margin).toBe('± 0,9, em 1931 encomendas');
    const zh = exampleInput();
    zh.promise.language = 'zh';
    const zhView = publicPageView(publicSubset(zh));
    expect(zhView.commitments[0]!.latest!.margin).toBe('± 0.9，基于 1,931 个订单');
    const zhReplies = zhView.commitments[1]!;
    expect(zhReplies.targetLine).toBe('至多 4 hours，每月');
    expect([zhReplies.remedyLead, zhReplies.targetLegend]).toEqual(['如未做到：', '目标：至多 4 hours']);
    expect([onTimeLabels().remedyLead, onTimeLabels().targetLegend]).toEqual(['If we miss it: ', 'Our target: at least 95%']);
  });

  it('names what the sample counts from the KPI, not "orders" for every on-time rate', () => {
    const margin = (change: Partial<KpiDef>, language: 'en' | 'pt' = 'en') => {
      const input = exampleInput();
      input.promise.language = language;
      Object.assign(input.kpis.kpis.find((k) => k.id === 'on_time_delivery')!, change);
      return publicPageView(publicSubset(input)).commitments[0]!.latest!.margin;
    };
    // The example reads data/orders.csv: its rows are orders, in the page's language.
    expect(margin({})).toBe('± 0.9, from 1,931 orders');
    expect(margin({}, 'pt')).toBe('± 0,9, em 1931 encomendas');
    // An on-time rate of support tickets is not a count of orders.
    expect(margin({ source: 'data/support_tickets.csv' })).toBe('± 0.9, from 1,931 requests');
    expect(margin({ source: { connection: 'warehouse', table: 'tickets' } })).toBe('± 0.9, from 1,931 requests');
    // A name that says nothing, or a query: the neutral word.
    expect(margin({ source: 'data/export-2026.csv' })).toBe('± 0.9, from 1,931 records');
    expect(margin({ source: { connection: 'warehouse', query: 'select * from t' } })).toBe('± 0.9, from 1,931 records');
    // The KPI's own word wins over the source's name, as a known noun (translated) or its own forms.
    expect(margin({ sample_noun: 'customers' }, 'pt')).toBe('± 0,9, em 1931 clientes');
    expect(margin({ source: 'data/tickets.csv', sample_noun: { one: 'repair', other: 'repairs' } })).toBe('± 0.9, from 1,931 repairs');
  });

  it('validates sample_noun in kpis.yaml with a hint that lists the known words', () => {
    const base = parseYaml(readFileSync(path.join(REPO, 'content/kpis.yaml'), 'utf8'), 'kpis.yaml').data as { kpis: Record<string, unknown>[] };
    const withNoun = (noun: unknown) => kpisFileSchema.safeParse({ ...base, kpis: [{ ...base.kpis[0], sample_noun: noun }] });
    expect(withNoun('orders').success).toBe(true);
    expect(withNoun({ one: 'ticket', other: 'tickets' }).success).toBe(true);
    const unknown = withNoun('tickets');
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('answers, orders, requests, customers, records');
    expect(withNoun({ one: '', other: 'tickets' }).error?.issues[0]?.message).toMatch(/^this text is empty/);
  });

  it('says which key of your own word is missing, unknown or not a text, and refuses a noun on a total', () => {
    const base = parseYaml(readFileSync(path.join(REPO, 'content/kpis.yaml'), 'utf8'), 'kpis.yaml').data as { kpis: Record<string, unknown>[] };
    const messages = (kpi: Record<string, unknown>) => kpisFileSchema.safeParse({ ...base, kpis: [{ ...base.kpis[0], ...kpi }] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    const own = 'your own word needs two texts, "one" (singular) and "other" (plural): ';
    const hint = ' | For example: sample_noun: { one: ticket, other: tickets }.';
    expect(messages({ sample_noun: { one: 'ticket', others: 'tickets' } })).toEqual([['kpis.0.sample_noun', `${own}"other" is missing, "others" is not one of its keys.${hint}`]]);
    expect(messages({ sample_noun: { one: 3, other: 'tickets' } })).toEqual([['kpis.0.sample_noun', `${own}"one" is not a text.${hint}`]]);
    expect(messages({ sample_noun: ['tickets'] })?.[0]?.[1]).toMatch(/^say what one row is: answers, orders/);
    expect(messages({ formula: 'count', columns: {}, sample_noun: 'orders' })).toEqual([['kpis.0.sample_noun',
      'KPI "on_time_delivery" uses formula count, a total rather than a sample, so the public page names no rows beside it. | Remove sample_noun.']]);
  });
});

describe('the internal site view', () => {
  it('puts broken and at-risk commitments first', () => {
    const input = exampleInput();
    const happy = input.evaluation.commitments[2]!;
    happy.latest = { ...happy.latest!, value: 88, status: 'broken' };
    const view = internalSiteView(input);
    expect(view.commitments.map((c) => [c.id, c.status])).toEqual([
      ['happy-cooks', 'broken'], ['on-time-delivery', 'at-risk'], ['quick-replies', 'kept'],
    ]);
    expect(view.commitments[1]).toMatchObject({ target: 'at least 95%', internalTarget: 'at least 97%', latestValue: '96.4%' });
  });

  it('speaks the promise\'s language too', () => {
    const pt = exampleInput();
    pt.promise.language = 'pt';
    const view = internalSiteView(pt);
    expect([view.labels.nav.overview, view.commitments[0]!.statusLabel, view.commitments[0]!.streak])
      .toEqual(['Resumo', 'Em risco', 'Cumprida em 11 dos últimos 12 meses']);
  });

  it('flags touchpoints whose experience falls short, and lists every KPI with its segments', () => {
    const view = internalSiteView(exampleInput());
    expect(view.touchpoints.map((t) => [t.id, t.status, t.gap])).toEqual([
      ['checkout', 'at-risk', true], ['support', 'kept', false], ['after-sale-survey', 'kept', false],
    ]);
    expect(view.touchpoints[0]!.received).toBe('96.4% (at least 95%)');
    const onTime = view.kpis.find((k) => k.id === 'on_time_delivery')!;
    expect(onTime.segmentColumns).toEqual(['London', 'North', 'Scotland']);
    expect(onTime.segmentRows.at(-1)).toEqual({ period: 'Mar 2026', cells: ['95.8% (n=613)', '96.4% (n=613)', '97% (n=613)'] });
    expect(view.kpis.map((k) => k.id)).toContain('nps');
    expect([onTime.period, onTime.latest]).toEqual(['month', '96.4% · Mar 2026']);
    const pt = exampleInput();
    pt.promise.language = 'pt';
    expect(internalSiteView(pt).kpis.find((k) => k.id === 'nps')!.period).toBe('trimestre');
    expect(view.labels.nav.overview).toBe('Overview');
    expect(view.rowIssues).toEqual([{ kpiId: 'on_time_delivery', kpiName: 'On-time delivery', count: 2, examples: exampleInput().evaluation.kpis[0]!.badRows.examples, groups: [] }]);
  });
});

const messages = await loadMessages();

describe('the internal site view: skipped rows', () => {  /** The example with one file row and one database row skipped on on_time_delivery, each with its rows.says case. */
  function withSkippedRows(language: 'en' | 'pt'): SiteInput {
    const input = exampleInput();
    input.promise.language = language;
    input.messages = messages[language];
    const fileRow: RowIssue = { file: 'data/orders.csv', line: 7, column: 'promised_at', reason: 'not-a-number', message: '"soon" is not a number', says: { case: 'not-a-number', params: { value: '"soon"' } } };
    const dbRow: RowIssue = { file: 'warehouse:orders', column: 'order_id', reason: 'duplicate-key', message: 'order_id appears more than once (duplicate rows)', says: { case: 'db-duplicate', params: { column: 'order_id' } }, rows: 3 };
    Object.assign(input.evaluation.kpis[0]!, { badRows: { count: 4, examples: [fileRow, dbRow], byReason: [
      { reason: 'not-a-number', column: 'promised_at', count: 1, examples: [fileRow], fix: 'Write plain numbers in column promised_at.', fixSays: { case: 'not-a-number', params: { column: 'promised_at' } } },
      { reason: 'duplicate-key', column: 'order_id', count: 3, examples: [dbRow], fix: 'Remove the repeated rows.' },
    ] } });
    return input;
  }

  it('words reasons and fixes in the promise\'s language, from files and databases alike', () => {
    const view = internalSiteView(withSkippedRows('pt'));
    const [issues] = view.rowIssues;
    expect(issues!.examples.map((e) => e.message)).toEqual(['"soon" não é um número', 'order_id aparece mais de uma vez (linhas repetidas)']);
    expect(issues!.groups.map((g) => [g.examples[0]!.message, g.fix])).toEqual([
      ['"soon" não é um número', renderRowText(messages.pt!, 'fixes', { case: 'not-a-number', params: { column: 'promised_at' } })],
      // No case for this fix: the English the reader gave.
      ['order_id aparece mais de uma vez (linhas repetidas)', 'Remove the repeated rows.'],
    ]);
    expect(issues!.groups[0]!.fix).toMatch(/promised_at/);
    expect(issues!.groups[0]!.fix).not.toBe('Write plain numbers in column promised_at.');
    expect(view.kpis[0]!.badRows.examples.map((e) => e.message)).toEqual(issues!.examples.map((e) => e.message));
  });

  it('keeps the reader\'s own English words on an English site', () => {
    const input = withSkippedRows('en');
    const [issues] = internalSiteView(input).rowIssues;
    expect(issues!.examples).toEqual(input.evaluation.kpis[0]!.badRows.examples);
    expect(issues!.groups).toEqual(input.evaluation.kpis[0]!.badRows.byReason);
  });
});

describe('the view schemas', () => {
  it('let every field of the example\'s commitments and reports through, unchanged', () => {
    const input = exampleInput();
    const commitments = publicPageView(publicSubset(input)).commitments;
    expect(commitments).toHaveLength(3);
    for (const commitment of commitments) expect(commitmentViewSchema.parse(commitment)).toEqual(commitment);
    expect(input.reports.map((report) => reportSchema.parse(report))).toEqual(input.reports);
  });

  it('refuse an entry a page could not lay out, and drop keys no page prints', () => {
    const [commitment] = publicPageView(publicSubset(exampleInput())).commitments;
    expect(commitmentViewSchema.safeParse({ ...commitment, history: [{ period: 'Mar 2026', value: '95%', status: 'lost', label: 'Lost' }] }).success).toBe(false);
    expect(reportSchema.safeParse({ slug: '', title: 'x', hasHeading: false, html: '' }).success).toBe(false);
    expect(commitmentViewSchema.parse({ ...commitment, internalTarget: 'at least 97%' })).not.toHaveProperty('internalTarget');
  });
});

describe('chart axes', () => {
  const points = (...values: number[]) => values.map((value, i) => ({ label: String(i), value }));
  it('leave room around the data and the target, but a percentage axis stops at 100', () => {
    // low 80.8, high 99.5, pad = max(18.7 × 0.25, 99.5 × 0.02, 1) = 4.675
    expect(yDomain({ points: points(80.8, 99.5), target: 95, unit: '%' })).toEqual([80.8 - 4.675, 100]);
    expect(yDomain({ points: points(1, 2.5), target: 4, unit: 'hours' })).toEqual([0, 5]);
    expect(yDomain({ points: [{ label: 'x', value: null }], unit: '%' })).toBeUndefined();
  });
});

describe('formatting', () => {
  it.each([
    [96.44, '%', 'en', '96.4%'], [1234.5, 'hours', 'en', '1,234.5 hours'], [96.44, '%', 'pt', '96,4%'], [null, '%', 'en', 'not enough data'],
    [98.97, '%', 'en', '99.0%'], [100, '%', 'en', '100%'], [0.96, 'hours', 'en', '1.0 hours'], [1, 'hours', 'en', '1 hour'], [1, 'horas', 'pt', '1 hora'],
    [1, '小时', 'zh', '1 小时'], [2, 'hours', 'en', '2 hours'], [47, 'points', 'en', '47 points'],
  ] as const)('formatValue(%s, %s, %s) is %s', (value, unit, language, expected) => {
    expect(formatValue(value, unit, language)).toBe(expected);
  });

  it('gives a figure beside its targets the decimals that tell it from them', () => {
    expect(formatValue(94.96, '%', 'en', [95])).toBe('94.96%');
    expect(formatValue(94.96, '%', 'pt', [95])).toBe('94,96%');
    expect(formatValue(96.96, '%', 'en', [95, 97])).toBe('96.96%');
    expect(formatValue(94.9996, '%', 'en', [95])).toBe('94.9996%');
    expect(formatValue(94.96, '%', 'en', [90])).toBe('95.0%');
    expect(formatValue(95, '%', 'en', [95])).toBe('95%');
  });

  it('names periods and targets', () => {
    expect(formatPeriod('2026-03', 'en')).toBe('Mar 2026');
    expect(formatPeriod('2026-Q1', 'en')).toBe('Q1 2026');
    expect(formatPeriod('2026-W07', 'en')).toBe('2026 W07');
    expect(formatTarget({ comparison: '<', value: 2 }, 'hours', 'en')).toBe('less than 2 hours');
  });
});

describe('UI strings (src/core/site/strings/*.json)', () => {
  it.each(['en', 'pt', 'zh'] as const)('%s fills in every placeholder', (language) => {
    const strings = UI_STRINGS[language];
    for (const period of ['week', 'month', 'quarter'] as const) {
      expect(streakText(language, 7, 12, period)).toMatch(/^(?=.*7)(?=.*12)[^{}]+$/);
    }
    expect(fill(strings.chartLabel, { name: 'NAME' })).toMatch(/^(?=.*NAME)[^{}]+$/);
  });

  it('says the period in words, singular for one period', () => {
    expect(streakText('en', 11, 12, 'month')).toBe('Kept in 11 of the last 12 months');
    expect(streakText('en', 3, 4, 'quarter')).toBe('Kept in 3 of the last 4 quarters');
    expect(streakText('en', 1, 1, 'week')).toBe('Kept in 1 of 1 week so far');
    expect(streakText('pt', 5, 8, 'week')).toBe('Cumprida em 5 das últimas 8 semanas');
    expect(streakText('pt', 0, 1, 'month')).toBe('Cumprida em 0 de 1 mês até agora');
    expect(streakText('zh', 10, 12, 'quarter')).toBe('最近 12 个季度中兑现 10 次');
    expect(streakText('zh', 1, 1, 'month')).toBe('最近 1 个月中兑现 1 次');
  });

  it('rejects a language file with a missing or extra key', () => {
    const { published: _published, ...missing } = UI_STRINGS.en;
    expect(uiStringsSchema.safeParse(missing).success).toBe(false);
    expect(uiStringsSchema.safeParse({ ...UI_STRINGS.en, extra: 'x' }).success).toBe(false);
  });
});
