import { defineRule } from '../define-rule.ts';
import { statementPlace } from '../helpers.ts';

/**
 * What do you have that competitors lack? ok: unique_assets: ["every order is packed by hand"], and the
 * statement mentions it; not ok: no unique_assets, or a written statement that never mentions one.
 */
export default defineRule({
  id: 'unique-asset-missing',
  severity: 'warning',
  summary: 'no differentiator in the inputs or the statement',
  check(input, report) {
    const { promise, statement } = input;
    if (promise.unique_assets.length === 0) {
      report(['company'], 'The promise names no unique asset, so nothing sets it apart from a competitor\'s.',
        'Add unique_assets: what you have that others lack, e.g. "support staffed by trained cooks".');
      return;
    }
    const text = statement.text.toLowerCase();
    if (promise.unique_assets.some((asset) => text.includes(asset.toLowerCase()))) return;
    report(statementPlace(input), 'The statement mentions none of your unique assets.',
      `Say what sets you apart, e.g. "${promise.unique_assets[0]}".`);
  },
});
