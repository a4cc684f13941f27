/**
 * Chromium stamps every PDF with the time it was printed (/CreationDate, /ModDate in the Info
 * dictionary) and its own user agent as /Creator, so two runs over the same inputs differ. These
 * functions rewrite that one dictionary and shift the cross-reference table by the change in length,
 * so the rest of the file stays byte for byte what Chromium wrote.
 */

export interface PdfStamp {
  /** The date to record; absent removes the dates, so the file carries no clock at all. */
  date?: Date;
  creator: string;
  producer: string;
}

/** `D:YYYYMMDDHHmmSS+00'00'`, the PDF date format, always in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A PDF literal string: backslash, parentheses and non-ASCII escaped, so any text is safe. */
export function pdfString(text: string): string {
  const escaped = [...text].map((char) => {
    if (char === '\\' || char === '(' || char === ')') return `\\${char}`;
    const code = char.charCodeAt(0);
    return code < 32 || code > 126 ? '?' : char;
  });
  return `(${escaped.join('')})`;
}

/** The date SOURCE_DATE_EPOCH names (seconds since 1970), or undefined when unset or not a number. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  return new Date(Number(raw) * 1000);
}

const STAMPED_KEYS = /\/(CreationDate|ModDate|Producer|Creator)\s*(\((?:\\[\s\S]|[^\\()])*\)|<[0-9A-Fa-f\s]*>)/g;

function stampedDictionary(dictionary: string, stamp: PdfStamp): string {
  const kept = dictionary.slice(2).replace(STAMPED_KEYS, '').replace(/\n\s*\n/g, '\n').replace(/^\s+/, '');
  const entries = [`/Creator ${pdfString(stamp.creator)}`, `/Producer ${pdfString(stamp.producer)}`];
  if (stamp.date) entries.push(`/CreationDate (${pdfDate(stamp.date)})`, `/ModDate (${pdfDate(stamp.date)})`);
  return `<<${entries.join('\n')}${kept.startsWith('>>') ? '' : '\n'}${kept}`;
}

interface Layout {
  infoStart: number;
  infoEnd: number;
  xrefStart: number;
}

/** Where the Info object and the classic xref table are; undefined for layouts we do not rewrite. */
function locate(text: string): Layout | undefined {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) return undefined;
  const xrefStart = Number(startxref[1]);
  if (text.slice(xrefStart, xrefStart + 4) !== 'xref') return undefined;
  const trailer = text.indexOf('trailer', xrefStart);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(text.slice(trailer));
  if (trailer < 0 || !info) return undefined;
  const infoStart = xrefOffsets(text, xrefStart).get(Number(info[1]));
  if (infoStart === undefined || !text.startsWith(`${info[1]} ${info[2]} obj`, infoStart)) return undefined;
  const infoEnd = text.indexOf('endobj', infoStart);
  return infoEnd < 0 || infoEnd > xrefStart ? undefined : { infoStart, infoEnd, xrefStart };
}

/** Object number → byte offset, from a classic xref table (subsections of 20-byte entries). */
export function xrefOffsets(text: string, xrefStart: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const section = text.slice(xrefStart, text.indexOf('trailer', xrefStart));
  const subsection = /(\d+) (\d+)\r?\n((?:\d{10} \d{5} [nf][ \r]?\n?)*)/g;
  for (const match of section.matchAll(subsection)) {
    const entries = (match[3] ?? '').match(/\d{10} \d{5} [nf]/g) ?? [];
    entries.forEach((entry, index) => {
      if (entry.endsWith('n')) offsets.set(Number(match[1]) + index, Number(entry.slice(0, 10)));
    });
  }
  return offsets;
}

function shiftXref(section: string, after: number, delta: number): string {
  return section.replace(/(\d{10}) (\d{5}) n/g, (entry, offset: string, generation: string) => {
    const value = Number(offset);
    return value > after ? `${String(value + delta).padStart(10, '0')} ${generation} n` : entry;
  });
}

/**
 * The same PDF with its Info dictionary stamped (dates, creator, producer) and its xref table
 * still pointing at every object. Files we cannot parse get their dates blanked in place instead
 * (same length), which keeps them valid and still deterministic.
 */
