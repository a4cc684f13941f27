import { ruleTable } from '../harness.ts';

const hint = 'Cut it to what the customer gets and how you prove it; move details to the commitment page.';
const longBenefit: [string, string] = ['benefit: you can plan dinner before the parcel arrives', `benefit: you can plan dinner${' and lunch'.repeat(51)}`];

ruleTable('too-long', [
  // The base statements: en 77 words, pt 77 words, zh 117 characters.
  { name: 'under the default limit of 120 words', language: 'en', expected: [] },
  { name: 'over the default limit', language: 'en', edits: [longBenefit], expected: [`content/promise.yaml:4:8  warning  too-long  The statement is 175 words long, over the limit of 120. | ${hint}`] },
  { name: 'over a limit set in rules.yaml', language: 'en', config: { 'too-long': { limit: 70 } }, expected: [`content/promise.yaml:4:8  warning  too-long  The statement is 77 words long, over the limit of 70. | ${hint}`] },
  { name: 'at the limit exactly', language: 'en', config: { 'too-long': { limit: 77 } }, expected: [] },
  { name: 'dentro do limite', language: 'pt', expected: [] },
  { name: 'acima de um limite configurado', language: 'pt', config: { 'too-long': { limit: 70, severity: 'error' } }, expected: [`content/promise.yaml:4:8  error  too-long  The statement is 77 words long, over the limit of 70. | ${hint}`] },
  { name: '没有超过字数', language: 'zh', expected: [] },
  { name: '超过设定的字数', language: 'zh', config: { 'too-long': { limit: 100 } }, expected: [`content/promise.yaml:1:10  warning  too-long  The statement is 117 characters long, over the limit of 100. | ${hint}`] },
]);
