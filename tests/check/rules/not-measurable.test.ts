import { ruleTable } from '../harness.ts';

const noTarget = (id: string) => `Commitment "${id}" has no target, so nobody can check whether it was kept. | Add a target such as target: { comparison: ">=", value: 95, unit: "%" }.`;
const noKpi = (id: string) => `Commitment "${id}" names no KPI, so nothing measures whether it is kept. | Add kpi: with the id of a KPI from kpis.yaml, e.g. kpi: on_time_delivery.`;
const dropFirstTarget: [string, string] = ['    target: { comparison: ">=", value: 95, unit: "%" }\n', ''];

ruleTable('not-measurable', [
  { name: 'every commitment has a KPI and a target', language: 'en', expected: [] },
  { name: 'a commitment without a target', language: 'en', edits: [dropFirstTarget], expected: [`content/promise.yaml:11:5  error  not-measurable  ${noTarget('on-time')}`] },
  { name: 'a commitment without a KPI', language: 'en', edits: [['    kpi: reply_time\n', '']], expected: [`content/promise.yaml:16:5  error  not-measurable  ${noKpi('replies')}`] },
  { name: 'todo compromisso tem KPI e meta', language: 'pt', expected: [] },
  { name: 'um compromisso sem meta', language: 'pt', edits: [dropFirstTarget], expected: [`content/promise.yaml:11:5  error  not-measurable  ${noTarget('no-prazo')}`] },
  { name: 'um compromisso sem KPI', language: 'pt', edits: [['    kpi: reply_time\n', '']], expected: [`content/promise.yaml:16:5  error  not-measurable  ${noKpi('respostas')}`] },
  { name: '每项承诺都有 KPI 和目标', language: 'zh', expected: [] },
  { name: '一项承诺没有目标（中文提示）', language: 'zh', messages: 'zh', edits: [dropFirstTarget],
    expected: ['content/promise.yaml:11:5  error  not-measurable  承诺“on-time”没有目标，因此谁也无法核实它是否兑现。 | 加上目标，例如 target: { comparison: ">=", value: 95, unit: "%" }。'] },
  { name: '一项承诺没有 KPI', language: 'zh', edits: [['    kpi: reply_time\n', '']], expected: [`content/promise.yaml:16:5  error  not-measurable  ${noKpi('replies')}`] },
]);
