import type { Language } from '../../schema/text.ts';
import { en } from './en.ts';
import { pt } from './pt.ts';
import { zh } from './zh.ts';
import type { WizardText } from './types.ts';

export type { WizardText } from './types.ts';

export const WIZARD_TEXT: Record<Language, WizardText> = { en, pt, zh };

export function wizardText(language: Language): WizardText {
  return WIZARD_TEXT[language];
}

/** Fills `{name}` slots; an unknown slot stays visible so a missing value is noticed, not hidden. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot);
}
