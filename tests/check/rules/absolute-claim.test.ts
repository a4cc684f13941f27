import { ruleTable } from '../harness.ts';

const message = (word: string) => `"${word}" is an absolute claim with no remedy: one miss makes it untrue. | Add remedy: what the customer gets when you miss (e.g. "we refund your shipping"), or soften the word.`;
const en = {
  always: ['benefit: you can plan dinner before the parcel arrives', 'benefit: you always know when dinner arrives'] as [string, string],
  noRemedies: [['    remedy: we refund your shipping\n', ''], ['    remedy: we send you a voucher\n', '']] as Array<[string, string]>,
};
const pt = {
  always: ['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você sempre sabe quando o jantar chega'] as [string, string],
  noRemedies: [['    remedy: devolvemos o frete\n', ''], ['    remedy: enviamos um cupom para você\n', '']] as Array<[string, string]>,
};

ruleTable('absolute-claim', [
  { name: '"always" with remedies stated', language: 'en', edits: [en.always], expected: [] },
  { name: '"always" and no remedy anywhere', language: 'en', edits: [en.always, ...en.noRemedies], expected: [`content/promise.yaml:9:14  warning  absolute-claim  ${message('always')}`] },
  {
    name: 'a commitment saying "always" without its own remedy',
    language: 'en',
    edits: [['    remedy: we send you a voucher', '    text: We always reply within 4 hours']],
    expected: [`content/promise.yaml:20:14  warning  absolute-claim  ${message('always')}`],
  },
  { name: '"100%" in a commitment that has a remedy', language: 'en', edits: [['value: 95', 'value: 100']], expected: [] },
  { name: '"100%" in a commitment with no remedy', language: 'en', edits: [['value: 95', 'value: 100'], en.noRemedies[0]!], expected: [`content/promise.yaml:13:40  warning  absolute-claim  ${message('100%')}`] },
  { name: '"sempre" com remédio', language: 'pt', edits: [pt.always], expected: [] },
  { name: '"sempre" sem remédio', language: 'pt', edits: [pt.always, ...pt.noRemedies], expected: [`content/promise.yaml:9:15  warning  absolute-claim  ${message('sempre')}`] },
]);
