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

export const url = z
  .string()
  .trim()
  .refine((text) => /^(https?:\/\/|mailto:|tel:|\/)/i.test(text),
    'this is not a web address pledge can link to. | Use an address starting with https://, mailto:, tel: or /.');

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
