import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pledge, REPO, sandbox, type Sandbox } from '../security/helpers.ts';
import { sarifValidator } from './sarif.ts';

// `pledge check --scan`: the company's other copy, read from the project folder and held against the
// promise of tests/fixtures/check-cli (on-time >= 95 %, replies <= 4 hours), which passes every check.
let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.remove(); });

async function put(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(box.root, file)), { recursive: true });
  await writeFile(path.join(box.root, file), content);
}

const PATTERN = 'site/**/*.{md,html,txt}';
const CONTRADICTING = '<!doctype html>\n<html>\n<body>\n  <h1>Help</h1>\n  <p>Questions? We reply in&nbsp;<b>2 hours</b>.</p>\n</body>\n</html>\n';
const FINDING = 'site/help/index.html:5:37  error    inconsistent-claim  "2 hours" here differs from commitment "replies", which promises <= 4 hours: customers who read both are told two stories.';

describe('pledge check --scan', { timeout: 60_000 }, () => {
  it('copy that agrees with the promise passes, exit 0', async () => {
    await put('site/index.md', '# Kestrel Kitchen\n\nWe reply within 4 hours, and 95% of orders arrive on time.\n');
    await put('site/ads/spring.txt', 'New pans, packed by hand. Shop now.\n');
    const run = await pledge(box.root, 'check', '--scan', PATTERN);
    expect(run.out).toContain('No findings: the promise passes every check.');
    expect(run.code).toBe(0);
  });

  it('a page that contradicts it: the finding points into that page, exit 1', async () => {
    await put('site/index.md', 'We reply within 4 hours.\n');
    await put('site/help/index.html', CONTRADICTING);
    const run = await pledge(box.root, 'check', '--scan', PATTERN);
    expect(run.out.split('\n').filter((line) => line.includes('inconsistent-claim'))).toEqual([FINDING]);
    expect(run.code).toBe(1);
  });

  it('every machine format carries the scanned file, line and column', async () => {
    await put('site/help/index.html', CONTRADICTING);
    const formats = await Promise.all(['json', 'github', 'sarif', 'gitlab'].map((format) => pledge(box.root, 'check', '--scan', PATTERN, '--format', format)));
    const [json, github, sarif, gitlab] = formats.map((run) => run.out);
    expect(formats.map((run) => run.code)).toEqual([1, 1, 1, 1]);
    expect((JSON.parse(json!) as { findings: unknown[] }).findings).toEqual([expect.objectContaining({ rule: 'inconsistent-claim', file: 'site/help/index.html', line: 5, column: 37 })]);
    expect(github).toContain('::error file=site/help/index.html,line=5,col=37,title=inconsistent-claim::');
    const log = JSON.parse(sarif!) as { runs: Array<{ results: Array<{ ruleId: string; locations: unknown[] }> }> };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations])).toEqual([['inconsistent-claim',
      [{ physicalLocation: { artifactLocation: { uri: 'site/help/index.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 37 } } }]]]);
    expect(JSON.parse(gitlab!)).toEqual([expect.objectContaining({ check_name: 'inconsistent-claim', location: { path: 'site/help/index.html', lines: { begin: 5 } } })]);
  });

  it('a pattern that matches no file is a usage error, exit 2, so that a typo does not pass', async () => {
    await put('site/index.md', 'We reply within 2 hours.\n');
    const run = await pledge(box.root, 'check', '--scan', 'site/**/*.htm');
    expect(run.err.split('\n')[0]).toBe('pledge: --scan "site/**/*.htm" matches no file in the project. Check the pattern, and quote it so that the shell leaves it to pledge.');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
  });

  it('a file that is not UTF-8: one located line, exit 2', async () => {
    await put('site/index.md', 'We reply within 4 hours.\n');
    // "Entrega rápida" in Windows-1252: 0xE1 is no UTF-8.
    await put('site/pt.txt', Uint8Array.from([...Buffer.from('Ol\u00e1!\n'), ...Buffer.from('Entrega r'), 0xe1, ...Buffer.from('pida.\n')]));
    const run = await pledge(box.root, 'check', '--scan', PATTERN);
    expect(run.err).toBe('site/pt.txt:2:10  This file is not UTF-8: the text here is in another encoding. Save it as UTF-8, or convert it: iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8 (name its real encoding after -f).\n');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
  });

  it('a UTF-16 file is refused too, exit 2', async () => {
    await put('site/ad.txt', Buffer.from('\ufeffWe reply within 2 hours.\n', 'utf16le'));
    const run = await pledge(box.root, 'check', '--scan', PATTERN);
    expect(run.err).toMatch(/^site\/ad\.txt:1:1 {2}This file is UTF-16LE, but pledge reads copy as UTF-8\. /);
    expect(run.code).toBe(2);
  });

  it('the example project\'s home page agrees with its promise', async () => {
    const run = await pledge(REPO, 'check', '--scan', 'content/copy/**/*.html', '--format', 'json');
    expect((JSON.parse(run.out) as { findings: Array<{ rule: string }> }).findings.filter((f) => f.rule === 'inconsistent-claim')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('the same page, edited to over-promise, is caught claim by claim', async () => {
    const page = await readFile(path.join(REPO, 'content/copy/index.html'), 'utf8');
    await put('site/index.html', page.replace('95% of', '99% of').replace('within 4 hours', 'within 2 hours').replace('we refund your shipping', 'we always refund your shipping'));
    const run = await pledge(box.root, 'check', '--scan', 'site/*.html', '--format', 'json');
    const found = (JSON.parse(run.out) as { findings: Array<{ rule: string; line: number; column: number; message: string }> }).findings;
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '11:6 "99%" here differs from commitment "on-time", which promises >= 95%: customers who read both are told two stories.',
      '11:73 "always" promises it without exception, but commitment "on-time" can be missed, and then we refund your shipping.',
      '12:85 "2 hours" here differs from commitment "replies", which promises <= 4 hours: customers who read both are told two stories.',
    ]);
    expect(run.code).toBe(1);
  });
});
