import { ruleTable, writtenStatement as said } from '../harness.ts';

const none = "content/promise.yaml:1:10  warning  unique-asset-missing  The promise names no unique asset, so nothing sets it apart from a competitor's. | Add unique_assets: what you have that others lack, e.g. \"support staffed by trained cooks\".";
const unmentioned = (words: string, example: string) =>
  `content/promise.yaml:9:12  warning  unique-asset-missing  The statement mentions none of your unique assets: no sentence holds at least 50 % of the words of one of them (${words}), or words with the same stem. | Say what sets you apart, in your own words, e.g. "${example}".`;
const en = { words: '"order", "packed", "hand"', example: 'every order is packed by hand' };
const pt = { words: '"pedido", "embalado", "mão"', example: 'cada pedido é embalado à mão' };
const zh = { words: '"包裹", "人工", "打包"', example: '每个包裹都由人工打包' };

ruleTable('unique-asset-missing', [
  { name: 'the composed statement names the asset', language: 'en', expected: [] },
  { name: 'no unique assets at all', language: 'en', edits: [['unique_assets:\n  - every order is packed by hand', 'unique_assets: []']], expected: [none] },
  { name: 'the asset in other words', language: 'en', edits: [said('For home cooks: we pack each order by hand.')], expected: [] },
  { name: 'one shared word is not the asset', language: 'en', edits: [said('For home cooks: your order arrives in two days.')], expected: [unmentioned(en.words, en.example)] },
  { name: 'a written statement that never mentions the asset', language: 'en', edits: [said('For home cooks: dinner planned before the parcel arrives.')], expected: [unmentioned(en.words, en.example)] },
  { name: 'a declaração composta cita o diferencial', language: 'pt', expected: [] },
  { name: 'sem diferencial', language: 'pt', edits: [['unique_assets:\n  - cada pedido é embalado à mão', 'unique_assets: []']], expected: [none] },
  { name: 'o diferencial com outras palavras', language: 'pt', edits: [said('Para quem cozinha em casa: embalamos cada pedido à mão.')], expected: [] },
  { name: 'uma declaração que não cita o diferencial', language: 'pt', edits: [said('Para quem cozinha em casa: o jantar antes do pacote.')], expected: [unmentioned(pt.words, pt.example)] },
  { name: '组合出的承诺提到了独特优势', language: 'zh', expected: [] },
  { name: '换一种说法提到独特优势', language: 'zh', edits: [said('您的包裹由我们的师傅人工打包。')], expected: [] },
  { name: '没有提到独特优势', language: 'zh', edits: [said('青隼厨房把锅具送到全国各地。')], expected: [unmentioned(zh.words, zh.example)] },
]);
