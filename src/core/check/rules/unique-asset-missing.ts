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
  messages: ['none-declared', 'none-mentioned'],
  check(input, report) {
    const { promise, statement } = input;
    if (promise.unique_assets.length === 0) {
      report(['company'], 'none-declared');
      return;
    }
    const text = statement.text.toLowerCase();
    if (promise.unique_assets.some((asset) => text.includes(asset.toLowerCase()))) return;
    report(statementPlace(input), 'none-mentioned', { example: promise.unique_assets[0] ?? '' });
  },
});
