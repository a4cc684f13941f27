import type { Place } from '../input-error.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding, the same shape in text, JSON and GitHub output. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  hint: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function makeFinding(rule: string, severity: Severity, place: Place, message: string, hint: string): Finding {
  return { rule, severity, message, file: place.file, line: place.line, column: place.column, hint };
}
