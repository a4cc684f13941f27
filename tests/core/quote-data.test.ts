import { describe, expect, it } from 'vitest';
import { quoteData } from '../../src/core/quote-data.ts';

describe('quoteData', () => {
  it('quotes a short value as it is', () => {
    expect(quoteData('A5')).toBe('"A5"');
    expect(quoteData('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
  });

  it('clips a long value to 80 characters and says how long it was', () => {
    expect(quoteData('x'.repeat(5_000_000))).toBe(`"${'x'.repeat(80)}…" (5000000 characters)`);
    expect(quoteData('abcdef', 3)).toBe('"abc…" (6 characters)');
  });

  it('keeps the message on one line and never splits an emoji in two', () => {
    expect(quoteData('a\nb\tc')).toBe('"a\\u000ab\\u0009c"');
    expect(quoteData('ab😀cd', 3)).toBe('"ab…" (6 characters)');
  });
});
