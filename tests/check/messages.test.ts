import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/adapters/check-project.ts';
import { parseMessages, placeholdersOf, renderMessage, renderRowText } from '../../src/core/check/messages.ts';
import { RULES } from '../../src/core/check/rules/index.ts';
import { ROW_FIXES, ROW_REPORT, ROW_SAYS } from '../../src/core/kpi/row-reasons.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { LANGUAGES } from '../../src/core/schema/text.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { runRule, type Case } from './harness.ts';

const catalogs = await loadMessages();

describe('finding texts (src/core/check/messages/<language>.yml)', () => {
  it('ship one valid file per supported language', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LANGUAGES].sort());
  });

  describe.each(LANGUAGES)('%s', (language) => {
    const catalog = catalogs[language];
    if (!catalog) throw new Error(`no ${language} messages`);
    const english = catalogs.en;
    if (!english) throw new Error('no en messages');

    it('has a message and a hint for every case of every rule, and nothing else', () => {
      const expected = Object.fromEntries(RULES.map((rule) => [rule.id, [...rule.messages].sort()]));
      const actual = Object.fromEntries(Object.entries(catalog.rules).map(([id, cases]) => [id, Object.keys(cases).sort()]));
      expect(actual).toEqual(expected);
    });

    it('uses the same placeholders as English in every message and hint', () => {
      for (const rule of RULES) {
        for (const key of rule.messages) {
          for (const field of ['message', 'hint'] as const) {
            const at = `${rule.id}.${key}.${field}`;
            expect(placeholdersOf(catalog.rules[rule.id]?.[key]?.[field] ?? ''), at)
              .toEqual(placeholdersOf(english.rules[rule.id]?.[key]?.[field] ?? ''));
          }
        }
      }
    });

    it('renders every case with every placeholder filled', () => {
      for (const rule of RULES) {
        for (const key of rule.messages) {
          const names = placeholdersOf(`${english.rules[rule.id]?.[key]?.message} ${english.rules[rule.id]?.[key]?.hint}`);
          const { message, hint } = renderMessage(catalog, rule.id, key, Object.fromEntries(names.map((name) => [name, `<${name}>`])));
          expect(`${message} ${hint}`, `${rule.id}.${key}`).not.toMatch(/\{\w+\}/);
          for (const name of names) expect(`${message} ${hint}`, `${rule.id}.${key}`).toContain(`<${name}>`);
        }
      }
    });
  });

  describe('numbers in the finding\'s language', () => {
    const [en, pt, zh] = [catalogs.en!, catalogs.pt!, catalogs.zh!];
    const figure = (value: number | null) => ({ figure: { value, n: 1931, target: { comparison: '>=' as const, value: 95.5 }, unit: '%', status: 'kept' as const } });
    it('a figure, a target and a count: decimal comma and pt-PT grouping in Portuguese (none under five digits), counts grouped as sample-too-small groups them', () => {
      const params = { commitment: 'c', when: '2026-02', was: figure(96.44), now: figure(null) };
      expect(renderMessage(en, 'record-changed', 'changed', params).message).toBe('Commitment "c" was published for 2026-02 as 96.4% (n 1,931, target >= 95.5%, kept); the data now gives — (n 1,931, target >= 95.5%, kept).');
      expect(renderMessage(pt, 'record-changed', 'changed', params).message).toBe('O compromisso «c» foi publicado para 2026-02 com 96,4% (n 1931, meta >= 95,5%, cumprido); os dados dão agora — (n 1931, meta >= 95,5%, cumprido).');
      const noise = (messages: typeof en) => renderMessage(messages, 'sample-too-small', 'noise', {
        commitment: 'c', when: '2026-01', value: { value: 95.789, unit: '%', against: [95] }, n: { tally: 12345 }, low: { value: 94.99, unit: '%', against: [95] },
        high: { value: 97.85, unit: '%' }, target: { amount: 95, unit: '%' }, needed: { tally: 45821 }, period: { period: 'month', count: 1 },
      });
      expect(noise(en).message).toContain('95.8% from 12,345 rows, and its 95 % interval (94.99% to 97.9%)');
      expect(noise(pt).message).toContain('95,8% a partir de 12\u00a0345 linhas, e o intervalo de 95 % (94,99% a 97,9%)');
      expect(noise(zh).message).toContain('12,345');
    });
    it('a bare number keeps its digits and takes the language\'s decimal sign', () => {
      const params = { measure: { measure: 'flesch-pt' as const }, value: 38.7, limit: 50 };
      expect(renderMessage(en, 'hard-to-read', 'below', params).message).toContain('is 38.7, below the limit of 50.');
      expect(renderMessage(pt, 'hard-to-read', 'below', params).message).toContain('é 38,7, abaixo do limite de 50.');
      expect(renderMessage(pt, 'too-long', 'long', { length: 1234, unit: { unit: 'words' }, limit: 60 }).message).toContain('1234');
    });
  });

  describe.each(LANGUAGES)('%s: skipped rows (rows.says, rows.fixes, rows.report)', (language) => {
    const catalog = catalogs[language];
    const english = catalogs.en;
    if (!catalog || !english) throw new Error(`no ${language} messages`);
    const kinds = { says: ROW_SAYS, fixes: ROW_FIXES, report: ROW_REPORT } as const;

    it.each(Object.keys(kinds) as (keyof typeof kinds)[])('has a text for every case of rows.%s, and nothing else', (kind) => {
      expect(Object.keys(catalog.rows[kind]).sort()).toEqual([...kinds[kind]].sort());
    });

    it.each(Object.keys(kinds) as (keyof typeof kinds)[])('uses the same placeholders as English in rows.%s, and fills them all', (kind) => {
      for (const key of kinds[kind]) {
        const names = placeholdersOf(english.rows[kind][key] ?? '');
        expect(placeholdersOf(catalog.rows[kind][key] ?? ''), `rows.${kind}.${key}`).toEqual(names);
        const text = renderRowText(catalog, kind, { case: key, params: Object.fromEntries(names.map((name) => [name, `<${name}>`])) });
        expect(text, `rows.${kind}.${key}`).not.toMatch(/\{\w+\}/);
        for (const name of names) expect(text, `rows.${kind}.${key}`).toContain(`<${name}>`);
      }
    });
  });

  it('a case with no text, or a placeholder with no value, is a packaging bug that throws', () => {
    const en = catalogs.en!;
    expect(() => renderMessage(en, 'jargon', 'nonsense')).toThrow('No "en" message for jargon.nonsense.');
    expect(() => renderMessage(en, 'jargon', 'buzzword', {})).toThrow('jargon.buzzword: no value for {term}.');
    expect(() => renderRowText(en, 'says', { case: 'nonsense', params: {} })).toThrow('No "en" text for rows.says.nonsense.');
    expect(() => renderRowText(en, 'says', { case: 'not-a-number', params: {} })).toThrow('rows.says.not-a-number: no value for {value}.');
  });

  it('a malformed file is a located input error', () => {
    const source = parseYaml('language: xx\nquotes: ["«"]\nseparator: ", "\nrules: { jargon: { buzzword: { message: hi } } }\n', 'messages/xx.yml');
    let errors: string[] = [];
    try {
      parseMessages(source);
    } catch (error) {
      errors = (inputErrorsOf(error) ?? []).map(formatInputError);
    }
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/^messages\/xx\.yml:\d+:\d+ {2}/);
    expect(errors.join('\n')).toContain('hint');
  });
});

