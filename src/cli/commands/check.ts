import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate } from '../../adapters/build-date.ts';
import { checkProject } from '../../adapters/check-project.ts';
import { evaluateProject } from '../../adapters/evaluate.ts';
import { loadProject } from '../../adapters/project.ts';
import { loadSiteConfig } from '../../adapters/site-config.ts';
import type { Finding } from '../../core/check/finding.ts';
import { FORMATS, formatGithub, formatJson, formatText, type FindingFormat } from '../../core/check/format.ts';
import { formatBadRows, formatStatusTable } from '../../core/kpi/format.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import { EXIT, oneOf } from '../io.ts';
import type { Command } from '../main.ts';

/** Findings that mean the input itself is wrong (exit 2), not that the promise needs work (exit 1). */
const INPUT_RULES = new Set(['kpi-unknown']);

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
    // site.yaml only matters to `pledge build`, but a mistake in it should show here first.
    const [project] = await Promise.all([loadProject(root, io.cwd), loadSiteConfig(root, io.cwd)]);
    const evaluation = await evaluateProject(project, { strict: values.strict, cwd: io.cwd });
    const { statement, findings } = await checkProject(project, { evaluation, asOf: buildDate(io.env) });
    // The status table once some commitment has a complete period of data; until then it would only say "no-data".
    const measured = evaluation.commitments.some((c) => c.latest);
    if (format === 'text') io.out(`${statement.text}\n\n${measured ? `${formatStatusTable(evaluation, project.promise.doc.commitments)}\n` : ''}`);
    io.out(render(format, findings));
    if (format === 'text') io.err(formatBadRows(evaluation));
    return exitCode(findings, evaluation);
  },
};

function render(format: FindingFormat, findings: Finding[]): string {
  if (format === 'json') return formatJson(findings);
  if (format === 'github') return formatGithub(findings);
  return formatText(findings);
}

/** 2: bad input (a KPI that does not exist); 1: error findings or a broken promise; 0: fine. */
export function exitCode(findings: readonly Finding[], evaluation: Evaluation): number {
  if (findings.some((f) => INPUT_RULES.has(f.rule))) return EXIT.input;
  const broken = evaluation.commitments.some((c) => c.latest?.status === 'broken');
  return broken || findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