export function stampPdf(pdf: Uint8Array, stamp: PdfStamp): Uint8Array {
  const text = canonicalNodeIds(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'));
  const layout = locate(text);
  if (!layout) return Buffer.from(blankDates(text), 'latin1');
  const { infoStart, infoEnd, xrefStart } = layout;
  const object = text.slice(infoStart, infoEnd);
  const open = object.indexOf('<<');
  const close = object.lastIndexOf('>>') + 2;
  const rewritten = object.slice(0, open) + stampedDictionary(object.slice(open, close), stamp) + object.slice(close);
  const delta = rewritten.length - object.length;
  const trailerStart = text.indexOf('trailer', xrefStart);
  const tail = text.slice(trailerStart).replace(/startxref\s+\d+/, `startxref\n${xrefStart + delta}`);
  const out = text.slice(0, infoStart) + rewritten + text.slice(infoEnd, xrefStart)
    + shiftXref(text.slice(xrefStart, trailerStart), infoStart, delta) + tail;
  return Buffer.from(out, 'latin1');
}

/**
 * A tagged PDF names each structure element after its DOM node (`/ID (node00000016)`), and DOM node
 * numbers come from a counter shared by every tab of the browser, handed out as nodes are first
 * asked for: print pages in parallel and the numbers shift from run to run, and even their order
 * among one page's nodes can change (two table headers swapped). Each id becomes its place in the
 * order the ids first appear in the file, outside the ID tree (structure elements are written in
 * the same order every run), padded to its own length; the ID tree's leaf, which must list its keys
 * sorted, is sorted again. Nothing changes length, so no byte offset moves.
 */
export function canonicalNodeIds(text: string): string {
  return inFileOrder(text) ?? byValue(text);
}

/** Undefined where the file is not as Chromium writes it (one ID tree leaf, ids wide enough): byValue then. */
function inFileOrder(text: string): string | undefined {
  const leaves = [...text.matchAll(ID_TREE_LEAF)];
  if (leaves.length !== (text.includes('/IDTree') ? 1 : 0)) return undefined;
  const outsideLeaves = leaves.reduceRight((rest, leaf) => rest.slice(0, leaf.index) + rest.slice(leaf.index + leaf[0].length), text);
  const rank = new Map<string, number>();
  for (const [id] of outsideLeaves.matchAll(NODE_ID)) if (!rank.has(id)) rank.set(id, rank.size);
  // Ids only the ID tree names (no structure element carries them) go last, in their old order.
  for (const leaf of leaves) for (const [id] of leaf[0].matchAll(NODE_ID)) if (!rank.has(id)) rank.set(id, rank.size);
  if ([...rank].some(([id, place]) => String(place).length > id.length - '(node)'.length)) return undefined;
  const renumber = (chunk: string) => chunk.replace(NODE_ID, (id, digits: string) => `(node${String(rank.get(id) ?? 0).padStart(digits.length, '0')})`);
  const leaf = leaves[0];
  if (!leaf) return renumber(text);
  const sorted = sortedLeaf(renumber(leaf[0]));
  return sorted && renumber(text.slice(0, leaf.index)) + sorted + renumber(text.slice(leaf.index + leaf[0].length));
}

/** Each id as its rank by value: keeps the ID tree's order and never widens an id, but moves when the browser hands the ids out in another order. */
function byValue(text: string): string {
  const ids = [...new Set(text.match(NODE_ID) ?? [])].map((id) => Number(id.slice(5, -1)));
  const rank = new Map([...new Set(ids)].sort((a, b) => a - b).map((id, index) => [id, index]));
  return text.replace(NODE_ID, (_match, digits: string) => `(node${String(rank.get(Number(digits)) ?? 0).padStart(digits.length, '0')})`);
}

const NODE_ID = /\(node(\d+)\)/g;
/** The one leaf of the ID tree Chromium writes: its key range, then its sorted keys and their elements. */
const ID_TREE_LEAF = /\/Limits \[\(node\d+\) \(node\d+\)\]\s*\/Names \[(?:\(node\d+\) \d+ \d+ R ?)*\]/g;

/** A leaf with its pairs sorted by key and its limits set to match; undefined if that would change its length. */
function sortedLeaf(leaf: string): string | undefined {
  const pairs = [...leaf.matchAll(/(\(node\d+\)) (\d+ \d+ R)/g)].map(([, key = '', ref = '']) => ({ key, ref }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = leaf.slice(leaf.indexOf('/Names ['));
  const limits = leaf.slice(0, leaf.indexOf('/Names ['));
  const sorted = `${limits.replace(/\[\(node\d+\) \(node\d+\)\]/, `[${pairs[0]?.key ?? ''} ${pairs.at(-1)?.key ?? ''}]`)}`
    + `/Names [${pairs.map((pair) => `${pair.key} ${pair.ref}`).join(' ')}${names.endsWith(' ]') ? ' ' : ''}]`;
  return sorted.length === leaf.length ? sorted : undefined;
}

/** Same-length fallback: every PDF date string becomes the epoch. */
function blankDates(text: string): string {
  return text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}/g, (_match, head: string) => `${head}19700101000000`);
}
