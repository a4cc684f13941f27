import { ruleTable, writtenStatement as said } from '../harness.ts';

const finding = (at: string, features: string) =>
  `content/promise.yaml:${at}  warning  features-not-benefits  The statement lists features (${features}) but never says what the customer gains. | Turn each feature into a benefit: not "we offer 24/7 chat" but "you get an answer tonight".`;

ruleTable('features-not-benefits', [
  { name: 'the composed statement says what the customer gets', language: 'en', expected: [] },
  {
    name: 'a list of equipment, with a "your" that is no benefit',
    language: 'en',
    edits: [said('Kestrel Kitchen has a workshop in Leeds, a team of trained cooks, and a new app for your orders.')],
    expected: [finding('9:29', '"has a"')],
  },
  {
    name: 'features only',
    language: 'en',
    edits: [said('Kestrel Kitchen sells cookware. We offer next-day dispatch and our platform includes live tracking.')],
    expected: [finding('9:45', '"We offer", "our platform", "includes"')],
  },
  { name: 'a feature turned into a benefit', language: 'en', edits: [said('We offer next-day dispatch, so you can cook the same week.')], expected: [] },
  {
    name: 'the declared benefit, in other words, beside the features',
    language: 'en',
    edits: [said('Every pan comes with a delivery date, so dinner is planned before the parcel arrives.')],
    expected: [],
  },
  {
    name: 'a benefit that is a feature: the intro\'s stock "you can plan around" does not count',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: our platform includes live tracking']],
    expected: [finding('9:10', '"our platform", "includes"')],
  },
  { name: 'a declaração composta fala do benefício', language: 'pt', expected: [] },
  {
    name: 'só recursos',
    language: 'pt',
    edits: [said('Na Casa Ipê, oferecemos entrega expressa e nossa plataforma inclui rastreio.')],
    expected: [finding('9:26', '"oferecemos", "nossa plataforma", "inclui"')],
  },
  {
    name: '"conta com" e um "seu" que não é benefício',
    language: 'pt',
    edits: [said('A Casa Ipê conta com uma oficina, uma equipe de cozinheiros e um aplicativo novo para o seu pedido.')],
    expected: [finding('9:24', '"conta com"')],
  },
  { name: 'o recurso virou benefício', language: 'pt', edits: [said('A Casa Ipê conta com cozinheiros no atendimento, assim você tira dúvidas antes de comprar.')], expected: [] },
  { name: '组合出的承诺讲了客户得到什么', language: 'zh', expected: [] },
  { name: '只列设备和功能', language: 'zh', edits: [said('青隼厨房拥有上海仓库，配备专业客服和全新的应用。')], expected: [finding('9:17', '"拥有", "配备"')] },
  { name: '声明的好处本身就是功能', language: 'zh', edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 我们提供全天候客服']], expected: [finding('9:10', '"我们提供"')] },
  { name: '功能变成了好处', language: 'zh', edits: [said('青隼厨房配备专业客服，让您买锅前就能问清楚。')], expected: [] },
]);
