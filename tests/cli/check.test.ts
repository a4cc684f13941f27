import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshot } from '../security/helpers.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/pledge.mjs');
const fixture = path.join(repo, 'tests/fixtures/check-cli');
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh copy of the fixture with `edits` applied: file → [from, to] replacements, or null to delete it. */
function project(edits: Record<string, Array<[string, string]> | string | null> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pledge-check-'));
  tmpDirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    if (edit === null) unlinkSync(target);
    else if (typeof edit === 'string') writeFileSync(target, edit);
    else writeFileSync(target, edit.reduce((text, [from, to]) => {
      if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
      return text.replace(from, to);
    }, readFileSync(target, 'utf8')));
  }
  return dir;
}

function pledge(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'check', ...args], { cwd, env: { ...process.env, CI: '1', PLEDGE_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}


const PROMISE = 'content/promise.yaml';

describe('pledge check', { timeout: 60_000 }, () => {
  it('prints the statement and "no findings", exit 0', async () => {
    const run = await pledge(project());
    expect(run).toEqual({
      code: 0,
      // The statement, its commitments as a list beneath it, the call to action.
      stdout: expect.stringMatching(/^For home cooks, Kestrel Kitchen makes one promise: [^\n]* below\.\n\n {2}- On-time delivery: at least 95%, every month\. [^\n]*\n {2}- Time to first reply: [^\n]*\n\nShop the new pans\.\n\nNo findings: the promise passes every check\.\n$/) as unknown,
      stderr: '',
    });
  });

  it('prints warnings like a linter and still exits 0', async () => {
    const run = await pledge(project({ [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get world-class service']] }));
    expect(run.code).toBe(0);
    expect(run.stdout.slice(run.stdout.indexOf('content/promise.yaml'))).toBe(
      'content/promise.yaml:9:18  warning  jargon  "world-class" is a buzzword: it tells the customer nothing they can check.\n'
      + '    Say what the customer gets instead, e.g. "a reply within 2 hours".\n\n0 errors, 1 warning, 0 info\n');
  });

  it('--format json prints only valid JSON: no errors, and the findings with the design\'s fields', async () => {
    const run = await pledge(project({ [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get world-class service']] }), '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ errors: [], findings: [{
      rule: 'jargon', severity: 'warning', message: '"world-class" is a buzzword: it tells the customer nothing they can check.',
      file: 'content/promise.yaml', line: 9, column: 18, hint: 'Say what the customer gets instead, e.g. "a reply within 2 hours".',
    }] });
  });

  it('--format github prints workflow annotations', async () => {
    const run = await pledge(project({ [PROMISE]: [['    target: { comparison: ">=", value: 95, unit: "%" }\n', '']] }), '--format', 'github');
    expect(run).toEqual({
      code: 1,
      stdout: '::error file=content/promise.yaml,line=11,col=5,title=not-measurable::Commitment "on-time" has no target, so nobody can check whether it was kept. Add a target such as target: { comparison: ">=", value: 95, unit: "%25" }.\n',
      stderr: '',
    });
  });

  it('exits 1 on an error finding', async () => {
    const run = await pledge(project({ [PROMISE]: [['    period: month\n    remedy: we refund', '    remedy: we refund']] }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/promise.yaml:11:5  error    not-time-bound  Commitment "on-time" has no period and no deadline');
    expect(run.stdout).toMatch(/1 error, 0 warnings, 0 info\n$/);
  });

  it('--root checks a project elsewhere and names files relative to where it runs', async () => {
    const dir = project({ [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get seamless service']] });
    const run = await pledge(path.dirname(dir), '--root', path.basename(dir), '--format', 'json');
    expect((JSON.parse(run.stdout) as { findings: Array<{ file: string }> }).findings.map((f) => f.file)).toEqual([`${path.basename(dir)}/content/promise.yaml`]);
  });

  it('rules.yaml turns a rule off and raises another to error', async () => {
    const dir = project({
      [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get world-class service, the best']],
      'content/rules.yaml': 'rules:\n  vague-claim: off\n  jargon: error\n  data-stale: off\n  no-data: off\n  sample-too-small: off\n',
    });
    const run = await pledge(dir, '--format', 'json');
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: Array<{ rule: string; severity: string }> }).findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['jargon error']);
  });
});

describe('pledge check on bad input: one located line, exit 2, no stack trace, nothing written', { timeout: 60_000 }, () => {
  it.each<[string, Record<string, Array<[string, string]> | string | null>, string[]]>([
    ['malformed YAML', { [PROMISE]: [['  who: home cooks', '  who: "home cooks']] },
      ['content/promise.yaml:4:19  This is not valid YAML: Missing closing "quote. Check the indentation and quoting on this line (a value containing ": " or "#" needs quotes).']],
    ['a missing file', { [PROMISE]: null },
      ['content/promise.yaml:1:1  This file does not exist. Create it, or run `pledge init` to start from the example.']],
    ['a wrong type', { [PROMISE]: [['value: 95,', 'value: ninety-five,']] },
      ['content/promise.yaml:13:40  commitments[0].target.value: expected a number, got "ninety-five". Write a number here.']],
    ['an unknown key, with "did you mean"', { [PROMISE]: [['    remedy: we refund', '    remdy: we refund']] },
      ['content/promise.yaml:15:5  Unknown key "remdy" in commitments[0]. Did you mean "remedy"?']],
    ['an empty string', { [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: ""']] },
      ['content/promise.yaml:9:10  benefit: this text is empty. Write the text, or remove the key if it is optional.']],
    ['a commitment naming an undefined KPI', { [PROMISE]: [['kpi: on_time\n', 'kpi: on_tme\n']] },
      ['content/promise.yaml:12:10  error    kpi-unknown  Commitment "on-time" names the KPI "on_tme", which kpis.yaml does not define.']],
    ['a target with no number', { [PROMISE]: [['{ comparison: ">=", value: 95, unit: "%" }', '{ comparison: ">=", unit: "%" }']] },
      ['content/promise.yaml:13:13  commitments[0].target.value: this is required but missing. Add a number.']],
    ['a language pledge does not support', { [PROMISE]: [['language: en', 'language: fr']] },
      ['content/promise.yaml:2:11  language: "fr" is not allowed. Use one of: en, pt, zh.']],
    ['HTML or script in a text field', { [PROMISE]: [['benefit: you can plan dinner before the parcel arrives', 'benefit: <script>alert(1)</script> you can plan dinner']] },
      ['content/promise.yaml:9:10  benefit: HTML or script is not allowed in text fields. Write plain text; pledge escapes and formats it for you.']],
    ['an unknown rule in rules.yaml', { 'content/rules.yaml': 'rules:\n  jargn: off\n' },
      ['content/rules.yaml:2:3  Unknown rule "jargn" in rules. Did you mean "jargon"? Valid rules: ']],
    ['a severity that does not exist', { 'content/rules.yaml': 'rules:\n  jargon: fatal\n' },
      ['content/rules.yaml:2:11  rules.jargon.severity: "fatal" is not allowed. Use one of: error, warning, info, off.']],
    ['an unknown key in site.yaml', { 'content/site.yaml': 'public:\n  show_at_risks: true\n' },
      ['content/site.yaml:2:3  Unknown key "show_at_risks" in public. Did you mean "show_at_risk"?']],
    ['a brand colour that fails WCAG AA', { 'content/site.yaml': 'brand:\n  color: "#e63946"\n' },
      ['content/site.yaml:2:10  brand.color: #e63946 as link text on the page background (#f7f5f0) has a contrast of 3.83:1, below the 4.5:1 WCAG AA asks of text. Use "#dd1c2a" instead, the nearest darker shade that passes (4.51:1).']],
    ['a logo that is not there', { 'content/site.yaml': 'brand:\n  logo: brand/logo.svg\n' },
      ['content/site.yaml:2:9  brand.logo: content/brand/logo.svg does not exist. Put the image in content/ and write its path relative to content/, e.g. brand/logo.svg.']],
    ['a site address that is not https', { 'content/site.yaml': 'url: http://kestrel.example\n' },
      ['content/site.yaml:1:6  url: the site\'s address must start with https://. Write the address the public page is served at, e.g. https://example.com/promise/.']],
    ['a binary file, its control characters shown as escapes', { [PROMISE]: '\u0000\u0001\u001b[2Jbinary' },
      ['content/promise.yaml:1:1  expected a mapping (key: value), got "\\u0000\\u0001\\u001b[2Jbinary". Write a mapping (key: value) here.']],
  ])('%s', async (_name, edits, lines) => {
    const dir = project(edits);
    const before = snapshot(dir);
    const run = await pledge(dir);
    expect(run.code).toBe(2);
    const output = run.stdout + run.stderr;
    for (const line of lines) expect(output).toContain(line);
    expect(output).not.toMatch(/\n\s+at |Error:|node:internal/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an unknown --format is a usage error', async () => {
    const run = await pledge(project(), '--format', 'xml');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'pledge: --format must be one of text, json, github, sarif, gitlab, not "xml".\nUsage: pledge check [--format text|json|github|sarif|gitlab] [--lang en|pt|zh] [--root DIR] [--strict] [--scan \'site/**/*.{md,html,txt}\']...\n' });
  });
});
