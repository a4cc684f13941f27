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
