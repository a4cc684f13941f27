import { z } from 'zod';
import { plainText, siteUrl } from '../schema/text.ts';
import { brandColorProblem, describeBrandColorProblem } from './brand.ts';
import { parseHexColor, toHex } from './color.ts';

/** Search engines show about this much of a description; a longer one is cut where they choose. */
export const MAX_DESCRIPTION = 160;

/**
 * `#rrggbb` or `#rgb`, in quotes (unquoted, YAML reads `#` as a comment and the value as empty), that
 * reads as link text on the page (WCAG AA); given back as lower-case `#rrggbb`.
 */
const brandColor = z.unknown().transform((value, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (value === null) {
    return fail('this is empty: in YAML an unquoted # starts a comment, so the colour was read as nothing. | Put it in quotes: color: "#1f5f8b".');
  }
  const color = typeof value === 'string' ? parseHexColor(value.trim()) : undefined;
  if (!color) return fail('this is not a colour pledge can use. | Write it as "#rrggbb" or "#rgb", in quotes, e.g. color: "#1f5f8b".');
  const hex = toHex(color);
  const problem = brandColorProblem(hex);
  return problem ? fail(describeBrandColorProblem(hex, problem)) : hex;
}).meta({
  // For editors (schemas/site.schema.json): the transform takes anything, so as to word each mistake itself.
  type: 'string', pattern: '^\\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\s*$', description: 'The brand colour, "#rrggbb" or "#rgb", in quotes.',
});

/** A file inside content/, relative to it (`brand/logo.svg`); the adapter checks where it leads and what it is. */
const imageFile = z.string().trim().min(1, 'this path is empty. | Write the file\'s path relative to content/, e.g. brand/logo.svg, or remove the key.');

/**
 * content/site.yaml (optional): the site's own facts (its address, description and brand), and how
 * the sites publish what pledge computed. The defaults are the design's: the public page shows
 * `at-risk` as kept, because the margin (internal_target) is internal.
 */
export const siteConfigSchema = z.strictObject({
  /** Where the public page is published: its canonical link, og:url, and the absolute address of og:image. */
  url: siteUrl.meta({
    // For editors (schemas/site.schema.json), the form siteUrlProblem checks in full.
    type: 'string', format: 'uri', pattern: '^\\s*https://[^\\s?#@/]+\\.[^\\s?#@/]*[^\\s?#@/.](/[^\\s?#]*)?\\s*$',
    description: 'Where the public page is published, https://, e.g. https://example.com/promise/.',
  }).optional(),
  /** For search results and link previews; the first sentence of the statement when absent. */
  description: plainText.superRefine((text, ctx) => {
    const length = [...text].length;
    if (length > MAX_DESCRIPTION) {
      ctx.addIssue({ code: 'custom', message: `this description is ${length} characters, more than the ${MAX_DESCRIPTION} search results show. | Shorten it to one sentence of at most ${MAX_DESCRIPTION} characters.` });
    }
  }).meta({ maxLength: MAX_DESCRIPTION, description: `For search results and link previews: one sentence of at most ${MAX_DESCRIPTION} characters.` }).optional(),
  brand: z.strictObject({
    /** The accent of both sites and the PDFs: links, buttons, the focus ring. */
    color: brandColor.optional(),
    /** Shown in the public page's masthead instead of the company's name in text (which becomes its alt text). */
    logo: imageFile.optional(),
    favicon: imageFile.optional(),
  }).optional(),
  public: z.strictObject({
    /** Show "At risk" on the public page when the public target is met but the internal one is not. */
    show_at_risk: z.boolean().default(false),
  }).default({ show_at_risk: false }),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const DEFAULT_SITE_CONFIG: SiteConfig = siteConfigSchema.parse({});

/** An image of site.yaml as it is published: its file name in the site's folder, and its media type. */
export interface PublishedImage {
  file: string;
  mediaType: string;
}

/** The logo and favicon the build copies next to the pages, by the names the pages link them with. */
export interface SiteImages {
  logo?: PublishedImage;
  favicon?: PublishedImage;
}
