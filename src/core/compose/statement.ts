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
  text: string;
  parts: StatementPart[];
  /** Each commitment's sentence, composed from its template when it has no text. */
  commitments: Array<{ id: string; text: string; path: DataPath }>;
}
