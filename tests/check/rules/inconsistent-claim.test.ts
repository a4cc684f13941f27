import { ruleTable } from '../harness.ts';

// The company's other copy, as `pledge check --scan` hands it over: each file's name and text.
const page = (file: string, text: string) => [{ file, text }];
const hint = {
  different: "Write the promise's figure here, or change the commitment if this page is right.",
  absolute: 'Say what the promise says: its target, and what customers get when it is missed.',
  notMade: 'Remove the claim here, or add it to promise.yaml as a commitment with a target (or as a remedy) so that it is measured.',
};
const different = (claim: string, id: string, target: string) =>
  `"${claim}" here differs from commitment "${id}", which promises ${target}: customers who read both are told two stories. | ${hint.different}`;
const absolute = (claim: string, id: string, remedy: string) =>
  `"${claim}" promises it without exception, but commitment "${id}" can be missed, and then ${remedy}. | ${hint.absolute}`;
const notMade = (claim: string) =>
  `"${claim}" makes a promise that the pledge does not: no commitment, remedy or statement speaks of it, so nobody measures it. | ${hint.notMade}`;

const contradictingHtml = [
  '<html><head><title>Kestrel Kitchen</title><style>p { margin: 24px }</style>',
  "<script>const eta = '2 days';</script></head>",
  '<body>',
  '  <h1>Fast delivery</h1>',
  '  <p>Questions? We reply in&nbsp;<b>2 hours</b>.</p>',
  '</body></html>',
].join('\n');

ruleTable('inconsistent-claim', [
  { name: 'no copy to scan', language: 'en', expected: [] },
  { name: 'a page that tells the promise as it is', language: 'en', copy: page('site/promise.md', '# Our promise\n\nWe reply within 4 hours, and 95% of orders arrive on time.\n'), expected: [] },
  { name: 'copy that makes no claim', language: 'en', copy: page('site/faq.txt', 'Shipping is calculated at checkout. Our shop opened in 1998 with 12 cooks.\n'), expected: [] },
  { name: 'a discount and an opening time are no targets', language: 'en', copy: page('site/sale.txt', 'Take 20% off your first delivery this weekend. Our showroom is open 24 hours.\n'), expected: [] },
  { name: 'a remedy\'s own time beside the target\'s figure', language: 'en', copy: page('site/help.md', 'We reply within 4 hours, or we send you a voucher within 2 days.\n'), expected: [] },
  {
    name: 'an ad with a better on-time rate than the target',
    language: 'en',
    copy: page('site/ad.txt', 'Order today: 99% of parcels arrive on time!\n'),
    expected: [`site/ad.txt:1:14  error  inconsistent-claim  ${different('99%', 'on-time', '>= 95%')}`],
  },
  {
    name: 'an email that promises a slower reply than the target',
    language: 'en',
    copy: page('emails/welcome.txt', 'Hello,\n\nOur support team will answer within 24 hours.\n'),
    expected: [`emails/welcome.txt:3:37  error  inconsistent-claim  ${different('24 hours', 'replies', '<= 4 hours')}`],
  },
  {
    name: 'an absolute where the promise has a remedy',
    language: 'en',
    copy: page('site/home.md', 'Your pans always arrive on time.\n'),
    expected: [`site/home.md:1:11  error  inconsistent-claim  ${absolute('always', 'on-time', 'we refund your shipping')}`],
  },
  {
    name: 'a price promise the company does not make',
    language: 'en',
    copy: page('site/pans.md', 'Price match on every pan: found it cheaper? We refund the difference.\n'),
    expected: [`site/pans.md:1:1  error  inconsistent-claim  ${notMade('Price match')}`],
  },
  {
    name: 'an HTML page, read as the text a reader sees and located in the original',
    language: 'en',
    copy: page('site/index.html', contradictingHtml),
    expected: [`site/index.html:5:37  error  inconsistent-claim  ${different('2 hours', 'replies', '<= 4 hours')}`],
  },
  { name: 'uma página que diz o que a promessa diz', language: 'pt', copy: page('site/ajuda.md', 'Respondemos em até 4 horas, e 95 % dos pedidos chegam no prazo.\n'), expected: [] },
  { name: 'um desconto não é uma meta', language: 'pt', copy: page('site/promo.txt', 'Ganhe 20 % de desconto na primeira entrega.\n'), expected: [] },
  {
    name: 'um anúncio com entrega no prazo acima da meta',
    language: 'pt',
    copy: page('site/anuncio.txt', 'Entregamos 99 % dos pedidos no prazo.\n'),
    expected: [`site/anuncio.txt:1:12  error  inconsistent-claim  ${different('99 %', 'no-prazo', '>= 95%')}`],
  },
  {
    name: 'uma garantia que a empresa não oferece',
    language: 'pt',
    copy: page('site/loja.md', 'Satisfação garantida ou seu dinheiro de volta.\n'),
    expected: [`site/loja.md:1:1  error  inconsistent-claim  ${notMade('Satisfação garantida')}`],
  },
  {
    name: 'um absoluto onde a promessa tem compensação',
    language: 'pt',
    copy: page('emails/boas-vindas.txt', 'Sempre respondemos em até 4 horas.\n'),
    expected: [`emails/boas-vindas.txt:1:1  error  inconsistent-claim  ${absolute('Sempre', 'respostas', 'enviamos um cupom para você')}`],
  },
  { name: '与承诺一致的页面', language: 'zh', copy: page('site/index.html', '<p>我们4小时内回复，95%的订单准时送达。</p>'), expected: [] },
  { name: '折扣不是目标', language: 'zh', copy: page('site/sale.txt', '首单配送享受20%的折扣。\n'), expected: [] },
  {
    name: '广告中的回复时间与目标不同',
    language: 'zh',
    copy: page('site/ad.txt', '我们24小时内回复您。\n'),
    expected: [`site/ad.txt:1:3  error  inconsistent-claim  ${different('24小时', 'replies', '<= 4 小时')}`],
  },
  {
    name: '承诺有补救措施时的绝对说法',
    language: 'zh',
    copy: page('site/home.md', '包裹永远准时送达。\n'),
    expected: [`site/home.md:1:3  error  inconsistent-claim  ${absolute('永远', 'on-time', '我们退还运费')}`],
  },
  {
    name: '公司没有做出的价格承诺',
    language: 'zh',
    copy: page('site/sale.md', '最低价保证，买贵退差价。\n'),
    expected: [`site/sale.md:1:1  error  inconsistent-claim  ${notMade('最低价')}`],
  },
]);
