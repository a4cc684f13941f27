import { ruleTable } from '../harness.ts';

const hint = 'Keep one target per KPI and period; put the stricter figure in internal_target.';
const secondOnTime = (target: string): Array<[string, string]> => [
  ['kpi: reply_time', 'kpi: on_time'],
  ['target: { comparison: "<=", value: 4, unit: ', `target: ${target} #`],
];

ruleTable('conflicting-commitments', [
  { name: 'commitments on different KPIs', language: 'en', expected: [] },
  {
    name: 'targets no figure can meet together',
    language: 'en',
    edits: secondOnTime('{ comparison: "<=", value: 90, unit: "%" }'),
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "on-time" and "replies" both measure on_time but no figure can meet >= 95% and <= 90% at once. | ${hint}`],
  },
  {
    name: 'two different numbers for one thing',
    language: 'en',
    edits: secondOnTime('{ comparison: ">=", value: 90, unit: "%" }'),
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "on-time" and "replies" both measure on_time but promise different targets (>= 95% and >= 90%). | ${hint}`],
  },
  { name: 'a floor and a ceiling that leave room', language: 'en', edits: secondOnTime('{ comparison: "<=", value: 99, unit: "%" }'), expected: [] },
  {
    name: 'one KPI over different periods',
    language: 'en',
    edits: [...secondOnTime('{ comparison: ">=", value: 90, unit: "%" }'), ['    period: month\n    remedy: we send', '    period: quarter\n    remedy: we send']],
    expected: [],
  },
  { name: 'KPIs diferentes', language: 'pt', expected: [] },
  {
    name: 'metas incompatíveis',
    language: 'pt',
    edits: secondOnTime('{ comparison: "<", value: 95, unit: "%" }'),
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "no-prazo" and "respostas" both measure on_time but no figure can meet >= 95% and < 95% at once. | ${hint}`],
  },
  {
    name: 'metas incompatíveis, em português: as metas com vírgula decimal, como nas outras verificações',
    language: 'pt',
    messages: 'pt',
    edits: secondOnTime('{ comparison: "<", value: 92.5, unit: "%" }'),
    expected: ['content/promise.yaml:18:13  error  conflicting-commitments  Os compromissos «no-prazo» e «respostas» medem ambos on_time, mas nenhum valor consegue cumprir >= 95% e < 92,5% ao mesmo tempo.'
      + ' | Fique com uma só meta por KPI e por período; ponha o valor mais exigente em internal_target.'],
  },
]);

// The words against the targets: a figure in a commitment's text or in the statement that differs from the target it speaks of.
const wordsHint = 'Say the target\'s figure in the words, or change the target so both tell the same story.';
const words = (claim: string, id: string, target: string) =>
  `The words say "${claim}" but commitment "${id}" promises ${target}: customers read the words, the page measures the target.`;
const withText = (id: string, text: string): Array<[string, string]> => [[`  - id: ${id}\n`, `  - id: ${id}\n    text: ${text}\n`]];
const withStatement = (statement: string, language: 'en' | 'pt' | 'zh'): Array<[string, string]> => [[`language: ${language}\n`, `language: ${language}\nstatement: ${statement}\n`]];

ruleTable('conflicting-commitments', [
  {
    name: 'a commitment whose text promises a faster reply than its target',
    language: 'en',
    edits: withText('replies', 'We answer every message within 2 hours.'),
    expected: [`content/promise.yaml:17:42  error  conflicting-commitments  ${words('2 hours', 'replies', '<= 4 hours')} | ${wordsHint}`],
  },
  { name: 'a commitment whose text says its own target', language: 'en', edits: withText('replies', 'We answer every message within four hours.'), expected: [] },
  { name: 'a remedy\'s own time beside the target\'s figure', language: 'en', edits: withText('replies', 'We reply within 4 hours, or we send you a voucher within 2 days.'), expected: [] },
  { name: 'a delivery window inside an on-time rate', language: 'en', edits: withText('on-time', '95% of orders arrive within 2 days.'), expected: [] },
  {
    name: 'a statement that promises more orders on time than the target',
    language: 'en',
    edits: withStatement('Home cooks, 99% of your orders arrive on time and we reply within 4 hours.', 'en'),
    expected: [`content/promise.yaml:3:24  error  conflicting-commitments  ${words('99%', 'on-time', '>= 95%')} | ${wordsHint}`],
  },
  {
    name: 'a statement whose reply time is slower than the target',
    language: 'en',
    edits: withStatement('Ask us anything, we answer in 1 day.', 'en'),
    expected: [`content/promise.yaml:3:42  error  conflicting-commitments  ${words('1 day', 'replies', '<= 4 hours')} | ${wordsHint}`],
  },
  { name: 'a statement that agrees with both targets', language: 'en', edits: withStatement('Home cooks, 95% of your orders arrive on time and we reply within 4 hours.', 'en'), expected: [] },
  { name: 'a statement with numbers that are no targets', language: 'en', edits: withStatement('Since 1998, 12 cooks pack every order by hand.', 'en'), expected: [] },
  {
    name: 'um compromisso cujo texto promete resposta mais rápida',
    language: 'pt',
    edits: withText('respostas', 'Respondemos a cada mensagem em até 2 horas.'),
    expected: [`content/promise.yaml:17:46  error  conflicting-commitments  ${words('2 horas', 'respostas', '<= 4 horas')} | ${wordsHint}`],
  },
  { name: 'uma declaração que repete as metas', language: 'pt', edits: withStatement('Entregamos 95 % dos pedidos no prazo e respondemos em até quatro horas.', 'pt'), expected: [] },
  {
    name: 'uma declaração com entrega no prazo acima da meta',
    language: 'pt',
    edits: withStatement('Entregamos 98 % dos pedidos no prazo.', 'pt'),
    expected: [`content/promise.yaml:3:23  error  conflicting-commitments  ${words('98 %', 'no-prazo', '>= 95%')} | ${wordsHint}`],
  },
  {
    name: '声明中的回复时间与目标不同',
    language: 'zh',
    edits: withStatement('我们两小时内回复您的每一条消息。', 'zh'),
    expected: [`content/promise.yaml:3:14  error  conflicting-commitments  ${words('两小时', 'replies', '<= 4 小时')} | ${wordsHint}`],
  },
  { name: '声明与目标一致', language: 'zh', edits: withStatement('我们四小时内回复，95%的订单准时送达。', 'zh'), expected: [] },
  { name: '承诺文字与目标一致', language: 'zh', edits: withText('replies', '我们在4小时内回复每一条消息。'), expected: [] },
]);
