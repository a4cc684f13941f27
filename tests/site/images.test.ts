import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/core/site/images.ts';
import { svgProblem } from '../../src/core/site/svg.ts';
import { HOSTILE_SVG, ICO, PLAIN_SVG, PNG } from './brand-fixtures.ts';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
const text = (svg: string) => new TextEncoder().encode(svg);

const INKSCAPE = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <use xlink:href="#shape"/><path id="shape" class="a" d="M0 0h64v64z"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
</svg>`;

/** Each hostile SVG and the reason it is refused. */
const HOSTILE_SVGS: Array<[string, string, string]> = [
  ['the fixture', HOSTILE_SVG, 'contains a <script>'],
  ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'contains a <script>'],
  ['a script in the XHTML namespace', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>', 'contains a <script>'],
  ['a script in upper case', '<svg><SCRIPT>alert(1)</SCRIPT></svg>', 'contains a <script>'],
  ['an onload handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'has an event handler attribute (on...=)'],
  ['a handler on a child, no quotes around =', '<svg><rect\nonclick = "alert(1)"/></svg>', 'has an event handler attribute (on...=)'],
  ['a foreignObject', '<svg><foreignObject><iframe src="https://evil.example"/></foreignObject></svg>', 'contains a <foreignObject> (HTML inside the image)'],
  ['a javascript: link', '<svg><a href="javascript:alert(1)"><rect/></a></svg>', 'contains a script link'],
  ['an entity-encoded javascript: link', '<svg><a href="&#106;avascript:alert(1)"><rect/></a></svg>', 'refers to a file or an address outside itself'],
  ['an animation that sets a link', '<svg><a><set attributeName="href" to="https://evil.example"/><rect/></a></svg>', 'animates a link or an event handler'],
  ['an outside image', '<svg><image href="https://evil.example/track.png"/></svg>', 'refers to a file or an address outside itself'],
  ['an outside use', '<svg><use xlink:href="https://evil.example/sprite.svg#a"/></svg>', 'refers to a file or an address outside itself'],
  ['a nested SVG as data', '<svg><image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/></svg>', 'refers to a file or an address outside itself'],
  ['an outside url() in a style', '<svg><style>rect { fill: url("https://evil.example/x.svg#p") }</style></svg>', 'refers to a file or an address outside itself (url(), image-set() or @import)'],
  ['an image-set() in a style attribute', '<svg><rect style="fill: -webkit-image-set(&quot;https://evil.example/t.png&quot; 1x)"/></svg>', 'refers to a file or an address outside itself (url(), image-set() or @import)'],
  ['an @import', '<svg><style>@import "https://evil.example/x.css";</style></svg>', 'refers to a file or an address outside itself (url(), image-set() or @import)'],
  ['an entity declaration', '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg>&x;</svg>', 'declares XML entities'],
  ['an outside stylesheet', '<?xml-stylesheet href="https://evil.example/x.css"?><svg/>', 'refers to an outside stylesheet'],
  ['an iframe', '<svg><iframe src="x"/></svg>', 'contains an element that loads or runs something'],
  ['another encoding', '<?xml version="1.0" encoding="ISO-2022-JP"?><svg/>', 'is not in UTF-8'],
  ['HTML, not SVG', '<html><body>hello</body></html>', 'is not an SVG image (its outermost element is not <svg>)'],
];

describe('what kind of image a file is, by its bytes', () => {
  it('knows PNG, JPEG, WebP, ICO and SVG, whatever the name says', () => {
    expect(sniffImage(bytes('89504e470d0a1a0a 0000000d49484452'))).toBe('png');
    expect(sniffImage(bytes('ffd8ffe0 00104a464946'))).toBe('jpeg');
    expect(sniffImage(bytes('52494646 24000000 57454250 5650384c'))).toBe('webp');
    expect(sniffImage(bytes('00000100 0100 1010'))).toBe('ico');
    expect(sniffImage(text(PLAIN_SVG))).toBe('svg');
    expect(sniffImage(PNG)).toBe('png');
    expect(sniffImage(ICO)).toBe('ico');
    expect(sniffImage(text(`\uFEFF\n  ${INKSCAPE}`))).toBe('svg');
  });

  it('knows nothing else', () => {
    expect(sniffImage(bytes('47494638396101000100'))).toBeUndefined(); // GIF
    expect(sniffImage(bytes('00000100 0000'))).toBeUndefined(); // an icon directory with no image
    expect(sniffImage(bytes('52494646 24000000 57415645'))).toBeUndefined(); // RIFF, but WAVE
    expect(sniffImage(text('%PDF-1.7'))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});

describe('an SVG is published only when it only draws', () => {
  it('takes what drawing programs write: comments, a DTD, gradients, local references, embedded PNG', () => {
    expect(svgProblem(text(PLAIN_SVG))).toBeUndefined();
    expect(svgProblem(text(INKSCAPE))).toBeUndefined();
  });

  it.each(HOSTILE_SVGS)('refuses %s', (_, svg, problem) => {
    expect(svgProblem(text(svg))).toBe(problem);
  });

  it('refuses UTF-16, which a scan of the text as UTF-8 would not see into', () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFF<svg><script>alert(1)</script></svg>', 'utf16le'));
    expect(svgProblem(utf16)).toBe('is not in UTF-8');
  });
});
