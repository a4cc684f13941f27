import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinTemplates, loadCheckResources } from '../../src/adapters/check-project.ts';
import { composeStatement } from '../../src/core/compose/compose.ts';
import { statementLines } from '../../src/core/compose/statement.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { PROMISE_TYPES, promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { applyEdits, fixtureRoot, fixtureText, type Edit, type Language } from '../check/harness.ts';

const templates = await loadBuiltinTemplates();

function compose(language: Language, edits: Edit[] = [], set = templates) {
  const promise = validateSource(parseYaml(applyEdits(fixtureText(language), edits), 'content/promise.yaml'), promiseSchema);
  const kpis = validateSource(parseYaml(fixtureText(language, 'kpis.yaml'), 'content/kpis.yaml'), kpisFileSchema);
  return composeStatement({ promise, kpis, templates: set });
}

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function projectWithTemplate(name: string, text: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-compose-'));
  tmpDirs.push(root);
  cpSync(fixtureRoot('en'), root, { recursive: true });
  const file = path.join(root, 'content/templates', `${name}.hbs`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return root;
}

describe('composeStatement', () => {
  it('composes a lead of three sentences (audience and benefit, what makes the company different, values), then the commitments', () => {
    const en = compose('en');
    expect(en.lead).toBe('For home cooks, Kestrel Kitchen makes one promise: you can plan dinner before the parcel arrives. '
      + 'What makes us different: every order is packed by hand. We work with honesty and care, and we stand by the commitments below.');
    expect(en.commitments.map((c) => c.text)).toEqual([
      'On-time delivery: at least 95%, every month. If we miss it, we refund your shipping.',
      'Time to first reply: at most 4 hours, every month. If we miss it, we send you a voucher.',
    ]);
    // What the rules read: everything a customer reads, in the order they read it.
    expect(en.text).toBe(`${en.lead} ${en.commitments.map((c) => c.text).join(' ')} Shop the new pans.`);
  });

  it('shows the lead, the commitments as a list beneath it and the call to action in the terminal', () => {
    expect(statementLines(compose('en'))).toBe('For home cooks, Kestrel Kitchen makes one promise: you can plan dinner before the parcel arrives. '
      + 'What makes us different: every order is packed by hand. We work with honesty and care, and we stand by the commitments below.\n\n'
      + '  - On-time delivery: at least 95%, every month. If we miss it, we refund your shipping.\n'
      + '  - Time to first reply: at most 4 hours, every month. If we miss it, we send you a voucher.\n\n'
      + 'Shop the new pans.');
  });

  it('never promises "the commitments below" when there are none', () => {
    // promise.yaml needs a commitment; a draft in the wizard may not have one yet.
    const promise = validateSource(parseYaml(fixtureText('en'), 'content/promise.yaml'), promiseSchema);
    const none = composeStatement({ promise: { ...promise, commitments: [] }, templates });
    expect(none.lead).toMatch(/We work with honesty and care\.$/);
    expect(none.text).toBe(`${none.lead} Shop the new pans.`);
  });

  it('composes Portuguese and Chinese with their own grammar', () => {
    expect(compose('pt').commitments.map((c) => c.text)).toEqual([
      'Entrega no prazo: pelo menos 95%, a cada mês. Se falharmos, devolvemos o frete.',
      'Tempo até a primeira resposta: no máximo 4 horas, a cada mês. Se falharmos, enviamos um cupom para você.',
    ]);
    expect(compose('pt').lead).toBe('Para quem cozinha em casa, a Casa Ipê faz uma promessa: você planeja o jantar antes de o pacote chegar. '
      + 'O que nos diferencia: cada pedido é embalado à mão. Trabalhamos com honestidade e cuidado e assumimos os compromissos abaixo.');
    expect(compose('zh').text).toBe('青隼厨房向在家做饭的人承诺：您可以在包裹到达前安排好晚饭。我们的不同之处：每个包裹都由人工打包。我们以诚实和用心做事，并兑现以下承诺。'
      + '准时送达率每月不低于95%。如果没有做到，我们退还运费。首次回复时间每月不超过4小时。如果没有做到，我们送您一张优惠券。看看新款锅具。');
  });

  it('closes a sentence the user left open, and only then', () => {
    const en = compose('en', [
      ['    remedy: we refund your shipping\n', '    remedy: we refund your shipping\n    text: Your order arrives on the day we promise\n'],
      ['    remedy: we send you a voucher\n', '    remedy: we send you a voucher\n    text: "We reply within 4 hours (nights too)."\n'],
      ['  text: Shop the new pans', '  text: Shop the new pans!'],
    ]);
    expect(en.commitments.map((c) => c.text)).toEqual(['Your order arrives on the day we promise.', 'We reply within 4 hours (nights too).']);
    expect(en.text).toMatch(/ Your order arrives on the day we promise\. We reply within 4 hours \(nights too\)\. Shop the new pans!$/);
    const written = compose('en', [['benefit: you can plan dinner before the parcel arrives', 'benefit: you can plan dinner before the parcel arrives\nstatement: Dinner planned before the parcel arrives']]);
    expect(written.text).toMatch(/^Dinner planned before the parcel arrives\. On-time delivery: /);
    expect(written.lead).toBe('Dinner planned before the parcel arrives.');
    const zh = compose('zh', [['  text: 看看新款锅具', '  text: 快来看看新款锅具！']]);
    expect(zh.text).toMatch(/如果没有做到，我们送您一张优惠券。快来看看新款锅具！$/);
    expect(compose('zh').text).toMatch(/看看新款锅具。$/);
  });

  it('keeps each value with its promise.yaml path and template wording with its file', () => {
    const { parts } = compose('en');
    expect(parts.slice(0, 4)).toEqual([
      { text: 'For ', path: null, template: expect.stringMatching(/src\/core\/compose\/templates\/en\/statement\.hbs$/) as unknown },
      { text: 'home cooks', path: ['audience', 'who'] },
      { text: ', ', path: null, template: expect.any(String) as unknown },
      { text: 'Kestrel Kitchen', path: ['company'] },
    ]);
    expect(parts.find((part) => part.text === '95')).toEqual({ text: '95', path: ['commitments', 0, 'target', 'value'] });
  });

  it('uses a commitment\'s own text, and writes deadlines and decimals the language\'s way', () => {
    expect(compose('en', [['    remedy: we send you a voucher', '    text: We reply within 4 hours on weekdays.']]).commitments[1])
      .toEqual({ id: 'replies', path: ['commitments', 1], text: 'We reply within 4 hours on weekdays.' });
    expect(compose('pt', [['value: 4,', 'value: 4.5,'], ['    period: month\n    remedy: enviamos', '    deadline: 2026-12-31\n    remedy: enviamos']]).commitments[1]?.text)
      .toBe('Tempo até a primeira resposta: no máximo 4,5 horas até 2026-12-31. Se falharmos, enviamos um cupom para você.');
  });

  it('says what is measured when a commitment has no target yet (a draft), never "Name:, every month"', () => {
    const noTarget = (language: Language, target: string) => compose(language, [[`    target: ${target}\n`, '']]).commitments[1]?.text;
    expect(noTarget('en', '{ comparison: "<=", value: 4, unit: hours }')).toBe('Time to first reply: we measure it every month. If we miss it, we send you a voucher.');
    expect(noTarget('pt', '{ comparison: "<=", value: 4, unit: horas }')).toBe('Tempo até a primeira resposta: medimos a cada mês. Se falharmos, enviamos um cupom para você.');
    expect(noTarget('zh', '{ comparison: "<=", value: 4, unit: 小时 }')).toBe('我们每月衡量首次回复时间。如果没有做到，我们送您一张优惠券。');
    expect(compose('en', [['    target: { comparison: "<=", value: 4, unit: hours }\n    period: month\n', '    deadline: 2026-12-31\n']]).commitments[1]?.text)
      .toBe('Time to first reply: we measure it until 2026-12-31. If we miss it, we send you a voucher.');
  });

  it('lists several values and assets with the language\'s "and"', () => {
    expect(compose('en', [['values: [honesty, care]', 'values: [honesty, care, craft]']]).lead).toContain('We work with honesty, care and craft, and we stand by the commitments below.');
    expect(compose('zh', [['values: [诚实, 用心]', 'values: [诚实, 用心, 匠心]']]).lead).toContain('我们以诚实、用心和匠心做事，并兑现以下承诺。');
  });

  it.each((['en', 'pt', 'zh'] as const).flatMap((language) => PROMISE_TYPES.map((type) => [language, type] as const)))(
    'opens with the audience and the benefit, said once, for %s/%s', (language, type) => {
      const { lead } = compose(language, [['promise_types: [delivery]', `promise_types: [${type}]`]]);
      expect(lead).toMatch(language === 'en' ? /^For home cooks, Kestrel Kitchen makes one promise: you can plan dinner before the parcel arrives\./
        : language === 'pt' ? /^Para quem cozinha em casa, a Casa Ipê faz uma promessa: você planeja o jantar antes de o pacote chegar\./ : /^青隼厨房向在家做饭的人承诺：您可以在包裹到达前安排好晚饭。/);
    });
});

describe('template overrides from content/templates/', () => {
  it('replace the built-in template of the same name', async () => {
    const root = projectWithTemplate('en/commitment', '{{kpi}} {{comparison}} {{value}}{{unit}}, or {{remedy}}.');
    const { templates: withOverride } = await loadCheckResources(root);
    expect(compose('en', [], withOverride).commitments[0]?.text).toBe('On-time delivery at least 95%, or we refund your shipping.');
  });

  it('take an intro for the promise\'s first type over the one for every type', async () => {
    const root = projectWithTemplate('en/intro/delivery', '{{company}} delivers to {{audience}}: {{benefit}}.');
    const { templates: withOverride } = await loadCheckResources(root);
    expect(compose('en', [], withOverride).lead).toMatch(/^Kestrel Kitchen delivers to home cooks: you can plan dinner before the parcel arrives\. What makes us/);
    expect(compose('en', [['promise_types: [delivery]', 'promise_types: [service]']], withOverride).lead).toMatch(/^For home cooks, Kestrel Kitchen makes one promise:/);
  });

  it('refuse a file that overrides nothing, with a "did you mean"', async () => {
    const root = projectWithTemplate('en/comitment', '{{kpi}}');
    const error = await loadCheckResources(root, root).catch((caught: unknown) => caught);
    expect(inputErrorsOf(error)?.map(formatInputError)).toEqual([
      'content/templates/en/comitment.hbs:1:1  There is no built-in template "en/comitment" for this file to override. Did you mean "en/commitment.hbs"? Overrides use the built-in names: <language>/statement.hbs, <language>/commitment.hbs, <language>/intro.hbs, <language>/intro/<promise type>.hbs.',
    ]);
  });

  it('report a handlebars syntax error at its line', async () => {
    const root = projectWithTemplate('en/commitment', '{{kpi}}\n{{#if remedy}} If we miss it, {{remedy}}.\n');
    const { templates: broken } = await loadCheckResources(root, root);
    let error: unknown;
    try {
      compose('en', [], broken);
    } catch (caught) {
      error = caught;
    }
    expect(inputErrorsOf(error)?.map(formatInputError)[0]).toMatch(/^content\/templates\/en\/commitment\.hbs:\d+:1 {2}This template is not valid handlebars: .+\. Compare it with the built-in template of the same name; every \{\{#if\}\} needs its \{\{\/if\}\}\.$/);
  });
});
