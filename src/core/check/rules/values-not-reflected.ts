import { defineRule } from '../define-rule.ts';
import { statementPlace } from '../helpers.ts';
import { escapeRegExp } from '../text.ts';

/**
 * The statement should carry at least one declared value. ok: values [honesty] and a statement saying
 * "honest"; not ok: values [honesty, care] and a statement about shipping times only.
 * A value counts when its stem (all but the last three letters of a long word) appears.
 */
export default defineRule({
  id: 'values-not-reflected',
  severity: 'warning',
  summary: 'the statement reflects none of the declared values',
  messages: ['none'],
  check(input, report) {
    const { promise, statement } = input;
    if (promise.values.some((value) => stemPattern(value).test(statement.text))) return;
    report(statementPlace(input), 'none', { values: { list: promise.values }, example: promise.values[0] ?? '' });
  },
});

function stemPattern(value: string): RegExp {
  const stems = value.split(/\s+/).map((word) => (word.length > 6 ? word.slice(0, -3) : word));
  return new RegExp(stems.map(escapeRegExp).join('\\S*\\s+'), 'iu');
}
