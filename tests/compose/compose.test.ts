import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinTemplates, loadCheckResources } from '../../src/adapters/check-project.ts';
import { composeStatement } from '../../src/core/compose/compose.ts';
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
  it('composes the English statement from the templates, KPI names, targets, periods and remedies', () => {
    expect(compose('en').text).toBe('For home cooks, Kestrel Kitchen promises delivery you can plan around: you can plan dinner before the parcel arrives. '
      + 'What makes us different: every order is packed by hand. On-time delivery: at least 95%, every month. If we miss it, we refund your shipping. '
      + 'Time to first reply: at most 4 hours, every month. If we miss it, we send you a voucher. That is what honesty and care mean to us. Shop the new pans.');
  });

  it('composes Portuguese and Chinese with their own grammar', () => {
    expect(compose('pt').commitments.map((c) => c.text)).toEqual([
      'Entrega no prazo: pelo menos 95%, a cada mês. Se falharmos, devolvemos o frete.',
      'Tempo até a primeira resposta: no máximo 4 horas, a cada mês. Se falharmos, enviamos um cupom para você.',
    ]);
    expect(compose('zh').text).toBe('青隼厨房向在家做饭的人承诺准时送达：您可以在包裹到达前安排好晚饭。我们的不同之处：每个包裹都由人工打包。'
      + '准时送达率每月不低于95%。如果没有做到，我们退还运费。首次回复时间每月不超过4小时。如果没有做到，我们送您一张优惠券。这就是诚实和用心对我们的意义。看看新款锅具。');
  });

  it('closes a sentence the user left open, and only then', () => {
    const en = compose('en', [
      ['    remedy: we refund your shipping\n', '    remedy: we refund your shipping\n    text: Your order arrives on the day we promise\n'],
      ['    remedy: we send you a voucher\n', '    remedy: we send you a voucher\n    text: "We reply within 4 hours (nights too)."\n'],
      ['  text: Shop the new pans', '  text: Shop the new pans!'],
    ]);
    expect(en.commitments.map((c) => c.text)).toEqual(['Your order arrives on the day we promise.', 'We reply within 4 hours (nights too).']);
    expect(en.text).toMatch(/ Your order arrives on the day we promise\. We reply within 4 hours \(nights too\)\. .* Shop the new pans!$/);
    const written = compose('en', [['benefit: you can plan dinner before the parcel arrives', 'benefit: you can plan dinner before the parcel arrives\nstatement: Dinner planned before the parcel arrives']]);
    expect(written.text).toMatch(/^Dinner planned before the parcel arrives\. On-time delivery: /);
    const zh = compose('zh', [['  text: 看看新款锅具', '  text: 快来看看新款锅具！']]);
    expect(zh.text).toMatch(/对我们的意义。快来看看新款锅具！$/);
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
    expect(compose('en', [['values: [honesty, care]', 'values: [honesty, care, craft]']]).text).toContain('That is what honesty, care and craft mean to us.');
    expect(compose('zh', [['values: [诚实, 用心]', 'values: [诚实, 用心, 匠心]']]).text).toContain('这就是诚实、用心和匠心对我们的意义。');
  });

  it.each((['en', 'pt', 'zh'] as const).flatMap((language) => PROMISE_TYPES.map((type) => [language, type] as const)))(
    'has an intro for %s/%s', (language, type) => {
      const { text } = compose(language, [['promise_types: [delivery]', `promise_types: [${type}]`]]);
      expect(text).toContain(language === 'en' ? 'you can plan dinner' : language === 'pt' ? 'você planeja o jantar' : '您可以在包裹到达前安排好晚饭');
    });
});

describe('template overrides from content/templates/', () => {
  it('replace the built-in template of the same name', async () => {
    const root = projectWithTemplate('en/commitment', '{{kpi}} {{comparison}} {{value}}{{unit}}, or {{remedy}}.');
    const { templates: withOverride } = await loadCheckResources(root);
    expect(compose('en', [], withOverride).commitments[0]?.text).toBe('On-time delivery at least 95%, or we refund your shipping.');
  });

  it('refuse a file that overrides nothing, with a "did you mean"', async () => {
    const root = projectWithTemplate('en/comitment', '{{kpi}}');
    const error = await loadCheckResources(root, root).catch((caught: unknown) => caught);
    expect(inputErrorsOf(error)?.map(formatInputError)).toEqual([
      'content/templates/en/comitment.hbs:1:1  There is no built-in template "en/comitment" for this file to override. Did you mean "en/commitment.hbs"? Overrides use the built-in names: <language>/statement.hbs, <language>/commitment.hbs, <language>/intro/<promise type>.hbs.',
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
