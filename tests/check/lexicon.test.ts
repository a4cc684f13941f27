import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/adapters/check-project.ts';
import { parseLexicon } from '../../src/core/check/lexicon.ts';
import { findTerms } from '../../src/core/check/text.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { LANGUAGES } from '../../src/core/schema/text.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';

const lexicons = await loadLexicons();

describe('lexicons', () => {
  it('ship one valid lexicon per supported language', () => {
    expect(Object.keys(lexicons).sort()).toEqual([...LANGUAGES].sort());
  });

  it('reject a malformed lexicon with a located error', () => {
    const source = parseYaml('language: en\nunit: words\nlimits: { statement: 120, sentence: 30, readability: 45 }\njargon: synergy\n', 'lexicon/en.yml');
    let errors: string[] = [];
    try {
      parseLexicon(source);
    } catch (error) {
      errors = (inputErrorsOf(error) ?? []).map(formatInputError);
    }
    expect(errors.sort()).toEqual([
      'lexicon/en.yml:1:1  absolute: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  address: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  benefits: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  claims: this is required but missing. Add a mapping (key: value).',
      'lexicon/en.yml:1:1  emotion: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  exceed: this is required but missing. Add a mapping (key: value).',
      'lexicon/en.yml:1:1  features: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  figures: this is required but missing. Add a mapping (key: value).',
      'lexicon/en.yml:1:1  measure: this is required but missing. Add a mapping (key: value).',
      'lexicon/en.yml:1:1  mention: this is required but missing. Add a mapping (key: value).',
      'lexicon/en.yml:1:1  remedy: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  stop_words: this is required but missing. Add a list.',
      'lexicon/en.yml:1:1  vague: this is required but missing. Add a list.',
      'lexicon/en.yml:4:9  jargon: expected a list, got "synergy". Write a list here.',
    ]);
  });

  it('match whole words in English and Portuguese, anywhere in Chinese', () => {
    expect(findTerms('A seamless, synergy-free day; seamlessly.', ['seamless', 'seamlessly'], lexicons.en!).map((s) => [s.start, s.text]))
      .toEqual([[2, 'seamless'], [30, 'seamlessly']]);
    expect(findTerms('Entrega rápida, rapidamente.', ['rápida'], lexicons.pt!).map((s) => s.text)).toEqual(['rápida']);
    expect(findTerms('我们提供一站式服务', ['一站式'], lexicons.zh!).map((s) => [s.start, s.text])).toEqual([[4, '一站式']]);
  });
});
