import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './cli.ts';
import { exampleCopy, removeDir, REPO, Terminal } from './tty.ts';

// The real wizard in a real terminal (tmux): slow on a loaded 2-core machine, so generous timeouts.
const SESSION_TIMEOUT = 240_000;

let terminal: Terminal | undefined;
let root: string | undefined;

afterEach(async () => {
  terminal?.stop();
  if (root) await removeDir(root);
  terminal = undefined;
  root = undefined;
});

/** The screen text between two markers: where a finding was shown, relative to the prompts. */
function between(screen: string, after: string, before: string): string {
  const start = screen.indexOf(after);
  const end = screen.indexOf(before, start);
  expect(start, `"${after}" on screen`).toBeGreaterThanOrEqual(0);
  expect(end, `"${before}" after "${after}"`).toBeGreaterThan(start);
  return screen.slice(start, end);
}

describe('pledge draft in a terminal', () => {
  it('edits the example in English: findings at their steps, statement edited, file and backup written', async () => {
    root = await exampleCopy();
    const promisePath = path.join(root, 'content/promise.yaml');
    const original = await readFile(promisePath, 'utf8');
    const t = terminal = new Terminal(root);
    t.start(['draft', '--root', root]);

    await t.next('Language of the promise');
    t.keys('Enter');
    await t.next('What is your company called?');
    t.keys('Enter');
    await t.next('Who is the promise for?');
    t.keys('Enter');
    await t.next('What do they need most');
    t.keys('Enter');
    await t.next('Which values');
    t.keys('Enter');

    // No differentiator: the check says so at this step, and the user fixes it here.
    await t.next('What do you have that competitors lack?');
    t.retype('every order is packed by hand in our Leeds workshop; our support team are trained cooks', '');
    await t.next('unique-asset-missing');
    await t.next('Change your answer to fix it?');
    t.keys('y');
    await t.next('What do you have that competitors lack?');
    t.type('every order is packed by hand in our Leeds workshop');
    await t.next('What kind of promise is it?');
    t.keys('Enter');

    // A feature full of jargon: the jargon check and the benefit suggestion show at the benefit step.
    await t.next('What does the customer gain?');
    t.retype('you can plan the dinner before the parcel arrives', 'we have world-class parcel tracking');
    await t.next('This reads like a feature.');
    await t.next('Change your answer to fix it?');
    t.keys('y');
    await t.next('What does the customer gain?');
    t.retype('we have world-class parcel tracking', 'you can plan the dinner before the parcel arrives');

    for (const n of [1, 2, 3]) {
      await t.next(`Commitment ${n}: which KPI measures it?`);
      t.keys('Enter');
      await t.next('Public target for');
      t.keys('Enter');
      await t.next('Internal target, stricter');
      t.keys('Enter');
      await t.next('Over which period');
      t.keys('Enter');
      await t.next('What does the customer get when you miss it?');
      t.keys('Enter');
      await t.next('Is this where you go beyond');
      // The third commitment adds a second dimension to exceed on: the wizard suggests one is enough.
      if (n === 3) t.keys('Down', 'Down', 'Down', 'Enter');
      else t.keys('Enter');
    }
    await t.next('You already exceed on time.');
    await t.next('Change your answer to fix it?');
    t.keys('n');
    await t.next('Add another commitment?');
    t.keys('Enter');

    // No call to action: cta-missing shows here; the user leaves it for now.
    await t.next('Call to action');
    t.retype("Shop the new season's pans", '');
    await t.next('cta-missing');
    await t.next('Change your answer to fix it?');
    t.keys('n');
    await t.next('Where can customers complain');
    t.keys('Enter');
    await t.next('Feedback link');
    t.keys('Enter');

    // The preview: edit the composed statement, then save.
    await t.next('What next?');
    t.keys('Down', 'Enter');
    await t.next('Edit the statement');
    t.type(' Thank you for cooking with us.');
    await t.next('What next?');
    t.keys('Enter');

    const screen = await t.next('Wrote ');
    // The full check at the end is `pledge check` itself: same exit code.
    expect(await t.exitCode()).toBe((await runCli(['check', '--root', root], root)).code);
    expect(screen).toContain('(the previous version is in content/promise.yaml.bak)');
    expect(between(screen, 'What do you have that competitors lack?', 'What kind of promise')).toContain('unique-asset-missing');
    const benefitStep = between(screen, 'What does the customer gain?', 'Now the commitments');
    expect(benefitStep).toMatch(/warning jargon: "world-class"[\s\S]*?\n[│ ]*→ \S/);
    expect(between(screen, 'Call to action', 'Where can customers complain')).toContain('cta-missing');
    // The full check runs at the end, like `pledge check`.
    expect(screen).toContain('Thank you for cooking with us.');

    expect(await readFile(`${promisePath}.bak`, 'utf8')).toBe(original);
    const written = await readFile(promisePath, 'utf8');
    expect(written.startsWith('# yaml-language-server: $schema=../node_modules/pledge-kit/schemas/promise.schema.json\n')).toBe(true);
    const doc = parse(written) as Record<string, unknown> & { commitments: Array<Record<string, unknown>> };
    expect(doc.unique_assets).toEqual(['every order is packed by hand in our Leeds workshop']);
    expect(doc.benefit).toBe('you can plan the dinner before the parcel arrives');
    expect(doc.call_to_action).toBeUndefined();
    expect(doc.commitments.map((c) => [c.id, c.exceeds])).toEqual([
      ['on-time-delivery', 'time'], ['quick-replies', undefined], ['happy-cooks', 'service']]);
    expect(doc.commitments[0]?.internal_target).toEqual({ comparison: '>=', value: 97, unit: '%' });
    expect(String(doc.statement)).toMatch(/^For home cooks, Kestrel Kitchen .* Thank you for cooking with us\.$/);
    expect(doc.touchpoints).toHaveLength(3);
  }, SESSION_TIMEOUT);

  it('writes a new promise in Portuguese, in Portuguese, refusing bad answers as typed', async () => {
    root = await exampleCopy();
    const promisePath = path.join(root, 'content/promise.yaml');
    await rm(promisePath);
    const t = terminal = new Terminal(root);
    t.start(['draft', '--root', root]);

    await t.next('Language of the promise');
    t.keys('Down', 'Enter');
    await t.next('Como se chama a sua empresa?');
    t.type('Cozinha Andorinha');
    await t.next('Para quem é a promessa?');
    t.type('');
    await t.next('Escreva alguma coisa aqui.');
    t.type('cozinheiros caseiros');
    await t.next('De que é que eles mais precisam');
    t.type('');
    await t.next('Que valores defende');
    t.type('honestidade, cuidado');
    await t.next('O que têm que a concorrência não tem?');
    t.type('cada encomenda é embalada à mão em Braga');
    await t.next('Que tipo de promessa é?');
    t.keys('Down', 'Down', 'Space', 'Enter');
    await t.next('O que ganha o cliente?');
    t.type('<b>tudo</b>');
    await t.next('Só texto simples: sem HTML nem scripts.');
    t.retype('<b>tudo</b>', 'você recebe a encomenda antes do fim de semana');

    await t.next('Compromisso 1: que KPI o mede?');
    t.keys('Enter');
    await t.next('De data/orders.csv, os últimos 6 períodos');
    await t.next('Como se mede: Of all orders');
    // Over-promising: 99 % is more than the data ever showed; the wizard says so after the commitment.
    await t.next('Meta pública para On-time delivery');
    t.retype('92', 'noventa');
    await t.next('Escreva um número, como 95 ou 4,5');
    t.retype('noventa', '99');
    await t.next('Meta interna, mais exigente');
    t.keys('Enter');
    const periodPrompt = await t.next('Em que período é medido?');
    // The prompt library's key hints are English only, so in Portuguese they are not shown.
    await t.waitFor('todos os trimestres');
    expect(t.screen().slice(periodPrompt.lastIndexOf('Em que período'))).not.toContain('to navigate');
    t.keys('Enter');
    await t.next('O que recebe o cliente quando falham?');
    t.type('devolvemos o valor do envio');
    await t.next('É aqui que vão além');
    t.keys('Down', 'Enter');
    await t.next('prometer 99% é quebrar a promessa. Prometa 92%');
    await t.next('Mudar a resposta para corrigir?');
    t.keys('y');
    await t.next('Compromisso 1: que KPI o mede?');
    t.keys('Enter');
    await t.next('Meta pública para On-time delivery');
    t.retype('99', '93,5');
    await t.next('Meta interna, mais exigente');
    t.retype('99.4', '');
    await t.next('Em que período é medido?');
    t.keys('Enter');
    await t.next('O que recebe o cliente quando falham?');
    t.keys('Enter');
    await t.next('É aqui que vão além');
    t.keys('Enter');
    await t.next('Verificações deste passo sem problemas.');
    await t.next('Acrescentar outro compromisso?');
    t.keys('Enter');
    await t.next('Chamada à ação');
    t.type('Veja a nova coleção');
    await t.next('Para onde aponta a chamada à ação?');
    t.type('https://andorinha.example/loja');
    await t.next('Onde podem os clientes reclamar');
    t.type('Escreva-nos para ola@andorinha.example');
    await t.next('Ligação para opiniões');
    t.type('mailto:ola@andorinha.example');
    await t.next('A sua promessa');
    await t.next('E agora?');
    t.keys('Enter');

    const screen = await t.next('Escrito content/promise.yaml.');
    await t.exitCode();
    expect(screen).toContain('Verificações deste passo sem problemas.');
    await expect(readFile(`${promisePath}.bak`, 'utf8')).rejects.toThrow();
    const doc = parse(await readFile(promisePath, 'utf8')) as Record<string, unknown>;
    expect(doc).toEqual({
      company: 'Cozinha Andorinha',
      language: 'pt',
      audience: { who: 'cozinheiros caseiros' },
      values: ['honestidade', 'cuidado'],
      unique_assets: ['cada encomenda é embalada à mão em Braga'],
      promise_types: ['delivery'],
      benefit: 'você recebe a encomenda antes do fim de semana',
      commitments: [{
        id: 'on-time-delivery', kpi: 'on_time_delivery',
        target: { comparison: '>=', value: 93.5, unit: '%' },
        period: 'month', remedy: 'devolvemos o valor do envio', exceeds: 'time',
      }],
      call_to_action: { text: 'Veja a nova coleção', url: 'https://andorinha.example/loja' },
      feedback: { channel: 'Escreva-nos para ola@andorinha.example', url: 'mailto:ola@andorinha.example' },
    });
  }, SESSION_TIMEOUT);

  it('writes a new promise in Chinese, in Chinese, with wide characters typed and erased', async () => {
    root = await exampleCopy();
    const promisePath = path.join(root, 'content/promise.yaml');
    await rm(promisePath);
    const t = terminal = new Terminal(root);
    t.start(['draft', '--root', root]);

    await t.next('Language of the promise');
    t.keys('Down', 'Down', 'Enter');
    await t.next('贵公司叫什么名字？');
    t.type('青隼厨房');
    await t.next('这个承诺是对谁的？');
    t.type('在家做饭的人');
    await t.next('他们最需要您提供什么？');
    t.type('');
    await t.next('贵公司坚持哪些价值观？');
    t.type('诚实、用心');
    await t.next('您有什么是竞争对手没有的？');
    t.type('每个包裹都由人工打包');
    await t.next('这是哪一类承诺？');
    t.keys('Down', 'Down', 'Space', 'Enter');
    await t.next('客户能得到什么？');
    t.type('包裹到达前您就能安排好晚饭');

    await t.next('承诺 1：用哪个 KPI 衡量？');
    t.keys('Enter');
    await t.next('On-time delivery 的公开目标');
    t.retype('92', '九十');
    await t.next('请输入一个数字，例如 95 或 4.5（不要文字）。');
    t.retype('九十', '93.5');
    await t.next('内部目标（更严格，只在团队内部）');
    t.keys('Enter');
    await t.next('按什么周期衡量？');
    t.keys('Enter');
    await t.next('没有做到时客户能得到什么？');
    t.type('我们退还运费');
    await t.next('这是您超出客户期望的地方吗？');
    t.keys('Enter');
    await t.next('再添加一条承诺？');
    t.keys('Enter');
    await t.next('行动号召：读者下一步该做什么？');
    t.type('看看新款锅具');
    await t.next('行动号召链接到哪里？');
    t.type('https://qingsun.example/shop');
    await t.next('客户在哪里投诉或反馈？');
    t.type('告诉我们哪里没做好');
    await t.next('反馈链接');
    t.type('mailto:hello@qingsun.example');
    await t.next('您的承诺');
    // The preview is composed from the Chinese templates.
    await t.next('青隼厨房向在家做饭的人承诺：包裹到达前您就能安排好晚饭。');
    await t.next('下一步？');
    t.keys('Enter');

    await t.next('已写入 content/promise.yaml。');
    expect(await t.exitCode()).toBe((await runCli(['check', '--root', root], root)).code);
    const doc = parse(await readFile(promisePath, 'utf8')) as Record<string, unknown>;
    expect(doc).toEqual({
      company: '青隼厨房',
      language: 'zh',
      audience: { who: '在家做饭的人' },
      values: ['诚实', '用心'],
      unique_assets: ['每个包裹都由人工打包'],
      promise_types: ['delivery'],
      benefit: '包裹到达前您就能安排好晚饭',
      commitments: [{
        id: 'on-time-delivery', kpi: 'on_time_delivery',
        target: { comparison: '>=', value: 93.5, unit: '%' },
        // The margin the wizard suggested from the data, kept with Enter.
        internal_target: { comparison: '>=', value: 95, unit: '%' },
        period: 'month', remedy: '我们退还运费',
      }],
      call_to_action: { text: '看看新款锅具', url: 'https://qingsun.example/shop' },
      feedback: { channel: '告诉我们哪里没做好', url: 'mailto:hello@qingsun.example' },
    });
  }, SESSION_TIMEOUT);

  it('writes nothing when the user presses Ctrl-C midway', async () => {
    root = await exampleCopy();
    const content = path.join(root, 'content');
    const before = await readFile(path.join(content, 'promise.yaml'), 'utf8');
    const filesBefore = (await readdir(content)).sort();
    const t = terminal = new Terminal(root);
    t.start(['draft', '--root', root]);

    await t.next('Language of the promise');
    t.keys('Enter');
    await t.next('What is your company called?');
    t.retype('Kestrel Kitchen', 'Another Name Ltd');
    await t.next('Who is the promise for?');
    t.keys('C-c');

    expect(await t.next('Cancelled: no file was written.')).not.toContain('Wrote');
    expect(await t.exitCode()).toBe(130);
    expect(await readFile(path.join(content, 'promise.yaml'), 'utf8')).toBe(before);
    expect((await readdir(content)).sort()).toEqual(filesBefore);
  }, SESSION_TIMEOUT);
});

