import type { Language } from '../schema/text.ts';

/** One template: its handlebars text and the file it came from (built-in or content/templates/). */
export interface Template {
  text: string;
  file: string;
  /** A built-in template as the package build compiled it (`Handlebars.precompile` of `text`); else compiled as read. */
  precompiled?: TemplateSpecification;
}

/**
 * Templates by name, `<language>/<name>`: `en/statement`, `en/commitment`, `en/intro`
 * (and a user's `en/intro/delivery`, for one promise type).
 * The adapter fills it with the built-in files, then lays the user's content/templates/ over them.
 */
export type TemplateSet = Record<string, Template>;

export function templateName(language: Language, name: string): string {
  return `${language}/${name}`;
}

export function pickTemplate(templates: TemplateSet, language: Language, name: string): Template {
  const template = templates[templateName(language, name)];
  // The built-in set always has every template; a gap is a packaging bug, not bad input.
  if (!template) throw new Error(`The built-in template ${templateName(language, name)}.hbs is missing.`);
  return template;
}
