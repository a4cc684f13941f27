import { composeStatement } from '../compose/compose.ts';
import type { Statement } from '../compose/statement.ts';
import type { TemplateSet } from '../compose/templates.ts';
import type { Place } from '../input-error.ts';
import type { Evaluation } from '../kpi/types.ts';
import type { KpisFile } from '../schema/kpis.ts';
import type { PromiseDoc } from '../schema/promise.ts';
import type { Language } from '../schema/text.ts';
import { settingOf, type RulesConfig } from '../schema/rules-config.ts';
import type { DataPath, YamlSource } from '../yaml-source.ts';
import type { CopyText } from './copy.ts';
import type { CheckInput, LoadedRecord, NoteRef, Rule } from './define-rule.ts';
import { compareFindings, makeFinding, type Finding } from './finding.ts';
import type { Lexicon } from './lexicon.ts';
import { renderMessage, type Messages } from './messages.ts';
import { RULES } from './rules/index.ts';

/**
 * Everything runChecks needs, all in memory (no I/O). The adapter src/adapters/check-project.ts fills
 * it from a project on disk; the draft wizard can build it from answers:
 *
 *   const source = parseYaml(yamlText, 'content/promise.yaml');        // positions for findings
 *   const promise = validateSource(source, promiseSchema);
 *   const { statement, findings } = runChecks({ promise, source, kpis, ...await loadCheckResources(root) });
 */
export interface RunChecksInput {
  /** The validated promise. */
  promise: PromiseDoc;
  /** The promise.yaml it came from: findings point at its lines (its `file` is the name shown). */
  source: YamlSource;
  /** kpis.yaml, validated; undefined when the project has none (then kpi-unknown reports every KPI named). */
  kpis?: KpisFile | undefined;
  /** Built-in templates with the user's overrides laid over them (loadCheckResources). */
  templates: TemplateSet;
  /** Word lists and limits per language (loadCheckResources); the promise's language is picked. */
  lexicons: Readonly<Record<string, Lexicon>>;
  /** Finding texts per language (loadCheckResources). */
  messages: Readonly<Record<string, Messages>>;
  /** The language of the findings; the promise's language by default (`pledge check --lang`). */
  language?: Language | undefined;
  /** content/rules.yaml, parsed: rules turned off, severities changed, limits set. */
  config?: RulesConfig | undefined;
  /** KPI results; without them, rules that need data are skipped. */
  evaluation?: Evaluation | undefined;
  /** Periods with a public note (content/notes/); none by default. */
  notes?: readonly NoteRef[];
  /** The published record (content/record/); empty by default. */
  record?: readonly LoadedRecord[];
  /** kpis.yaml as parsed, so findings about a KPI can point at its definition. */
  kpisSource?: YamlSource | undefined;
  /** ISO date-time the check is made at (the build date: SOURCE_DATE_EPOCH, or now); data-stale compares with it. */
  asOf?: string | undefined;
  /** The company's other copy to hold against the promise (`pledge check --scan`, see copy.ts). */
  copy?: readonly CopyText[] | undefined;
  /** Which rules to run (tests run one at a time); every registered rule by default. */
  rules?: readonly Rule[];
}

export interface CheckResult {
  statement: Statement;
  /** Sorted by file, line, column, rule. */
  findings: Finding[];
}

export function runChecks(input: RunChecksInput): CheckResult {
  const { promise, source, kpis, templates, config, evaluation, kpisSource, asOf } = input;
  const lexicon = input.lexicons[promise.language];
  // The lexicons ship with pledge for every language the schema accepts: a gap is a packaging bug.
  if (!lexicon) throw new Error(`No word lists for language "${promise.language}".`);
  const language = input.language ?? promise.language;
  const messages = input.messages[language];
  if (!messages) throw new Error(`No finding texts for language "${language}".`);
  const statement = composeStatement({ promise, kpis, templates });
  const findings: Finding[] = [];
  for (const rule of input.rules ?? RULES) {
    const severity = settingOf(config, rule.id, rule.severity);
    if (severity === 'off' || (rule.needsData && !evaluation)) continue;
    const ruleInput: CheckInput = {
      promise, source, kpis, statement, lexicon, evaluation, kpisSource, asOf, options: { ...config?.[rule.id] },
      notes: input.notes ?? [], record: input.record ?? [], copy: input.copy,
    };
    rule.check(ruleInput, (where, key, params) => {
      const { message, hint } = renderMessage(messages, rule.id, key, params);
      findings.push(makeFinding(rule.id, severity, toPlace(source, where), message, hint));
    });
  }
  return { statement, findings: findings.sort(compareFindings) };
}

function toPlace(source: YamlSource, where: DataPath | Place): Place {
  return 'line' in where ? where : source.locate(where);
}
