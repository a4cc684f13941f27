import { execFileSync } from 'node:child_process';

/** Reads PDFs the way a person would, through poppler-utils (installed by .ci/run). */
/** `layout` keeps columns side by side (lines as printed); reading order is better for prose in columns. */
export function pdfText(file: string, page?: number, order: 'layout' | 'reading' = 'layout'): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, ...(order === 'layout' ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const output = execFileSync('pdfinfo', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return Object.fromEntries(output.split('\n').filter((line) => line.includes(':'))
    .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

export function pageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** Raster images in the PDF (`pdfimages -list` rows); SVG charts must add none. */
export function imageCount(file: string): number {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
  return lines.length - 2;
}

export function renderPng(file: string, page: number, prefix: string): void {
  execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
}

/**
 * How far down the page its body text reaches, as a share of the page height (0 to 1): the lowest
 * word between the running header and footer, which sit in the top and bottom `marginPt`.
 */
export function bodyDepth(file: string, page: number, marginPt: { top: number; bottom: number }): number {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xml)?.[1]);
  const bottoms = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .filter((word) => Number(word[1]) > marginPt.top && Number(word[2]) < height - marginPt.bottom)
    .map((word) => Number(word[2]));
  return bottoms.length ? Math.max(...bottoms) / height : 0;
}

/** Each font of the PDF (`pdffonts` rows): its name without the subset tag, and whether it is embedded. */
export function pdfFonts(file: string): Array<{ name: string; embedded: boolean }> {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.map((row) => {
    const cells = row.trim().split(/\s+/);
    return { name: (cells[0] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded: cells.at(-5) === 'yes' };
  });
}
