import { describe, expect, it } from 'vitest';
import { formatInputError, InputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';

const MINIMAL = `company: Acme
language: en
audience:
  who: home cooks
values: [care]
promise_types: [delivery]
benefit: dinner on time
commitments:
  - id: fast
    kpi: on_time
    target: { comparison: ">=", value: 95, unit: "%" }
    period: month
`;

function errorsOf(text: string, schema = promiseSchema): string[] {
  try {
    validateSource(parseYaml(text, 'content/promise.yaml'), schema);
  } catch (error) {
    return (inputErrorsOf(error) ?? []).map(formatInputError);
  }
  return [];
}

describe('parseYaml', () => {
  it('locates a nested value by its data path', () => {
    const source = parseYaml(MINIMAL, 'content/promise.yaml');
    expect(source.locate(['commitments', 0, 'target', 'value'])).toEqual({ file: 'content/promise.yaml', line: 11, column: 40 });
    expect(source.locate(['audience', 'who'])).toEqual({ file: 'content/promise.yaml', line: 4, column: 8 });
  });

  it('turns a syntax error into one located line with a fix', () => {
    expect(() => parseYaml('company: Acme\nvalues: [care\nbenefit: x\n', 'p.yaml')).toThrow(InputError);
    const [line] = errorsOf('company: Acme\nvalues: [care\nbenefit: x\n');
    expect(line).toMatch(/^content\/promise\.yaml:\d+:\d+ {2}This is not valid YAML: .+ Check the indentation/);
  });

  it('refuses an empty file', () => {
    expect(errorsOf('# only a comment\n')).toEqual([
      'content/promise.yaml:1:1  The file is empty. Fill it in; `pledge init` writes a complete example.',
    ]);
  });
});

describe('validateSource', () => {
  it('accepts a minimal promise', () => {
    expect(errorsOf(MINIMAL)).toEqual([]);
  });

  it('names the data path, the place and the fix for a wrong type', () => {
    expect(errorsOf(MINIMAL.replace('value: 95', 'value: "fast"'))).toEqual([
      'content/promise.yaml:11:40  commitments[0].target.value: expected a number, got "fast". Write a number here.',
    ]);
  });

  it('suggests the key the user meant', () => {
    expect(errorsOf(MINIMAL.replace('benefit:', 'benefti:'))).toContain(
      'content/promise.yaml:7:1  Unknown key "benefti". Did you mean "benefit"?');
  });

  it('refuses HTML and script in text fields', () => {
    expect(errorsOf(MINIMAL.replace('company: Acme', 'company: "<script>alert(1)</script>"'))).toEqual([
      'content/promise.yaml:1:10  company: HTML or script is not allowed in text fields. Write plain text; pledge escapes and formats it for you.',
    ]);
  });

  it('refuses empty strings and unsupported languages', () => {
    const errors = errorsOf(MINIMAL.replace('company: Acme', 'company: "  "').replace('language: en', 'language: fr'));
    expect(errors).toEqual([
      'content/promise.yaml:1:10  company: this text is empty. Write the text, or remove the key if it is optional.',
      'content/promise.yaml:2:11  language: "fr" is not allowed. Use one of: en, pt, zh.',
    ]);
  });

  it('refuses a data source outside the project', () => {
    const kpis = `kpis:
  - id: nps
    name: NPS
    formula: nps
    source: ../../etc/passwd
    columns: { score: score }
    timestamp: at
    better: higher
    method: Promoters minus detractors.
`;
    expect(errorsOf(kpis, kpisFileSchema as never)).toEqual([
      'content/promise.yaml:5:13  kpis[0].source: this path leaves the project. Put the data file inside the project, e.g. data/orders.csv.',
    ]);
  });
});
