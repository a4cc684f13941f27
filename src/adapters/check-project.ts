import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from 'fastest-levenshtein';
import type { Statement } from '../core/compose/statement.ts';
import type { TemplateSet } from '../core/compose/templates.ts';
import type { Finding } from '../core/check/finding.ts';
import { parseLexicon, type Lexicon } from '../core/check/lexicon.ts';
import { RULE_IDS } from '../core/check/rules/index.ts';
import { runChecks } from '../core/check/run.ts';
import { InputError, placeOf } from '../core/input-error.ts';
import type { Evaluation } from '../core/kpi/types.ts';
import { parseRulesConfig, type RulesConfig } from '../core/schema/rules-config.ts';
import { parseYaml } from '../core/yaml-source.ts';
import { displayPath, exists, readTextInput, readYamlInput } from './files.ts';
import { contentPaths, type Project } from './project.ts';

const BUILTIN_TEMPLATES = fileURLToPath(new URL('../core/compose/templates/', import.meta.url));
const LEXICONS = fileURLToPath(new URL('../core/check/lexicon/', import.meta.url));

/** What runChecks needs besides the promise: templates, word lists, the project's rules config. */
export interface CheckResources {
  templates: TemplateSet;
  lexicons: Record<string, Lexicon>;
  config: RulesConfig | undefined;
}

/**
 * Composes the statement and runs every rule on a loaded project (see loadProject). Data-aware rules
 * run only when `evaluation` is given (from evaluateProject). Findings come sorted by place.
 */
export async function checkProject(project: Project, options: { evaluation?: Evaluation } = {}): Promise<{ statement: Statement; findings: Finding[] }> {
  const resources = await loadCheckResources(project.root);
  return runChecks({
    promise: project.promise.doc,
    source: project.promise.source,
    kpis: project.kpis?.doc,
    evaluation: options.evaluation,
    ...resources,
  });
}

/** Built-in templates and lexicons, plus the project's content/templates/ and content/rules.yaml. */
export async function loadCheckResources(root: string, cwd = process.cwd()): Promise<CheckResources> {
  const paths = contentPaths(root);
  const [builtin, lexicons] = await Promise.all([loadBuiltinTemplates(cwd), loadLexicons(cwd)]);
  const templates = { ...builtin, ...await loadTemplateDir(paths.templates, cwd, Object.keys(builtin)) };
  const config = await exists(paths.rules)
    ? parseRulesConfig(await readYamlInput(paths.rules, cwd), RULE_IDS)
    : undefined;
  return { templates, lexicons, config };
}

// Built-ins never change while pledge runs: read them once (the wizard re-checks on every answer).
let builtinTemplates: Promise<TemplateSet> | undefined;
let builtinLexicons: Promise<Record<string, Lexicon>> | undefined;

export function loadBuiltinTemplates(cwd = process.cwd()): Promise<TemplateSet> {
  builtinTemplates ??= loadTemplateDir(BUILTIN_TEMPLATES, cwd);
  return builtinTemplates;
}

export function loadLexicons(cwd = process.cwd()): Promise<Record<string, Lexicon>> {
  builtinLexicons ??= (async () => {
    const files = (await readdir(LEXICONS)).filter((name) => name.endsWith('.yml')).sort();
    const entries = await Promise.all(files.map(async (name) => {
      const file = path.join(LEXICONS, name);
      const lexicon = parseLexicon(parseYaml(await readTextInput(file, cwd), displayPath(file, cwd)));
      return [lexicon.language, lexicon] as const;
    }));
    return Object.fromEntries(entries);
  })();
  return builtinLexicons;
}

/** Every `*.hbs` under dir, named by relative path without extension (`en/intro/delivery`). */
async function loadTemplateDir(dir: string, cwd: string, allowed?: string[]): Promise<TemplateSet> {
  if (!await exists(dir)) return {};
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.hbs')).sort();
  const entries = await Promise.all(names.map(async (name) => {
    const file = path.join(dir, name);
    const key = name.slice(0, -'.hbs'.length).split(path.sep).join('/');
    if (allowed && !allowed.includes(key)) throw unknownTemplate(displayPath(file, cwd), key, allowed);
    return [key, { text: await readTextInput(file, cwd), file: displayPath(file, cwd) }] as const;
  }));
  return Object.fromEntries(entries);
}

function unknownTemplate(file: string, key: string, allowed: string[]): InputError {
  return new InputError(placeOf(file), `There is no built-in template "${key}" for this file to override.`,
    `Did you mean "${closest(key, allowed)}.hbs"? Overrides use the built-in names: <language>/statement.hbs, <language>/commitment.hbs, <language>/intro/<promise type>.hbs.`);
}
