import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pledge, sandbox, SECRET, type Sandbox } from './helpers.ts';

// `pledge check --scan` reads files the user names by pattern: they must stay inside the project, as
// every other input does. The outside folder's files all start with SECRET; no output may show it.
const FIX = 'pledge reads only files inside the project (links are fine when they stay inside). Copy the file into the project instead of linking to it.';

let box: Sandbox;
beforeEach(async () => {
  box = await sandbox();
  await mkdir(path.join(box.root, 'site'), { recursive: true });
  await writeFile(path.join(box.root, 'site', 'index.md'), 'We reply within 4 hours.\n');
});
afterEach(async () => { await box.remove(); });

async function expectRefused(argv: string[], firstLine: string): Promise<void> {
  const run = await pledge(box.root, 'check', ...argv);
  expect(run.err.split('\n')[0]).toBe(firstLine);
  expect(run.code).toBe(2);
  expect(run.out + run.err).not.toContain(SECRET);
  expect(run.out).toBe('');
}

describe('pledge check --scan stays inside the project', { timeout: 60_000 }, () => {
  it('a scanned file that is a link out is refused, located, never read', async () => {
    await symlink(path.join(box.outside, 'secret.md'), path.join(box.root, 'site', 'about.md'));
    await expectRefused(['--scan', 'site/*.md'],
      `site/about.md:1:1  This path leads outside the project: it is a link to ${path.join(box.outside, 'secret.md')}. ${FIX}`);
  });

  it('a folder that is a link out is refused before anything under it is listed', async () => {
    await symlink(box.outside, path.join(box.root, 'site', 'vendor'));
    await expectRefused(['--scan', 'site/**/*.md'], `site/vendor:1:1  This path leads outside the project: it is a link to ${box.outside}. ${FIX}`);
  });

  it('a link to / is refused at once', async () => {
    await symlink('/', path.join(box.root, 'site', 'root'));
    await expectRefused(['--scan', 'site/**/*.txt'], `site/root:1:1  This path leads outside the project: it is a link to /. ${FIX}`);
  });

  it('a pattern that climbs out with ../ is a usage error, and nothing is read', async () => {
    await expectRefused(['--scan', '../outside/*.md'], 'pledge: --scan "../outside/*.md" leaves the project folder ("..").');
    await expectRefused(['--scan', 'site/../../outside/**'], 'pledge: --scan "site/../../outside/**" leaves the project folder ("..").');
  });

  it('an absolute pattern is a usage error', async () => {
    await expectRefused(['--scan', `${box.outside}/*.md`], `pledge: --scan "${box.outside}/*.md" is an absolute path; patterns are relative to the project folder.`);
  });

  it('a link that stays inside the project is read', async () => {
    await symlink(path.join(box.root, 'site', 'index.md'), path.join(box.root, 'site', 'alias.md'));
    const run = await pledge(box.root, 'check', '--scan', 'site/*.md');
    expect(run.code).toBe(0);
  });
});
