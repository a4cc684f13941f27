import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableHash } from '../../src/core/check/ci-formats.ts';
import { RULE_IDS } from '../../src/core/check/rules/index.ts';
import { sarifValidator } from './sarif.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/pledge.mjs');
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const PROMISE = 'content/promise.yaml';
/** The benefit of tests/fixtures/check-cli, which passes every check. */
const BENEFIT = 'benefit: you can plan dinner before the parcel arrives';

/** A copy of tests/fixtures/check-cli with replacements in promise.yaml. */
function project(edits: Array<[string, string]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pledge-formats-'));
  tmpDirs.push(dir);
  cpSync(path.join(repo, 'tests/fixtures/check-cli'), dir, { recursive: true });
  const file = path.join(dir, PROMISE);
  writeFileSync(file, edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`no ${from}`);
    return text.replace(from, to);
  }, readFileSync(file, 'utf8')));
  return dir;
}

function pledge(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'check', ...args], { cwd, env: { ...process.env, CI: '1', PLEDGE_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }> } };
    invocations: Array<{ executionSuccessful: boolean }>;
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: unknown[] }>;
  }>;
}

const jargonAndNoTarget: Array<[string, string]> = [
  [BENEFIT, 'benefit: you get world-class service'],
  ['    target: { comparison: ">=", value: 95, unit: "%" }\n', ''],
];

describe('pledge check --format sarif', { timeout: 60_000 }, () => {
  const validate = sarifValidator();

  it('findings: a valid SARIF 2.1.0 log with every rule described, exit code unchanged', async () => {
    const run = await pledge(project(jargonAndNoTarget), '--format', 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [only] = log.runs;
    const rules = only!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS, 'input-error']);
    expect(rules.find((r) => r.id === 'jargon')).toMatchObject({
      shortDescription: { text: 'buzzwords and jargon ("world-class", "synergy", "seamless", ...)' },
      helpUri: expect.stringMatching(/\/docs\/checks\.md#jargon$/) as unknown,
      defaultConfiguration: { level: 'warning' },
    });
    expect(only!.invocations).toEqual([{ executionSuccessful: true }]);
    expect(only!.results).toEqual([
      {
        ruleId: 'jargon', ruleIndex: RULE_IDS.indexOf('jargon'), level: 'warning',
        message: { text: '"world-class" is a buzzword: it tells the customer nothing they can check. Say what the customer gets instead, e.g. "a reply within 2 hours".' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'content/promise.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 18 } } }],
      },
      {
        ruleId: 'not-measurable', ruleIndex: RULE_IDS.indexOf('not-measurable'), level: 'error',
        message: { text: 'Commitment "on-time" has no target, so nobody can check whether it was kept. Add a target such as target: { comparison: ">=", value: 95, unit: "%" }.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'content/promise.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 11, startColumn: 5 } } }],
      },
    ]);
  });

  it('an input error: a valid log whose result is input-error, the run unsuccessful, exit 2', async () => {
    const run = await pledge(project([['  who: home cooks', '  who: "home cooks']]), '--format', 'sarif');
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: false }]);
    expect(log.runs[0]!.results).toEqual([{
      ruleId: 'input-error', ruleIndex: RULE_IDS.length, level: 'error',
      message: { text: expect.stringMatching(/^This is not valid YAML: Missing closing "quote\. /) as unknown },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'content/promise.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 19 } } }],
    }]);
    expect(run.stderr).toMatch(/^content\/promise\.yaml:4:19 {2}This is not valid YAML/);
  });

  it('the schema check itself fails on a broken log', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
  });
});

describe('pledge check --format gitlab', { timeout: 60_000 }, () => {
  it('a Code Quality report: description, check_name, fingerprint, severity, location', async () => {
    const dir = project(jargonAndNoTarget);
    const run = await pledge(dir, '--format', 'gitlab');
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout) as unknown;
    expect(issues).toEqual([
      {
        description: '"world-class" is a buzzword: it tells the customer nothing they can check. Say what the customer gets instead, e.g. "a reply within 2 hours".',
        check_name: 'jargon', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, severity: 'minor',
        location: { path: 'content/promise.yaml', lines: { begin: 9 } },
      },
      {
        description: 'Commitment "on-time" has no target, so nobody can check whether it was kept. Add a target such as target: { comparison: ">=", value: 95, unit: "%" }.',
        check_name: 'not-measurable', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, severity: 'critical',
        location: { path: 'content/promise.yaml', lines: { begin: 11 } },
      },
    ]);
    // Stable: the same input gives the same fingerprints, and they differ from each other.
    const again = await pledge(dir, '--format', 'gitlab');
    expect(again.stdout).toBe(run.stdout);
    const [a, b] = issues as Array<{ fingerprint: string }>;
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  it('an input error is a blocker, exit 2', async () => {
    const run = await pledge(project([['  who: home cooks', '  who: "home cooks']]), '--format', 'gitlab');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual([{
      description: expect.stringMatching(/^This is not valid YAML/) as unknown,
      check_name: 'input-error', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, severity: 'blocker',
      location: { path: 'content/promise.yaml', lines: { begin: 4 } },
    }]);
  });

  it('the fingerprint hash is stable and spreads', () => {
    expect(stableHash('jargon')).toBe(stableHash('jargon'));
    expect(stableHash('jargon')).not.toBe(stableHash('jargoN'));
    expect(stableHash('')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('pledge check --lang', { timeout: 60_000 }, () => {
  const portuguese: Array<[string, string]> = [['language: en', 'language: pt'], [BENEFIT, 'benefit: você tem um serviço de classe mundial']];
  const jargonOf = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string; message: string; hint: string }> })
    .findings.filter((f) => f.rule === 'jargon').map((f) => `${f.message} | ${f.hint}`);

  it('a Portuguese promise gets its findings in Portuguese', async () => {
    const run = await pledge(project(portuguese), '--format', 'json');
    expect(jargonOf(run.stdout)).toEqual(['«de classe mundial» é um chavão: não diz ao cliente nada que ele possa verificar. | Diga antes o que o cliente recebe, por exemplo «uma resposta em menos de 2 horas».']);
  });

  it('--lang en gives them in English, the same findings at the same places', async () => {
    const dir = project(portuguese);
    const [own, english] = await Promise.all([pledge(dir, '--format', 'json'), pledge(dir, '--format', 'json', '--lang', 'en')]);
    expect(jargonOf(english.stdout)).toEqual(['"de classe mundial" is a buzzword: it tells the customer nothing they can check. | Say what the customer gets instead, e.g. "a reply within 2 hours".']);
    const places = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string; line: number; column: number }> }).findings.map((f) => `${f.rule} ${f.line}:${f.column}`);
    expect(places(english.stdout)).toEqual(places(own.stdout));
    expect(english.code).toBe(own.code);
  });

  it('an unknown language is a usage error, exit 2', async () => {
    const run = await pledge(project([]), '--lang', 'fr');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pledge: --lang must be one of en, pt, zh, not "fr".');
  });
});
