import { sentences } from '../check/text.ts';
import type { Language } from '../schema/text.ts';
import { brandColors, brandStyle } from './brand.ts';
import { MAX_DESCRIPTION, type SiteConfig, type SiteImages } from './config.ts';
import { LOCALES } from './strings.ts';

/** content/site.yaml and the images the build publishes from it, as the views take them. */
export interface SiteFacts {
  config?: SiteConfig;
  images?: SiteImages;
}

/** What a page's `<head>` says about it beyond its title, and the brand it is drawn in. */
export interface PageHead {
  /** meta description and og:description. */
  description: string | null;
  /** `<link rel=canonical>` and og:url; null without a `url` in site.yaml, so never a wrong one. */
  canonical: string | null;
  /** og:locale, `en_GB`. */
  locale: string;
  /** og:image: the logo's absolute address, so only with a `url` and a raster logo (PNG, JPEG, WebP). */
  image: string | null;
  favicon: { href: string; type: string } | null;
  /** The brand colour's custom properties, for `<html style>`; null keeps the sites' own accent. */
  brandStyle: string | null;
}

/** What link previews show: social sites and chat apps ignore an SVG og:image, or show a blank box. */
const PREVIEW_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * The public page's head. Files are linked relative to the page (it sits at the site's root), so the
 * site works under any path; og:image must be absolute, hence only with a `url`.
 */
export function publicHead(site: SiteFacts, language: Language, description: string): PageHead {
  const url = site.config?.url ?? null;
  const logo = site.images?.logo;
  const preview = url && logo && PREVIEW_TYPES.has(logo.mediaType) ? new URL(logo.file, url).href : null;
  return { ...sharedHead(site, language), description, canonical: url, image: preview };
}

/** An internal page's head: no description, canonical or preview (it is not for search engines). */
export function internalHead(site: SiteFacts, language: Language): PageHead {
  return { ...sharedHead(site, language), description: null, canonical: null, image: null };
}

function sharedHead(site: SiteFacts, language: Language): Pick<PageHead, 'locale' | 'favicon' | 'brandStyle'> {
  const favicon = site.images?.favicon;
  const color = site.config?.brand?.color;
  return {
    locale: LOCALES[language].replace('-', '_'),
    favicon: favicon ? { href: favicon.file, type: favicon.mediaType } : null,
    brandStyle: color ? brandStyle(brandColors(color)) : null,
  };
}

/**
 * The public page's description: site.yaml's, else the statement's first sentence, cut at a word
 * boundary to at most 160 characters, with an ellipsis when cut.
 */
export function pageDescription(site: SiteFacts, statement: string, language: Language): string {
  return site.config?.description ?? clipToWords(sentences(statement)[0]?.text ?? statement, MAX_DESCRIPTION, language);
}

/** `text` if it fits in `limit` characters; else its longest run of whole words that fits with "…" after it. */
export function clipToWords(text: string, limit: number, language: Language): string {
  if ([...text].length <= limit) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter(LOCALES[language], { granularity: 'word' }).segment(text)) {
    if ([...kept].length + [...segment].length + 1 > limit) break;
    kept += segment;
  }
  // Not after a space or a comma: "we deliver, …" reads as if something were missing.
  return `${kept.replace(/[\s\p{P}]+$/u, '')}…`;
}
