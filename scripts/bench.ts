/**
 * `npm run bench [-- --quick] [-- --only NAME]`: runs every benchmark section in scripts/bench/.
 *
 * Adding a section (sites, PDF, ...): create scripts/bench/<name>.ts that exports
 *
 *   export const section: BenchSection = {
 *     name: 'pdf',
 *     summary: 'render the example reports to PDF',
 *     async run({ quick, root, log }) { ...measure, then log('one line per figure'); },
 *   };
 *
 * Files whose name starts with `_` are helpers (child processes, shared code), not sections. Sections run
 * one after another in file-name order, each in this process: measure anything heavy in a child process
 * (see scripts/bench/_measure.ts) so that figures such as peak memory are the measured program's own.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { BenchSection } from './bench/_measure.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(import.meta.dirname, 'bench');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort();

for (const file of files) {
  const { section } = (await import(pathToFileURL(path.join(folder, file)).href)) as { section?: BenchSection };
  if (!section || (values.only && values.only !== section.name)) continue;
  console.log(`\n## ${section.name}: ${section.summary}\n`);
  await section.run({ quick: values.quick, root, log: (line) => console.log(line) });
}