const ptJargon: Case = {
  name: 'jargon', language: 'pt', expected: [],
  edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você tem um serviço de classe mundial']],
};
const zhJargon: Case = {
  name: 'jargon', language: 'zh', expected: [],
  edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 您可以享受世界一流的服务']],
};

describe('findings come out in the promise\'s language', () => {
  it('a Portuguese promise gets Portuguese findings', async () => {
    expect(await runRule('jargon', { ...ptJargon, messages: 'pt' })).toEqual([
      'content/promise.yaml:9:30  warning  jargon  «de classe mundial» é um chavão: não diz ao cliente nada que ele possa verificar.'
      + ' | Diga antes o que o cliente recebe, por exemplo «uma resposta em menos de 2 horas».',
    ]);
  });

  it('a Chinese promise gets Chinese findings', async () => {
    expect(await runRule('jargon', { ...zhJargon, messages: 'zh' })).toEqual([
      'content/promise.yaml:9:15  warning  jargon  “世界一流”是空洞的套话：客户从中得不到任何可以核实的东西。 | 改说客户实际能得到什么，例如“2 小时内回复”。',
    ]);
  });

  it('the language can be overridden (pledge check --lang en)', async () => {
    expect(await runRule('jargon', { ...ptJargon, messages: 'en' })).toEqual([
      'content/promise.yaml:9:30  warning  jargon  "de classe mundial" is a buzzword: it tells the customer nothing they can check.'
      + ' | Say what the customer gets instead, e.g. "a reply within 2 hours".',
    ]);
  });

  it('words the language supplies: units, lists and quotes', async () => {
    const long: Case = {
      name: 'long', language: 'zh', expected: [], messages: 'zh',
      edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 您可以在包裹到达前安排好晚饭，也可以提前约好家人和朋友一起来吃饭，再把新买的锅具擦干净放在灶台上等着']],
    };
    expect(await runRule('sentence-too-long', long)).toEqual([
      'content/promise.yaml:9:10  warning  sentence-too-long  有一句话长达 61 个字，超过了 60 的上限。 | 把它拆成两句，每句只讲一件事。',
    ]);
    const flat: Case = {
      name: 'flat', language: 'pt', expected: [], messages: 'pt',
      edits: [['promise_types: [delivery]', 'promise_types: [delivery]\nstatement: "Para quem cozinha em casa: o jantar planejado antes de o pacote chegar."']],
    };
    expect(await runRule('no-emotion', flat)).toEqual([
      'content/promise.yaml:9:12  info  no-emotion  Nada na declaração fala do que o cliente vai sentir.'
      + ' | Diga o que isto significa para ele, por exemplo com palavras como «amor», «amamos», «carinho».',
    ]);
  });
});
