import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { loadSiteConfig } from '../../src/adapters/site/steps.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { HOSTILE_SVG, ICO, PLAIN_SVG, PNG } from './brand-fixtures.ts';
import { copyExample, FIXED_EPOCH, removeDir } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeDir)));

async function projectWithSiteYaml(text: string | null): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pledge-site-config-'));
  dirs.push(root);
  await mkdir(path.join(root, 'content'));
  if (text !== null) await writeFile(path.join(root, 'content', 'site.yaml'), text);
  return root;
}

async function errorsOf(text: string): Promise<string[] | undefined> {
  const root = await projectWithSiteYaml(text);
  const error = await loadSiteConfig(root, root).catch((caught: unknown) => caught);
  return inputErrorsOf(error)?.map(formatInputError);
}

describe('content/site.yaml', () => {
  it('is optional: without it at-risk is published as kept', async () => {
    expect(await loadSiteConfig(await projectWithSiteYaml(null))).toEqual({ config: { public: { show_at_risk: false } }, images: {}, files: [] });
    expect((await loadSiteConfig(await projectWithSiteYaml('public:\n  show_at_risk: true\n'))).config).toEqual({ public: { show_at_risk: true } });
  });

  it('names the file, line and column of an unknown key or a wrong type', async () => {
    expect(await errorsOf('# how the sites publish\npublic:\n  show_at_risks: true\n')).toEqual([
      'content/site.yaml:3:3  Unknown key "show_at_risks" in public. Did you mean "show_at_risk"?']);
    expect((await errorsOf('public:\n  show_at_risk: sometimes\n'))?.[0]).toMatch(/^content\/site\.yaml:2:17 {2}public\.show_at_risk: /);
  });
});

/** A project whose site.yaml names `brand` images, with `files` (under content/) written first. */
async function withImages(brand: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = await projectWithSiteYaml(`# the brand\nbrand:\n${brand}`);
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'content', name)), { recursive: true });
    await writeFile(path.join(root, 'content', name), bytes);
  }
  return root;
}

async function imageErrors(brand: string, files: Record<string, string | Buffer> = {}): Promise<string[] | undefined> {
  const root = await withImages(brand, files);
  return inputErrorsOf(await loadSiteConfig(root, root).catch((caught: unknown) => caught))?.map(formatInputError);
}

describe('site.yaml logo and favicon', () => {
  it('are read, and named for publishing by their kind and a hash of their bytes', async () => {
    const root = await withImages('  logo: brand/logo.svg\n  favicon: brand/icon.ico\n', { 'brand/logo.svg': PLAIN_SVG, 'brand/icon.ico': ICO });
    const site = await loadSiteConfig(root, root);
    const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    expect(site.images).toEqual({
      logo: { file: `logo-${sha(PLAIN_SVG)}.svg`, mediaType: 'image/svg+xml' },
      favicon: { file: `favicon-${sha(ICO)}.ico`, mediaType: 'image/x-icon' },
    });
    expect(site.files.map((f) => [f.role, f.name, Buffer.from(f.bytes).equals(Buffer.from(f.role === 'logo' ? PLAIN_SVG : ICO))]))
      .toEqual([['logo', site.images.logo!.file, true], ['favicon', site.images.favicon!.file, true]]);
  });

  it('must exist, be a file, be small, and be an image of an allowed kind with a name to match', async () => {
    const place = 'content/site.yaml:3:9';
    expect(await imageErrors('  logo: brand/logo.svg\n  favicon: brand/icon.png\n')).toEqual([
      `${place}  brand.logo: content/brand/logo.svg does not exist. Put the image in content/ and write its path relative to content/, e.g. brand/logo.svg.`,
      'content/site.yaml:4:12  brand.favicon: content/brand/icon.png does not exist. Put the image in content/ and write its path relative to content/, e.g. brand/logo.svg.',
    ]);
    expect(await imageErrors('  logo: brand\n', { 'brand/x.png': PNG })).toEqual([`${place}  brand.logo: content/brand is a folder, not an image. Write the path of the image file itself.`]);
    expect(await imageErrors('  logo: logo.png\n', { 'logo.png': Buffer.concat([PNG, Buffer.alloc(512 * 1024)]) })).toEqual([
      `${place}  brand.logo: content/logo.png is 513 KB, more than the 512 KB a logo may be. Export it smaller (an SVG, or a PNG of a few hundred pixels).`]);
    expect(await imageErrors('  logo: logo.gif\n', { 'logo.gif': Buffer.from('GIF89a') })).toEqual([
      `${place}  brand.logo: content/logo.gif is not an image pledge can read, and a logo must be svg, png, webp, jpg. Save the logo as svg, png, webp, jpg.`]);
    expect(await imageErrors('  logo: logo.ico\n', { 'logo.ico': ICO })).toEqual([
      `${place}  brand.logo: content/logo.ico is an ICO icon, and a logo must be svg, png, webp, jpg. Save the logo as svg, png, webp, jpg.`]);
    expect(await imageErrors('  logo: logo.png\n', { 'logo.png': PLAIN_SVG })).toEqual([
      `${place}  brand.logo: content/logo.png is an SVG image, but its name ends in ".png". Rename it to end in .svg, so browsers are told what it is.`]);
  });

  it('refuses an SVG that could run script, and says why', async () => {
    expect(await imageErrors('  logo: logo.svg\n', { 'logo.svg': HOSTILE_SVG })).toEqual([
      'content/site.yaml:3:9  brand.logo: content/logo.svg contains a <script>, so it is not published: an SVG opened at its own address runs on the site. Export it again as a plain drawing (no scripts, event handlers, embedded HTML or outside links), or use a PNG.']);
  });

  it('must be inside content/: a path out of it is refused before anything is read', async () => {
    expect(await imageErrors('  logo: ../../../etc/passwd\n')).toEqual([
      'content/site.yaml:3:9  /etc/passwd is outside the project\'s content folder. Put the file inside content/.']);
    expect(await imageErrors('  favicon: /etc/passwd\n')).toEqual([
      'content/site.yaml:3:12  /etc/passwd is outside the project\'s content folder. Put the file inside content/.']);
  });
});

describe('pledge build with show_at_risk: true', () => {
  it('shows "At risk" on the public page and in its open data', async () => {
    const root = await copyExample();
    dirs.push(root);
    await writeFile(path.join(root, 'content', 'site.yaml'), 'public:\n  show_at_risk: true\n');
    expect((await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } })).status).toBe('built');
    const subset = JSON.parse(await readFile(path.join(root, 'dist', 'public', 'pledge.json'), 'utf8')) as
      { commitments: Array<{ id: string; latest: { status: string } }> };
    // The example's latest on-time delivery (95.8%) meets the public 95% but not the internal 97%.
    expect(subset.commitments.map((c) => [c.id, c.latest.status])).toEqual([
      ['on-time-delivery', 'at-risk'], ['quick-replies', 'at-risk'], ['happy-cooks', 'kept']]);
    const page = await readFile(path.join(root, 'dist', 'public', 'index.html'), 'utf8');
    expect(page).toContain('At risk');
  }, 240_000);
});
