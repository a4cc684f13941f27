import Handlebars from 'handlebars';
import { InputError } from '../input-error.ts';
import type { KpisFile } from '../schema/kpis.ts';
import type { Commitment, PromiseDoc } from '../schema/promise.ts';
import type { Language } from '../schema/text.ts';
import type { DataPath } from '../yaml-source.ts';
import type { Statement, StatementPart } from './statement.ts';
import { pickTemplate, templateName, type Template, type TemplateSet } from './templates.ts';
import { closingStop, unitText, WORDS } from './words.ts';

export interface ComposeInput {
  promise: PromiseDoc;
  /** For KPI names in composed commitment sentences; without it the KPI id is used. */
  kpis?: KpisFile | undefined;
  templates: TemplateSet;
}

// Every value from promise.yaml enters a template as a marker (private-use characters), so after
// rendering we can cut the text back into parts that remember their data path.
const MARK = /\uE000(\d+)\uE001/g;

class Slots {
  readonly slots: Array<{ text: string; path: DataPath }> = [];

  mark(text: string | undefined, path: DataPath): string | undefined {
    if (text === undefined || text === '') return undefined;
    this.slots.push({ text, path });
    return `\uE000${this.slots.length - 1}\uE001`;
  }

  /** A text that stands as a sentence of its own, closed with a full stop when the user left it open. */
  markSentence(text: string | undefined, path: DataPath, language: Language): string | undefined {
    const marked = this.mark(text, path);
    return marked && text ? marked + closingStop(text, language) : undefined;
  }
}

/** Composes the promise statement from the templates; pure, so the wizard can call it on every answer. */
export function composeStatement({ promise, kpis, templates }: ComposeInput): Statement {
  const slots = new Slots();
  const language = promise.language;
  const statementTemplate = pickTemplate(templates, language, 'statement');
  const commitments = promise.commitments.map((c, i) => ({
    id: c.id,
    path: ['commitments', i] as DataPath,
    marked: c.text !== undefined
      ? slots.markSentence(c.text, ['commitments', i, 'text'], language) ?? ''
      : render(pickTemplate(templates, language, 'commitment'), commitmentContext(c, i, language, kpis, slots)),
  }));
  const intro = introTemplate(templates, language, promise.promise_types[0]);
  const context = {
    statement: slots.markSentence(promise.statement, ['statement'], language),
    company: slots.mark(promise.company, ['company']),
    audience: slots.mark(promise.audience.who, ['audience', 'who']),
    benefit: slots.mark(promise.benefit, ['benefit']),
    unique_assets: promise.unique_assets.map((asset, i) => slots.mark(asset, ['unique_assets', i])),
    values: promise.values.map((value, i) => slots.mark(value, ['values', i])),
    commitments: commitments.map((c) => c.marked),
  };
  const lead = render(statementTemplate, context, { intro });
  const callToAction = slots.markSentence(promise.call_to_action?.text, ['call_to_action', 'text'], language);
  // What a customer reads, in order: the lead, the commitments listed under it, the call to action.
  const read = [lead, ...commitments.map((c) => c.marked), callToAction ?? ''].join(' ');
  const parts = toParts(read, slots, statementTemplate.file);
  return {
    text: parts.map((part) => part.text).join(''),
    lead: toParts(lead, slots, statementTemplate.file).map((part) => part.text).join(''),
    parts,
    commitments: commitments.map(({ id, path, marked }) => ({
      id, path, text: toParts(marked, slots, statementTemplate.file).map((part) => part.text).join(''),
    })),
  };
}

/** The first sentence: the user's override for the promise's first type (`intro/delivery`), else the one for every type. */
function introTemplate(templates: TemplateSet, language: Language, type: string | undefined): Template {
  return (type && templates[templateName(language, `intro/${type}`)]) || pickTemplate(templates, language, 'intro');
}

function commitmentContext(c: Commitment, i: number, language: Language, kpis: KpisFile | undefined, slots: Slots) {
  const words = WORDS[language];
  const at = (...rest: Array<string | number>): DataPath => ['commitments', i, ...rest];
  const kpiName = kpis?.kpis.find((kpi) => kpi.id === c.kpi)?.name;
  return {
    kpi: c.kpi ? slots.mark(kpiName ?? c.kpi, at('kpi')) : slots.mark(c.id, at('id')),
    comparison: c.target && slots.mark(words.comparison[c.target.comparison], at('target', 'comparison')),
    value: c.target && slots.mark(formatNumber(c.target.value, language), at('target', 'value')),
    unit: slots.mark(unitText(language, c.target?.unit), at('target', 'unit')),
    period: c.period && slots.mark(words.period[c.period], at('period')),
    deadline: slots.mark(c.deadline, at('deadline')),
    remedy: slots.mark(c.remedy, at('remedy')),
  };
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
}

