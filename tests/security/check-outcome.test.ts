import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkReportSchema } from '../../src/core/schema/check-report.ts';
import { fixtureText, pledgeProcess, project, REPO, runNode, snapshot, tempDir } from './helpers.ts';

/**
 * The fixture with May complete (a June row each) and a reply-time target of 1 hour, which May's median of 1.5 hours breaks.
 * Its rules.yaml keeps the data-health checks off (the data is old and small on purpose), and turns broken-without-note off
 * too: these tests are about promise-broken and the exit code, not about notes. `promiseBroken` sets that rule's severity.
 */
function brokenProject(promiseBroken?: string): string {
  const rules = `${fixtureText('content/rules.yaml')}  broken-without-note: off\n${promiseBroken === undefined ? '' : `  promise-broken: ${promiseBroken}\n`}`;
  const dir = project({
    'content/promise.yaml': fixtureText('content/promise.yaml').replace('value: 4, unit: hours', 'value: 1, unit: hours'),
    'content/rules.yaml': rules,
  });
  appendFileSync(path.join(dir, 'content/data/tickets.csv'), 'T-999,2026-06-02T09:00:00Z,2026-06-02T10:00:00Z\n');
  appendFileSync(path.join(dir, 'content/data/orders.csv'), 'O-999,2026-06-02T18:00:00Z,2026-06-02T10:00:00Z\n');
  return dir;
}

interface Json { errors: unknown[]; findings: Array<{ rule: string; severity: string }> }
const rulesOf = (stdout: string) => (JSON.parse(stdout) as Json).findings.map((f) => `${f.rule} ${f.severity}`);

describe('the exit code comes from the findings alone, after rules.yaml', { timeout: 120_000 }, () => {
  it('a broken promise: promise-broken at error, exit 1', async () => {
    const run = await pledgeProcess(brokenProject(), 'check', '--format', 'json');
    expect(run.code).toBe(1);
    expect(rulesOf(run.stdout)).toEqual(['no-margin warning', 'promise-broken error', 'unrealistic-target warning']);
  });

  it.each([
    ['off', ['no-margin warning', 'unrealistic-target warning']],
    ['warning', ['no-margin warning', 'promise-broken warning', 'unrealistic-target warning']],
    ['info', ['no-margin warning', 'promise-broken info', 'unrealistic-target warning']],
  ])('promise-broken: %s → exit 0, with the findings that are left', async (setting, rules) => {
    const run = await pledgeProcess(brokenProject(setting), 'check', '--format', 'json');
    expect({ code: run.code, rules: rulesOf(run.stdout), stderr: run.stderr }).toEqual({ code: 0, rules, stderr: '' });
  });

  it('in text, the summary and the exit code agree', async () => {
    const run = await pledgeProcess(brokenProject('off'), 'check');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n0 errors, 2 warnings, 0 info\n$/);
  });
});

