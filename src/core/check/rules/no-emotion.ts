import { defineRule } from '../define-rule.ts';
import { statementPlace } from '../helpers.ts';
import { hasTerm } from '../text.ts';

/** A promise is also a feeling: nothing in the statement speaks to it (lexicon `emotion`). Informational. */
export default defineRule({
  id: 'no-emotion',
  severity: 'info',
  summary: 'nothing that speaks to feeling or shared values',
  messages: ['no-feeling'],
  check(input, report) {
    const { statement, lexicon } = input;
    if (hasTerm(statement.text, lexicon.emotion, lexicon)) return;
    report(statementPlace(input), 'no-feeling', { examples: { quoted: lexicon.emotion.slice(0, 3) } });
  },
});
