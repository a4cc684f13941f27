import { defineRule } from '../define-rule.ts';

/** The reader should know what to do next: call_to_action with a text and a link. */
export default defineRule({
  id: 'cta-missing',
  severity: 'warning',
  summary: 'no call to action',
  check({ promise }, report) {
    if (promise.call_to_action) return;
    report(['company'], 'The promise has no call to action, so a reader does not know what to do next.',
      'Add call_to_action: { text: "Shop the new season\'s pans", url: https://... }.');
  },
});
