import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTemplates } from '../../src/adapters/check-project.ts';
import { composeStatement } from '../../src/core/compose/compose.ts';
import type { TemplateSet } from '../../src/core/compose/templates.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { LANGUAGES } from '../../src/core/schema/text.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { applyEdits, fixtureText, type Edit, type Language } from '../check/harness.ts';

// The installed package composes from the built-in templates as scripts/build-lib.mjs precompiles them
// (builtin-templates.ts); a checkout compiles them as read. Both must give the same statement.
const templates = await loadBuiltinTemplates();

/** What build-lib.mjs writes into the bundle for each template, evaluated as the bundle would. */
function precompiled(set: TemplateSet): TemplateSet {
  return Object.fromEntries(Object.entries(set).map(([name, template]) => {
    const source = Handlebars.precompile(template.text, { noEscape: true, strict: false });
    const spec = new Function(`return ${String(source)};`)() as TemplateSpecification;
    return [name, { ...template, precompiled: spec }];
  }));
}

function compose(language: Language, set: TemplateSet, edits: Edit[] = []) {
  const promise = validateSource(parseYaml(applyEdits(fixtureText(language), edits), 'content/promise.yaml'), promiseSchema);
  const kpis = validateSource(parseYaml(fixtureText(language, 'kpis.yaml'), 'content/kpis.yaml'), kpisFileSchema);
  return composeStatement({ promise, kpis, templates: set });
}

describe('precompiled built-in templates', () => {
  const compiled = precompiled(templates);

  it.each(LANGUAGES)('compose the same statement as the templates compiled as read (%s)', (language) => {
    expect(Object.values(compiled).every((template) => template.precompiled)).toBe(true);
    const statement = compose(language, compiled);
    expect(statement).toEqual(compose(language, templates));
    expect(statement.text.length).toBeGreaterThan(100);
  });

  it('compose the same when a commitment has a deadline and no remedy or period (the templates\' other branches)', () => {
    const edits: Edit[] = [['    period: month\n    remedy: we refund your shipping\n', '    deadline: 2026-12-31\n']];
    expect(compose('en', compiled, edits)).toEqual(compose('en', templates, edits));
  });
});
