import { defineRule } from '../define-rule.ts';

/** A promise you test and adjust needs a way for customers to say you fell short. */
export default defineRule({
  id: 'feedback-missing',
  severity: 'warning',
  summary: 'no channel for customers to complain or give feedback',
  check({ promise }, report) {
    if (promise.feedback) return;
    report(['company'], 'The promise gives customers no way to tell you when you fall short.',
      'Add feedback: { channel: "Tell us at hello@example.com", url: mailto:hello@example.com }.');
  },
});
