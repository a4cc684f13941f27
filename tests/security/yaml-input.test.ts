import { describe, expect, it } from 'vitest';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { fixtureText, pledgeProcess, project, snapshot, utf16 } from './helpers.ts';

/** Ten lines that would expand to 10⁶ strings: each level repeats the one before ten times. */
const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '',
].join('\n');

const BOMB_ERROR = 'The aliases (*name) in this file expand to more than 100 copies, which looks like an "alias bomb". Write the values out instead of repeating aliases of aliases.';

function errorsOf(text: string): string[] {
  try {
    parseYaml(text, 'f.yaml');
  } catch (error) {
    return inputErrorsOf(error)?.map(formatInputError) ?? [`not an input error: ${String(error)}`];
  }
  return [];
}

describe('a YAML alias bomb', { timeout: 60_000 }, () => {
  it('is a located input error, not an internal one', () => {
    expect(errorsOf(ALIAS_BOMB)).toEqual([`f.yaml:2:8  ${BOMB_ERROR}`]);
  });

  it('a few aliases are still fine', () => {
    expect(parseYaml('a: &a [1, 2]\nb: *a\nc: *a\n', 'f.yaml').data).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it.each(['content/promise.yaml', 'content/kpis.yaml', 'content/rules.yaml', 'content/site.yaml'])('in %s: exit 2, one line at the first alias, nothing written', async (file) => {
    const dir = project({ [file]: ALIAS_BOMB });
    const before = snapshot(dir);
    expect(await pledgeProcess(dir, 'check')).toEqual({ code: 2, stdout: '', stderr: `${file}:2:8  ${BOMB_ERROR}\n` });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a number in a YAML file that is not plain decimal', { timeout: 60_000 }, () => {
  // YAML 1.2 reads all of these as the number 95 (or infinity); a reader of the file would not.
  it.each([
    ['0x5F', 'Write it as 95 (or put it in quotes if it is text).'],
    ['0o137', 'Write it as 95 (or put it in quotes if it is text).'],
    ['9.5e1', 'Write it as 95 (or put it in quotes if it is text).'],
    ['+95', 'Write it as 95 (or put it in quotes if it is text).'],
    ['095', 'Write it as 95 (or put it in quotes if it is text).'],
    ['.inf', 'Write a plain decimal number such as 95 (or put it in quotes if it is text).'],
  ])('a target of %s is refused at its place, with the decimal to write', async (written, hint) => {
    const dir = project({ 'content/promise.yaml': fixtureText('content/promise.yaml').replace('value: 95,', `value: ${written},`) });
    expect(await pledgeProcess(dir, 'check')).toEqual({
      code: 2, stdout: '',
      stderr: `content/promise.yaml:13:40  commitments[0].target.value: "${written}" is not a plain decimal number, which pledge needs here. ${hint}\n`,
    });
  });

  it('0b1011111 is text in YAML 1.2, so it is "not a number" there too', async () => {
    const dir = project({ 'content/promise.yaml': fixtureText('content/promise.yaml').replace('value: 95,', 'value: 0b1011111,') });
    expect(await pledgeProcess(dir, 'check')).toEqual({
      code: 2, stdout: '', stderr: 'content/promise.yaml:13:40  commitments[0].target.value: expected a number, got "0b1011111". Write a number here.\n',
    });
  });

  it('in kpis.yaml and rules.yaml too', async () => {
    const dir = project({ 'content/kpis.yaml': fixtureText('content/kpis.yaml').replace('    unit: "%"\n', '    unit: "%"\n    min_sample: 0x10\n') });
    const run = await pledgeProcess(dir, 'check');
    expect(run).toEqual({
      code: 2, stdout: '',
      stderr: 'content/kpis.yaml:9:17  kpis[0].min_sample: "0x10" is not a plain decimal number, which pledge needs here. Write it as 16 (or put it in quotes if it is text).\n',
    });
    const rulesOnly = project({ 'content/rules.yaml': 'rules:\n  too-long: { limit: 1e2 }\n' });
    expect((await pledgeProcess(rulesOnly, 'check')).stderr).toBe('content/rules.yaml:2:22  rules.too-long.limit: "1e2" is not a plain decimal number, which pledge needs here. Write it as 100 (or put it in quotes if it is text).\n');
  });

  it('plain decimals, negatives and quoted hex text are untouched', () => {
    expect(parseYaml('a: 95\nb: -2.5\nc: 0\nd: 99.95\ne: "0x0A"\nf: 0x0A text\n', 'f.yaml').data)
      .toEqual({ a: 95, b: -2.5, c: 0, d: 99.95, e: '0x0A', f: '0x0A text' });
  });
});

describe('YAML line ends and encodings', { timeout: 60_000 }, () => {
  const lf = fixtureText('content/promise.yaml');

  it('CR-only line ends (old Mac) read as lines, with the right line numbers', () => {
    expect(parseYaml('a: 1\rb:\r  - 2\r  - 3\r', 'f.yaml').data).toEqual({ a: 1, b: [2, 3] });
    expect(errorsOf('a: 1\rb: [2\rc: 3\r')[0]).toMatch(/^f\.yaml:[23]:\d+ {2}This is not valid YAML/);
    expect(errorsOf('a: 1\rb: 0x10\r')).toEqual(['f.yaml:2:4  b: "0x10" is not a plain decimal number, which pledge needs here. Write it as 16 (or put it in quotes if it is text).']);
  });

  it.each([
    ['CR-only', { 'content/promise.yaml': lf.replaceAll('\n', '\r'), 'content/kpis.yaml': fixtureText('content/kpis.yaml').replaceAll('\n', '\r') }],
    ['CRLF', { 'content/promise.yaml': lf.replaceAll('\n', '\r\n') }],
    ['UTF-8 with a BOM', { 'content/promise.yaml': `\ufeff${lf}` }],
    ['UTF-16 LE with a BOM', { 'content/promise.yaml': utf16(lf, 'le', true) }],
    ['UTF-16 BE with a BOM', { 'content/promise.yaml': utf16(lf, 'be', true) }],
    ['UTF-16 LE without a BOM', { 'content/kpis.yaml': utf16(fixtureText('content/kpis.yaml'), 'le', false) }],
  ])('%s promise.yaml and kpis.yaml read exactly like the plain UTF-8 LF files', async (_, files) => {
    const plain = await pledgeProcess(project(), 'check');
    expect(plain.code).toBe(0);
    expect(await pledgeProcess(project(files), 'check')).toEqual(plain);
  });

  it('a CR-only promise.yaml with a mistake points at the right line', async () => {
    const dir = project({ 'content/promise.yaml': lf.replace('language: en', 'language: xx').replaceAll('\n', '\r') });
    const run = await pledgeProcess(dir, 'check');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^content\/promise\.yaml:2:11 {2}language: "xx" is not allowed\./);
  });
});
