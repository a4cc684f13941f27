import { defineRule } from '../define-rule.ts';
import { statementPlace } from '../helpers.ts';
import { hasTerm } from '../text.ts';

/** A promise is also a feeling: nothing in the statement speaks to it (lexicon `emotion`). Informational. */
export default defineRule({
  id: 'no-emotion',
  severity: 'info',
  summary: 'nothing that speaks to feeling or shared values',
  check(input, report) {
    const { statement, lexicon } = input;
    if (hasTerm(statement.text, lexicon.emotion, lexicon)) return;
    report(statementPlace(input), 'Nothing in the statement speaks to how the customer will feel.',
      `Say what it means to them, e.g. with words such as "${lexicon.emotion.slice(0, 3).join('", "')}".`);
  },
});
