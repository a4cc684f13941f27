import type { Finding } from '../../core/check/finding.ts';
import type { DraftAnswers } from '../../core/draft/answers.ts';
import { findingsForStep, STEP_RULES, type StepId } from '../../core/draft/steps.ts';
import { wizardText, type WizardText } from '../../core/draft/text/index.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import type { KpisFile } from '../../core/schema/kpis.ts';
import { checkAnswers, type CheckPromise, type DraftCheck } from './checks.ts';
import { askYesNo, showClean, showFindings, suggest } from './prompts.ts';

/** What every step sees: the answers so far (changed in place), and what the checks and suggestions need. */
export interface WizardContext {
  answers: DraftAnswers;
  kpis: KpisFile | undefined;
  /** KPI results for data-based suggestions; started early, awaited when the commitments come. */
  evaluation: Promise<Evaluation | undefined>;
  check: CheckPromise;
  /** promise.yaml as the user sees its path, for finding locations and messages. */
  file: string;
  /** The project folder, and where paths in messages are shown from (a new KPI is written to kpis.yaml). */
  root: string;
  cwd: string;
}

/** The wizard's words follow the language chosen at the first step. */
export function textOf(ctx: WizardContext): WizardText {
  return wizardText(ctx.answers.language);
}

export function checkNow(ctx: WizardContext): DraftCheck {
  return checkAnswers(ctx.check, ctx.answers, ctx.file);
}

/**
 * One step: ask, then show the step's suggestions and findings. When there are any, the user may
 * answer again (the prompts start from the last answer), so problems are fixed where they were made.
 */
export async function runStep(ctx: WizardContext, step: StepId, ask: () => Promise<void>,
  suggestions: (findings: Finding[]) => string[] | Promise<string[]> = () => [], commitmentIndex?: number): Promise<void> {
  for (;;) {
    await ask();
    const result = checkNow(ctx);
    const findings = findingsForStep(step, result.findings, result.yamlText, commitmentIndex);
    const notes = await suggestions(findings);
    for (const note of notes) suggest(note);
    if (findings.length) showFindings(textOf(ctx), findings);
    if (!notes.length && !findings.length) {
      if (STEP_RULES[step].length) showClean(textOf(ctx));
      return;
    }
    // Offered, not imposed: the default is to fix unless all there is to say is an info finding.
    const worthFixing = notes.length > 0 || findings.some((f) => f.severity !== 'info');
    if (!await askYesNo(textOf(ctx), textOf(ctx).fixAnswer, worthFixing)) return;
  }
}
