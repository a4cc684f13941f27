import { ruleTable, writtenStatement as said } from '../harness.ts';

const vague = (at: string, word: string) =>
  `content/promise.yaml:${at}  warning  vague-claim  "${word}" is a claim nobody can measure. | Put a target beside it that can be checked: a time limit ("delivered within 48 hours") or a rate with its period ("95 % of orders on time every month"), or cut it.`;

ruleTable('vague-claim', [
  { name: 'no superlatives', language: 'en', expected: [] },
  {
    name: 'superlatives with no number',
    language: 'en',
    edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get the best service and fast delivery']],
    expected: [vague('9:18', 'the best'), vague('9:39', 'fast')],
  },
  { name: 'a time limit in the same sentence measures it', language: 'en', edits: [['benefit: you can plan dinner before the parcel arrives', 'benefit: you get fast delivery within 48 hours']], expected: [] },
  { name: 'a rate with its period measures it', language: 'en', edits: [said('Fast delivery: 95 % of orders arrive on the day we promised, every month.')], expected: [] },
  { name: '"100 % of the time" has no period: the number measures nothing', language: 'en', edits: [said('The best prices, 100 % of the time.')], expected: [vague('9:13', 'The best')] },
  { name: 'a number that is no target ("3 colours")', language: 'en', edits: [said('Premium pans in 3 colours.')], expected: [vague('9:13', 'Premium')] },
  { name: 'sem superlativos', language: 'pt', expected: [] },
  {
    name: 'superlativos sem número',
    language: 'pt',
    edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você tem o melhor atendimento e entrega rápida']],
    expected: [vague('9:19', 'o melhor'), vague('9:50', 'rápida')],
  },
  { name: 'um prazo na mesma frase', language: 'pt', edits: [['benefit: você planeja o jantar antes de o pacote chegar', 'benefit: você recebe entrega rápida em 48 horas']], expected: [] },
  { name: '"100 % das vezes" não é uma meta', language: 'pt', edits: [said('Os melhores preços, 100 % das vezes.')], expected: [vague('9:13', 'Os melhores')] },
  { name: 'uma taxa com o seu período', language: 'pt', edits: [said('Entrega rápida: 95 % dos pedidos no prazo a cada mês.')], expected: [] },
  { name: '没有夸大其词', language: 'zh', expected: [] },
  { name: '“百分之百”不是可以核实的目标', language: 'zh', edits: [said('价格最优，百分之百让您满意。')], expected: [vague('9:15', '最优')] },
  { name: '数字不是目标（“3 种颜色”）', language: 'zh', edits: [said('顶级锅具，3 种颜色可选。')], expected: [vague('9:13', '顶级')] },
  { name: '旁边有时限', language: 'zh', edits: [said('极速发货：下单后 24 小时内发出。')], expected: [] },
]);
