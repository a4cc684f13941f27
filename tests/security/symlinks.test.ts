import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/adapters/project.ts';
import { renderReports } from '../../src/adapters/site/steps.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { pledge, sandbox, SECRET, type Sandbox } from './helpers.ts';

const OUTSIDE = 'This path leads outside the project: it is a link to';
const FIX = 'pledge reads only files inside content/ (links are fine when they stay inside). Copy the file into the project instead of linking to it.';

let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.remove(); });

const content = (...parts: string[]) => path.join(box.root, 'content', ...parts);

/** Replaces a file or folder of the project with a symbolic link to `target`. */
async function link(target: string, ...at: string[]): Promise<void> {
  await rm(content(...at), { recursive: true, force: true });
  await mkdir(path.dirname(content(...at)), { recursive: true });
  await symlink(target, content(...at));
}

/** Every way an input can be a link that leads out: [what, make it, place of the error, where it leads]. */
const ESCAPES: Array<[string, (box: Sandbox) => Promise<void>, string, (box: Sandbox) => string]> = [
  ['a template linked to /etc/passwd', () => link('/etc/passwd', 'templates', 'en', 'statement.hbs'), 'content/templates/en/statement.hbs:1:1', () => '/etc/passwd'],
  ['a template linked outside', ({ outside }) => link(path.join(outside, 'secret.md'), 'templates', 'en', 'intro', 'delivery.hbs'),
    'content/templates/en/intro/delivery.hbs:1:1', ({ outside }) => path.join(outside, 'secret.md')],
  ['a template folder linked outside', ({ outside }) => link(path.join(outside, 'en'), 'templates', 'en'),
    'content/templates/en:1:1', ({ outside }) => path.join(outside, 'en')],
  ['the templates folder linked outside', ({ outside }) => link(outside, 'templates'), 'content/templates:1:1', ({ outside }) => outside],
  ['the templates folder linked to /', () => link('/', 'templates'), 'content/templates:1:1', () => '/'],
  ['a data file linked to /etc/passwd', () => link('/etc/passwd', 'data', 'orders.csv'), 'content/kpis.yaml:5:13', () => '/etc/passwd'],
  ['a data file linked outside by a relative link', () => link('../../../outside/secret.csv', 'data', 'orders.csv'),
    'content/kpis.yaml:5:13', ({ outside }) => path.join(outside, 'secret.csv')],
  ['a data file linked through a link inside', async ({ outside }) => {
    await link(path.join(outside, 'secret.csv'), 'data', 'alias.csv');
    await link('alias.csv', 'data', 'orders.csv');
  }, 'content/kpis.yaml:5:13', ({ outside }) => path.join(outside, 'secret.csv')],
  ['the data folder linked outside', ({ outside }) => link(path.join(outside, 'data'), 'data'),
    'content/kpis.yaml:5:13', ({ outside }) => path.join(outside, 'data', 'orders.csv')],
  ['promise.yaml linked outside', ({ outside }) => link(path.join(outside, 'secret.yaml'), 'promise.yaml'),
    'content/promise.yaml:1:1', ({ outside }) => path.join(outside, 'secret.yaml')],
  ['kpis.yaml linked outside', ({ outside }) => link(path.join(outside, 'secret.yaml'), 'kpis.yaml'),
    'content/kpis.yaml:1:1', ({ outside }) => path.join(outside, 'secret.yaml')],
  ['rules.yaml linked outside', ({ outside }) => link(path.join(outside, 'secret.yaml'), 'rules.yaml'),
    'content/rules.yaml:1:1', ({ outside }) => path.join(outside, 'secret.yaml')],
  ['site.yaml linked outside', ({ outside }) => link(path.join(outside, 'secret.yaml'), 'site.yaml'),
    'content/site.yaml:1:1', ({ outside }) => path.join(outside, 'secret.yaml')],
  ['the logo linked to /etc/passwd', async () => {
    await writeFile(content('site.yaml'), 'brand:\n  logo: brand/logo.png\n');
    await link('/etc/passwd', 'brand', 'logo.png');
  }, 'content/site.yaml:2:9', () => '/etc/passwd'],
  ['the favicon linked outside by a relative link', async () => {
    await writeFile(content('site.yaml'), 'brand:\n  favicon: favicon.ico\n');
    await link('../../outside/secret.csv', 'favicon.ico');
  }, 'content/site.yaml:2:12', ({ outside }) => path.join(outside, 'secret.csv')],
];

