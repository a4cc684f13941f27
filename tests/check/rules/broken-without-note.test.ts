import { describe, expect, it } from 'vitest';
import { runDataRule } from '../../kpi/evaluation-fixture.ts';

const HINT = (id: string, period: string) => `Explain it to customers in content/notes/${period}-${id}.md: front matter "commitment: ${id}" and "period: ${period}" between --- lines, then what happened, what you did for those affected, and what you changed. The page shows it beside that period.`;

describe('broken-without-note', () => {
  it('en: is quiet when no closed month was broken', async () => {
    expect(await runDataRule('broken-without-note', { on_time: [96, 97], reply_time: [3, 2] })).toEqual([]);
  });
  it('en: lists the broken months that have no note, at the commitment', async () => {
    // Jan 94 and Mar 90 broken, Feb kept; a note explains March only.
    expect(await runDataRule('broken-without-note', { on_time: [94, 96, 90, 93] }, [], true, { notes: [{ commitment: 'on-time', period: '2026-03' }] })).toEqual([
      `content/promise.yaml:11:9  warning  broken-without-note  Commitment "on-time" was broken in 2026-01, 2026-04 and the public page says nothing about them. | ${HINT('on-time', '2026-01')}`,
    ]);
  });
  it('en: is quiet when every broken month has its note', async () => {
    expect(await runDataRule('broken-without-note', { on_time: [94, 96] }, [], true, { notes: [{ commitment: 'on-time', period: '2026-01' }] })).toEqual([]);
  });
  it('en: a note on another commitment does not count', async () => {
    expect(await runDataRule('broken-without-note', { reply_time: [5] }, [], true, { notes: [{ commitment: 'on-time', period: '2026-01' }] })).toEqual([
      `content/promise.yaml:16:9  warning  broken-without-note  Commitment "replies" was broken in 2026-01 and the public page says nothing about it. | ${HINT('replies', '2026-01')}`,
    ]);
  });
  it('pt: finds a broken month in the Portuguese fixture', async () => {
    expect(await runDataRule('broken-without-note', { reply_time: [3, 4.5] }, [], true, { language: 'pt' })).toEqual([
      `content/promise.yaml:16:9  warning  broken-without-note  Commitment "respostas" was broken in 2026-02 and the public page says nothing about it. | ${HINT('respostas', '2026-02')}`,
    ]);
  });
  it('pt: needs data', async () => {
    expect(await runDataRule('broken-without-note', { reply_time: [5] }, [], false, { language: 'pt' })).toEqual([]);
  });
  it('zh: in Chinese for a Chinese promise, and quiet once the month has its note', async () => {
    const zh = { language: 'zh', messages: 'zh' } as const;
    expect(await runDataRule('broken-without-note', { reply_time: [3, 4.5] }, [], true, zh)).toEqual([
      'content/promise.yaml:16:9  warning  broken-without-note  承诺“replies”在 2026-02 未能兑现，公开页面却对此只字未提。 | 在 content/notes/2026-02-replies.md 中向客户说明：开头用 --- 行括起 "commitment: replies" 和 "period: 2026-02"，然后写明发生了什么、为受影响的客户做了什么、改进了什么。页面会把它显示在该周期旁边。',
    ]);
    expect(await runDataRule('broken-without-note', { reply_time: [3, 4.5] }, [], true, { ...zh, notes: [{ commitment: 'replies', period: '2026-02' }] })).toEqual([]);
  });
});
