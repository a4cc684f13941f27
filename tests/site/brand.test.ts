import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { brandColorProblem, brandColors, brandStyle, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS } from '../../src/core/site/brand.ts';
import { contrastRatio, formatRatio, nearestPassing, parseHexColor, relativeLuminance, toHex, worstContrast, type Rgb } from '../../src/core/site/color.ts';
import { siteConfigSchema } from '../../src/core/site/config.ts';
import { clipToWords, internalHead, pageDescription, publicHead } from '../../src/core/site/head.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { REPO } from './helpers.ts';

const hex = (text: string): Rgb => parseHexColor(text)!;
const ratio = (a: string, b: string) => contrastRatio(hex(a), hex(b));

describe('WCAG 2.1 contrast', () => {
  it('parses #rgb and #rrggbb in any case, and nothing else', () => {
    expect(parseHexColor('#1F5f8B')).toEqual({ r: 31, g: 95, b: 139 });
    expect(parseHexColor('#0a3')).toEqual({ r: 0, g: 170, b: 51 });
    for (const bad of ['1f5f8b', '#1f5f8', '#1f5f8bff', '#ggg', 'red', 'rgb(0,0,0)', '#1f5f8b ']) expect(parseHexColor(bad)).toBeUndefined();
    expect(toHex({ r: 0, g: 170, b: 51 })).toBe('#00aa33');
  });

  it('computes the known pairs', () => {
    expect(relativeLuminance(hex('#ffffff'))).toBe(1);
    expect(relativeLuminance(hex('#000000'))).toBe(0);
    expect(ratio('#000000', '#ffffff')).toBe(21);
    // 0x77 = 119: ((119/255 + 0.055) / 1.055)^2.4 = 0.18447, so (1 + 0.05) / (0.18447 + 0.05) = 4.478.
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.4781, 4);
    expect(ratio('#ffffff', '#777777')).toBe(ratio('#777777', '#ffffff'));
    // The lightest grey that passes on white (WebAIM's example): 0x76 = 118 gives 4.54:1.
    expect(ratio('#767676', '#ffffff')).toBeCloseTo(4.5422, 4);
  });

  it('shows ratios with two decimals, never rounding a failing one up to 4.5', () => {
    expect(formatRatio(ratio('#777777', '#ffffff'))).toBe('4.48:1');
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(2.9)).toBe('2.9:1');
    expect(formatRatio(4.4962)).toBe('4.49:1');
    expect(formatRatio(4.5)).toBe('4.5:1');
  });

  it('finds the nearest darker or lighter shade that passes', () => {
    const light = LIGHT_BACKGROUNDS.map(hex);
    // #777777 is 4.11:1 on #f7f5f0; #707070 (0x70 = 112, luminance 0.1620) is 4.545:1, #717171 is 4.478:1.
    expect(toHex(nearestPassing(hex('#777777'), light, 4.5, 'darker'))).toBe('#707070');
    expect(worstContrast(hex('#717171'), light)).toBeLessThan(4.5);
    // Already passing: itself.
    expect(toHex(nearestPassing(hex('#1f5f8b'), light, 4.5, 'darker'))).toBe('#1f5f8b');
    const dark = nearestPassing(hex('#1f5f8b'), DARK_BACKGROUNDS.map(hex), 4.5, 'lighter');
    expect(worstContrast(dark, DARK_BACKGROUNDS.map(hex))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the brand colour', () => {
  it('must read as link text on the light page: else its contrast and the nearest shade that passes', () => {
    expect(brandColorProblem('#1f5f8b')).toBeUndefined();
    expect(brandColorProblem('#777777')).toEqual({ ratio: expect.closeTo(4.110, 3) as number, alternative: '#707070', alternativeRatio: expect.closeTo(4.545, 3) as number });
    const yellow = brandColorProblem('#ffcc00')!;
    expect(formatRatio(yellow.ratio)).toBe('1.39:1');
    expect(yellow.alternative).toBe('#896d00');
    // The alternative passes on both light backgrounds, as text and with white text on it.
    for (const background of LIGHT_BACKGROUNDS) expect(ratio(yellow.alternative, background)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(yellow.alternative, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the pages black or white text on it, and a lighter shade for the dark scheme', () => {
    const colors = brandColors('#0b6e4f');
    expect(colors.light).toEqual({ accent: '#0b6e4f', text: '#ffffff' });
    expect(colors.dark.text).toBe('#000000');
    for (const background of DARK_BACKGROUNDS) expect(ratio(colors.dark.accent, background)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(colors.dark.accent, colors.dark.text)).toBeGreaterThanOrEqual(4.5);
    expect(brandStyle(colors)).toBe(`--brand:#0b6e4f;--brand-text:#ffffff;--brand-dark:${colors.dark.accent};--brand-dark-text:#000000`);
  });

  it('is checked against the backgrounds site.css really has', async () => {
    const css = await readFile(path.join(REPO, 'src', 'site', 'shared', 'site.css'), 'utf8');
    const [light, dark] = [css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')), css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))];
    const backgrounds = (block: string) => [/--bg: (#[0-9a-f]{6});/.exec(block)?.[1], /--surface: (#[0-9a-f]{6});/.exec(block)?.[1]];
    expect(backgrounds(light)).toEqual([...LIGHT_BACKGROUNDS]);
    expect(backgrounds(dark)).toEqual([...DARK_BACKGROUNDS]);
  });
});

function errors(yaml: string): string[] {
  try {
    validateSource(parseYaml(yaml, 'content/site.yaml'), siteConfigSchema);
    return [];
  } catch (error) {
    return inputErrorsOf(error)!.map(formatInputError);
  }
}

describe('site.yaml fields', () => {
  it('takes a brand colour in quotes, normalised; an unquoted one, another form or a failing one is a located error', () => {
    expect(siteConfigSchema.parse({ brand: { color: '#03A' } }).brand?.color).toBe('#0033aa');
    expect(errors('brand:\n  color: #1f5f8b\n')).toEqual([
      'content/site.yaml:2:10  brand.color: this is empty: in YAML an unquoted # starts a comment, so the colour was read as nothing. Put it in quotes: color: "#1f5f8b".']);
    expect(errors('brand:\n  color: blue\n')).toEqual([
      'content/site.yaml:2:10  brand.color: this is not a colour pledge can use. Write it as "#rrggbb" or "#rgb", in quotes, e.g. color: "#1f5f8b".']);
    expect(errors('brand:\n  color: "#ffcc00"\n')).toEqual([
      'content/site.yaml:2:10  brand.color: #ffcc00 as link text on the page background (#f7f5f0) has a contrast of 1.39:1, below the 4.5:1 WCAG AA asks of text. Use "#896d00" instead, the nearest darker shade that passes (4.53:1).']);
  });

  it('takes an https address for the site, given back with a trailing slash', () => {
    expect(siteConfigSchema.parse({ url: 'https://Kestrel.example/promise' }).url).toBe('https://kestrel.example/promise/');
    expect(siteConfigSchema.parse({ url: ' https://kestrel.example ' }).url).toBe('https://kestrel.example/');
    const hint = 'Write the address the public page is served at, e.g. https://example.com/promise/.';
    const cases: Array<[string, string]> = [
      ['http://kestrel.example/', `the site's address must start with https://. ${hint}`],
      ['https://user:pw@kestrel.example/', `this address carries a user name or password, which would be published. ${hint}`],
      ['https://kestrel.example/?utm=x', `the site's address has a query (?) or a fragment (#). ${hint}`],
      ['https://kestrel.example/#top', `the site's address has a query (?) or a fragment (#). ${hint}`],
      ['https://localhost/', `"localhost" is not a public host name. ${hint}`],
      ['https://kestrel.example/index.html', `this is the address of a page, not of the site. ${hint}`],
      ['mailto:hello@kestrel.example', `the site's address must start with https://. ${hint}`],
      // The links policy of promise.yaml comes first (tests/security/urls.test.ts has all of it).
      ['//kestrel.example', 'this address has no scheme, so browsers open whatever site follows the slashes. Write it in full with its scheme: https://kestrel.example.'],
      ['javascript:alert(1)', 'this is not a web address pledge can link to. Use an address starting with https://, http://, mailto: or tel:, e.g. https://example.com/contact.'],
    ];
    for (const [url, message] of cases) expect(errors(`url: "${url}"\n`)).toEqual([`content/site.yaml:1:6  url: ${message}`]);
  });

  it('takes a description of at most 160 characters', () => {
    expect(errors(`description: "${'a'.repeat(160)}"\n`)).toEqual([]);
    expect(errors(`description: "${'a'.repeat(161)}"\n`)).toEqual([
      'content/site.yaml:1:14  description: this description is 161 characters, more than the 160 search results show. Shorten it to one sentence of at most 160 characters.']);
  });
});

describe('the default description', () => {
  const STATEMENT = 'For home cooks who plan their week: we deliver your groceries on the day you choose. If we are late, delivery is free.';

  it('is the statement\'s first sentence when it fits', () => {
    expect(pageDescription({}, STATEMENT, 'en')).toBe('For home cooks who plan their week: we deliver your groceries on the day you choose.');
    expect(pageDescription({ config: siteConfigSchema.parse({ description: 'Fresh, on time.' }) }, STATEMENT, 'en')).toBe('Fresh, on time.');
  });

  it('is cut at a word boundary to 160 characters, with an ellipsis', () => {
    const long = `${'word '.repeat(40).trim()}.`;
    const clipped = pageDescription({}, long, 'en');
    // 32 words and the 31 spaces between them are 159 characters; with the ellipsis 160. A 33rd does not fit.
    expect(clipped).toBe(`${Array(32).fill('word').join(' ')}…`);
    expect([...clipped].length).toBe(160);
    expect(clipToWords('one two, three', 10, 'en')).toBe('one two…');
  });

  it('cuts Chinese between words, by characters', () => {
    const zh = `${'我们准时送达'.repeat(30)}。`;
    const clipped = clipToWords(zh, 20, 'zh');
    expect([...clipped].length).toBeLessThanOrEqual(20);
    expect(clipped.endsWith('…')).toBe(true);
    expect(zh.startsWith(clipped.slice(0, -1))).toBe(true);
  });
});

describe('the head of the pages', () => {
  const site = {
    config: siteConfigSchema.parse({ url: 'https://kestrel.example/pt/promessa', brand: { color: '#0b6e4f' } }),
    images: { logo: { file: 'logo-0123456789ab.png', mediaType: 'image/png' }, favicon: { file: 'favicon-ba9876543210.ico', mediaType: 'image/x-icon' } },
  };

  it('public: canonical, an absolute og:image beside the page, the locale, the favicon and the brand', () => {
    expect(publicHead(site, 'pt', 'Entregamos a tempo.')).toEqual({
      description: 'Entregamos a tempo.',
      canonical: 'https://kestrel.example/pt/promessa/',
      locale: 'pt_PT',
      image: 'https://kestrel.example/pt/promessa/logo-0123456789ab.png',
      favicon: { href: 'favicon-ba9876543210.ico', type: 'image/x-icon' },
      brandStyle: brandStyle(brandColors('#0b6e4f')),
    });
    // Without a url, nothing that needs an absolute address; without site.yaml, only the locale.
    expect(publicHead({ images: site.images }, 'zh', 'x')).toMatchObject({ canonical: null, image: null, locale: 'zh_CN' });
    expect(publicHead({}, 'en', 'x')).toEqual({ description: 'x', canonical: null, locale: 'en_GB', image: null, favicon: null, brandStyle: null });
  });

  it('public: og:image only for a logo link previews can show (PNG, JPEG, WebP), never an SVG', () => {
    const withLogo = (file: string, mediaType: string) => publicHead({ ...site, images: { logo: { file, mediaType } } }, 'en', 'x').image;
    expect(withLogo('logo-0123456789ab.svg', 'image/svg+xml')).toBeNull();
    expect(withLogo('logo-0123456789ab.jpg', 'image/jpeg')).toBe('https://kestrel.example/pt/promessa/logo-0123456789ab.jpg');
    expect(withLogo('logo-0123456789ab.webp', 'image/webp')).toBe('https://kestrel.example/pt/promessa/logo-0123456789ab.webp');
  });

  it('internal: the favicon and the brand only', () => {
    expect(internalHead(site, 'en')).toEqual({
      description: null, canonical: null, image: null, locale: 'en_GB',
      favicon: { href: 'favicon-ba9876543210.ico', type: 'image/x-icon' }, brandStyle: brandStyle(brandColors('#0b6e4f')),
    });
  });
});
