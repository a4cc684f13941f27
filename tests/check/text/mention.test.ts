import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/adapters/check-project.ts';
import type { Lexicon } from '../../../src/core/check/lexicon.ts';
import { contentWords, findMention, fold, mentionsAny } from '../../../src/core/check/text/mention.ts';

const lexicons = await loadLexicons();
const lexicon = (language: 'en' | 'pt' | 'zh'): Lexicon => {
  const found = lexicons[language];
  if (!found) throw new Error(`no ${language} lexicon`);
  return found;
};
const en = lexicon('en');
const pt = lexicon('pt');
const zh = lexicon('zh');

describe('fold', () => {
  it('drops case, accents and width', () => {
    expect(fold('Café ÀS Ｍãos')).toBe('cafe as manos'.replace('manos', 'maos'));
  });
});

describe('contentWords', () => {
  it('drops stop words and keeps each word as written, with its stems', () => {
    expect(contentWords('roasted to order the day it ships', en)).toEqual([
      { word: 'roasted', keys: ['roast'] },
      { word: 'order', keys: ['order'] },
      { word: 'day', keys: ['dai'] },
      { word: 'ships', keys: ['ship'] },
    ]);
  });

  it('stems Portuguese before and after folding accents', () => {
    expect(contentWords('cafés torrados', pt)).toEqual([{ word: 'cafés', keys: ['cafes', 'caf'] }, { word: 'torrados', keys: ['torr'] }]);
  });

  it('segments Chinese, and rejoins a compound the segmenter split into characters', () => {
    expect(contentWords('爱在家做饭的人', zh).map((w) => w.word)).toEqual(['爱', '在家', '做饭']);
    expect(contentWords('客服都是会做饭的人', zh).map((w) => w.word)).toEqual(['客服', '做饭']);
  });
});

describe('findMention', () => {
  it('counts a paraphrase that keeps half of the content words (the issue\'s "roast every bag to order")', () => {
    expect(findMention('roasted to order the day it ships', 'We roast every bag to order.', en))
      .toEqual({ words: ['roasted', 'order', 'day', 'ships'], needed: 2, found: 2, mentioned: true });
  });

  it('does not count one shared word out of four', () => {
    expect(findMention('roasted to order the day it ships', 'Your order arrives on Friday.', en))
      .toEqual({ words: ['roasted', 'order', 'day', 'ships'], needed: 2, found: 1, mentioned: false });
  });

  it('wants the words in one sentence, not scattered over the statement', () => {
    expect(findMention('packed by hand in Leeds', 'We answer by hand. We ship from Leeds. Packed with care.', en).mentioned).toBe(false);
    expect(findMention('packed by hand in Leeds', 'Each pan is packed in Leeds by hand.', en).mentioned).toBe(true);
  });

  it('matches a derived form whose stem begins the other ("honest" for "honesty"), not a short lookalike ("career" for "care")', () => {
    expect(findMention('honesty', 'We are honest about dates.', en).mentioned).toBe(true);
    expect(findMention('care', 'Careers at Kestrel Kitchen.', en).mentioned).toBe(false);
    expect(findMention('care', 'Packed by people who care.', en).mentioned).toBe(true);
  });

  it('reads the share and the prefix length from the lexicon', () => {
    expect(findMention('care', 'Careers at Kestrel Kitchen.', { ...en, mention: { share: 0.5, prefix: 4 } }).mentioned).toBe(true);
    expect(findMention('roasted to order the day it ships', 'We roast every bag to order.', { ...en, mention: { share: 0.75, prefix: 5 } }))
      .toMatchObject({ needed: 3, found: 2, mentioned: false });
  });

  it('reads "people who cook at home" as the audience "home cooks"', () => {
    expect(findMention('home cooks', 'Pans for people who cook at home.', en)).toMatchObject({ found: 2, mentioned: true });
  });

  it('matches Portuguese inflections and accents', () => {
    expect(findMention('torramos cada pedido no dia do envio', 'Cada pedido é torrado e enviado no mesmo dia.', pt))
      .toEqual({ words: ['torramos', 'pedido', 'dia', 'envio'], needed: 2, found: 4, mentioned: true });
    expect(findMention('quem cozinha em casa', 'Para quem gosta de cozinhar em casa.', pt).mentioned).toBe(true);
  });

  it('counts a shorter form of a long Chinese phrase', () => {
    expect(findMention('爱在家做饭的年轻父母', '我们为在家做饭的父母准备了新锅。', zh))
      .toEqual({ words: ['爱', '在家', '做饭', '年轻', '父母'], needed: 3, found: 3, mentioned: true });
    expect(findMention('爱在家做饭的年轻父母', '我们为所有人准备了新锅。', zh).mentioned).toBe(false);
  });

  it('wants a phrase of stop words only to appear as written', () => {
    expect(findMention('for all of us', 'A kitchen for all of us.', en)).toEqual({ words: [], needed: 1, found: 0, mentioned: true });
    expect(findMention('for all of us', 'A kitchen for you.', en).mentioned).toBe(false);
  });
});

describe('mentionsAny', () => {
  it('is mentioned when one phrase is, and otherwise lists every content word looked for', () => {
    expect(mentionsAny(['honesty', 'care'], 'Dinner before the parcel.', en)).toEqual({ mentioned: false, words: ['honesty', 'care'] });
    expect(mentionsAny(['honesty', 'care'], 'We take care of it.', en).mentioned).toBe(true);
  });
});
