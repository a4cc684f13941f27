import { copyFile, link, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { addCodePoints, facesFor, FONT_STACKS, fontFaceCss, parseFontFaces, type FontFace } from '../../core/site/font-faces.ts';

/**
 * The fontsource package of each family in FONT_STACKS and the weights the CSS uses (600-700 all
 * draw with 700). Static fonts, not variable ones: Chromium embeds a variable font in a PDF as
 * Type 3 outlines with no font name, a static one as a named, subset TrueType font.
 */
const STYLESHEETS = [
  ['noto-sans', '400'], ['noto-sans', '700'], ['noto-sans-sc', '400'], ['noto-sans-sc', '700'],
  ['noto-serif', '400'], ['noto-serif', '700'], ['noto-serif-sc', '400'], ['noto-serif-sc', '700'],
  ['noto-sans-mono', '400'],
] as const;

/** Inside each built site: the font files, and the licence they ship under (SIL Open Font License). */
export const FONTS_DIR = '_fonts';

interface PackageFaces {
  dir: string;
  faces: FontFace[];
}

let loaded: Promise<PackageFaces[]> | undefined;

/**
 * Starts reading the faces embedFonts will need (about 0.4 MB of stylesheets to parse), so that a
 * build does it while Astro renders rather than after. A failure is embedFonts' to report.
 */
export function prepareFonts(): void {
  packageFaces().catch(() => undefined);
}

/** Every face of every stylesheet, read once per process. */
function packageFaces(): Promise<PackageFaces[]> {
  const require = createRequire(import.meta.url);
  loaded ??= Promise.all(STYLESHEETS.map(async ([name, weight]) => {
    const dir = path.dirname(require.resolve(`@fontsource/${name}/package.json`));
    return { dir, faces: parseFontFaces(await readFile(path.join(dir, `${weight}.css`), 'utf8')) };
  }));
  return loaded;
}

/**
 * Gives a built site its fonts: copies the font files its text needs into `<site>/_fonts/` and puts
 * their @font-face rules into each page's head, with URLs relative to the page, so the site shows
 * (and prints) with the same fonts wherever it is opened or deployed. With a `store` (`pledge dev`,
 * which builds again and again), each font file is copied there once and linked into each build.
 * `extraText` is text the pages do not hold but that prints with them (the PDFs' header and footer).
 */
export async function embedFonts(siteDir: string, store?: string, extraText = ''): Promise<void> {
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  const html = await Promise.all(pages.map((page) => readFile(path.join(siteDir, page), 'utf8')));
  const codePoints = new Set<number>();
  addCodePoints(extraText, codePoints);
  for (const text of html) addCodePoints(text, codePoints);
  const packages = await packageFaces();
  const all = packages.flatMap((pkg) => pkg.faces);
  const needed = facesFor(all, Object.values(FONT_STACKS), codePoints);
  const fontsDir = path.join(siteDir, FONTS_DIR);
  await mkdir(fontsDir, { recursive: true });
  const place = store ? (from: string, to: string) => linkFromStore(from, to, store) : copyFile;
  await Promise.all([
    ...needed.map((face) => place(path.join(packageOf(packages, face).dir, 'files', face.file), path.join(fontsDir, face.file))),
    place(path.join(packages[0]?.dir ?? '', 'LICENSE'), path.join(fontsDir, 'LICENSE.txt')),
    ...pages.map((page, index) => {
      const fontsUrl = path.relative(path.dirname(path.join(siteDir, page)), fontsDir).split(path.sep).join('/');
      return writeFile(path.join(siteDir, page), withStyle(html[index] ?? '', fontFaceCss(needed, fontsUrl)));
    }),
  ]);
}

/**
 * `to` as a link to the store's copy of `from`, made first if need be (whole, then renamed into place,
 * so that the other site's build never links a half-written one); a copy where links cannot be made.
 */
async function linkFromStore(from: string, to: string, store: string): Promise<void> {
  const kept = path.join(store, path.basename(to));
  try {
    await link(kept, to);
    return;
  } catch {
    // Not in the store yet, or no links on this file system.
  }
  try {
    await mkdir(store, { recursive: true });
    const partial = `${kept}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    await copyFile(from, partial);
    await rename(partial, kept);
    await link(kept, to);
  } catch {
    await copyFile(from, to);
  }
}

function packageOf(packages: PackageFaces[], face: FontFace): PackageFaces {
  const found = packages.find((pkg) => pkg.faces.includes(face));
  if (!found) throw new Error(`No package holds ${face.file}.`);
  return found;
}

/** The page with one more style element, first in its head, before the page's own styles. */
function withStyle(html: string, css: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}<style>${css}</style>${html.slice(at)}`;
}
