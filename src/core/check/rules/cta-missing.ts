import { missingSectionRule } from '../missing-section.ts';

/** The reader should know what to do next: call_to_action with a text and a link. */
export default missingSectionRule({
  id: 'cta-missing',
  summary: 'no call to action',
  key: 'call_to_action',
});
