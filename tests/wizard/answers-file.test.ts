import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './cli.ts';
import { exampleCopy, removeDir } from './tty.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await removeDir(root);
  root = undefined;
});

const MINIMAL = `company: Andorinha
language: pt
audience: { who: cozinheiros caseiros }
values: [cuidado]
promise_types: [delivery]
benefit: você recebe a encomenda antes do fim de semana
commitments:
  - id: entrega
    kpi: on_time_delivery
    target: { comparison: ">=", value: 93, unit: "%" }
    period: month
`;

describe('pledge draft --answers FILE', () => {
  it('writes promise.yaml from a YAML answers file, keeps a backup, then checks exactly like pledge check', async () => {
    root = await exampleCopy();
    const original = await readFile(path.join(root, 'content/promise.yaml'), 'utf8');
    await writeFile(path.join(root, 'answers.yaml'), MINIMAL);
    const drafted = await runCli(['draft', '--answers', 'answers.yaml'], root);
    const checked = await runCli(['check'], root);
    expect(drafted.err).toBe(`Wrote content/promise.yaml (the previous version is in content/promise.yaml.bak).\n${checked.err}`);
    expect([drafted.code, drafted.out]).toEqual([checked.code, checked.out]);
    expect(await readFile(path.join(root, 'content/promise.yaml.bak'), 'utf8')).toBe(original);
    const written = await readFile(path.join(root, 'content/promise.yaml'), 'utf8');
    // A project of its own (no schemas/ beside content/): the editor finds the schema in the installed package.
    expect(written.startsWith('# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/promise.schema.json\ncompany: Andorinha\n')).toBe(true);
    expect(parse(written)).toEqual(parse(MINIMAL));
  });

  it('reads JSON answers and passes --format through to the check', async () => {
    root = await exampleCopy();
    await writeFile(path.join(root, 'answers.json'), JSON.stringify(parse(MINIMAL)));
    const { out } = await runCli(['draft', '--answers', 'answers.json', '--format', 'json'], root);
    // The same report as `pledge check --format json`: input errors (none here) and findings.
    const { errors, findings } = JSON.parse(out) as { errors: unknown[]; findings: Array<{ rule: string; file: string }> };
    expect(errors).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.file === 'content/promise.yaml')).toBe(true);
    expect(findings.map((f) => f.rule)).toContain('cta-missing');
  });

  it('exits 1 when the written promise has error findings', async () => {
    root = await exampleCopy();
    await writeFile(path.join(root, 'answers.yaml'), MINIMAL.replace('    target: { comparison: ">=", value: 93, unit: "%" }\n', ''));
    const { code, out } = await runCli(['draft', '--answers', 'answers.yaml'], root);
    expect(code).toBe(1);
    // The answers are in Portuguese (language: pt), and so are the findings.
    expect(out).toMatch(/content\/promise\.yaml:\d+:\d+ {2}error {4}not-measurable {2}O compromisso «entrega» não tem meta/);
  });

  it('refuses invalid answers with located errors, exit 2, and writes nothing', async () => {
    root = await exampleCopy();
    const content = path.join(root, 'content');
    const before = await readFile(path.join(content, 'promise.yaml'), 'utf8');
    const filesBefore = await readdir(content);
    await writeFile(path.join(root, 'answers.yaml'), MINIMAL.replace('commitments:', 'comittments: []\ncommitments:').replace('value: 93', 'value: lots'));
    const { code, out, err } = await runCli(['draft', '--answers', 'answers.yaml'], root);
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe('answers.yaml:7:1  Unknown key "comittments". Did you mean "commitments"?\n'
      + 'answers.yaml:11:40  commitments[0].target.value: expected a number, got "lots". Write a number here.\n');
    expect(await readFile(path.join(content, 'promise.yaml'), 'utf8')).toBe(before);
    expect(await readdir(content)).toEqual(filesBefore);
  });

  it('names a missing answers file', async () => {
    root = await exampleCopy();
    const { code, err } = await runCli(['draft', '--answers', 'nope.yaml'], root);
    expect([code, err]).toEqual([2, 'nope.yaml:1:1  This file does not exist. Create it, or run `pledge init` to start from the example.\n']);
  });

  it('asks for --answers when there is no terminal to ask on', async () => {
    root = await exampleCopy();
    const { code, err } = await runCli(['draft'], root);
    expect(code).toBe(2);
    expect(err).toContain('pledge draft asks questions, so it needs an interactive terminal. In scripts and CI, use `pledge draft --answers FILE`.');
  });
});
