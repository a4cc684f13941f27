import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledge, sandbox, type Sandbox } from './helpers.ts';

let box: Sandbox;
let promiseYaml: string;
beforeAll(async () => {
  box = await sandbox();
  promiseYaml = await readFile(path.join(box.root, 'content', 'promise.yaml'), 'utf8');
});
afterAll(async () => { await box.remove(); });

/** The two links of promise.yaml: where each sits (line:column of its value) and the line it is on. */
const FIELDS = {
  'call_to_action.url': { place: '23:8', line: '  url: https://kestrel.example/shop\n' },
  'feedback.url': { place: '26:8', line: '  url: mailto:hello@kestrel.example\n' },
} as const;
type Field = keyof typeof FIELDS;

async function withUrl(field: Field, url: string): Promise<void> {
  const { line } = FIELDS[field];
  if (!promiseYaml.includes(line)) throw new Error('the fixture changed');
  await writeFile(path.join(box.root, 'content', 'promise.yaml'), promiseYaml.replace(line, `  url: ${JSON.stringify(url)}\n`));
}

const HINT = 'Use an address starting with https://, http://, mailto: or tel:, e.g. https://example.com/contact.';
const NO_SCHEME = 'this address has no scheme, so browsers open whatever site follows the slashes. Write it in full with its scheme:';
const PATH = `this is a path, not a full address: the page may be served from another site than the one you mean. ${HINT}`;
const ODD = `this address contains a space, a backslash or a control character. ${HINT}`;
const NOT_A_LINK = `this is not a web address pledge can link to. ${HINT}`;

const REFUSED: Array<[string, string]> = [
  ['//evil.example', `${NO_SCHEME} https://evil.example.`],
  [String.raw`/\evil.example`, `${NO_SCHEME} https://evil.example.`],
  [String.raw`\\evil.example`, `${NO_SCHEME} https://evil.example.`],
  [String.raw`\/evil.example`, `${NO_SCHEME} https://evil.example.`],
  ['///evil.example/login', `${NO_SCHEME} https://evil.example/login.`],
  ['  //evil.example', `${NO_SCHEME} https://evil.example.`],
  ['/contact', PATH],
  [String.raw`\contact`, PATH],
  [String.raw`https:\\evil.example`, ODD],
  ['https://evil.example/a b', ODD],
  ['java\tscript:alert(1)', ODD],
  ['https://kestrel.example/\u0000', ODD],
  ['javascript:alert(1)', NOT_A_LINK],
  ['JaVaScRiPt:alert(1)', NOT_A_LINK],
  ['data:text/html;base64,PHNjcmlwdD4=', NOT_A_LINK],
  ['vbscript:msgbox(1)', NOT_A_LINK],
  ['file:///etc/passwd', NOT_A_LINK],
  ['https:evil.example', NOT_A_LINK],
  ['https:/evil.example', NOT_A_LINK],
  ['https://', NOT_A_LINK],
  ['mailto:', NOT_A_LINK],
  ['tel:', NOT_A_LINK],
  ['evil.example', NOT_A_LINK],
];

describe('links in call_to_action and feedback', () => {
  for (const field of Object.keys(FIELDS) as Field[]) {
    it.each(REFUSED)(`${field}: %j is refused at its place, exit 2, with the fix`, async (url, message) => {
      await withUrl(field, url);
      const run = await pledge(box.root, 'check');
      expect(run.err).toBe(`content/promise.yaml:${FIELDS[field].place}  ${field}: ${message}\n`);
      expect(run.code).toBe(2);
    });
  }

  it.each([
    'https://kestrel.example/shop', 'HTTPS://kestrel.example', 'http://kestrel.example:8080/a?b=1#c',
    'mailto:hello@kestrel.example', 'mailto:hello@kestrel.example?subject=Late%20parcel', 'tel:+351210000000', 'tel:+1-555-0100',
  ])('%s is a link pledge accepts', async (url) => {
    for (const field of Object.keys(FIELDS) as Field[]) {
      await withUrl(field, url);
      const run = await pledge(box.root, 'check');
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
    }
  });
});
