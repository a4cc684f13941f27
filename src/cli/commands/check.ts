import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate } from '../../adapters/build-date.ts';
import { checkProject, messagesOf } from '../../adapters/check-project.ts';
import { badScanPattern, expandScan, readCopyFile } from '../../adapters/scan.ts';
import { evaluateProject } from '../../adapters/evaluate.ts';
import { FigureCache } from '../../adapters/figure-cache.ts';
import { loadProject } from '../../adapters/project.ts';
import { loadSiteConfig } from '../../adapters/site-config.ts';
import { validateReports } from '../../adapters/site/reports.ts';
import type { CopyText } from '../../core/check/copy.ts';
import type { Finding } from '../../core/check/finding.ts';
import { statementLines } from '../../core/compose/statement.ts';
import { formatGitlab, formatSarif } from '../../core/check/ci-formats.ts';
import { FORMATS, formatGithub, formatJson, formatText, inputErrorRecord, type FindingFormat } from '../../core/check/format.ts';
import { outcomeOf } from '../../core/check/outcome.ts';
import { formatInputError, inputErrorsOf, type InputError } from '../../core/input-error.ts';
import { formatBadRows, formatStatusTable } from '../../core/kpi/format.ts';
import { LANGUAGES, type Language } from '../../core/schema/text.ts';
import { EXIT, oneOf, UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';
import { PLEDGE_VERSION } from '../version.ts';

const EXIT_OF = { ok: EXIT.ok, failed: EXIT.findings, 'bad-input': EXIT.input } as const;

export const command: Command = {
  summary: 'Validate every input, check the promise statement and evaluate the data',
  usage: "pledge check [--format text|json|github|sarif|gitlab] [--lang en|pt|zh] [--root DIR] [--strict] [--scan 'site/**/*.{md,html,txt}']...",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        root: { type: 'string', default: '.' },
        strict: { type: 'boolean', default: false },
        scan: { type: 'string', multiple: true, default: [] },
      },
      strict: true,
      allowPositionals: false,
    });
    const format = oneOf('format', FORMATS, values.format);
    // The findings' language: the promise's own unless --lang says otherwise.
    const language = values.lang === undefined ? undefined : oneOf('lang', LANGUAGES, values.lang);
    for (const pattern of values.scan) {
      const bad = badScanPattern(pattern);
      if (bad) throw new UsageError(bad);
    }
    const options: CheckOptions = { root: path.resolve(io.cwd, values.root), strict: values.strict, language, format, scan: values.scan };
    if (format === 'text') return check(options, io);
    // Machine formats carry input errors too, so CI tools see them where they look for findings.
    try {
      return await check(options, io);
    } catch (error) {
      const errors = inputErrorsOf(error);
      if (!errors) throw error;
      for (const inputError of errors) io.err(`${formatInputError(inputError)}\n`);
      io.out(render(format, [], errors));
      return EXIT.input;
    }
  },
};

interface CheckOptions {
  root: string;
  strict: boolean;
  language: Language | undefined;
  format: FindingFormat;
  /** `--scan` patterns: the company's other copy to hold against the promise. */
  scan: readonly string[];
}

async function check({ root, strict, language, format, scan }: CheckOptions, io: CliIO): Promise<number> {
  // site.yaml only matters to `pledge build`, but a mistake in it should show here first.
  const [project] = await Promise.all([loadProject(root, io.cwd), loadSiteConfig(root, io.cwd)]);
  const copy = await readScanned(root, scan, io.cwd);
  const evaluation = await evaluateProject(project, { strict, cwd: io.cwd, cache: FigureCache.of(project.root, io.env, { writes: false }) });
  // The reports' embeds, as `pledge build` reads them: a bad one stops check, not a build later.
  await validateReports(project, evaluation, io.cwd);
  const { statement, findings } = await checkProject(project, { evaluation, cwd: io.cwd, asOf: buildDate(io.env), language, copy });
  if (format === 'text') {
    // The status table once some commitment has a complete period of data; until then it would only say "no-data".
    const measured = evaluation.commitments.some((c) => c.latest);
    io.out(`${statementLines(statement)}\n\n${measured ? `${formatStatusTable(evaluation, project.promise.doc.commitments, project.promise.doc.language)}\n` : ''}`);
  }
  io.out(render(format, findings));
  // The skipped rows in the findings' language.
  if (format === 'text') io.err(formatBadRows(evaluation, await messagesOf(language ?? project.promise.doc.language)));
  // From the findings alone: a broken promise fails the run through promise-broken, as rules.yaml set it.
  return EXIT_OF[outcomeOf(findings)];
}

/** Every file the patterns match, once each; a pattern that matches nothing is a mistake worth stopping for (a typo would pass silently). */
async function readScanned(root: string, patterns: readonly string[], cwd: string): Promise<CopyText[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matched = await expandScan(root, pattern, cwd);
    if (matched.length === 0) {
      throw new UsageError(`--scan "${pattern}" matches no file in the project. Check the pattern, and quote it so that the shell leaves it to pledge.`);
    }
    for (const file of matched) files.add(file);
  }
  return Promise.all([...files].sort().map((file) => readCopyFile(file, cwd)));
}

function render(format: FindingFormat, findings: Finding[], errors: readonly InputError[] = []): string {
  if (format === 'json') return formatJson(findings, errors);
  if (format === 'github') return formatGithub(findings, errors);
  if (format === 'sarif') return formatSarif(findings, errors.map(inputErrorRecord), PLEDGE_VERSION);
  if (format === 'gitlab') return formatGitlab(findings, errors.map(inputErrorRecord));
  return formatText(findings);
}
