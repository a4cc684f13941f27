import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../../adapters/files.ts';
import { contentPaths } from '../../adapters/project.ts';
import { FORMATS, type FindingFormat } from '../../core/check/format.ts';
import { oneOf, UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';
import { command as check } from './check.ts';
import { draftFromAnswersFile } from '../wizard/answers-file.ts';
import { runWizard } from '../wizard/run.ts';

export const command: Command = {
  summary: 'Write or edit content/promise.yaml with a guided wizard (or from --answers FILE), checked as you go',
  usage: 'pledge draft [--root DIR] [--new] [--answers FILE] [--format text|json|github]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        root: { type: 'string' }, answers: { type: 'string' }, format: { type: 'string', default: 'text' },
        new: { type: 'boolean', default: false },
      },
    });
    const format = oneOf('format', FORMATS, values.format);
    const root = path.resolve(io.cwd, values.root ?? '.');
    if (values.answers) return fromAnswers(values.answers, root, io, format);
    if (!io.interactive) {
      throw new UsageError('pledge draft asks questions, so it needs an interactive terminal. In scripts and CI, use `pledge draft --answers FILE`.');
    }
    return draftInteractively(root, io, { fresh: values.new, format });
  },
};

/** The wizard, then `pledge check` on what it wrote. 130 (the usual code for Ctrl-C) when cancelled. */
export async function draftInteractively(root: string, io: CliIO, options: { fresh?: boolean; format?: FindingFormat } = {}): Promise<number> {
  const outcome = await runWizard(root, io, { fresh: options.fresh ?? false });
  return outcome.written ? fullCheck(root, io, options.format ?? 'text') : 130;
}

async function fromAnswers(file: string, root: string, io: CliIO, format: FindingFormat): Promise<number> {
  const backup = await draftFromAnswersFile(file, root, io.cwd);
  const written = displayPath(contentPaths(root).promise, io.cwd);
  // On stderr, so --format json output stays pure JSON.
  io.err(backup ? `Wrote ${written} (the previous version is in ${written}.bak).\n` : `Wrote ${written}.\n`);
  return fullCheck(root, io, format);
}

/** Exactly `pledge check` on the written project: same output, same exit codes. */
function fullCheck(root: string, io: CliIO, format: FindingFormat): Promise<number> {
  return check.run(['--root', root, '--format', format], io);
}
