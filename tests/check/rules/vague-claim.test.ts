import { ruleTable } from '../harness.ts';

const vague = (word: string) => `"${word}" is a claim nobody can measure. | Put a number on it, e.g. "delivered within 48 hours", or cut it.`;

ruleTable('vague-claim', [
  { name: 'no superlatives', language: 'en', expected: [] },
  {
    name: 'superlatives with no number',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get the best service and fast delivery']],
    expected: [`content/promise.yaml:9:18  warning  vague-claim  ${vague('the best')}`, `content/promise.yaml:9:39  warning  vague-claim  ${vague('fast')}`],
  },
  { name: 'a number in the same sentence makes it measurable', language: 'en', edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get fast delivery within 48 hours']], expected: [] },
  { name: 'sem superlativos', language: 'pt', expected: [] },
  {
    name: 'superlativos sem número',
    language: 'pt',
    edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você tem o melhor atendimento e entrega rápida']],
    expected: [`content/promise.yaml:9:19  warning  vague-claim  ${vague('o melhor')}`, `content/promise.yaml:9:50  warning  vague-claim  ${vague('rápida')}`],
  },
  { name: 'um número na mesma frase', language: 'pt', edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você recebe entrega rápida em 48 horas']], expected: [] },
]);
