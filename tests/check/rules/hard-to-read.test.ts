import { ruleTable } from '../harness.ts';

const hint = 'Use shorter sentences and everyday words.';
const latinate: [string, string] = ['promise_types: [delivery]', 'promise_types: [delivery]\nstatement: "Kestrel Kitchen facilitates comprehensive organizational functionality, enabling individualized culinary experimentation for discerning gastronomic enthusiasts."'];

ruleTable('hard-to-read', [
  // Base statements: en Flesch 80.3, pt Flesch (Martins) 72.7, zh 14.6 characters per sentence.
  { name: 'plain English', language: 'en', expected: [] },
  {
    name: 'long Latinate words',
    language: 'en',
    edits: [latinate],
    expected: [`content/promise.yaml:9:12  warning  hard-to-read  The statement is hard to read: Flesch reading ease is 32.1, below the limit of 45. | ${hint}`],
  },
  { name: 'a lower limit from rules.yaml lets it pass', language: 'en', config: { 'hard-to-read': { limit: 32 } }, edits: [latinate], expected: [] },
  { name: 'português simples', language: 'pt', expected: [] },
  {
    name: 'palavras longas e técnicas',
    language: 'pt',
    edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você recebe funcionalidades organizacionais abrangentes possibilitando experimentações culinárias individualizadas']],
    expected: [`content/promise.yaml:4:8  warning  hard-to-read  The statement is hard to read: Flesch reading ease (Portuguese, Martins et al.) is 33.6, below the limit of 50. | ${hint}`],
  },
  { name: '短句好读', language: 'zh', expected: [] },
  { name: '平均句长超过设定值', language: 'zh', config: { 'hard-to-read': { limit: 12 } }, expected: [`content/promise.yaml:1:10  warning  hard-to-read  The statement is hard to read: characters per sentence is 14.6, above the limit of 12. | ${hint}`] },
]);
