import { ruleTable } from '../harness.ts';

const hint = 'Say what the customer gets instead, e.g. "a reply within 2 hours".';
const buzz = (word: string) => `"${word}" is a buzzword: it tells the customer nothing they can check. | ${hint}`;

ruleTable('jargon', [
  { name: 'plain words pass', language: 'en', expected: [] },
  {
    name: 'two buzzwords in the benefit, each at its column',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get world-class, seamless service']],
    expected: [
      `content/promise.yaml:9:18  warning  jargon  ${buzz('world-class')}`,
      `content/promise.yaml:9:31  warning  jargon  ${buzz('seamless')}`,
    ],
  },
  {
    name: 'a buzzword in a remedy, matched whatever its case',
    language: 'en',
    edits: [['remedy: we send you a voucher', 'remedy: we Leverage a voucher']],
    expected: [`content/promise.yaml:20:16  warning  jargon  ${buzz('Leverage')}`],
  },
  {
    name: 'a buzzword inside a folded statement, at its own line',
    language: 'en',
    edits: [['promise_types: [delivery]', 'promise_types: [delivery]\nstatement: >-\n  For home cooks, a kitchen that works:\n  seamless from the first pan.']],
    expected: [`content/promise.yaml:11:3  warning  jargon  ${buzz('seamless')}`],
  },
  { name: 'part of a longer word is not jargon', language: 'en', edits: [['benefit: you can plan dinner', 'benefit: you can plan robustly-cooked dinner']], expected: [] },
  { name: 'palavras simples passam', language: 'pt', expected: [] },
  {
    name: 'jargão no benefício',
    language: 'pt',
    edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você tem um serviço de classe mundial e sem atrito']],
    expected: [
      `content/promise.yaml:9:30  warning  jargon  ${buzz('de classe mundial')}`,
      `content/promise.yaml:9:50  warning  jargon  ${buzz('sem atrito')}`,
    ],
  },
  { name: '简单的话没有问题', language: 'zh', expected: [] },
  {
    name: '利益里的套话',
    language: 'zh',
    edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 您可以享受世界一流的一站式服务']],
    expected: [
      `content/promise.yaml:9:15  warning  jargon  ${buzz('世界一流')}`,
      `content/promise.yaml:9:20  warning  jargon  ${buzz('一站式')}`,
    ],
  },
]);
