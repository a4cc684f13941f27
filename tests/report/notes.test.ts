import { describe, expect, it } from 'vitest';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { parseNote, validateNotes, type Note } from '../../src/core/report/notes.ts';
import { renderSafeMarkdown } from '../../src/core/report/render.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { fixtureText } from '../check/harness.ts';

const FILE = 'content/notes/2026-02-on-time.md';
const promise = validateSource(parseYaml(fixtureText('en'), 'content/promise.yaml'), promiseSchema);

function errorsOf(work: () => unknown): string[] {
  try {
    work();
    return [];
  } catch (error) {
    return inputErrorsOf(error)?.map(formatInputError) ?? [String(error)];
  }
}

describe('a note on a period (content/notes/*.md)', () => {
  it('reads its front matter and keeps the markdown after it', () => {
    const note = parseNote('---\ncommitment: on-time\nperiod: 2026-02\n---\nThe carrier **strike** held parcels.\n', FILE);
    expect([note.commitment, note.period, note.markdown]).toEqual(['on-time', '2026-02', 'The carrier **strike** held parcels.\n']);
    expect(errorsOf(() => validateNotes([note], promise, undefined))).toEqual([]);
  });

  it('reports a mistake in the front matter at its line in the file', () => {
    expect(errorsOf(() => parseNote('---\ncommitment: on-time\nperiod: February\n---\nText.\n', FILE))).toEqual([
      `${FILE}:3:9  period: this is not a period. Write a month as 2026-03, a quarter as 2026-Q1 or an ISO week as 2026-W07.`,
    ]);
    expect(errorsOf(() => parseNote('---\ncommitment: on-time\nperiod: 2026-02\nmonth: 2\n---\nText.\n', FILE))).toEqual([
      `${FILE}:4:1  Unknown key "month". Known keys here: commitment, period.`,
    ]);
    expect(errorsOf(() => parseNote('The carrier strike.\n', FILE))).toEqual([
      `${FILE}:1:1  This note has no front matter. Start the file with ---, then commitment: <id> and period: <e.g. 2026-02> on their own lines, then --- and the note.`,
    ]);
  });

  it('refuses an unknown commitment, a period of the wrong kind and a second note on one period', () => {
    const note = (text: string, file = FILE): Note => parseNote(`---\n${text}\n---\nText.\n`, file);
    expect(errorsOf(() => validateNotes([
      note('commitment: on-tme\nperiod: 2026-02'),
      note('commitment: on-time\nperiod: 2026-Q1'),
      note('commitment: replies\nperiod: 2026-02', 'content/notes/a.md'),
      note('commitment: replies\nperiod: 2026-02', 'content/notes/b.md'),
    ], promise, undefined))).toEqual([
      `${FILE}:2:13  This note is about commitment "on-tme", which promise.yaml does not have. Use one of: on-time, replies.`,
      `${FILE}:3:9  This note's period "2026-Q1" is not a month, but commitment "on-time" is judged by month. Write the month it explains, in the form the page uses (2026-02).`,
      'content/notes/b.md:3:9  content/notes/a.md already explains 2026-02 of "replies". Keep one note per period: merge the two files.',
    ]);
  });

  it('is rendered like a report: markdown kept, raw HTML tags and script links dropped (text between tags stays text)', () => {
    const html = renderSafeMarkdown('We **refunded** shipping. <script>alert(1)</script> <img src=x onerror=alert(1)> [details](javascript:alert(1)) [blog](https://example.com/strike)');
    expect(html).toBe('<p>We <strong>refunded</strong> shipping. alert(1)  <a>details</a> <a href="https://example.com/strike">blog</a></p>');
  });
});
