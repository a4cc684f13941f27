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
});
