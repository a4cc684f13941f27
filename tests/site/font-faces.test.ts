import { describe, expect, it } from 'vitest';
import { addCodePoints, facesFor, fontFaceCss, parseFontFaces, parseUnicodeRange } from '../../src/core/site/font-faces.ts';

const CSS = `/* noto-sans-latin-400-normal */
@font-face {
  font-family: 'Noto Sans';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/noto-sans-latin-400-normal.woff2) format('woff2'), url(./files/noto-sans-latin-400-normal.woff) format('woff');
  unicode-range: U+0000-00FF,U+2191;
}
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 400;
  src: url(./files/noto-sans-sc-5-400-normal.woff2) format('woff2');
  unicode-range: U+2190-2199,U+4e??;
}
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 400;
  src: url(./files/noto-sans-sc-6-400-normal.woff2) format('woff2');
  unicode-range: U+9000-9fff;
}`;

describe('the fonts a site ships', () => {
  const faces = parseFontFaces(CSS);

  it('reads each @font-face: family, first file, ranges, and its other declarations', () => {
    expect(faces.map((face) => [face.family, face.file, face.ranges])).toEqual([
      ['Noto Sans', 'noto-sans-latin-400-normal.woff2', [[0, 0xff], [0x2191, 0x2191]]],
      ['Noto Sans SC', 'noto-sans-sc-5-400-normal.woff2', [[0x2190, 0x2199], [0x4e00, 0x4eff]]],
      ['Noto Sans SC', 'noto-sans-sc-6-400-normal.woff2', [[0x9000, 0x9fff]]],
    ]);
    expect(faces[0]?.declarations).toBe("font-family: 'Noto Sans'; font-style: normal; font-display: swap; font-weight: 400; unicode-range: U+0000-00FF,U+2191");
  });

  it('parses wildcards and skips what is not a range', () => {
    expect(parseUnicodeRange('U+4??, U+20AC ,nonsense')).toEqual([[0x400, 0x4ff], [0x20ac, 0x20ac]]);
  });

  it('keeps the faces holding a character of the site, from every family of a stack, in their order', () => {
    const used = new Set<number>();
    addCodePoints('Kept ↑ 中', used);
    // ↑ is in Noto Sans's range but not in its file: the SC face that draws it must ship too.
    expect(facesFor(faces, [['Noto Sans', 'Noto Sans SC']], used).map((face) => face.file))
      .toEqual(['noto-sans-latin-400-normal.woff2', 'noto-sans-sc-5-400-normal.woff2']);
    expect(facesFor(faces, [['Noto Serif']], used)).toEqual([]);
  });

  it('takes a face for a character on either end of its range, not for one just outside it', () => {
    const sc6 = (codePoints: number[]) => facesFor(faces.slice(2), [['Noto Sans SC']], new Set(codePoints)).length;
    expect([sc6([0x9000]), sc6([0x9fff]), sc6([0x8fff, 0xa000]), sc6([0x41, 0x8fff, 0x9abc, 0xa000])]).toEqual([1, 1, 0, 1]);
  });

  it('writes the rules with URLs relative to the page', () => {
    expect(fontFaceCss(faces.slice(2), '../_fonts')).toBe(
      "@font-face{font-family: 'Noto Sans SC'; font-weight: 400; unicode-range: U+9000-9fff;src:url(../_fonts/noto-sans-sc-6-400-normal.woff2) format('woff2')}");
  });
});
