import { ruleTable } from '../harness.ts';

const unknown = (id: string, kpi: string, hint: string) => `Commitment "${id}" names the KPI "${kpi}", which kpis.yaml does not define. | ${hint}`;
const noFile = 'Create content/kpis.yaml and define the KPI there (id, formula, source).';

ruleTable('kpi-unknown', [
  { name: 'every KPI is defined', language: 'en', expected: [] },
  { name: 'a typo gets a "did you mean"', language: 'en', edits: [['kpi: on_time\n', 'kpi: on_tme\n']], expected: [`content/promise.yaml:12:10  error  kpi-unknown  ${unknown('on-time', 'on_tme', 'Did you mean "on_time"? Defined KPIs: on_time, reply_time.')}`] },
  { name: 'an unrelated name lists the defined KPIs', language: 'en', edits: [['kpi: on_time\n', 'kpi: basket_size\n']], expected: [`content/promise.yaml:12:10  error  kpi-unknown  ${unknown('on-time', 'basket_size', 'Defined KPIs: on_time, reply_time.')}`] },
  {
    name: 'no kpis.yaml at all',
    language: 'en',
    noKpis: true,
    expected: [
      `content/promise.yaml:12:10  error  kpi-unknown  ${unknown('on-time', 'on_time', noFile)}`,
      `content/promise.yaml:17:10  error  kpi-unknown  ${unknown('replies', 'reply_time', noFile)}`,
    ],
  },
  { name: 'todo KPI está definido', language: 'pt', expected: [] },
  { name: 'um erro de digitação', language: 'pt', edits: [['kpi: reply_time\n', 'kpi: reply_tim\n']], expected: [`content/promise.yaml:17:10  error  kpi-unknown  ${unknown('respostas', 'reply_tim', 'Did you mean "reply_time"? Defined KPIs: on_time, reply_time.')}`] },
  { name: '每个 KPI 都有定义', language: 'zh', expected: [] },
  { name: '拼错了 KPI（中文提示）', language: 'zh', messages: 'zh', edits: [['kpi: reply_time\n', 'kpi: reply_tme\n']],
    expected: ['content/promise.yaml:17:10  error  kpi-unknown  承诺“replies”引用了 KPI“reply_tme”，但 kpis.yaml 中没有定义它。 | 您是不是想写“reply_time”？已定义的 KPI：on_time、reply_time。'] },
]);
