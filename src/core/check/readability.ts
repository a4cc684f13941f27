import { flesch } from 'flesch';
import { syllable } from 'syllable';
import type { Lexicon } from './lexicon.ts';
import type { Measure } from './messages.ts';
import { lengthOf, sentences, words } from './text.ts';

/** A readability figure and which way is better, so hard-to-read can compare it with the limit. */
export interface Readability {
  score: number;
  /** en, pt: a reading-ease score, higher is easier. zh: characters per sentence, lower is easier. */
  better: 'higher' | 'lower';
  measure: Measure;
}

/**
 * en: Flesch reading ease (1948), syllables counted by the `syllable` package.
 * pt: Flesch adapted to Portuguese by Martins et al. (1996): the English score plus 42, because
 *     Portuguese words have more syllables for the same difficulty (248.835 − 1.015·W/S − 84.6·Sy/W).
 * zh: mean characters per sentence; Chinese readability formulas all lean on sentence length, and
 *     character-level difficulty needs a graded character list we do not ship.
 */
export function readability(text: string, lexicon: Lexicon): Readability {
  const sentenceCount = Math.max(1, sentences(text).length);
  if (lexicon.language === 'zh') {
    return { score: round(lengthOf(text, lexicon) / sentenceCount), better: 'lower', measure: 'characters-per-sentence' };
  }
  const wordList = words(text).map((w) => w.text);
  const counts = {
    sentence: sentenceCount,
    word: Math.max(1, wordList.length),
    syllable: wordList.reduce((sum, word) => sum + syllablesOf(word, lexicon.language), 0),
  };
  if (lexicon.language === 'pt') return { score: round(flesch(counts) + 42), better: 'higher', measure: 'flesch-pt' };
  return { score: round(flesch(counts)), better: 'higher', measure: 'flesch' };
}

function syllablesOf(word: string, language: string): number {
  // Numbers are read as one short word; counting their digits would punish every target.
  if (/^\p{N}/u.test(word)) return 1;
  return language === 'pt' ? portugueseSyllables(word) : Math.max(1, syllable(word));
}

/**
 * Portuguese syllables: one per vowel group, with the diphthongs that stay one syllable
 * (ai, ei, oi, ui, au, eu, ou, iu, ão, õe, ãe); a vowel after a vowel otherwise starts a new one.
 */
export function portugueseSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/(?<=[gq])u(?=[aeioáéíóâêô])/g, '');
  const nuclei = lower.match(/[aeiouáéíóúâêôãõà](?:[iu](?![aeiouáéíóúâêôãõ])|[eo](?<=[ãõ][eo]))?/g) ?? [];
  return Math.max(1, nuclei.length);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
