import { describe, expect, it } from 'vitest';
import { canonicalNodeIds, pdfDate, pdfString, sourceDateEpoch, stampPdf, xrefOffsets } from '../../src/adapters/pdf/deterministic.ts';

/** A minimal PDF shaped like Chromium's: Info first, a classic xref table, trailer, startxref. */
function makePdf(info: string): string {
  const objects = [
    `1 0 obj\n${info}\nendobj\n`,
    '2 0 obj\n<</Type /Catalog\n/Pages 3 0 R>>\nendobj\n',
    '3 0 obj\n<</Type /Pages\n/Kids []\n/Count 0>>\nendobj\n',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(text.length);
    text += object;
  }
  const xref = text.length;
  text += `xref\n0 4\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${text}trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
}

const CHROMIUM_INFO = "<</Creator (Mozilla/5.0 \\(X11; Linux x86_64\\) HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n"
  + "/CreationDate (D:20261123141123+00'00')\n/ModDate (D:20261123141123+00'00')\n/Title (March \\(draft\\))>>";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Every xref entry must point at its own `N 0 obj`, and startxref at the table. */
function expectConsistent(text: string): void {
  const xrefStart = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  expect(text.slice(xrefStart, xrefStart + 4)).toBe('xref');
  const offsets = xrefOffsets(text, xrefStart);
  expect([...offsets.keys()]).toEqual([1, 2, 3]);
  for (const [number, offset] of offsets) expect(text.slice(offset, offset + `${number} 0 obj`.length)).toBe(`${number} 0 obj`);
}

describe('stampPdf', () => {
  const stamp = { date: new Date(Date.UTC(2026, 2, 31, 18, 0, 0)), creator: 'pledge', producer: 'pledge (Chrome/156)' };

  it('replaces the dates, creator and producer, keeps the title, and shifts the xref table', () => {
    const out = latin1(stampPdf(bytesOf(makePdf(CHROMIUM_INFO)), stamp));
    expect(out).toContain("1 0 obj\n<</Creator (pledge)\n/Producer (pledge \\(Chrome/156\\))\n/CreationDate (D:20260331180000+00'00')\n/ModDate (D:20260331180000+00'00')\n/Title (March \\(draft\\))>>\nendobj");
    expect(out).not.toContain('Skia');
    expect(out).not.toContain('20261123');
    expectConsistent(out);
  });

  it('gives the same bytes for two prints made at different times', () => {
    const later = CHROMIUM_INFO.replaceAll('20261123141123', '20261124093000');
    expect(latin1(stampPdf(bytesOf(makePdf(later)), stamp))).toBe(latin1(stampPdf(bytesOf(makePdf(CHROMIUM_INFO)), stamp)));
  });

  it('is idempotent', () => {
    const once = stampPdf(bytesOf(makePdf(CHROMIUM_INFO)), stamp);
    expect(latin1(stampPdf(once, stamp))).toBe(latin1(once));
  });

  it('drops the dates when there is no date to record', () => {
    const out = latin1(stampPdf(bytesOf(makePdf(CHROMIUM_INFO)), { creator: 'pledge', producer: 'p' }));
    expect(out).toContain('1 0 obj\n<</Creator (pledge)\n/Producer (p)\n/Title (March \\(draft\\))>>\nendobj');
    expectConsistent(out);
  });

  it('blanks the dates in place, same length, when the layout is not one it can rewrite', () => {
    const odd = "%PDF-1.7\n1 0 obj\n<</CreationDate (D:20261123141123+00'00')>>\nendobj\n%%EOF";
    expect(latin1(stampPdf(bytesOf(odd), stamp))).toBe("%PDF-1.7\n1 0 obj\n<</CreationDate (D:19700101000000+00'00')>>\nendobj\n%%EOF");
  });

  it('leaves binary stream bytes untouched', () => {
    const binary = makePdf(CHROMIUM_INFO).replace('/Count 0>>', '/Count 0>>\n\u00ff\u0080\u0000\u009f');
    const out = stampPdf(bytesOf(binary), stamp);
    expect(Buffer.from(out).includes(Buffer.from([0x0a, 0xff, 0x80, 0x00, 0x9f]))).toBe(true);
  });
});

describe('canonicalNodeIds', () => {
  // Chromium's shape: header cells carry /ID, data cells name them in /Headers, and the ID tree's one
  // leaf maps each id to its element, sorted by id. `a`, `b`, `c` are the ids of the elements 1, 2, 3.
  const structure = (a: string, b: string, c: string) => {
    const leaf = [[a, 1], [b, 2], [c, 3]].sort(([x], [y]) => String(x) < String(y) ? -1 : 1)
      .map(([id, object]) => `(node${id}) ${object} 0 R`);
    return `1 0 obj\n<</S /TH\n/ID (node${a})>>\nendobj\n2 0 obj\n<</S /TH\n/ID (node${b})>>\nendobj\n`
      + `3 0 obj\n<</S /TH\n/ID (node${c})>>\nendobj\n4 0 obj\n<</S /TD\n/A [<</O /Table\n/Headers [(node${b}) (node${c})]>>]>>\nendobj\n`
      + `5 0 obj\n<</Limits [${leaf[0]?.split(' ')[0]} ${leaf[2]?.split(' ')[0]}]\n/Names [${leaf.join(' ')}]>>\nendobj\n`
      + '6 0 obj\n<</Kids [5 0 R]>>\nendobj\n7 0 obj\n<</Type /StructTreeRoot\n/IDTree 6 0 R>>\nendobj\n';
  };

  it('numbers structure ids in the order the elements are written, whatever the counter started at', () => {
    const canonical = structure('00000000', '00000001', '00000002');
    expect(canonicalNodeIds(structure('00000016', '00000017', '00000903'))).toBe(canonical);
    expect(canonicalNodeIds(structure('00000400', '00000401', '00000402'))).toBe(canonical);
  });

  it('gives the same file when the counter handed two header cells their ids the other way round', () => {
    // Seen on a loaded machine: the fourth and fifth column headers of the overview, swapped.
    const swapped = structure('00000016', '00000018', '00000017');
    expect(swapped).toContain('/Names [(node00000016) 1 0 R (node00000017) 3 0 R (node00000018) 2 0 R]');
    expect(canonicalNodeIds(swapped)).toBe(structure('00000000', '00000001', '00000002'));
    expect(canonicalNodeIds(swapped)).toContain('/Limits [(node00000000) (node00000002)]\n/Names [(node00000000) 1 0 R (node00000001) 2 0 R (node00000002) 3 0 R]');
  });

  it('ranks by value, keeping the ID tree sorted, where the file is not shaped as Chromium writes it', () => {
    // A line break between two pairs of the leaf: its pairs could not be sorted again in place.
    const odd = structure('00000016', '00000018', '00000017').replace('1 0 R (node', '1 0 R\n(node');
    expect(canonicalNodeIds(odd)).toBe(structure('00000000', '00000002', '00000001').replace('1 0 R (node', '1 0 R\n(node'));
  });

  it('keeps every id its length, so no byte offset moves', () => {
    const text = structure('16', '00000017', '123456789');
    expect(canonicalNodeIds(text)).toHaveLength(text.length);
    expect(canonicalNodeIds(text)).toContain('1 0 obj\n<</S /TH\n/ID (node00)>>');
    expect(canonicalNodeIds(text)).toContain('/Headers [(node00000001) (node000000002)]');
  });
});

describe('PDF values', () => {
  it('formats dates as PDF dates in UTC', () => {
    expect(pdfDate(new Date('2026-01-05T07:08:09Z'))).toBe("D:20260105070809+00'00'");
  });

  it('escapes literal strings', () => {
    expect(pdfString('a (b) \\ c é')).toBe('(a \\(b\\) \\\\ c ?)');
  });

  it('reads SOURCE_DATE_EPOCH in seconds and ignores anything else', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1774980000' })?.toISOString()).toBe('2026-03-31T18:00:00.000Z');
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: 'yesterday' })).toBeUndefined();
    expect(sourceDateEpoch({})).toBeUndefined();
  });
});
