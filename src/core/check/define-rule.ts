import type { Place } from '../input-error.ts';
import type { Statement } from '../compose/statement.ts';
import type { Evaluation } from '../kpi/types.ts';
import type { KpisFile } from '../schema/kpis.ts';
import type { RecordFile } from '../record/record.ts';
import type { PromiseDoc } from '../schema/promise.ts';
import type { DataPath, YamlSource } from '../yaml-source.ts';
import type { CopyText } from './copy.ts';
import type { Severity } from './finding.ts';
import type { Lexicon } from './lexicon.ts';
import type { Params } from './messages.ts';

/** What every rule sees. Pure data: rules never read files. */
export interface CheckInput {
  promise: PromiseDoc;
  /** The parsed promise.yaml, to locate data paths. */
  source: YamlSource;
  kpis: KpisFile | undefined;
  statement: Statement;
  /** Word lists and limits for the promise's language. */
  lexicon: Lexicon;
  /** Per-rule options from the rules config (limits and thresholds). */
  options: Record<string, unknown>;
  /** KPI results, when data was evaluated; data-aware rules skip without it. */
  evaluation?: Evaluation | undefined;
  /** kpis.yaml as parsed, to point at a KPI's definition (undefined without kpis.yaml, or in some tests). */
  kpisSource?: YamlSource | undefined;
  /** ISO date-time of the check (the build date): what "stale" is measured against. */
  asOf?: string | undefined;
  /** Which periods have a public note (content/notes/). */
  notes: readonly NoteRef[];
  /** The published record (content/record/), each file with its parsed source to locate entries. */
  record: readonly LoadedRecord[];
  /** The company's other copy (`pledge check --scan`): pages, emails, ads, as text; none without --scan. */
  copy?: readonly CopyText[] | undefined;
}

export interface NoteRef {
  commitment: string;
  period: string;
}

export interface LoadedRecord {
  source: YamlSource;
  doc: RecordFile;
}

/** Per-language data: word lists and limits, loaded from src/core/check/lexicon/*.yml (schema in lexicon.ts). */
export type { Lexicon } from './lexicon.ts';

/**
 * A finding: where, which of the rule's message cases, and the values of its placeholders. The texts
 * live in src/core/check/messages/<language>.yml under the rule id and case, in every language.
 */
export type Report<Key extends string = string> = (where: DataPath | Place, key: Key, params?: Params) => void;

export interface Rule<Key extends string = string> {
  id: string;
  /** The rule's message cases (keys under its id in messages/<language>.yml). */
  messages: readonly Key[];
  severity: Severity;
  /** One line: what the rule finds (the README's rule table). */
  summary: string;
  /** Needs KPI data (evaluation) to say anything. */
  needsData?: boolean;
  /** An error finding from it means the input itself is wrong (pledge check exits 2, not 1). */
  badInput?: boolean;
  check(input: CheckInput, report: Report<Key>): void;
}

/** Typed so that a rule can only report the message cases it declares. */
export function defineRule<const Key extends string>(rule: Rule<Key>): Rule {
  return rule;
}