describe('inputs that are links out of the project', () => {
  it.each(ESCAPES)('%s: pledge check refuses it, located, exit 2, and never shows the file', async (_, make, place, target) => {
    await make(box);
    const run = await pledge(box.root, 'check');
    expect(run.err).toBe(`${place}  ${OUTSIDE} ${target(box)}. ${FIX}\n`);
    expect(run.code).toBe(2);
    expect(run.out + run.err).not.toContain(SECRET);
    expect(run.out + run.err).not.toContain('root:x:0:0');
  });

  it('a content folder that is itself a link out of the project is refused', async () => {
    await rename(path.join(box.root, 'content'), path.join(box.outside, 'content'));
    await symlink(path.join(box.outside, 'content'), path.join(box.root, 'content'));
    const run = await pledge(box.root, 'check');
    expect(run.err).toBe(`content/promise.yaml:1:1  The content folder is a link to ${path.join(box.outside, 'content')}, outside the project. Make content/ a real folder of the project (pledge reads no input from outside it).\n`);
    expect(run.code).toBe(2);
  });

  it('a report linked outside, or the reports folder, is refused when reports are read', async () => {
    const project = await loadProject(box.root, box.root);
    const noData = { dataDate: null, kpis: [], commitments: [] };
    await link(path.join(box.outside, 'secret.md'), 'reports', '2026-05-review.md');
    await expect(renderReports(project, noData, box.root).catch(formatted)).resolves
      .toBe(`content/reports/2026-05-review.md:1:1  ${OUTSIDE} ${path.join(box.outside, 'secret.md')}. ${FIX}`);
    await link(box.outside, 'reports');
    await expect(renderReports(project, noData, box.root).catch(formatted)).resolves
      .toBe(`content/reports:1:1  ${OUTSIDE} ${box.outside}. ${FIX}`);
  });

  it('a dangling link is a missing file and a loop of links is named, neither with a stack trace', async () => {
    await link(path.join(box.outside, 'gone.csv'), 'data', 'orders.csv');
    let run = await pledge(box.root, 'check');
    expect(run.err).toBe('content/kpis.yaml:5:13  KPI "on_time" reads data/orders.csv, but content/data/orders.csv does not exist. Put the data file there (paths are relative to content/), or fix the path in source.\n');
    expect(run.code).toBe(2);
    await link('orders.csv', 'data', 'orders.csv');
    run = await pledge(box.root, 'check');
    expect(run.err).toBe('content/kpis.yaml:5:13  This path is a link that leads back to itself. Replace the link with the file it should point to.\n');
    expect(run.code).toBe(2);
  });
});

describe('pledge draft with promise.yaml linked outside', () => {
  it('neither backs up (copies in) nor replaces the outside file: exit 2 before writing', async () => {
    const answers = await readFile(content('promise.yaml'), 'utf8');
    await writeFile(path.join(box.root, 'answers.yaml'), answers);
    await link(path.join(box.outside, 'secret.yaml'), 'promise.yaml');
    const run = await pledge(box.root, 'draft', '--answers', 'answers.yaml');
    expect(run.err).toBe(`content/promise.yaml:1:1  ${OUTSIDE} ${path.join(box.outside, 'secret.yaml')}. ${FIX}\n`);
    expect(run.code).toBe(2);
    await expect(readFile(content('promise.yaml.bak'))).rejects.toThrow('ENOENT');
    expect(await readFile(path.join(box.outside, 'secret.yaml'), 'utf8')).toBe(`${SECRET}\nsecond line\n`);
  });
});

describe('links that stay inside the project', () => {
  it('are read like the files they point to', async () => {
    const before = await pledge(box.root, 'kpi', '--format', 'csv');
    await rename(content('data', 'orders.csv'), content('archive-orders.csv'));
    await symlink('../archive-orders.csv', content('data', 'orders.csv'));
    await mkdir(content('shared'));
    await writeFile(content('shared', 'intro.hbs'), 'Linked intro for {{audience}}.');
    await link('../../../shared/intro.hbs', 'templates', 'en', 'intro', 'delivery.hbs');
    await symlink('..', content('templates', 'en', 'intro', 'loop')); // a folder link back up: listed once, not forever
    const after = await pledge(box.root, 'kpi', '--format', 'csv');
    expect(after).toEqual(before);
    expect(after.code).toBe(0);
    const check = await pledge(box.root, 'check');
    expect(check.out).toContain('Linked intro for home cooks.');
    expect(check.code).toBe(0);
  });
});

describe('the build with a template linked to /etc/passwd', () => {
  it('stops with exit 2 and leaves the previous dist/ as it was, with nothing of the file in it', async () => {
    await mkdir(path.join(box.root, 'dist', 'public'), { recursive: true });
    await writeFile(path.join(box.root, 'dist', 'public', 'index.html'), 'previous build');
    await link('/etc/passwd', 'templates', 'en', 'statement.hbs');
    const run = await pledge(box.root, 'build');
    expect(run.err).toBe(`content/templates/en/statement.hbs:1:1  ${OUTSIDE} /etc/passwd. ${FIX}\n`);
    expect(run.code).toBe(2);
    expect(await readFile(path.join(box.root, 'dist', 'public', 'index.html'), 'utf8')).toBe('previous build');
  }, 60_000);
});

function formatted(error: unknown): string {
  const errors = inputErrorsOf(error);
  if (!errors) throw error;
  return errors.map(formatInputError).join('\n');
}
