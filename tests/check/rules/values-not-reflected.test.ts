import { ruleTable, writtenStatement as said } from '../harness.ts';

const none = (values: string, words: string, example: string) =>
  `content/promise.yaml:9:12  warning  values-not-reflected  The statement reflects none of the values you declared (${values}): no sentence holds at least 50 % of the words of one of them (${words}), or words with the same stem. | Say how one of them shows in what you promise, e.g. "${example}" in a sentence of its own.`;

ruleTable('values-not-reflected', [
  { name: 'the composed statement carries the values', language: 'en', expected: [] },
  { name: '"honest" reflects the value "honesty"', language: 'en', edits: [said('For home cooks: we are honest about delivery dates.')], expected: [] },
  { name: '"caring" reflects the value "care"', language: 'en', edits: [said('Pans packed by caring hands in Leeds.')], expected: [] },
  { name: 'a statement about dates only', language: 'en', edits: [said('For home cooks: dinner planned before the parcel arrives.')], expected: [none('honesty, care', '"honesty", "care"', 'honesty')] },
  { name: '"careers" is not "care"', language: 'en', edits: [said('Kestrel Kitchen is hiring: careers for home cooks.')], expected: [none('honesty, care', '"honesty", "care"', 'honesty')] },
  { name: '"honestas" reflete o valor "honestidade"', language: 'pt', edits: [said('Para quem cozinha em casa: entregas honestas, sem surpresas.')], expected: [] },
  { name: '"cuidamos" reflete o valor "cuidado"', language: 'pt', edits: [said('Nós cuidamos de cada panela até a sua cozinha.')], expected: [] },
  {
    name: 'uma declaração só sobre prazos',
    language: 'pt',
    edits: [said('Para quem cozinha em casa: o jantar planejado antes de o pacote chegar.')],
    expected: [none('honestidade, cuidado', '"honestidade", "cuidado"', 'honestidade')],
  },
  { name: '组合出的承诺体现了价值观', language: 'zh', expected: [] },
  { name: '换一种说法体现“用心”', language: 'zh', edits: [said('我们用心挑选每一口锅。')], expected: [] },
  { name: '只讲送货时间', language: 'zh', edits: [said('青隼厨房把锅具送到全国各地。')], expected: [none('诚实, 用心', '"诚实", "用心"', '诚实')] },
]);