describe('pledge init in a terminal', () => {
  it('offers the wizard for a new promise, and the example is kept as the backup', async () => {
    root = await exampleCopy();
    await rm(path.join(root, 'content'), { recursive: true });
    const t = terminal = new Terminal(root);
    t.start(['init', 'shop']);
    await t.next('created  content/promise.yaml');
    await t.next('Write your own promise now?');
    t.keys('Enter');
    await t.next('Language of the promise');
    t.keys('Enter');
    // A fresh start: no answer is pre-filled from the example.
    await t.next('What is your company called?');
    t.type('Bean Box');
    await t.next('Who is the promise for?');
    t.keys('C-c');
    await t.next('Cancelled: no file was written.');
    expect(await t.exitCode()).toBe(130);
    // The example untouched, but for the editor's schema comment, which init points into the installed package.
    const example = (await readFile(path.join(REPO, 'content/promise.yaml'), 'utf8'))
      .replace('$schema=../schemas/', '$schema=../node_modules/pledge-kit/schemas/');
    expect(await readFile(path.join(root, 'shop/content/promise.yaml'), 'utf8')).toBe(example);
  }, SESSION_TIMEOUT);

  it('after --blank, offers to fill in the promise without claiming an example is kept', async () => {
    root = await exampleCopy();
    const t = terminal = new Terminal(root);
    t.start(['init', 'shop', '--blank']);
    await t.next('Fill in your promise now, one question at a time?');
    expect(t.screen()).not.toContain('example');
    t.keys('n');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
  }, SESSION_TIMEOUT);

  it('asks nothing when it is not on a terminal', async () => {
    root = await exampleCopy();
    const t = terminal = new Terminal(root);
    t.startPiped(['init', 'shop']);
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).not.toContain('Write your own promise now?');
  }, SESSION_TIMEOUT);
});

describe('pledge draft on a broken promise.yaml', () => {
  it('says where it is broken and how to start over, and writes nothing', async () => {
    root = await exampleCopy();
    const promisePath = path.join(root, 'content/promise.yaml');
    const broken = (await readFile(promisePath, 'utf8')).replace('benefit:', 'benefits:');
    await writeFile(promisePath, broken);
    const t = terminal = new Terminal(root);
    t.start(['draft']);
    expect(await t.exitCode()).toBe(2);
    const screen = t.screen();
    expect(screen).toContain('content/promise.yaml:17:1  Unknown key "benefits". Did you mean "benefit"?');
    expect(screen).toContain('content/promise.yaml:1:1  pledge draft starts from this file, so it has to be valid first. Fix the lines above, or run `pledge draft --new` to start over');
    expect(await readFile(promisePath, 'utf8')).toBe(broken);
  }, SESSION_TIMEOUT);
});
