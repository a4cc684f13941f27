import { ruleTable } from '../harness.ts';

const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];

ruleTable('values-not-reflected', [
  { name: 'the composed statement carries the values', language: 'en', expected: [] },
  { name: '"honest" reflects the value "honesty"', language: 'en', edits: [statementAfter('For home cooks: honest delivery dates.')], expected: [] },
  {
    name: 'a statement about dates only',
    language: 'en',
    edits: [statementAfter('For home cooks: dinner planned before the parcel arrives.')],
    expected: [
      'content/promise.yaml:9:12  warning  values-not-reflected  The statement reflects none of the values you declared (honesty, care). | Say how one of them shows in what you promise, e.g. "honesty" in a sentence of its own.',
    ],
  },
  { name: '"cuidadosas" reflete o valor "cuidado"', language: 'pt', edits: [statementAfter('Para quem cozinha em casa: entregas honestas e cuidadosas.')], expected: [] },
  {
    name: 'uma declaração só sobre prazos',
    language: 'pt',
    edits: [statementAfter('Para quem cozinha em casa: o jantar planejado antes de o pacote chegar.')],
    expected: [
      'content/promise.yaml:9:12  warning  values-not-reflected  The statement reflects none of the values you declared (honestidade, cuidado). | Say how one of them shows in what you promise, e.g. "honestidade" in a sentence of its own.',
    ],
  },
]);
