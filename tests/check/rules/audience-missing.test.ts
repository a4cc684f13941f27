import { impersonalRemedies as plain, ruleTable, writtenStatement as said } from '../harness.ts';

ruleTable('audience-missing', [
  { name: 'the composed statement names the audience', language: 'en', expected: [] },
  { name: 'the audience in other words', language: 'en', edits: [said('Pans for people who cook at home, packed by hand.'), ...plain.en], expected: [] },
  { name: 'a statement that speaks to "you"', language: 'en', edits: [said('Pans that last, packed by hand for you.'), ...plain.en], expected: [] },
  {
    name: 'a written statement that speaks to nobody',
    language: 'en',
    edits: [said('Kestrel Kitchen ships cookware across the country.'), ...plain.en],
    expected: [
      'content/promise.yaml:9:12  warning  audience-missing  The statement never speaks to its audience (home cooks): no sentence names them (at least 50 % of "home", "cooks", or words with the same stem) and none says "you". | Address the reader directly, e.g. start with "For home cooks, ..." or say what "you" get.',
    ],
  },
  { name: 'a declaração composta fala com o público', language: 'pt', expected: [] },
  { name: 'o público dito de outro jeito', language: 'pt', edits: [said('Panelas para quem gosta de cozinhar em casa.'), ...plain.pt], expected: [] },
  {
    name: 'uma declaração que não fala com ninguém (o "Casa" de "Casa Ipê" não conta)',
    language: 'pt',
    edits: [said('A Casa Ipê vende panelas no Brasil inteiro.'), ...plain.pt],
    expected: [
      'content/promise.yaml:9:12  warning  audience-missing  The statement never speaks to its audience (quem cozinha em casa): no sentence names them (at least 50 % of "cozinha", "casa", or words with the same stem) and none says "você". | Address the reader directly, e.g. start with "For quem cozinha em casa, ..." or say what "você" get.',
    ],
  },
  { name: '组合出的承诺提到了受众', language: 'zh', expected: [] },
  { name: '受众的简短说法', language: 'zh', edits: [said('青隼厨房为爱做饭的人挑选好锅。'), ...plain.zh], expected: [] },
  {
    name: '没有对任何人说话',
    language: 'zh',
    edits: [said('青隼厨房把锅具送到全国各地。'), ...plain.zh],
    expected: [
      'content/promise.yaml:9:12  warning  audience-missing  The statement never speaks to its audience (在家做饭的人): no sentence names them (at least 50 % of "在家", "做饭", or words with the same stem) and none says "您". | Address the reader directly, e.g. start with "For 在家做饭的人, ..." or say what "您" get.',
    ],
  },
]);
