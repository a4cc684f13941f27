import { ruleTable } from '../harness.ts';

const hint = 'Turn each feature into a benefit: not "we offer 24/7 chat" but "you get an answer tonight".';
const statementAfter = (text: string): [string, string] => ['promise_types: [delivery]', `promise_types: [delivery]\nstatement: "${text}"`];
const plainRemedies: Array<[string, string]> = [['we refund your shipping', 'we refund the shipping'], ['we send you a voucher', 'we send a voucher']];

ruleTable('features-not-benefits', [
  { name: 'the composed statement says what the customer gets', language: 'en', expected: [] },
  {
    name: 'features only',
    language: 'en',
    edits: [statementAfter('Kestrel Kitchen sells cookware. We offer next-day dispatch and our platform includes live tracking.'), ...plainRemedies],
    expected: [`content/promise.yaml:9:45  warning  features-not-benefits  The statement lists features ("We offer", "our platform", "includes") but never says what the customer gains. | ${hint}`],
  },
  { name: 'a feature turned into a benefit', language: 'en', edits: [statementAfter('We offer next-day dispatch, so you can cook the same week.'), ...plainRemedies], expected: [] },
  { name: 'a declaração composta fala do benefício', language: 'pt', expected: [] },
  {
    name: 'só recursos',
    language: 'pt',
    edits: [statementAfter('Na Casa Ipê, oferecemos entrega expressa e nossa plataforma inclui rastreio.'), ['enviamos um cupom para você', 'enviamos um cupom']],
    expected: [`content/promise.yaml:9:26  warning  features-not-benefits  The statement lists features ("oferecemos", "nossa plataforma", "inclui") but never says what the customer gains. | ${hint}`],
  },
]);
