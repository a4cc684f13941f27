import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../../adapters/files.ts';
import { scaffoldProject } from '../../adapters/scaffold.ts';
import { EXIT, UsageError } from '../io.ts';
import { wizardText } from '../../core/draft/text/index.ts';
import type { Command } from '../main.ts';
import { askYesNo, WizardCancelled } from '../wizard/prompts.ts';
import { draftInteractively } from './draft.ts';

export const command: Command = {
  summary: 'Start a new pledge project, from the example or blank (never overwrites a file)',
  usage: 'pledge init [DIR] [--blank]',
  async run(argv, io) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { blank: { type: 'boolean', default: false } } });
    if (positionals.length > 1) throw new UsageError(`give one folder, not ${positionals.length}.`);
    const target = path.resolve(io.cwd, positionals[0] ?? '.');
    const shown = target === path.resolve(io.cwd) ? '.' : displayPath(target, io.cwd);
    const { written, skipped } = await scaffoldProject(target, { blank: values.blank });
    for (const file of written) io.out(`  created  ${file}\n`);
    for (const file of skipped) io.out(`  skipped  ${file} (it already exists; left as it was)\n`);
    io.out(written.length
      ? `\nYour pledge project is ready${shown === '.' ? '' : ` in ${shown}`}. Next:\n${shown === '.' ? '' : `  cd ${shellWord(shown)}\n`}${draftStep(written, values.blank)}  npx pledge check          # check it\n`
      : `\nNothing to do: every file already exists${shown === '.' ? ' here' : ` in ${shown}`}.\n`);
    // Only on a terminal: in scripts and CI init asks nothing.
    if (io.interactive && written.includes('content/promise.yaml') && await wantsToDraft(values.blank)) {
      return draftInteractively(target, io, { fresh: true });
    }
    return EXIT.ok;
  },
};

/** The wizard step of "Next:", true to what init just wrote: the example, a blank promise, or none (the user's own was kept). */
function draftStep(written: readonly string[], blank: boolean): string {
  if (!written.includes('content/promise.yaml')) return '  npx pledge draft          # go through your promise, one question at a time\n';
  if (blank) return '  npx pledge draft --new    # fill in your promise, one question at a time (or edit content/promise.yaml)\n';
  return '  npx pledge draft --new    # write your own promise (the example is then kept as content/promise.yaml.bak)\n';
}

/** A folder name as the user would type it in a shell. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Ctrl-C here just ends init: the project is already in place. */
async function wantsToDraft(blank: boolean): Promise<boolean> {
  const text = wizardText('en');
  return askYesNo(text, blank ? text.initDraftBlank : text.initDraftNow, true).catch((error: unknown) => {
    if (error instanceof WizardCancelled) return false;
    throw error;
  });
}
