import type { z } from 'zod';
import { evaluateProject } from '../../adapters/evaluate.ts';
import { displayPath, exists, readYamlInput } from '../../adapters/files.ts';
import { requireInsideProject } from '../../adapters/project-path.ts';
import { contentPaths, type Loaded, type Project } from '../../adapters/project.ts';
import { writePromiseFile } from '../../adapters/scaffold.ts';
import { answersFromPromise, emptyAnswers, promiseFromAnswers, type DraftAnswers } from '../../core/draft/answers.ts';
import { promiseYaml } from '../../core/draft/serialize.ts';
import { findingsForStep } from '../../core/draft/steps.ts';
import { fill } from '../../core/draft/text/index.ts';
import { parseText } from '../../core/draft/validate.ts';
import { statementLines } from '../../core/compose/statement.ts';
import { kpisFileSchema } from '../../core/schema/kpis.ts';
import { promiseSchema, type PromiseDoc } from '../../core/schema/promise.ts';
import { validateSource } from '../../core/schema/validate.ts';
import { parseYaml } from '../../core/yaml-source.ts';
import { InputError, InputErrors, inputErrorsOf, placeOf } from '../../core/input-error.ts';
import type { CliIO } from '../io.ts';
import { loadDraftChecker } from './checks.ts';
import { askCommitments } from './commitment.ts';
import { checkNow, textOf, type WizardContext } from './context.ts';
import { askSelect, askText, showFindings, ui, WizardCancelled } from './prompts.ts';
import {
  askAssets, askAudience, askBenefit, askCallToAction, askCompany, askFeedback, askLanguage, askPromiseTypes, askValues,
} from './steps.ts';

export interface WizardOptions {
  /** Start from blank answers even when promise.yaml exists (it is still backed up on save). */
  fresh?: boolean;
}

export interface WizardOutcome {
  /** undefined when the user cancelled: nothing was written. */
  written?: { file: string; backup: string | undefined };
}

/**
 * `pledge draft`: every question in the design's order, checks after each step, a preview, then
 * promise.yaml written (with a backup). Any Ctrl-C before the end leaves every file as it was,
 * because nothing is written until the user chooses to save.
 */
export async function runWizard(root: string, io: CliIO, options: WizardOptions = {}): Promise<WizardOutcome> {
  const paths = contentPaths(root);
  const file = displayPath(paths.promise, io.cwd);
  // Before any question: a promise.yaml that links out is neither read nor backed up (copied) nor replaced.
  await requireInsideProject(root, paths.promise, file);
  const existing = options.fresh ? undefined : await readExisting(root, paths.promise, io.cwd, file);
  const kpis = await readValidated(root, paths.kpis, io.cwd, kpisFileSchema);
  const answers = existing ? answersFromPromise(existing.doc) : emptyAnswers();
  const project: Project = { root, contentDir: paths.contentDir, promise: existing ?? draftPromise(answers, file), kpis, notes: [], record: [] };
  const evaluation = evaluateProject(project).catch(() => undefined);
  const ctx: WizardContext = {
    answers, kpis: kpis?.doc, evaluation, check: await loadDraftChecker(root, io.cwd, kpis?.doc, evaluation), file, root, cwd: io.cwd,
  };
  try {
    ui.intro(textOf(ctx).intro);
    if (existing) ui.info(fill(textOf(ctx).editing, { file }));
    await askEverything(ctx);
    await preview(ctx);
    const backup = await save(ctx, paths.promise);
    ui.success(fill(backup ? textOf(ctx).saved : textOf(ctx).savedNoBackup, { file, backup: `${file}.bak` }));
    return { written: { file, backup } };
  } catch (error) {
    if (!(error instanceof WizardCancelled)) throw error;
    ui.cancel(textOf(ctx).cancelled);
    return {};
  }
}

async function askEverything(ctx: WizardContext): Promise<void> {
  await askLanguage(ctx);
  await askCompany(ctx);
  await askAudience(ctx);
  await askValues(ctx);
  await askAssets(ctx);
  await askPromiseTypes(ctx);
  await askBenefit(ctx);
  await askCommitments(ctx);
  await askCallToAction(ctx);
  await askFeedback(ctx);
}

/** The composed statement, its checks, and the chance to edit it (or go back to the composed one). */
async function preview(ctx: WizardContext): Promise<void> {
  for (;;) {
    const t = textOf(ctx);
    const result = checkNow(ctx);
    ui.note(result.statement ? statementLines(result.statement) : ctx.answers.benefit, t.previewTitle);
    const findings = findingsForStep('statement', result.findings, result.yamlText);
    if (findings.length) showFindings(t, findings);
    const action = await askSelect(t.previewAction, [
      { value: 'save', label: t.previewSave },
      { value: 'edit', label: t.previewEdit },
      ...(ctx.answers.statement ? [{ value: 'recompose', label: t.previewRecompose }] : []),
    ], 'save');
    if (action === 'save') return;
    const composed = result.statement?.lead ?? '';
    ctx.answers.statement = action === 'edit'
      ? await askText(t, { message: t.editStatement, initial: ctx.answers.statement ?? composed, parse: parseText })
      : undefined;
  }
}

/** Validated against the same schema as `pledge check` before writing: the wizard never writes a file check refuses. */
async function save(ctx: WizardContext, promisePath: string): Promise<string | undefined> {
  const text = promiseYaml(promiseFromAnswers(ctx.answers));
  validateSource(parseYaml(text, ctx.file), promiseSchema);
  return writePromiseFile(promisePath, text);
}

/** A file read and validated, or undefined when it does not exist (a new project). Bad content is an input error. */
async function readValidated<S extends z.ZodType>(root: string, file: string, cwd: string, schema: S): Promise<Loaded<z.infer<S>> | undefined> {
  if (!await exists(file)) return undefined;
  const source = await readYamlInput(file, cwd, root);
  return { source, doc: validateSource(source, schema) };
}

/** The promise.yaml to edit; when it is invalid, the errors say where, and how to start over instead. */
async function readExisting(root: string, promisePath: string, cwd: string, file: string): Promise<Loaded<PromiseDoc> | undefined> {
  try {
    return await readValidated(root, promisePath, cwd, promiseSchema);
  } catch (error) {
    const errors = inputErrorsOf(error);
    if (!errors) throw error;
    throw new InputErrors([...errors, new InputError(placeOf(file), 'pledge draft starts from this file, so it has to be valid first.',
      'Fix the lines above, or run `pledge draft --new` to start over (this file is then kept as promise.yaml.bak).')]);
  }
}

/**
 * A new promise, for the KPI engine that computes the data-based suggestions: it has no
 * commitments yet, and the engine only needs kpis.yaml. (Its result is an aid: on any failure,
 * such as a bad data row, the wizard just offers no data-based suggestion; `pledge check` reports it.)
 */
function draftPromise(answers: DraftAnswers, file: string): Loaded<PromiseDoc> {
  const doc: PromiseDoc = {
    company: answers.company, language: answers.language, audience: { who: answers.audienceWho }, values: [],
    unique_assets: [], promise_types: ['service'], benefit: '', commitments: [], touchpoints: [],
  };
  return { source: parseYaml('{}', file), doc };
}
