import { ruleTable } from '../harness.ts';

const message = (id: string) => `Commitment "${id}" has no period and no deadline, so it can never be judged kept or broken. | Add period: week, month or quarter (how often it is measured), or deadline: YYYY-MM-DD.`;
const firstPeriod = { en: '    period: month\n    remedy: we refund', pt: '    period: month\n    remedy: devolvemos' };
const withDeadline = (language: 'en' | 'pt'): [string, string] => [firstPeriod[language], firstPeriod[language].replace('period: month', 'deadline: 2026-12-31')];
const withNeither = (language: 'en' | 'pt'): [string, string] => [firstPeriod[language], firstPeriod[language].replace('    period: month\n', '')];

ruleTable('not-time-bound', [
  { name: 'every commitment has a period', language: 'en', expected: [] },
  { name: 'a deadline is enough', language: 'en', edits: [withDeadline('en')], expected: [] },
  { name: 'neither period nor deadline', language: 'en', edits: [withNeither('en')], expected: [`content/promise.yaml:11:5  error  not-time-bound  ${message('on-time')}`] },
  { name: 'um prazo final basta', language: 'pt', edits: [withDeadline('pt')], expected: [] },
  { name: 'sem período nem prazo', language: 'pt', edits: [withNeither('pt')], expected: [`content/promise.yaml:11:5  error  not-time-bound  ${message('no-prazo')}`] },
]);
