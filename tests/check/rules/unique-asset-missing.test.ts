import { ruleTable } from '../harness.ts';

const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];
const none = "content/promise.yaml:1:10  warning  unique-asset-missing  The promise names no unique asset, so nothing sets it apart from a competitor's. | Add unique_assets: what you have that others lack, e.g. \"support staffed by trained cooks\".";

ruleTable('unique-asset-missing', [
  { name: 'the composed statement names the asset', language: 'en', expected: [] },
  { name: 'no unique assets at all', language: 'en', edits: [['unique_assets:\n  - every order is packed by hand', 'unique_assets: []']], expected: [none] },
  {
    name: 'a written statement that never mentions the asset',
    language: 'en',
    edits: [statementAfter('For home cooks: dinner planned before the parcel arrives.')],
    expected: [
      'content/promise.yaml:9:12  warning  unique-asset-missing  The statement mentions none of your unique assets. | Say what sets you apart, e.g. "every order is packed by hand".',
    ],
  },
  { name: 'a declaração composta cita o diferencial', language: 'pt', expected: [] },
  { name: 'sem diferencial', language: 'pt', edits: [['unique_assets:\n  - cada pedido é embalado à mão', 'unique_assets: []']], expected: [none] },
  {
    name: 'uma declaração que não cita o diferencial',
    language: 'pt',
    edits: [statementAfter('Para quem cozinha em casa: o jantar antes do pacote.')],
    expected: [
      'content/promise.yaml:9:12  warning  unique-asset-missing  The statement mentions none of your unique assets. | Say what sets you apart, e.g. "cada pedido é embalado à mão".',
    ],
  },
]);
