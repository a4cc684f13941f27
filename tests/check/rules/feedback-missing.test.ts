import { ruleTable } from '../harness.ts';

const message = 'content/promise.yaml:24:1  warning  feedback-missing  The promise gives customers no way to tell you when you fall short. | Add feedback: { channel: "Tell us at hello@example.com", url: mailto:hello@example.com }.';

ruleTable('feedback-missing', [
  { name: 'a feedback channel', language: 'en', expected: [] },
  { name: 'no feedback channel', language: 'en', edits: [['feedback:\n  channel: Tell us where we fell short\n  url: mailto:hello@kestrel.example\n', '']], expected: [message] },
  { name: 'com canal de retorno', language: 'pt', expected: [] },
  { name: 'sem canal de retorno', language: 'pt', edits: [['feedback:\n  channel: Conte onde falhamos\n  url: mailto:ola@casaipe.example\n', '']], expected: [message] },
  { name: '有反馈渠道', language: 'zh', expected: [] },
  { name: '没有反馈渠道', language: 'zh', edits: [['feedback:\n  channel: 告诉我们哪里没做好\n  url: mailto:hello@qingsun.example\n', '']], expected: [message] },
  { name: '没有反馈渠道（中文提示）', language: 'zh', messages: 'zh', edits: [['feedback:\n  channel: 告诉我们哪里没做好\n  url: mailto:hello@qingsun.example\n', '']],
    expected: ['content/promise.yaml:24:1  warning  feedback-missing  这份承诺没有给客户留下任何渠道，让他们在您没做到时告诉您。 | 加上 feedback: { channel: "写信告诉我们：hello@example.com", url: mailto:hello@example.com }。'] },
]);
