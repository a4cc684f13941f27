import * as clack from '@clack/prompts';
import type { Finding } from '../../core/check/finding.ts';
import type { Parsed } from '../../core/draft/validate.ts';
import type { WizardText } from '../../core/draft/text/index.ts';

/** Thrown when the user presses Ctrl-C (or Esc) at a prompt: the wizard stops and writes nothing. */
export class WizardCancelled extends Error {}

function answered<T>(value: T): Exclude<T, symbol> {
  if (clack.isCancel(value)) throw new WizardCancelled('cancelled');
  return value as Exclude<T, symbol>;
}

export interface AskText<T> {
  message: string;
  initial?: string | undefined;
  placeholder?: string | undefined;
  parse: (raw: string | undefined) => Parsed<T>;
}

/** A text answer, validated as typed: the prompt stays open with the error until it parses. */
export async function askText<T>(text: WizardText, ask: AskText<T>): Promise<T> {
  const raw = answered(await clack.text({
    message: ask.message,
    ...(ask.initial ? { initialValue: ask.initial } : {}),
    ...(ask.placeholder ? { placeholder: ask.placeholder } : {}),
    validate: (value) => {
      const parsed = ask.parse(value);
      return parsed.ok ? undefined : text.errors[parsed.error];
    },
  }));
  const parsed = ask.parse(raw);
  // validate() already refused anything that does not parse, so this cannot fail.
  if (!parsed.ok) throw new Error(`unparsed answer: ${parsed.error}`);
  return parsed.value;
}

/** The prompt library's key hints are English only; other languages explain keys in their own prompts. */
let keyHints = true;
export function showKeyHints(on: boolean): void {
  keyHints = on;
}

export interface Choice<T> {
  value: T;
  label: string;
  hint?: string | undefined;
}

export async function askSelect<T>(message: string, options: Choice<T>[], initial?: T): Promise<T> {
  return answered(await clack.select<T>({
    message,
    options: options.map((o) => ({ value: o.value, label: o.label, ...(o.hint ? { hint: o.hint } : {}) })) as clack.Option<T>[],
    ...(initial !== undefined ? { initialValue: initial } : {}),
    showInstructions: keyHints,
  }));
}

export async function askMany<T>(message: string, options: Choice<T>[], initial: T[]): Promise<T[]> {
  return answered(await clack.multiselect<T>({
    message,
    options: options.map((o) => ({ value: o.value, label: o.label })) as clack.Option<T>[],
    initialValues: initial,
    required: false,
    showInstructions: keyHints,
  }));
}

export async function askYesNo(text: WizardText, message: string, initial: boolean): Promise<boolean> {
  return answered(await clack.confirm({ message, active: text.yes, inactive: text.no, initialValue: initial }));
}

/** A suggestion, offered: shown as a note the user may follow or not. */
export function suggest(message: string): void {
  clack.log.info(wrap(message));
}

/**
 * Word-wraps to the terminal, keeping each line's indent: clack prints log lines as they are, and a
 * line the terminal breaks mid-word loses clack's left bar. Text without spaces (Chinese) is left to the terminal.
 */
export function wrap(text: string, width = (process.stdout.columns || 80) - 6): string {
  return text.split('\n').map((line) => {
    const indent = /^\s*(→\s)?/.exec(line)?.[0] ?? '';
    const out: string[] = [];
    let current = '';
    for (const word of line.slice(indent.length).split(' ')) {
      if (current && indent.length + current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    out.push(current);
    const pad = ' '.repeat(indent.length);
    return out.map((part, i) => `${i === 0 ? indent : pad}${part}`).join('\n');
  }).join('\n');
}

/** Findings the way `pledge check` words them: rule, message, then the hint that fixes it. */
export function showFindings(text: WizardText, findings: readonly Finding[]): void {
  const lines = findings.map((f) => `${f.severity} ${f.rule}: ${f.message}\n  → ${f.hint}`);
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'info';
  clack.log[worst](wrap(`${text.findingsTitle}\n${lines.join('\n')}`));
}

export function showClean(text: WizardText): void {
  clack.log.success(text.stepClean);
}

export const ui = {
  intro: (title: string) => clack.intro(title),
  note: (message: string, title?: string) => clack.note(message, title),
  info: (message: string) => clack.log.info(message),
  success: (message: string) => clack.log.success(message),
  outro: (message: string) => clack.outro(message),
  cancel: (message: string) => clack.cancel(message),
  spinner: () => clack.spinner(),
};
