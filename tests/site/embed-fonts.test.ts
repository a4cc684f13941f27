import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frameText } from '../../src/adapters/pdf/page-frame.ts';
import { embedFonts } from '../../src/adapters/site/fonts.ts';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The characters the regular Noto Sans SC faces embedFonts gives a page of Latin text cover, with `extraText` printed beside it. */
async function coveredBy(extraText?: string): Promise<(char: string) => boolean> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'pledge-embed-fonts-'));
  made.push(site);
  await writeFile(path.join(site, 'index.html'), '<!doctype html><html lang="zh"><head><title>Overview</title></head><body><p>Latin text only.</p></body></html>');
  await embedFonts(site, undefined, extraText);
  const html = await readFile(path.join(site, 'index.html'), 'utf8');
  const ranges = [...html.matchAll(/@font-face\{font-family: 'Noto Sans SC';[^}]*font-weight: 400; unicode-range: ([^;]*);/g)]
    .flatMap((face) => (face[1] ?? '').split(',').map((range) => range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16))));
  return (char) => ranges.some(([low = 0, high = low]) => (char.codePointAt(0) ?? 0) >= low && (char.codePointAt(0) ?? 0) <= high);
}

describe('embedFonts', () => {
  it('ships the faces of the PDF frame\'s text, which the pages do not hold', async () => {
    const footer = [...'第页共数据截至周期目录年月'];
    expect(footer.filter(await coveredBy())).not.toEqual(footer);
    expect(footer.filter(await coveredBy(frameText('zh')))).toEqual(footer);
  });
});
