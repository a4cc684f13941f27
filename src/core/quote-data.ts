import { showControlCharacters } from './input-error.ts';

/** How many characters of a data value a message quotes, at most. */
export const QUOTE_MAX = 80;

/**
 * A value from a data file, quoted for a one-line message: at most `max` characters of it, then `…` and
 * its full length, so a 200 MB field makes a message of a hundred characters, not of 200 MB. Control
 * characters are shown as escapes (`\u000a`), so the message stays on one line. Every message that
 * quotes data should go through here.
 *
 *   quoteData('A5')              → "A5"
 *   quoteData('x'.repeat(5000))  → "xxx…x…" (5000 characters), 80 x's
 */
export function quoteData(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return `"${showControlCharacters(text)}"`;
  return `"${showControlCharacters(clipAt(text, max))}…" (${text.length} characters)`;
}

/** The first `max` UTF-16 units, one fewer when that would split a surrogate pair (an emoji, a rare CJK character). */
function clipAt(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
