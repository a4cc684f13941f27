import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../../adapters/files.ts';
import { contentPaths } from '../../adapters/project.ts';
import { formatGithub, formatJson, formatText, FORMATS, type FindingFormat } from '../../core/check/format.ts';
import type { Finding } from '../../core/check/finding.ts';
import { EXIT, UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';
import { draftFromAnswersFile } from '../wizard/answers-file.ts';
import { checkSavedProject } from '../wizard/checks.ts';
import { runWizard } from '../wizard/run.ts';

export const command: Command = {
  summary: 'Write or edit content/promise.yaml with a guided wizard (or from --answers FILE), checked as you go',
  usage: 'pledge draft [--root DIR] [--answers FILE] [--format text|json|github]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { root: { type: 'string' }, answers: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
    const format = values.format as FindingFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use one of: ${FORMATS.join(', ')}.`);
    const root = path.resolve(io.cwd, values.root ?? '.');
    if (values.answers) return fromAnswers(values.answers, root, io, format);
    if (!io.interactive) {
      throw new UsageError('pledge draft asks questions, so it needs an interactive terminal. In scripts and CI, use `pledge draft --answers FILE`.');
    }
    const outcome = await runWizard(root, io);
    // 130: the conventional code for "stopped by Ctrl-C".
    return outcome.written ? report(await checkSavedProject(root, io.cwd), io, format) : 130;
  },
};

async function fromAnswers(file: string, root: string, io: CliIO, format: FindingFormat): Promise<number> {
  const backup = await draftFromAnswersFile(file, root, io.cwd);
  const written = displayPath(contentPaths(root).promise, io.cwd);
  // On stderr, so --format json output stays pure JSON.
  io.err(backup ? `Wrote ${written} (the previous version is in ${written}.bak).\n` : `Wrote ${written}.\n`);
  return report(await checkSavedProject(root, io.cwd), io, format);
}

/** Findings printed like `pledge check`, with its exit codes: 1 when any finding is an error. */
function report(findings: Finding[], io: CliIO, format: FindingFormat): number {
  const print = { text: formatText, json: formatJson, github: formatGithub }[format];
  io.out(print(findings));
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
