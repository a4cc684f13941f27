import { ruleTable } from '../harness.ts';

const message = 'The promise sets out to exceed expectations on time, cost and service at once; nobody can sustain all three. | Pick the one dimension your customers care about most and keep exceeds: on that commitment only.';
const exceeds = (first: string, second: string, third?: string): Array<[string, string]> => [
  ['    kpi: on_time\n', `    kpi: on_time\n    exceeds: ${first}\n`],
  ['    kpi: reply_time\n', `    kpi: reply_time\n    exceeds: ${second}\n`],
  ['call_to_action:', third
    ? `  - id: fair-price\n    kpi: on_time\n    target: { comparison: ">=", value: 90 }\n    period: quarter\n    exceeds: ${third}\ncall_to_action:`
    : 'call_to_action:'],
];

ruleTable('unfocused-exceed', [
  { name: 'exceeding on one dimension', language: 'en', edits: exceeds('time', 'time'), expected: [] },
  { name: 'time and service, not cost', language: 'en', edits: exceeds('time', 'service'), expected: [] },
  { name: 'time, service and cost at once', language: 'en', edits: exceeds('time', 'service', 'cost'), expected: [`content/promise.yaml:27:14  warning  unfocused-exceed  ${message}`] },
  { name: 'só tempo', language: 'pt', edits: exceeds('time', 'time', 'time'), expected: [] },
  { name: 'tempo, custo e serviço', language: 'pt', edits: exceeds('cost', 'time', 'service'), expected: [`content/promise.yaml:27:14  warning  unfocused-exceed  ${message}`] },
]);
