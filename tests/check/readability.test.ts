import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/adapters/check-project.ts';
import { portugueseSyllables, readability } from '../../src/core/check/readability.ts';

const lexicons = await loadLexicons();

describe('readability', () => {
  it('en: Flesch reading ease, 206.835 − 1.015·words/sentences − 84.6·syllables/words', () => {
    // 1 sentence, 6 words, 6 syllables: 206.835 − 6.09 − 84.6 = 116.145.
    expect(readability('The cat sat on the mat.', lexicons.en!)).toEqual({ score: 116.1, better: 'higher', measure: 'flesch' });
    // 2 sentences, 5 words, 12 syllables (com·pre·hen·sive 4, or·gan·i·za·tion 5, it, is, fine):
    // 206.835 − 1.015·2.5 − 84.6·2.4 = 1.2575.
    expect(readability('Comprehensive organization. It is fine.', lexicons.en!).score).toBe(1.3);
  });

  it('pt: Flesch adapted by Martins et al., the English formula plus 42', () => {
    // 1 sentence, 3 words, 5 syllables (o, ga·to, co·meu): 248.835 − 3.045 − 141 = 104.79.
    expect(readability('O gato comeu.', lexicons.pt!)).toEqual({ score: 104.8, better: 'higher', measure: 'flesch-pt' });
  });

  it('zh: characters per sentence', () => {
    // 6 + 3 characters in 2 sentences.
    expect(readability('我们准时送达。您放心。', lexicons.zh!)).toEqual({ score: 4.5, better: 'lower', measure: 'characters-per-sentence' });
  });

  it.each([
    ['casa', 2], ['não', 1], ['você', 2], ['dia', 2], ['reais', 2], ['qualidade', 4], ['saúde', 3], ['compromisso', 4], ['pães', 1],
  ])('counts the Portuguese syllables of "%s" as %i', (word, count) => {
    expect(portugueseSyllables(word)).toBe(count);
  });
});
