import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/input-error.ts';
import type { Evaluation } from '../../src/core/kpi/types.ts';
import { renderReport, reportPeriod } from '../../src/core/report/render.ts';
import { REPO } from './helpers.ts';

const evaluation = JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/site/evaluation.json'), 'utf8')) as Evaluation;
const context = { file: 'content/reports/march.md', evaluation, language: 'en' as const };

describe('report narratives', () => {
  it('embeds the latest value of a KPI, or a named period', () => {
    const report = renderReport('# March\n\nOn time: :kpi[on_time_delivery]; February: :kpi{id=on_time_delivery period=2026-02}.', 'march', context);
    expect(report.title).toBe('March');
    expect(report.hasHeading).toBe(true);
    expect(report.html).toBe('<h1>March</h1>\n<p>On time: <strong class="kpi-value">96.4%</strong>; February: <strong class="kpi-value">97.5%</strong>.</p>');
  });

  it('takes the title from the # heading, through emphasis and code, else from the file name', () => {
    expect(renderReport('Intro.\n\n# The *October* `on_time` report\n\nText.', 'oct', context)).toMatchObject({ title: 'The October on_time report', hasHeading: true });
    expect(renderReport('## Only a section\n\nText.', '2026-10-monthly', context)).toMatchObject({ title: '2026-10-monthly', hasHeading: false });
  });

  it('knows the period a report is named for, and ends its embeds there', () => {
    expect(['2026-02-carrier-strike', '2026-Q1_review', '2026-10', 'march', '2026-13-x', '2026-021'].map(reportPeriod))
      .toEqual(['2026-02', '2026-Q1', '2026-10', null, null, null]);
    const january = renderReport('On time: :kpi[on_time_delivery].\n\n::kpi-table{id=on_time_delivery last=2}\n\n::kpi-table{id=nps last=1}', '2026-01-review', context);
    expect(january.period).toBe('2026-01');
    // The latest month is March (96.4%); a January report shows January, and the table ends there.
    expect(january.html).toContain('On time: <strong class="kpi-value">98.1%</strong>.');
    expect(january.html).toContain('<tr><th scope="row">Dec 2025</th><td>97.8%</td><td>');
    expect(january.html).toContain('<tr><th scope="row">Jan 2026</th><td>98.1%</td><td>');
    expect(january.html).not.toContain('Feb 2026');
    // A quarterly KPI in a January report: the last quarter that had ended by then.
    expect(january.html).toContain('<tr><th scope="row">Q4 2025</th><td>47 points</td>');
    expect(january.html).not.toContain('Q1 2026');
    expect(renderReport(':kpi[on_time_delivery]', 'march', context)).toMatchObject({ period: null, html: '<p><strong class="kpi-value">96.4%</strong></p>' });
  });

  it('embeds a table of the last periods', () => {
    const { html } = renderReport('::kpi-table{id=nps last=2}', 'r', context);
    expect(html).toBe('<table class="data"><caption>Net Promoter Score</caption><thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Sample</th></tr></thead>'
      + '<tbody><tr><th scope="row">Q4 2025</th><td>47 points</td><td>330</td></tr><tr><th scope="row">Q1 2026</th><td>52 points</td><td>340</td></tr></tbody></table>');
  });

  it('embeds a chart with its table beside it', () => {
    const { html } = renderReport('::kpi-chart{id=csat last=3}', 'r', context);
    expect(html).toMatch(/^<figure class="chart"><div class="chart-svg chart-wide"><svg [^>]*aria-hidden="true"/);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(3);
  });

  it('drops raw HTML, scripts and javascript: links from the author\'s markdown', () => {
    const { html } = renderReport('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) **bold**', 'r', context);
    expect(html).toBe('<p><a>x</a> <strong>bold</strong></p>');
  });

  it('cannot forge an embed placeholder', () => {
    const { html } = renderReport('<span data-pledge-embed="0">x</span> :kpi[csat]', 'r', context);
    expect(html).toBe('<p>x <strong class="kpi-value">94.6%</strong></p>');
  });

  it('names the file, line and column of an embed of an unknown KPI', () => {
    const attempt = () => renderReport('# R\n\nText\n\n  ::kpi-chart{id=nope}', 'r', context);
    expect(attempt).toThrow(InputError);
    try { attempt(); } catch (error) {
      expect((error as InputError).place).toEqual({ file: 'content/reports/march.md', line: 5, column: 3 });
      expect((error as InputError).message).toBe('The report embeds KPI "nope", which kpis.yaml does not define.');
    }
  });
});
