import { loadCheckResources } from '../../adapters/check-project.ts';
import type { Finding } from '../../core/check/finding.ts';
import { runChecks } from '../../core/check/run.ts';
import type { Statement } from '../../core/compose/statement.ts';
import { checkableAnswers, promiseFromAnswers, type DraftAnswers } from '../../core/draft/answers.ts';
import { promiseYaml } from '../../core/draft/serialize.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import type { KpisFile } from '../../core/schema/kpis.ts';
import { promiseSchema, type PromiseDoc } from '../../core/schema/promise.ts';
import { validateSource } from '../../core/schema/validate.ts';
import { parseYaml, type YamlSource } from '../../core/yaml-source.ts';

export interface DraftCheck {
  /** The draft as it would be written, so findings' lines match the file the user will get. */
  yamlText: string;
  statement: Statement | undefined;
  findings: Finding[];
}

/** Runs the checks on a promise in memory; built once per wizard run (templates and word lists loaded). */
export type CheckPromise = (promise: PromiseDoc, source: YamlSource) => { statement: Statement | undefined; findings: Finding[] };

/**
 * The checker the wizard runs after every step: runChecks on the draft in memory, with the project's
 * templates, word lists and rules config loaded once. The data-aware rules (no-margin,
 * unrealistic-target) use the KPI results once they are computed; until then the checks run without
 * them rather than make the user wait.
 */
export async function loadDraftChecker(root: string, cwd: string, kpis: KpisFile | undefined,
  evaluation: Promise<Evaluation | undefined>): Promise<CheckPromise> {
  const resources = await loadCheckResources(root, cwd);
  let latest: Evaluation | undefined;
  void evaluation.then((result) => { latest = result; });
  return (promise, source) => runChecks({ promise, source, kpis, evaluation: latest, ...resources });
}

/** The checks on the answers so far; unanswered required fields get neutral placeholders the step filter ignores. */
export function checkAnswers(check: CheckPromise, answers: DraftAnswers, file: string): DraftCheck {
  const yamlText = promiseYaml(promiseFromAnswers(checkableAnswers(answers)));
  const source = parseYaml(yamlText, file);
  const promise = validateSource(source, promiseSchema);
  return { yamlText, ...check(promise, source) };
}

