import { ruleTable, type Edit } from '../harness.ts';

/** Replaces a commitment's target line with an earlier version ending in 2026-03, then the current target. */
function versioned(current: string, earlier: string, note?: string): Edit {
  return [current, `${current}
    history:
      - until: 2026-03
        target: ${earlier}${note ? `\n        note: ${note}` : ''}`];
}

const EN_TARGET = 'target: { comparison: ">=", value: 95, unit: "%" }';
const PT_TARGET = 'target: { comparison: "<=", value: 4, unit: horas }';
const ZH_TARGET = 'target: { comparison: "<=", value: 4, unit: 小时 }';

ruleTable('target-loosened', [
  { name: 'no history', language: 'en', expected: [] },
  { name: 'a lowered target with a note for customers', language: 'en',
    edits: [versioned(EN_TARGET, '{ comparison: ">=", value: 98, unit: "%" }', 'New rural routes take a day longer.')], expected: [] },
  { name: 'a raised target needs no note', language: 'en',
    edits: [versioned(EN_TARGET, '{ comparison: ">=", value: 90, unit: "%" }')], expected: [] },
  {
    name: 'a lowered target with no note', language: 'en',
    edits: [versioned(EN_TARGET, '{ comparison: ">=", value: 98, unit: "%" }')],
    expected: [
      'content/promise.yaml:15:16  warning  target-loosened  Commitment "on-time" made its public target easier from 2026-04, from >= 98% to >= 95%, with no note to customers. | Add a note to this version (note: why the target changed): the public page shows it beside the change, so the easier target does not look like moving the goalposts.',
    ],
  },
  {
    name: 'a strict bound made inclusive', language: 'en',
    edits: [versioned(EN_TARGET, '{ comparison: ">", value: 95, unit: "%" }')],
    expected: [
      'content/promise.yaml:15:16  warning  target-loosened  Commitment "on-time" made its public target easier from 2026-04, from > 95% to >= 95%, with no note to customers. | Add a note to this version (note: why the target changed): the public page shows it beside the change, so the easier target does not look like moving the goalposts.',
    ],
  },
  { name: 'a tightened reply time (lower is better)', language: 'pt',
    edits: [versioned(PT_TARGET, '{ comparison: "<=", value: 6, unit: horas }')], expected: [] },
  {
    name: 'a longer reply time with no note (lower is better)', language: 'pt',
    edits: [versioned(PT_TARGET, '{ comparison: "<=", value: 2, unit: horas }')],
    expected: [
      'content/promise.yaml:20:16  warning  target-loosened  Commitment "respostas" made its public target easier from 2026-04, from <= 2 horas to <= 4 horas, with no note to customers. | Add a note to this version (note: why the target changed): the public page shows it beside the change, so the easier target does not look like moving the goalposts.',
    ],
  },
  { name: '放宽了目标并写了说明', language: 'zh', edits: [versioned(ZH_TARGET, '{ comparison: "<=", value: 2, unit: 小时 }', '夜间的消息改为第二天早上回复。')], expected: [] },
  { name: '放宽了目标却没有说明（中文提示）', language: 'zh', messages: 'zh', edits: [versioned(ZH_TARGET, '{ comparison: "<=", value: 2, unit: 小时 }')],
    expected: ['content/promise.yaml:20:16  warning  target-loosened  承诺“replies”从 2026-04 起放宽了对外目标，从 <= 2 小时 改为 <= 4 小时，却没有给客户任何说明。 | 给这个版本加上说明（note: 目标为什么改变）：公开页面会把它显示在变更旁边，免得放宽的目标看起来像是在偷偷挪动球门。'] },
]);
