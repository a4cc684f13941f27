import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import type { Lexicon } from '../lexicon.ts';
import { sentences } from '../text.ts';

/**
 * Whether the statement mentions a field (an audience, a value, a unique asset, the benefit) in other
 * words: both are cut into words (Intl.Segmenter, which also segments Chinese), stop words dropped,
 * and each content word reduced to keys (its Snowball stem, case and accents folded). The field counts
 * as mentioned when one sentence holds at least `lexicon.mention.share` of its content words.
 */

/** A content word as written, and the keys it matches on. */
export interface ContentWord {
  word: string;
  keys: string[];
}

export interface Mention {
  /** The field's content words, as written: what the finding says was looked for. */
  words: string[];
  /** How many of them one sentence must hold. */
  needed: number;
  /** The most any one sentence holds. */
  found: number;
  mentioned: boolean;
}

const STEMMERS: Record<string, (word: string) => string> = { en: english, pt: portuguese };

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) segmenters.set(language, (found = new Intl.Segmenter(language, { granularity: 'word' })));
  return found;
}

/** Lower case, accents and width folded: "Café" and "cafe" are one word. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function keysOf(word: string, language: string): string[] {
  const stem = STEMMERS[language];
  const lower = word.normalize('NFKC').toLowerCase();
  if (!stem) return [fold(lower)];
  // Stem before and after folding accents: Snowball's Portuguese keeps "cafés" whole but stems "cafes".
  return [...new Set([fold(stem(lower)), stem(fold(lower))])];
}

// The same sentences are read once per field and per rule: remember their words (bounded, since the
// wizard checks a new statement on every answer).
const memo = new WeakMap<Lexicon, Map<string, ContentWord[]>>();
const MEMO_SIZE = 1000;

/** The words of a text that carry meaning, with the keys they match on. */
export function contentWords(text: string, lexicon: Lexicon): ContentWord[] {
  let known = memo.get(lexicon);
  if (!known) memo.set(lexicon, (known = new Map()));
  let words = known.get(text);
  if (!words) {
    if (known.size >= MEMO_SIZE) known.clear();
    known.set(text, (words = readContentWords(text, lexicon)));
  }
  return words;
}

function readContentWords(text: string, lexicon: Lexicon): ContentWord[] {
  const stop = stopWords(lexicon);
  const words: string[] = [];
  let joinable = false;
  for (const { segment, isWordLike } of segmenter(lexicon.language).segment(text)) {
    const kept = isWordLike === true && !stop.has(fold(segment));
    // The segmenter splits a compound it does not know into single characters ("锅/具", "客/服"):
    // rejoin runs of them, since the compound is what carries the meaning.
    const single = kept && lexicon.unit === 'characters' && [...segment].length === 1;
    if (single && joinable) words[words.length - 1] += segment;
    else if (kept) words.push(segment);
    joinable = single;
  }
  return words.map((word) => ({ word, keys: keysOf(word, lexicon.language) }));
}

const stopSets = new WeakMap<Lexicon, Set<string>>();

function stopWords(lexicon: Lexicon): Set<string> {
  let set = stopSets.get(lexicon);
  if (!set) stopSets.set(lexicon, (set = new Set(lexicon.stop_words.map(fold))));
  return set;
}

/**
 * Equal keys, or keys of at least `mention.prefix` letters where one begins the other ("honest" and
 * "honesti" from "honesty"; "deliv" and "deliveri"): Snowball strips inflections, not every derivation.
 */
function sameWord(a: ContentWord, b: ContentWord, lexicon: Lexicon): boolean {
  return a.keys.some((x) => b.keys.some((y) => x === y || prefixMatch(x, y, lexicon.mention.prefix)));
}

function prefixMatch(a: string, b: string, least: number): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= least && long.startsWith(short);
}

/**
 * Chinese has no inflection and segments differently in different contexts ("出库" may come out as
 * "出/库"), so a Chinese content word counts when the sentence contains it anywhere.
 */
function inSentence(word: ContentWord, sentence: string, sentenceWords: ContentWord[], lexicon: Lexicon): boolean {
  if (lexicon.unit === 'characters') return fold(sentence).includes(fold(word.word));
  return sentenceWords.some((other) => sameWord(word, other, lexicon));
}

/** How well the text mentions the phrase: the best sentence's count of the phrase's content words. */
export function findMention(phrase: string, text: string, lexicon: Lexicon): Mention {
  const wanted = dedupe(contentWords(phrase, lexicon), lexicon);
  const needed = Math.max(1, Math.ceil(lexicon.mention.share * wanted.length));
  let found = 0;
  for (const sentence of sentences(text)) {
    const words = contentWords(sentence.text, lexicon);
    found = Math.max(found, wanted.filter((w) => inSentence(w, sentence.text, words, lexicon)).length);
  }
  // A phrase of stop words only ("for all of us") has nothing to paraphrase: it must appear as written.
  const mentioned = wanted.length > 0 ? found >= needed : fold(text).includes(fold(phrase.trim()));
  return { words: wanted.map((w) => w.word), needed, found, mentioned };
}

function dedupe(words: ContentWord[], lexicon: Lexicon): ContentWord[] {
  return words.filter((word, index) => words.findIndex((other) => sameWord(word, other, lexicon)) === index);
}

/** Whether any of the phrases is mentioned; else every content word looked for, for the finding. */
export function mentionsAny(phrases: readonly string[], text: string, lexicon: Lexicon): { mentioned: boolean; words: string[] } {
  const mentions = phrases.map((phrase) => findMention(phrase, text, lexicon));
  return { mentioned: mentions.some((m) => m.mentioned), words: [...new Set(mentions.flatMap((m) => m.words))] };
}

/** The threshold as a whole percentage, for findings ("50"). */
export function sharePercent(lexicon: Lexicon): number {
  return Math.round(lexicon.mention.share * 100);
}
