import { ruleTable } from '../harness.ts';

const hint = 'Split it in two, one idea each.';

ruleTable('sentence-too-long', [
  { name: 'short sentences', language: 'en', expected: [] },
  {
    // The intro "For home cooks, Kestrel Kitchen makes one promise:" is 8 words; the benefit 23.
    name: 'a 31-word sentence points at its longest field',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you can plan dinner for the whole family before the parcel arrives and cook it the same night with us every single time']],
    expected: [`content/promise.yaml:9:10  warning  sentence-too-long  A sentence is 31 words long, over the limit of 30. | ${hint}`],
  },
  {
    name: 'a 29-word sentence passes',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you can plan dinner for the whole family before the parcel arrives and cook it the same night']],
    expected: [],
  },
  { name: 'frases curtas', language: 'pt', expected: [] },
  {
    // A introdução tem 11 palavras; o benefício, 23.
    name: 'uma frase de 34 palavras',
    language: 'pt',
    edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você planeja o jantar da família inteira antes de o pacote chegar e cozinha tudo na mesma noite conosco e sem nenhuma pressa']],
    expected: [`content/promise.yaml:9:10  warning  sentence-too-long  A sentence is 34 words long, over the limit of 32. | ${hint}`],
  },
  { name: '短句', language: 'zh', expected: [] },
  {
    // 开头“青隼厨房向在家做饭的人承诺”13个字，利益48个字。
    name: '61个字的一句话',
    language: 'zh',
    edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 您可以在包裹到达前安排好晚饭，也可以提前约好家人和朋友一起来吃饭，再把新买的锅具擦干净放在灶台上等着']],
    expected: [`content/promise.yaml:9:10  warning  sentence-too-long  A sentence is 61 characters long, over the limit of 60. | ${hint}`],
  },
  {
    name: '48个字的一句话没有问题',
    language: 'zh',
    edits: [['benefit: 您可以在包裹到达前安排好晚饭', 'benefit: 您可以在包裹到达前安排好晚饭，也可以提前约好家人和朋友一起来吃饭']],
    expected: [],
  },
]);
