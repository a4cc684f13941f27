import { AA_TEXT, formatRatio, nearestPassing, parseHexColor, textColorOn, toHex, worstContrast, type Rgb } from './color.ts';

/**
 * The brand colour is the sites' accent: links on the page, the buttons (with black or white text on
 * them), the focus ring and the remedy's rule. These are the backgrounds it sits on, as in
 * src/site/shared/site.css (--bg and --surface, light and dark; tests/site/brand.test.ts keeps them equal).
 */
export const LIGHT_BACKGROUNDS = ['#f7f5f0', '#ffffff'] as const;
export const DARK_BACKGROUNDS = ['#151413', '#1f1e1c'] as const;

const rgb = (hex: string): Rgb => parseHexColor(hex)!;
const LIGHT = LIGHT_BACKGROUNDS.map(rgb);
const DARK = DARK_BACKGROUNDS.map(rgb);

export interface BrandColorProblem {
  /** Its contrast as link text on the light page, the lower of the two backgrounds. */
  ratio: number;
  /** The nearest darker shade that passes, `#rrggbb`. */
  alternative: string;
  alternativeRatio: number;
}

/**
 * Why `hex` cannot be the brand colour, or undefined when it can: as link text on the light page it
 * must reach 4.5:1 (WCAG AA). Passing that, white text on it passes too (white is lighter than both
 * backgrounds), so buttons need no check of their own.
 */
export function brandColorProblem(hex: string): BrandColorProblem | undefined {
  const color = rgb(hex);
  const ratio = worstContrast(color, LIGHT);
  if (ratio >= AA_TEXT) return undefined;
  const alternative = nearestPassing(color, LIGHT, AA_TEXT, 'darker');
  return { ratio, alternative: toHex(alternative), alternativeRatio: worstContrast(alternative, LIGHT) };
}

/** The problem in words, as a schema message (`message | hint`). */
export function describeBrandColorProblem(hex: string, problem: BrandColorProblem): string {
  return `${hex} as link text on the page background (${LIGHT_BACKGROUNDS[0]}) has a contrast of ${formatRatio(problem.ratio)}, `
    + `below the ${formatRatio(AA_TEXT)} WCAG AA asks of text. | Use "${problem.alternative}" instead, the nearest darker shade `
    + `that passes (${formatRatio(problem.alternativeRatio)}).`;
}

/** The colours the pages use for a brand colour: itself on light pages and paper, a lighter shade on dark ones. */
export interface BrandColors {
  light: { accent: string; text: string };
  dark: { accent: string; text: string };
}

/** For a colour that passed `brandColorProblem`: the dark scheme's shade is computed, never asked for. */
export function brandColors(hex: string): BrandColors {
  const color = rgb(hex);
  const dark = nearestPassing(color, DARK, AA_TEXT, 'lighter');
  return {
    light: { accent: toHex(color), text: toHex(textColorOn(color)) },
    dark: { accent: toHex(dark), text: toHex(textColorOn(dark)) },
  };
}

/**
 * The custom properties site.css reads (`--accent: var(--brand, …)`), for the `style` of `<html>`:
 * set there, they reach every scheme and print, and site.css keeps its defaults for a site without one.
 */
export function brandStyle(colors: BrandColors): string {
  return `--brand:${colors.light.accent};--brand-text:${colors.light.text};--brand-dark:${colors.dark.accent};--brand-dark-text:${colors.dark.text}`;
}
