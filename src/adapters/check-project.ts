import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from 'fastest-levenshtein';
import type { Statement } from '../core/compose/statement.ts';
import type { TemplateSet } from '../core/compose/templates.ts';
import type { CopyText } from '../core/check/copy.ts';
import type { Finding } from '../core/check/finding.ts';
import { parseLexicon, type Lexicon } from '../core/check/lexicon.ts';
import { parseMessages, type Messages } from '../core/check/messages.ts';
import { RULE_IDS } from '../core/check/rules/index.ts';
import { runChecks } from '../core/check/run.ts';
import { InputError, placeOf } from '../core/input-error.ts';
import type { Evaluation } from '../core/kpi/types.ts';
import { PROMISE_TYPES } from '../core/schema/promise.ts';
import { parseRulesConfig, type RulesConfig } from '../core/schema/rules-config.ts';
import { LANGUAGES, type Language } from '../core/schema/text.ts';
import { parseYaml, type YamlSource } from '../core/yaml-source.ts';
import { displayPath, exists, readTextInput, readYamlInput } from './files.ts';
import { projectFiles } from './project-path.ts';
import { buildDate } from './build-date.ts';
import { PRECOMPILED } from './builtin-templates.ts';
import { contentPaths, type Project } from './project.ts';

const BUILTIN_TEMPLATES = fileURLToPath(new URL('../core/compose/templates/', import.meta.url));
const LEXICONS = fileURLToPath(new URL('../core/check/lexicon/', import.meta.url));
const MESSAGES = fileURLToPath(new URL('../core/check/messages/', import.meta.url));
/**
 * Built-in files are named relative to pledge's own folder (`src/core/compose/templates/en/...`),
 * never by where pledge is installed or run from: the names reach dist/pledge.json.
 */
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** What runChecks needs besides the promise: templates, word lists, finding texts, the project's rules config. */
export interface CheckResources {
  templates: TemplateSet;
  lexicons: Record<string, Lexicon>;
  messages: Record<string, Messages>;
  config: RulesConfig | undefined;
}

/**
 * Composes the statement and runs every rule on a loaded project (see loadProject). Data-aware rules
 * run only when `evaluation` is given (from evaluateProject). Findings come sorted by place.
 */
export interface CheckProjectOptions {
  evaluation?: Evaluation;
  cwd?: string;
  asOf?: string;
  language?: Language | undefined;
  /** The company's other copy, read by scan.ts (`pledge check --scan`). */
  copy?: readonly CopyText[];
}

export async function checkProject(project: Project, options: CheckProjectOptions = {}): Promise<{ statement: Statement; findings: Finding[] }> {
  const languages = [...new Set([project.promise.doc.language, options.language ?? project.promise.doc.language])];
  const resources = await loadCheckResources(project.root, options.cwd ?? process.cwd(), languages);
  return runChecks({
    language: options.language,
    promise: project.promise.doc,
    source: project.promise.source,
    kpis: project.kpis?.doc,
    kpisSource: project.kpis?.source,
    evaluation: options.evaluation,
    notes: project.notes,
    record: project.record,
    asOf: options.asOf ?? buildDate(process.env),
    copy: options.copy,
    ...resources,
  });
}

/**
 * Built-in templates and lexicons, plus the project's content/templates/ and content/rules.yaml.
 * `languages` narrows what is read (pledge check needs only the promise's language; the wizard all).
 */
export async function loadCheckResources(root: string, cwd = process.cwd(), languages: readonly Language[] = LANGUAGES): Promise<CheckResources> {
  const paths = contentPaths(root);
  const [builtin, lexicons, messages, overrides] = await Promise.all([
    loadBuiltinTemplates(languages), loadLexicons(languages), loadMessages(languages), loadTemplateDir(paths.templates, cwd, { allowed: TEMPLATE_NAMES, root }),
  ]);
  const config = await exists(paths.rules)
    ? parseRulesConfig(await readYamlInput(paths.rules, cwd, root), RULE_IDS)
    : undefined;
  return { templates: { ...builtin, ...overrides }, lexicons, messages, config };
}

/** Every template name a language has, so an override with a typo in its name is caught. */
const TEMPLATE_NAMES = LANGUAGES.flatMap((language) => [
  `${language}/statement`, `${language}/commitment`, `${language}/intro`, ...PROMISE_TYPES.map((type) => `${language}/intro/${type}`),
]);

