/**
 * Colours and their contrast, as WCAG 2.1 defines it (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio):
 * the brand colour of content/site.yaml is checked with these before a page uses it.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG AA for normal text (1.4.3). */
export const AA_TEXT = 4.5;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb`, any case; undefined for anything else. */
export function parseHexColor(text: string): Rgb | undefined {
  if (!HEX_COLOR.test(text)) return undefined;
  const digits = text.length === 4 ? [...text.slice(1)].map((d) => d + d).join('') : text.slice(1);
  return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
}

/** `#rrggbb`, lower case. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * "4.48:1": two decimals, trailing zeros dropped. A ratio just under `threshold` is rounded down, so a
 * failing colour never reads as "4.5:1".
 */
export function formatRatio(ratio: number, threshold = AA_TEXT): string {
  const rounded = Math.round(ratio * 100) / 100;
  const shown = rounded >= threshold && ratio < threshold ? Math.floor(ratio * 100) / 100 : rounded;
  return `${shown.toFixed(2).replace(/\.?0+$/, '')}:1`;
}

export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
export const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** Black or white, whichever reads better on `background`. */
export function textColorOn(background: Rgb): Rgb {
  return contrastRatio(WHITE, background) >= contrastRatio(BLACK, background) ? WHITE : BLACK;
}

/** The lowest contrast of `color` against any of `backgrounds`. */
export function worstContrast(color: Rgb, backgrounds: readonly Rgb[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(color, background)));
}

/**
 * The nearest shade of `color` (same hue and saturation, lightness moved towards black or white in
 * steps of 1/1000 of the way) whose contrast against every background is at least `minimum`. Black
 * and white end the search, so it always finds one for a minimum of 4.5 against a light or a dark page.
 */
export function nearestPassing(color: Rgb, backgrounds: readonly Rgb[], minimum: number, direction: 'darker' | 'lighter'): Rgb {
  const { h, s, l } = toHsl(color);
  const STEPS = 1000;
  for (let step = 0; step <= STEPS; step++) {
    const lightness = direction === 'darker' ? l * (1 - step / STEPS) : l + (1 - l) * (step / STEPS);
    const candidate = fromHsl(h, s, lightness);
    if (worstContrast(candidate, backgrounds) >= minimum) return candidate;
  }
  return direction === 'darker' ? BLACK : WHITE;
}

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function toHsl({ r, g, b }: Rgb): Hsl {
  const [rs, gs, bs] = [r / 255, g / 255, b / 255];
  const max = Math.max(rs, gs, bs);
  const min = Math.min(rs, gs, bs);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === rs ? ((gs - bs) / d + 6) % 6 : max === gs ? (bs - rs) / d + 2 : (rs - gs) / d + 4;
  return { h: h * 60, s, l };
}

function fromHsl(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const sector = Math.floor(h / 60) % 6;
  const [r, g, b] = ([[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]] as const)[sector]!;
  const channel = (v: number) => Math.min(255, Math.max(0, Math.round((v + m) * 255)));
  return { r: channel(r), g: channel(g), b: channel(b) };
}
