/**
 * The built-in templates as the package build precompiled them, by name (`en/statement`), each with the
 * text it was compiled from. Empty here: a checkout compiles the templates as it reads them. When
 * scripts/build-lib.mjs bundles pledge it writes this module anew, so that the compiled templates are
 * part of the bundle (and of its V8 code cache) instead of being compiled again on every `pledge check`.
 */
export const PRECOMPILED: Readonly<Record<string, { text: string; spec: TemplateSpecification }>> = {};
