import { ruleTable, writtenStatement as said } from '../harness.ts';

const absolute = (at: string, word: string) =>
  `content/promise.yaml:${at}  warning  absolute-claim  "${word}" is an absolute claim with no remedy: one miss makes it untrue. | Add remedy: what the customer gets when you miss (e.g. "we refund your shipping"), or soften the word.`;
const en = {
  always: ['benefit: you can plan dinner before the parcel arrives', 'benefit: you always know when dinner arrives'] as [string, string],
  noRemedies: [['    remedy: we refund your shipping\n', ''], ['    remedy: we send you a voucher\n', '']] as Array<[string, string]>,
};
const pt = {
  always: ['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você sempre sabe quando o jantar chega'] as [string, string],
  noRemedies: [['    remedy: devolvemos o frete\n', ''], ['    remedy: enviamos um cupom para você\n', '']] as Array<[string, string]>,
};

ruleTable('absolute-claim', [
  { name: '"always" in the benefit: the commitments\' remedies are for their own targets', language: 'en', edits: [en.always], expected: [absolute('9:14', 'always')] },
  { name: '"always" and no remedy anywhere', language: 'en', edits: [en.always, ...en.noRemedies], expected: [absolute('9:14', 'always')] },
  {
    name: 'a commitment saying "always" without its own remedy',
    language: 'en',
    edits: [['    remedy: we send you a voucher', '    text: We always reply within 4 hours']],
    expected: [absolute('20:14', 'always')],
  },
  { name: '"100%" in a commitment that has a remedy', language: 'en', edits: [['value: 95', 'value: 100']], expected: [] },
  { name: '"100%" in a commitment with no remedy', language: 'en', edits: [['value: 95', 'value: 100'], en.noRemedies[0]!], expected: [absolute('13:40', '100%')] },
  { name: '"100 % of the time" outside any commitment', language: 'en', edits: [said('The best prices, 100 % of the time.')], expected: [absolute('9:30', '100 %')] },
  { name: 'the target of a commitment that has a remedy', language: 'en', edits: [said('We always reply within 4 hours.')], expected: [] },
  { name: 'a target no commitment stands behind', language: 'en', edits: [said('We always reply within 2 hours.')], expected: [absolute('9:16', 'always')] },
  { name: 'the remedy in the same sentence', language: 'en', edits: [said('Always on time, or your money back.')], expected: [] },
  { name: '"sempre" no benefício', language: 'pt', edits: [pt.always], expected: [absolute('9:15', 'sempre')] },
  { name: '"sempre" sem remédio', language: 'pt', edits: [pt.always, ...pt.noRemedies], expected: [absolute('9:15', 'sempre')] },
  { name: '"100 % das vezes"', language: 'pt', edits: [said('Os melhores preços, 100 % das vezes.')], expected: [absolute('9:33', '100 %')] },
  { name: 'a meta de um compromisso com remédio', language: 'pt', edits: [said('Respondemos sempre em até 4 horas.')], expected: [] },
  { name: 'o remédio de um compromisso, com outras palavras', language: 'pt', edits: [said('Entregamos sempre no prazo, e o frete é devolvido quando não conseguimos.')], expected: [] },
  { name: '“百分之百”没有补救', language: 'zh', edits: [said('价格最优，百分之百让您满意。')], expected: [absolute('9:18', '百分之百')] },
  { name: '有补救的承诺目标', language: 'zh', edits: [said('我们保证 4 小时内回复。')], expected: [] },
  { name: '同一句里说明了补救', language: 'zh', edits: [said('保证准时送达，否则退还运费。')], expected: [] },
]);
