import { describe, expect, it } from 'vitest';
import { copySentences, readCopy } from '../../src/core/check/copy.ts';

/** Each sentence of a copy text with the place in the original file where it starts. */
const sentencesOf = (file: string, raw: string) => {
  const copy = readCopy(file, raw);
  return copySentences(copy).map((s) => {
    const { line, column } = copy.locate(s.start);
    return `${line}:${column} ${s.text}`;
  });
};

describe('readCopy', () => {
  it('reads HTML as the text a reader sees, each sentence placed in the original file', () => {
    const html = [
      '<!doctype html><html><head><title>Kestrel</title>',
      '<style>p::after { content: "within 2 days." }</style>',
      '<script type="module">if (a < b) alert("always on time!");</script></head>',
      '<body><!-- draft: ship in 1 day. -->',
      '<h1 class="hero" data-note=\'a > b\'>Fast delivery</h1>',
      '<p>Parcels arrive in&nbsp;2&nbsp;days &amp; replies in &lt; 4 hours.</p>',
      '<ul><li>Packed by hand</li><li>Caf&eacute; &#233;t&#xE9;</li></ul>',
      '</body></html>',
    ].join('\n');
    expect(sentencesOf('site/index.html', html)).toEqual([
      '1:35 Kestrel',
      '5:36 Fast delivery',
      '6:4 Parcels arrive in 2 days & replies in < 4 hours.',
      '7:9 Packed by hand',
      // An entity it does not know stays as written.
      '7:32 Caf&eacute; été',
    ]);
  });

  it('reads markdown and plain text as they are: blank lines, headings and list items end a sentence', () => {
    const markdown = '# Our promise\nWe reply within 4 hours\n\n- 95% on time\n- packed by hand\nand with care.\n';
    expect(sentencesOf('site/promise.md', markdown)).toEqual([
      '1:1 # Our promise',
      '2:1 We reply within 4 hours',
      '4:1 - 95% on time',
      '5:1 - packed by hand\nand with care.',
    ]);
    expect(sentencesOf('emails/welcome.txt', 'Hello <name>,\nwe ship in 2 days. Thanks!')).toEqual(['1:1 Hello <name>,\nwe ship in 2 days.', '2:20 Thanks!']);
  });

  it('places Chinese text by character, after tags', () => {
    const copy = readCopy('site/zh.html', '<p>\n  <b>我们</b>24小时内回复。</p>');
    const offset = copy.text.indexOf('24');
    expect(copy.locate(offset)).toEqual({ file: 'site/zh.html', line: 2, column: 12 });
  });
});
