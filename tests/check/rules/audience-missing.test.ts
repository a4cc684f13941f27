import { ruleTable } from '../harness.ts';

const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];

ruleTable('audience-missing', [
  { name: 'the composed statement names the audience', language: 'en', expected: [] },
  {
    name: 'a written statement that names the audience passes',
    language: 'en',
    edits: [statementAfter('Home cooks get pans that last.'), ['we refund your shipping', 'we refund the shipping'], ['we send you a voucher', 'we send a voucher']],
    expected: [],
  },
  {
    name: 'a written statement that speaks to nobody',
    language: 'en',
    edits: [statementAfter('Kestrel Kitchen ships cookware across the country.'), ['we refund your shipping', 'we refund the shipping'], ['we send you a voucher', 'we send a voucher']],
    expected: [
      'content/promise.yaml:9:12  warning  audience-missing  The statement never speaks to its audience (home cooks): it neither names them nor says "you". | Address the reader directly, e.g. start with "For home cooks, ..." or say what "you" get.',
    ],
  },
  { name: 'a declaração composta fala com o público', language: 'pt', expected: [] },
  {
    name: 'uma declaração que não fala com ninguém',
    language: 'pt',
    edits: [statementAfter('A Casa Ipê vende panelas no Brasil inteiro.'), ['enviamos um cupom para você', 'enviamos um cupom']],
    expected: [
      'content/promise.yaml:9:12  warning  audience-missing  The statement never speaks to its audience (quem cozinha em casa): it neither names them nor says "você". | Address the reader directly, e.g. start with "For quem cozinha em casa, ..." or say what "você" get.',
    ],
  },
]);
