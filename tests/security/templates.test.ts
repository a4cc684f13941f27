import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledge, sandbox, type Sandbox } from './helpers.ts';

let box: Sandbox;
beforeAll(async () => {
  box = await sandbox();
  await mkdir(path.join(box.root, 'content', 'templates', 'en', 'intro'), { recursive: true });
});
afterAll(async () => { await box.remove(); });

const INTRO = 'content/templates/en/intro/delivery.hbs';
const SELF = 'This template includes itself ({{> intro}}), so it would never finish. Remove the {{> intro}} from it: it is the intro part of the statement, and the statement template already includes it.';

async function template(name: string, text: string): Promise<void> {
  await writeFile(path.join(box.root, 'content', 'templates', 'en', `${name}.hbs`), text);
}

describe('a user template that includes itself', () => {
  it.each([
    ['{{> intro}}', '1:1'],
    ['For {{audience}}: {{> intro}}', '1:19'],
    ['{{#if company}}\n  {{> intro}}\n{{/if}}', '2:3'],
    ['{{~> intro~}}', '1:1'],
    ['{{> intro company=company}}', '1:1'],
    ['{{> "intro"}}', '1:1'],
    ['{{#> intro}}fallback{{/intro}}', '1:1'],
    ['{{#each values}}{{> intro}}{{/each}}', '1:17'],
    ['{{#if nothing}}x{{else}}{{> intro}}{{/if}}', '1:25'],
  ])('%j is an error at the include in the user\'s file, exit 2', async (text, place) => {
    await template('intro/delivery', text);
    const run = await pledge(box.root, 'check');
    expect(run.err).toBe(`${INTRO}:${place}  ${SELF}\n`);
    expect(run.code).toBe(2);
    expect(run.err).not.toContain('src/core/compose/templates');
  });

  it('a user statement template that includes itself names the user\'s statement file', async () => {
    await template('intro/delivery', 'We deliver.');
    await template('statement', '{{> intro}} {{> statement}}');
    const run = await pledge(box.root, 'check');
    expect(run.err).toBe('content/templates/en/statement.hbs:1:1  This template is not valid handlebars: The partial statement could not be found. Compare it with the built-in template of the same name; every {{#if}} needs its {{/if}}.\n');
    expect(run.code).toBe(2);
  });
});
