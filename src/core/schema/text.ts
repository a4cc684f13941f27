import { z } from 'zod';

// Messages use "message | hint": validate.ts splits them so every error carries its fix.
const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>|<\s*script|javascript:/i;

/** Plain, non-empty text: no HTML, because every text is escaped on the pages and HTML would show as code. */
export const plainText = z
  .string()
  .trim()
  .min(1, 'this text is empty. | Write the text, or remove the key if it is optional.')
  .refine((text) => !HTML_TAG.test(text),
    'HTML or script is not allowed in text fields. | Write plain text; pledge escapes and formats it for you.');

/**
 * A link the pages may put in an href: https:, http:, mailto: or tel: only, written in full. No
 * site-relative or protocol-relative form (`/x`, `//evil.example`, `/\\evil.example`: browsers open
 * the last two on another site), no spaces, backslashes or control characters.
 */
export const url = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const problem = urlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const URL_HINT = 'Use an address starting with https://, http://, mailto: or tel:, e.g. https://example.com/contact.';

function urlProblem(text: string): string | undefined {
  const site = /^[/\\]{2,}(.*)$/.exec(text)?.[1];
  if (site !== undefined) {
    return `this address has no scheme, so browsers open whatever site follows the slashes. | Write it in full with its scheme: https://${site.replace(/\\/g, '/') || 'example.com/contact'}.`;
  }
  if (/^[/\\]/.test(text)) return `this is a path, not a full address: the page may be served from another site than the one you mean. | ${URL_HINT}`;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\s\\\u0000-\u001f\u007f]/.test(text)) return `this address contains a space, a backslash or a control character. | ${URL_HINT}`;
  if (/^mailto:[^@]+@.+|^tel:\+?[0-9][0-9().-]*$/i.test(text)) return undefined;
  if (/^https?:\/\/[^/?#]/i.test(text) && URL.canParse(text)) return undefined;
  return `this is not a web address pledge can link to. | ${URL_HINT}`;
}

/**
 * The address a site is published at (content/site.yaml `url`): the links rules above, and then
 * stricter, because search engines and link previews take it as the page's one true address: https
 * only, a host with a dot, no user name, password, query or fragment. Given with a trailing slash,
 * so that a file name resolves beside the page (`new URL('logo.svg', url)`).
 */
export const siteUrl = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const problem = urlProblem(text) ?? siteUrlProblem(text);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const address = new URL(text);
    if (!address.pathname.endsWith('/')) address.pathname += '/';
    return address.href;
  });

const SITE_URL_HINT = 'Write the address the public page is served at, e.g. https://example.com/promise/.';

function siteUrlProblem(text: string): string | undefined {
  const address = new URL(text);
  if (address.protocol !== 'https:') return `the site's address must start with https://. | ${SITE_URL_HINT}`;
  if (address.username || address.password) return `this address carries a user name or password, which would be published. | ${SITE_URL_HINT}`;
  if (address.search || address.hash || text.includes('?') || text.includes('#')) return `the site's address has a query (?) or a fragment (#). | ${SITE_URL_HINT}`;
  if (!address.hostname.includes('.') || address.hostname.endsWith('.')) return `"${address.hostname}" is not a public host name. | ${SITE_URL_HINT}`;
  if (/\.html?$/i.test(address.pathname)) return `this is the address of a page, not of the site. | ${SITE_URL_HINT}`;
  return undefined;
}

/** A language pledge has templates and word lists for. */
export const LANGUAGES = ['en', 'pt', 'zh'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

export const PERIODS = ['week', 'month', 'quarter'] as const;
export const period = z.enum(PERIODS);
export type Period = z.infer<typeof period>;

/** An ISO date (YYYY-MM-DD) that exists in the calendar. */
export const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'this is not a valid date. | Write the date as YYYY-MM-DD, for example 2026-12-31.');
