import { ruleTable } from '../harness.ts';

const message = 'content/promise.yaml:24:1  warning  cta-missing  The promise has no call to action, so a reader does not know what to do next. | Add call_to_action: { text: "Shop the new season\'s pans", url: https://... }.';

ruleTable('cta-missing', [
  { name: 'a call to action', language: 'en', expected: [] },
  { name: 'no call to action', language: 'en', edits: [['call_to_action:\n  text: Shop the new pans\n  url: https://kestrel.example/shop\n', '']], expected: [message] },
  { name: 'no call to action, a closing comment and blank lines: after the comment', language: 'en',
    edits: [['call_to_action:\n  text: Shop the new pans\n  url: https://kestrel.example/shop\n', ''], ['url: mailto:hello@kestrel.example\n', 'url: mailto:hello@kestrel.example\n# last reviewed in May\n\n\n']],
    expected: [message.replace(':24:1', ':25:1')] },
  { name: 'com chamada para ação', language: 'pt', expected: [] },
  { name: 'sem chamada para ação', language: 'pt', edits: [['call_to_action:\n  text: Conheça as panelas novas\n  url: https://casaipe.example/loja\n', '']], expected: [message] },
  { name: '有行动号召', language: 'zh', expected: [] },
  { name: '没有行动号召（中文提示）', language: 'zh', messages: 'zh', edits: [['call_to_action:\n  text: 看看新款锅具\n  url: https://qingsun.example/shop\n', '']],
    expected: ['content/promise.yaml:24:1  warning  cta-missing  这份承诺没有行动号召，读者不知道下一步该做什么。 | 加上 call_to_action: { text: "选购新季锅具", url: https://... }。'] },
  { name: 'sem chamada para ação, em português', language: 'pt', messages: 'pt', edits: [['call_to_action:\n  text: Conheça as panelas novas\n  url: https://casaipe.example/loja\n', '']],
    expected: ['content/promise.yaml:24:1  warning  cta-missing  A promessa não tem apelo à ação, e quem a lê fica sem saber o que fazer a seguir. | Acrescente call_to_action: { text: "Conheça as panelas da nova estação", url: https://... }.'] },
]);
