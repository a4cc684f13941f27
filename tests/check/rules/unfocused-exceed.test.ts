import { ruleTable, writtenStatement as said } from '../harness.ts';

const fields = 'The promise sets out to exceed expectations on time, cost and service at once; nobody can sustain all three. | Pick the one dimension your customers care about most and keep exceeds: on that commitment only.';
const worded = (at: string, time: string, cost: string, service: string) =>
  `content/promise.yaml:${at}  warning  unfocused-exceed  The promise sets out to exceed expectations on time (${time}), cost (${cost}) and service (${service}) at once; nobody can sustain all three. | Pick the one dimension your customers care about most, say it in the statement, and make the other two plain promises.`;
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
  { name: 'time, service and cost at once', language: 'en', edits: exceeds('time', 'service', 'cost'), expected: [`content/promise.yaml:27:14  warning  unfocused-exceed  ${fields}`] },
  {
    name: 'the statement beats everyone on speed, price and service, with no exceeds:',
    language: 'en',
    edits: [said('Kestrel Kitchen beats everyone on speed, price and service.')],
    expected: [worded('9:47', '"speed"', '"price"', '"service"')],
  },
  {
    name: 'the statement adds cost and service to exceeds: time',
    language: 'en',
    edits: [said('The lowest prices in town and the friendliest service.'), ...exceeds('time', 'time')],
    expected: [worded('9:17', 'exceeds: time', '"lowest prices"', '"friendliest"')],
  },
  {
    name: 'one dimension to beat, the others plain ("at fair prices")',
    language: 'en',
    edits: [said('Kestrel Kitchen delivers faster than anyone, at fair prices, with friendly service.')],
    expected: [],
  },
  { name: 'só tempo', language: 'pt', edits: exceeds('time', 'time', 'time'), expected: [] },
  { name: 'tempo, custo e serviço', language: 'pt', edits: exceeds('cost', 'time', 'service'), expected: [`content/promise.yaml:27:14  warning  unfocused-exceed  ${fields}`] },
  {
    name: 'a declaração promete superar todos em rapidez, preço e atendimento',
    language: 'pt',
    edits: [said('Ninguém bate a Casa Ipê em rapidez, preço e atendimento.')],
    expected: [worded('9:40', '"rapidez"', '"preço"', '"atendimento"')],
  },
  { name: 'só a entrega é para superar', language: 'pt', edits: [said('A entrega mais rápida do Brasil, com preço justo e atendimento gentil.')], expected: [] },
  {
    name: '更快、更便宜、服务更好',
    language: 'zh',
    edits: [said('我们比任何人都更快、更便宜、服务更好。')],
    expected: [worded('9:21', '"快"', '"便宜"', '"服务"')],
  },
  { name: '只在速度上超出预期', language: 'zh', edits: [said('青隼厨房送货最快，价格公道，客服耐心。')], expected: [] },
]);
