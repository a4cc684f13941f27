import type { DataPath } from '../yaml-source.ts';

/** A piece of the statement and the promise.yaml field it came from (null: template wording). */
export interface StatementPart {
  text: string;
  path: DataPath | null;
  /** For template wording: the template file it came from, so findings on it can name that file. */
  template?: string;
}

/** The composed promise statement: whole text, and parts that let findings point back to promise.yaml. */
export interface Statement {
  /** Everything a customer reads, in order: the lead, each commitment's sentence, the call to action. The rules read this. */
  text: string;
  /** The statement as published above the list of commitments: one to three sentences (statement.hbs). */
  lead: string;
  parts: StatementPart[];
  /** Each commitment's sentence, composed from its template when it has no text. */
  commitments: Array<{ id: string; text: string; path: DataPath }>;
}

/**
 * The statement as a terminal or a plain-text page shows it: the lead, the commitments as a list beneath
 * it, then the call to action (whatever in `text` follows the last commitment).
 */
export function statementLines(statement: Statement): string {
  const list = statement.commitments.filter((c) => c.text).map((c) => `  - ${c.text}`);
  const lastCommitment = statement.commitments.findLast((c) => c.text)?.text;
  const after = lastCommitment === undefined ? '' : statement.text.slice(statement.text.lastIndexOf(lastCommitment) + lastCommitment.length).trim();
  return [statement.lead, list.join('\n'), after].filter(Boolean).join('\n\n');
}
