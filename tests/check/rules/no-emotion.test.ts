import { ruleTable } from '../harness.ts';

const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];

ruleTable('no-emotion', [
  { name: 'the values sentence speaks of care', language: 'en', expected: [] },
  { name: '价值观那句话讲的是用心', language: 'zh', expected: [] },
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
  { name: 'só fatos, em português', language: 'pt', messages: 'pt', edits: [statementAfter('Para quem cozinha em casa: o jantar planejado antes de o pacote chegar.')],
    expected: ['content/promise.yaml:9:12  info  no-emotion  Nada na declaração fala do que o cliente vai sentir. | Diga o que isto significa para ele, por exemplo com palavras como «amor», «amamos», «carinho».'] },
  { name: '自己写的承诺让人放心', language: 'zh', edits: [statementAfter('给在家做饭的人：包裹到达前，您就能放心安排晚饭。')], expected: [] },
  { name: '只讲事实（中文提示）', language: 'zh', messages: 'zh', edits: [statementAfter('给在家做饭的人：包裹到达前就能安排好晚饭。')],
    expected: ['content/promise.yaml:9:12  info  no-emotion  这段承诺里没有一句话触及客户的感受。 | 说说这对客户意味着什么，例如用上“爱”、“用心”、“贴心”这样的词。'] },
]);