describe('machine formats carry input errors', { timeout: 120_000 }, () => {
  const badKpis = () => project({ 'content/kpis.yaml': fixtureText('content/kpis.yaml').replace('formula: on_time_rate', 'formula: on_time') });
  const formulaError = {
    file: 'content/kpis.yaml', line: 4, column: 14,
    message: 'kpis[0].formula: "on_time" is not allowed.',
    hint: 'Use one of: nps, csat, ces, on_time_rate, response_time, within_sla_rate, churn_rate, retention_rate, repeat_purchase_rate, mean, sum, count, ratio.',
  };

  it('--format json: {"errors": [...], "findings": []} on stdout, exit 2, the same line on stderr, nothing written', async () => {
    const dir = badKpis();
    const before = snapshot(dir);
    const run = await pledgeProcess(dir, 'check', '--format', 'json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ errors: [formulaError], findings: [] });
    expect(run.stderr).toBe(`content/kpis.yaml:4:14  ${formulaError.message} ${formulaError.hint}\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--format json: errors found while reading data (a missing file), and YAML syntax errors', async () => {
    const dir = project({ 'content/kpis.yaml': fixtureText('content/kpis.yaml').replace('source: data/tickets.csv', 'source: data/nope.csv') });
    const run = await pledgeProcess(dir, 'check', '--format', 'json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ findings: [], errors: [{
      file: 'content/kpis.yaml', line: 16, column: 13,
      message: 'KPI "reply_time" reads data/nope.csv, but content/data/nope.csv does not exist.',
      hint: 'Put the data file there (paths are relative to content/), or fix the path in source.',
    }] });
    const syntax = await pledgeProcess(project({ 'content/promise.yaml': 'company: [unclosed\n' }), 'check', '--format', 'json');
    expect(syntax.code).toBe(2);
    expect((JSON.parse(syntax.stdout) as Json).errors).toEqual([expect.objectContaining({ file: 'content/promise.yaml', line: 2, column: 1 })]);
  });

  it('--format github: each input error is an ::error annotation at its place', async () => {
    const run = await pledgeProcess(badKpis(), 'check', '--format', 'github');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`::error file=content/kpis.yaml,line=4,col=14::${formulaError.message} ${formulaError.hint}\n`);
  });

  it('--format json with no input error: errors is empty', async () => {
    const run = await pledgeProcess(project(), 'check', '--format', 'json');
    expect({ code: run.code, json: JSON.parse(run.stdout) as unknown }).toEqual({ code: 0, json: { errors: [], findings: [] } });
  });

  it('both shapes match schemas/check.schema.json and the zod schema it is made from', async () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(REPO, 'schemas/check.schema.json'), 'utf8')) as object);
    const outputs = [await pledgeProcess(badKpis(), 'check', '--format', 'json'), await pledgeProcess(brokenProject(), 'check', '--format', 'json')]
      .map((run) => JSON.parse(run.stdout) as Json);
    expect(outputs.map((json) => [json.errors.length, json.findings.length])).toEqual([[1, 0], [0, 3]]);
    for (const json of outputs) {
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(checkReportSchema.parse(json)).toEqual(json);
    }
    expect(validate({ errors: [], findings: [], extra: 1 })).toBe(false);
  });
});

describe('npm run gen-data', { timeout: 120_000 }, () => {
  const script = path.join(REPO, 'scripts/generate-data.ts');
  const gen = (...args: string[]) => runNode(REPO, ['--import', 'tsx', script, ...args]);

  it('--help prints the usage, exit 0', async () => {
    const run = await gen('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run gen-data -- \[--rows N\] /);
    expect(run.stdout).toContain('--only FILES    some of orders,tickets,surveys,customers (default all)');
    expect(run.stderr).toBe('');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--rows', 'many'], '--rows must be a whole number of at least 1, not "many".'],
    [['--rows', '0x10'], '--rows must be a whole number of at least 1, not "0x10".'],
    [['--rows', '0'], '--rows must be a whole number of at least 1, not "0".'],
    [['--seed', '1e3'], '--seed must be a whole number of at least 0, not "1e3".'],
    [['--from', 'May'], '--from must be a date such as 2025-05-01, not "May".'],
    [['--from', '2026-01-01', '--to', '2025-01-01'], '--to (2025-01-01) must be after --from (2026-01-01).'],
    [['--only', 'orders,invoices'], '--only takes some of orders, tickets, surveys, customers, not "invoices".'],
  ])('%j: one line, exit 2, nothing written', async (args, message) => {
    const out = path.join(tempDir('pledge-gen-'), 'data');
    const run = await gen(...args, '--out', out);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `gen-data: ${message} Run with --help for the options.\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('good options still write the files', async () => {
    const out = path.join(tempDir('pledge-gen-'), 'data');
    const run = await gen('--rows', '50', '--only', 'orders', '--out', out);
    expect(run).toEqual({ code: 0, stdout: `Wrote orders for 50 orders to ${out}/\n`, stderr: '' });
    expect(readFileSync(path.join(out, 'orders.csv'), 'utf8').split('\n')[0]).toMatch(/^order_id,/);
  });
});
