import { missingSectionRule } from '../missing-section.ts';

/** A promise you test and adjust needs a way for customers to say you fell short. */
export default missingSectionRule({
  id: 'feedback-missing',
  summary: 'no channel for customers to complain or give feedback',
  key: 'feedback',
});
