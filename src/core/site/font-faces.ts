/**
 * The sites' fonts, chosen by pledge rather than by the reader's system: the same text renders
 * with the same glyphs on every machine, whatever its locale, and so prints to the same PDF bytes.
 * Each family ships as a fontsource package, split by unicode-range into many small files; a site
 * copies only the files whose range holds a character it uses.
 */

/** One @font-face of a fontsource stylesheet. */
export interface FontFace {
  family: string;
  /** The font file's name inside the package's files/ folder. */
  file: string;
  /** Inclusive code point ranges (shared between faces: see parseUnicodeRange). */
  ranges: ReadonlyArray<readonly [number, number]>;
  /** The rule's declarations other than src, as written by fontsource (style, weight, display, range). */
  declarations: string;
}

/** A CSS font-family list, first choice first; the last, generic entry is never reached for covered text. */
export type FontStack = readonly string[];

/** The families the sites' CSS names (site.css): body text, headings and statement, code. */
export const FONT_STACKS = {
  sans: ['Noto Sans', 'Noto Sans SC'],
  serif: ['Noto Serif', 'Noto Serif SC'],
  mono: ['Noto Sans Mono', 'Noto Sans SC'],
} as const satisfies Record<string, FontStack>;

const FACE = /@font-face\s*{([^}]*)}/g;

/** The @font-face rules of a fontsource stylesheet (one family, one weight, upright). */
export function parseFontFaces(css: string): FontFace[] {
  return [...css.matchAll(FACE)].flatMap(([, body = '']) => {
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const file = /src:\s*url\(\.\/files\/([^)]+)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    if (!family || !file || !range) return [];
    const declarations = body.split(';').map((part) => part.trim()).filter((part) => part && !part.startsWith('src:')).join('; ');
    return [{ family, file, ranges: parseUnicodeRange(range), declarations }];
  });
}

/**
 * `U+0460-052F,U+20B4,U+4??` → [[0x460, 0x52f], [0x20b4, 0x20b4], [0x400, 0x4ff]]. The same text gets
 * the same array: the four CJK stylesheets (sans and serif, two weights) share their hundred range
 * lists of about ninety ranges each, which a build would otherwise parse four times.
 */
export function parseUnicodeRange(text: string): ReadonlyArray<readonly [number, number]> {
  let ranges = parsedRanges.get(text);
  if (!ranges) {
    ranges = [];
    for (const part of text.split(',')) {
      const match = UNICODE_RANGE.exec(part.trim());
      if (!match?.[1]) continue;
      const low = parseInt(match[1].replace(/\?/g, '0'), 16);
      const high = parseInt(match[2] ?? match[1].replace(/\?/g, 'f'), 16);
      ranges.push([low, high]);
    }
    parsedRanges.set(text, ranges);
  }
  return ranges;
}

const UNICODE_RANGE = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i;
const parsedRanges = new Map<string, Array<readonly [number, number]>>();

/** Whether any of the sorted code points lies in one of the face's ranges: a binary search per range. */
function coversAny(face: FontFace, sorted: readonly number[]): boolean {
  return face.ranges.some(([low, high]) => {
    let start = 0;
    let end = sorted.length;
    while (start < end) {
      const middle = (start + end) >>> 1;
      if ((sorted[middle] ?? 0) < low) start = middle + 1;
      else end = middle;
    }
    return start < sorted.length && (sorted[start] ?? 0) <= high;
  });
}

/**
 * The faces a site needs: those of the stacks' families whose range holds a character of the site.
 * Not only the first family's: a range is what a file may cover, not what it holds (Noto Sans's
 * "latin" range names U+2191 ↑, which only Noto Sans SC draws), and a character that no file
 * draws would fall through to the system's fonts. In the order of `faces`, each once.
 * (Noto Sans SC alone has about a hundred faces of a hundred ranges each: checking every character
 * against every range took a quarter of a second per site.)
 */
export function facesFor(faces: readonly FontFace[], stacks: readonly FontStack[], codePoints: ReadonlySet<number>): FontFace[] {
  const families = new Set(stacks.flat());
  const sorted = [...codePoints].sort((a, b) => a - b);
  return faces.filter((face) => families.has(face.family) && coversAny(face, sorted));
}

/** The @font-face rules for a page whose font files sit at `fontsUrl` (relative to the page). */
export function fontFaceCss(faces: readonly FontFace[], fontsUrl: string): string {
  return faces.map((face) => `@font-face{${face.declarations};src:url(${fontsUrl}/${face.file}) format('woff2')}`).join('');
}

/** Runs of printable ASCII and line breaks: the bulk of any page. */
const ASCII_RUNS = /[\t\n\r -~]+/g;

/**
 * Every code point of a text (a built page: its markup too), plus all of printable ASCII, which every
 * page uses anyway. Dropping the ASCII runs first leaves a short string to walk: walking all 3 MB
 * of the example's pages character by character took most of a second.
 */
export function addCodePoints(text: string, into: Set<number>): void {
  for (let codePoint = 0x20; codePoint < 0x7f; codePoint += 1) into.add(codePoint);
  for (const char of text.replace(ASCII_RUNS, '')) into.add(char.codePointAt(0) ?? 0);
}
