import { limitOf } from '../helpers.ts';
import { defineRule } from '../define-rule.ts';

/** The share of a KPI's rows, in %, that may be skipped before its figures stop meaning anything. */
export const DEFAULT_UNREADABLE_PERCENT = 5;

/**
 * More than a set share (5 % unless rules.yaml sets `limit`) of the rows a KPI looked at were skipped:
 * its figures describe the rows that happened to be readable, not the period. Points at the first
 * row of the commonest reason, and its fix. ok: 2 bad rows in 1,000; not ok: every date written 03/10/2025 11:25.
 */
export default defineRule({
  id: 'data-unreadable',
  severity: 'error',
  summary: "more than a set share of a KPI's rows could not be read (names the commonest reason)",
  needsData: true,
  messages: ['unreadable', 'unreadable-column'],
  check(input, report) {
    const limit = limitOf(input, DEFAULT_UNREADABLE_PERCENT);
    for (const result of input.evaluation?.kpis ?? []) {
      const bad = result.badRows.count;
      const looked = result.rowsUsed + bad;
      const top = result.badRows.byReason?.[0];
      const first = top?.examples[0];
      if (looked === 0 || (bad / looked) * 100 <= limit || !top || !first) continue;
      const lines = { list: top.examples.map((issue) => String(issue.line ?? '')) };
      const share = Math.round((bad / looked) * 1000) / 10;
      // A database's rows have no line: point at the KPI's source in kpis.yaml instead.
      const index = input.kpis?.kpis.indexOf(result.kpi) ?? -1;
      const place = first.line !== undefined ? { file: first.file, line: first.line, column: 1 } : input.kpisSource?.locate(['kpis', index, 'source']);
      if (!place) continue;
      // The reason and its fix as the data reader gave them: cases of rows.says and rows.fixes, worded in the finding's language.
      report(place, top.column ? 'unreadable-column' : 'unreadable', {
        kpi: result.kpi.id, bad: { tally: bad }, looked: { tally: looked }, share, limit, rows: { tally: top.count },
        column: top.column ?? '', line: { line: top.examples.length }, lines,
        reason: { row: 'says', text: first.says, english: first.message }, fix: { row: 'fixes', text: top.fixSays, english: top.fix },
      });
    }
  },
});
