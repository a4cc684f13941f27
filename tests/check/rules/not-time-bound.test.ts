import { ruleTable } from '../harness.ts';

const message = (id: string) => `Commitment "${id}" has no period and no deadline, so it can never be judged kept or broken. | Add period: week, month or quarter (how often it is measured), or deadline: YYYY-MM-DD.`;
const firstPeriod = { en: '    period: month\n    remedy: we refund', pt: '    period: month\n    remedy: devolvemos', zh: '    period: month\n    remedy: 我们退还运费' };
const withDeadline = (language: 'en' | 'pt' | 'zh'): [string, string] => [firstPeriod[language], firstPeriod[language].replace('period: month', 'deadline: 2026-12-31')];
const withNeither = (language: 'en' | 'pt' | 'zh'): [string, string] => [firstPeriod[language], firstPeriod[language].replace('    period: month\n', '')];

ruleTable('not-time-bound', [
  { name: 'every commitment has a period', language: 'en', expected: [] },
  { name: 'a deadline is enough', language: 'en', edits: [withDeadline('en')], expected: [] },
  { name: 'neither period nor deadline', language: 'en', edits: [withNeither('en')], expected: [`content/promise.yaml:11:5  error  not-time-bound  ${message('on-time')}`] },
  { name: 'um prazo final basta', language: 'pt', edits: [withDeadline('pt')], expected: [] },
  { name: 'sem período nem prazo', language: 'pt', edits: [withNeither('pt')], expected: [`content/promise.yaml:11:5  error  not-time-bound  ${message('no-prazo')}`] },
  { name: 'sem período nem prazo, em português', language: 'pt', messages: 'pt', edits: [withNeither('pt')],
    expected: ['content/promise.yaml:11:5  error  not-time-bound  O compromisso «no-prazo» não tem período nem prazo, por isso nunca se pode dizer se foi cumprido ou não. | Acrescente period: week, month ou quarter (de quanto em quanto tempo é medido), ou deadline: AAAA-MM-DD.'] },
  { name: '有截止日期就够了', language: 'zh', edits: [withDeadline('zh')], expected: [] },
  { name: '既没有周期也没有截止日期（中文提示）', language: 'zh', messages: 'zh', edits: [withNeither('zh')],
    expected: ['content/promise.yaml:11:5  error  not-time-bound  承诺“on-time”既没有周期也没有截止日期，因此永远无法判断它是兑现了还是失约了。 | 加上 period: week、month 或 quarter（多久衡量一次），或者 deadline: YYYY-MM-DD。'] },
]);