const handlebars = Handlebars.create();
// `{{list values " and "}}` → "a, b and c"; `{{list values "和" "、"}}` → "a、b和c".
handlebars.registerHelper('list', (...args: unknown[]) => {
  const [items, last = ', ', separator = ', '] = args.slice(0, -1) as [unknown, string?, string?];
  const list = Array.isArray(items) ? items.map(String) : [];
  if (list.length < 2) return list.join('');
  return `${list.slice(0, -1).join(separator)}${last}${list.at(-1)}`;
});

function render(template: Template, context: object, partials: Record<string, Template> = {}): string {
  for (const [name, partial] of Object.entries(partials)) refuseSelfInclude(name, partial);
  try {
    const compiledPartials = Object.fromEntries(Object.entries(partials)
      .map(([name, partial]) => [name, compile(partial)]));
    return compile(template)(context, { partials: compiledPartials });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // Endless inclusion through a dynamic partial name: the partial is the likelier culprit.
    const culprit = error instanceof RangeError ? Object.values(partials)[0] ?? template : template;
    throw templateError(culprit, error);
  }
}

/** A partial that includes itself (`{{> intro}}` inside intro.hbs) would recurse until the stack runs out. */
function refuseSelfInclude(name: string, partial: Template): void {
  // A precompiled template is a built-in one, which never includes itself.
  if (partial.precompiled) return;
  const key = `${name}\0${partial.text}`;
  if (selfIncludeChecked.has(key)) return;
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(partial.text);
  } catch (error) {
    throw templateError(partial, error);
  }
  // `{{> intro}}` and `{{> "intro"}}` alike: a path or a string literal, both with `original`.
  const include = partialStatements(ast).find((node) => (node.name as { original?: unknown }).original === name);
  if (!include) return void selfIncludeChecked.add(key);
  throw new InputError({ file: partial.file, line: include.loc.start.line, column: include.loc.start.column + 1 },
    `This template includes itself ({{> ${name}}}), so it would never finish.`,
    `Remove the {{> ${name}}} from it: it is the ${name} part of the statement, and the statement template already includes it.`);
}

// Like `compiled`: the wizard composes on every answer, so each partial text is checked once.
const selfIncludeChecked = new Set<string>();

type PartialNode = hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;

/** Every {{> partial}} in a template, however deep inside blocks. */
function partialStatements(node: hbs.AST.Node | undefined): PartialNode[] {
  if (!node) return [];
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    const partial = node as PartialNode;
    return [partial, ...('program' in partial ? partialStatements(partial.program) : [])];
  }
  if (node.type === 'Program') return (node as hbs.AST.Program).body.flatMap((child) => partialStatements(child));
  if (node.type === 'BlockStatement' || node.type === 'DecoratorBlock') {
    const block = node as hbs.AST.BlockStatement;
    return [...partialStatements(block.program), ...partialStatements(block.inverse)];
  }
  return [];
}

/** Plain text out: the pages escape it when they show it. scripts/build-lib.mjs precompiles the built-ins with the same. */
const COMPILE_OPTIONS = { noEscape: true, strict: false } as const;

// The wizard composes after every answer: compile each template text once.
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(template: Template): Handlebars.TemplateDelegate {
  let delegate = compiled.get(template.text);
  if (!delegate) {
    try {
      // Syntax errors surface on the first call, in render().
      delegate = template.precompiled
        ? handlebars.template(template.precompiled)
        : handlebars.compile(template.text, COMPILE_OPTIONS);
    } catch (error) {
      throw templateError(template, error);
    }
    compiled.set(template.text, delegate);
  }
  return delegate;
}

function templateError(template: Template, error: unknown): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const reason = message.split('\n')[0]?.replace(/^Parse error on line \d+:?/, '').trim() || 'it does not render';
  return new InputError({ file: template.file, line, column: 1 }, `This template is not valid handlebars: ${reason}.`,
    'Compare it with the built-in template of the same name; every {{#if}} needs its {{/if}}.');
}

/** Cuts rendered text at the markers: template wording (path null) and values (with their path). */
function toParts(rendered: string, slots: Slots, templateFile: string): StatementPart[] {
  const text = normalizeSpace(rendered);
  const parts: StatementPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), path: null, template: templateFile });
    const slot = slots.slots[Number(match[1])];
    if (slot) parts.push({ text: slot.text, path: slot.path });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), path: null, template: templateFile });
  return parts;
}

/** Templates are laid out over several lines for reading; the statement is one line of text. */
function normalizeSpace(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:;!?])/g, '$1')
    // Chinese has no spaces between words or sentences.
    .replace(/ (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) /g, '')
    .trim();
}
