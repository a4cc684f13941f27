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
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "on-time" and "replies" both measure on_time but no figure can meet >= 95 % and <= 90 % at once. | ${hint}`],
  },
  {
    name: 'two different numbers for one thing',
    language: 'en',
    edits: secondOnTime('{ comparison: ">=", value: 90, unit: "%" }'),
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "on-time" and "replies" both measure on_time but promise different targets (>= 95 % and >= 90 %). | ${hint}`],
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
    expected: [`content/promise.yaml:18:13  error  conflicting-commitments  Commitments "no-prazo" and "respostas" both measure on_time but no figure can meet >= 95 % and < 95 % at once. | ${hint}`],
  },
]);
