import { ruleTable } from '../harness.ts';

const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];

ruleTable('no-emotion', [
  { name: 'the values sentence speaks of care', language: 'en', expected: [] },
  { name: 'a written statement about trust', language: 'en', edits: [statementAfter('For home cooks: dinner you can trust.')], expected: [] },
  {
    name: 'a statement of facts only',
    language: 'en',
    edits: [statementAfter('For home cooks: dinner planned before the parcel arrives.')],
    expected: ['content/promise.yaml:9:12  info  no-emotion  Nothing in the statement speaks to how the customer will feel. | Say what it means to them, e.g. with words such as "love", "peace of mind", "trust".'],
  },
  { name: 'a frase dos valores fala de cuidado', language: 'pt', expected: [] },
  {
    name: 'só fatos',
    language: 'pt',
    edits: [statementAfter('Para quem cozinha em casa: o jantar planejado antes de o pacote chegar.')],
    expected: ['content/promise.yaml:9:12  info  no-emotion  Nothing in the statement speaks to how the customer will feel. | Say what it means to them, e.g. with words such as "amor", "amamos", "carinho".'],
  },
]);