// Built-ins never change while pledge runs: read each language once (the wizard re-checks on every answer).
const builtinTemplates = new Map<string, Promise<TemplateSet>>();
const builtinLexicons = new Map<string, Promise<Lexicon>>();
const builtinMessages = new Map<string, Promise<Messages>>();

export async function loadBuiltinTemplates(languages: readonly Language[] = LANGUAGES): Promise<TemplateSet> {
  const sets = await Promise.all(languages.map((language) => cached(builtinTemplates, language,
    async () => withPrecompiled(await loadTemplateDir(path.join(BUILTIN_TEMPLATES, language), PACKAGE_DIR, { prefix: `${language}/` })))));
  return Object.assign({}, ...sets) as TemplateSet;
}

/** Each template the package build precompiled from this very text gets its compiled form (see builtin-templates.ts). */
function withPrecompiled(templates: TemplateSet): TemplateSet {
  return Object.fromEntries(Object.entries(templates).map(([name, template]) => {
    const built = PRECOMPILED[name];
    return [name, built?.text === template.text ? { ...template, precompiled: built.spec } : template];
  }));
}

export async function loadLexicons(languages: readonly Language[] = LANGUAGES): Promise<Record<string, Lexicon>> {
  const lexicons = await Promise.all(languages.map((language) => cached(builtinLexicons, language, async () => {
    return parseLexicon(await readBuiltinYaml(path.join(LEXICONS, `${language}.yml`)));
  })));
  return Object.fromEntries(lexicons.map((lexicon) => [lexicon.language, lexicon]));
}

/** The finding texts of each language (src/core/check/messages/<language>.yml), validated on load. */
export async function loadMessages(languages: readonly Language[] = LANGUAGES): Promise<Record<string, Messages>> {
  const all = await Promise.all(languages.map((language) => cached(builtinMessages, language, async () => {
    return parseMessages(await readBuiltinYaml(path.join(MESSAGES, `${language}.yml`)));
  })));
  return Object.fromEntries(all.map((messages) => [messages.language, messages]));
}

/**
 * One of pledge's own YAML files. The published package also has it as JSON, parsed when the package was
 * built (scripts/build-lib.mjs): reading that is several times quicker than parsing YAML on every run.
 */
async function readBuiltinYaml(file: string): Promise<YamlSource> {
  const shown = displayPath(file, PACKAGE_DIR);
  const json = await readFile(file.replace(/\.yml$/, '.json'), 'utf8').catch(() => undefined);
  if (json === undefined) return parseYaml(await readTextInput(file, PACKAGE_DIR), shown);
  return { file: shown, text: json, data: JSON.parse(json) as unknown, locate: () => ({ file: shown, line: 1, column: 1 }) };
}

/** The finding texts of one language. */
export async function messagesOf(language: Language): Promise<Messages> {
  const messages = (await loadMessages([language]))[language];
  // Every language the schema accepts ships its file: a gap is a packaging bug.
  if (!messages) throw new Error(`No finding texts for language "${language}".`);
  return messages;
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/** Which templates a folder may hold, and for the project's own: its root, so its files must stay inside. */
interface TemplateDirOptions {
  allowed?: readonly string[];
  prefix?: string;
  root?: string;
}

/** Every `*.hbs` under dir, named by prefix + relative path without extension (`en/intro/delivery`). */
async function loadTemplateDir(dir: string, cwd: string, { allowed, prefix = '', root }: TemplateDirOptions): Promise<TemplateSet> {
  if (!await exists(dir)) return {};
  const names = root === undefined
    ? (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.hbs')).sort()
    : await projectFiles(root, dir, { extension: '.hbs', recursive: true, shown: (file) => displayPath(file, cwd) });
  const entries = await Promise.all(names.map(async (name) => {
    const file = path.join(dir, name);
    const key = prefix + name.slice(0, -'.hbs'.length).split(/[/\\]/).join('/');
    if (allowed && !allowed.includes(key)) throw unknownTemplate(displayPath(file, cwd), key, allowed);
    return [key, { text: await readTextInput(file, cwd, root), file: displayPath(file, cwd) }] as const;
  }));
  return Object.fromEntries(entries);
}

function unknownTemplate(file: string, key: string, allowed: readonly string[]): InputError {
  return new InputError(placeOf(file), `There is no built-in template "${key}" for this file to override.`,
    `Did you mean "${closest(key, [...allowed])}.hbs"? Overrides use the built-in names: <language>/statement.hbs, <language>/commitment.hbs, <language>/intro.hbs, <language>/intro/<promise type>.hbs.`);
}
