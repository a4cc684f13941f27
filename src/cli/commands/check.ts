import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate } from '../../adapters/build-date.ts';
import { checkProject } from '../../adapters/check-project.ts';
import { evaluateProject } from '../../adapters/evaluate.ts';
import { loadProject } from '../../adapters/project.ts';
import { loadSiteConfig } from '../../adapters/site-config.ts';
import { validateReports } from '../../adapters/site/reports.ts';
import type { Finding } from '../../core/check/finding.ts';
import { FORMATS, formatGithub, formatJson, formatText, type FindingFormat } from '../../core/check/format.ts';
import { outcomeOf } from '../../core/check/outcome.ts';
import { formatInputError, inputErrorsOf, type InputError } from '../../core/input-error.ts';
import { formatBadRows, formatStatusTable } from '../../core/kpi/format.ts';
import { EXIT, oneOf, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';

const EXIT_OF = { ok: EXIT.ok, failed: EXIT.findings, 'bad-input': EXIT.input } as const;

export const command: Command = {
  summary: 'Validate every input, check the promise statement and evaluate the data',
  usage: 'pledge check [--format text|json|github] [--root DIR] [--strict]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'text' },
        root: { type: 'string', default: '.' },
        strict: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    const format = oneOf('format', FORMATS, values.format);
    const root = path.resolve(io.cwd, values.root);
    if (format === 'text') return check(root, values.strict, io);
    // Machine formats carry input errors too, so CI tools see them where they look for findings.
    try {
      return await check(root, values.strict, io, format);
    } catch (error) {
      const errors = inputErrorsOf(error);
      if (!errors) throw error;
      for (const inputError of errors) io.err(`${formatInputError(inputError)}\n`);
      io.out(render(format, [], errors));
      return EXIT.input;
    }
  },
};

async function check(root: string, strict: boolean, io: CliIO, format: FindingFormat = 'text'): Promise<number> {
  // site.yaml only matters to `pledge build`, but a mistake in it should show here first.
  const [project] = await Promise.all([loadProject(root, io.cwd), loadSiteConfig(root, io.cwd)]);
  const evaluation = await evaluateProject(project, { strict, cwd: io.cwd });
  // The reports' embeds, as `pledge build` reads them: a bad one stops check, not a build later.
  await validateReports(project, evaluation, io.cwd);
  const { statement, findings } = await checkProject(project, { evaluation, cwd: io.cwd, asOf: buildDate(io.env) });
  if (format === 'text') {
    // The status table once some commitment has a complete period of data; until then it would only say "no-data".
    const measured = evaluation.commitments.some((c) => c.latest);
    io.out(`${statement.text}\n\n${measured ? `${formatStatusTable(evaluation, project.promise.doc.commitments)}\n` : ''}`);
  }
  io.out(render(format, findings));
  if (format === 'text') io.err(formatBadRows(evaluation));
  // From the findings alone: a broken promise fails the run through promise-broken, as rules.yaml set it.
  return EXIT_OF[outcomeOf(findings)];
}

function render(format: FindingFormat, findings: Finding[], errors: readonly InputError[] = []): string {
  if (format === 'json') return formatJson(findings, errors);
  if (format === 'github') return formatGithub(findings, errors);
  return formatText(findings);
}
