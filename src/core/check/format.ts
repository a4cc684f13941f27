import type { InputError } from '../input-error.ts';
import type { CheckReport, InputErrorRecord } from '../schema/check-report.ts';
import type { Finding } from './finding.ts';

export const FORMATS = ['text', 'json', 'github', 'sarif', 'gitlab'] as const;
export type FindingFormat = (typeof FORMATS)[number];

/** `content/promise.yaml:14:5  warning  jargon  message` then the hint, indented, like a good linter. */
export function formatText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings: the promise passes every check.\n';
  const lines = findings.map((f) =>
    `${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.rule}  ${f.message}\n    ${f.hint}`);
  return `${lines.join('\n')}\n\n${summary(findings)}\n`;
}

export function summary(findings: readonly Finding[]): string {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}

export function inputErrorRecord(error: InputError): InputErrorRecord {
  const { file, line, column } = error.place;
  return { file, line, column, message: error.message, hint: error.hint };
}

/** `--format json`: `{ errors, findings }`, the shape of schemas/check.schema.json (checkReportSchema). */
export function formatJson(findings: readonly Finding[], errors: readonly InputError[] = []): string {
  const report: CheckReport = { errors: errors.map(inputErrorRecord), findings: [...findings] };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** GitHub Actions workflow commands, so input errors and findings annotate the files on pull requests. */
export function formatGithub(findings: readonly Finding[], errors: readonly InputError[] = []): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  const lines = [
    ...errors.map(inputErrorRecord).map((e) => `::error ${place(e)}::${escapeData(`${e.message} ${e.hint}`)}`),
    ...findings.map((f) => `::${level[f.severity]} ${place(f)},title=${escapeProperty(f.rule)}::${escapeData(`${f.message} ${f.hint}`)}`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

function place(at: { file: string; line: number; column: number }): string {
  return `file=${escapeProperty(at.file)},line=${at.line},col=${at.column}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
