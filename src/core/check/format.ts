import type { Finding } from './finding.ts';

export const FORMATS = ['text', 'json', 'github'] as const;
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

export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}

/** GitHub Actions workflow commands, so findings annotate the promise file on pull requests. */
export function formatGithub(findings: readonly Finding[]): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return findings
    .map((f) => `::${level[f.severity]} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}::${escapeData(`${f.message} ${f.hint}`)}`)
    .join('\n') + (findings.length ? '\n' : '');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
