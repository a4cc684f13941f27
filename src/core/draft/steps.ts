import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../check/finding.ts';
import type { DataPath } from '../yaml-source.ts';

/** The wizard's steps, in the design's order (language first: the wizard's own text follows it). */
export const STEPS = [
  'language', 'company', 'audience', 'values', 'assets', 'types', 'benefit', 'commitment', 'cta', 'feedback', 'statement',
] as const;
export type StepId = (typeof STEPS)[number];

/**
 * The checks that speak about each step's answers. After a step the wizard shows only these, so
 * the user fixes a problem where it was made and is not nagged about steps still to come.
 */
export const STEP_RULES: Record<StepId, readonly string[]> = {
  language: [],
  company: [],
  audience: ['audience-missing'],
  values: ['values-not-reflected'],
  assets: ['unique-asset-missing'],
  types: [],
  benefit: ['features-not-benefits', 'no-emotion'],
  commitment: ['not-measurable', 'not-time-bound', 'kpi-unknown', 'unrealistic-target', 'no-margin',
    'absolute-claim', 'conflicting-commitments', 'unfocused-exceed', 'promise-broken'],
  cta: ['cta-missing'],
  feedback: ['feedback-missing'],
  statement: ['too-long', 'sentence-too-long', 'hard-to-read', 'jargon', 'vague-claim', 'absolute-claim',
    'audience-missing', 'values-not-reflected', 'unique-asset-missing', 'no-emotion', 'features-not-benefits'],
};

/** Wording rules also belong to the step whose text they point at (jargon in the benefit, say). */
const WORDING_RULES = new Set(['jargon', 'vague-claim', 'absolute-claim', 'sentence-too-long', 'features-not-benefits']);

/** The promise.yaml fields each step writes (top-level keys). */
export const STEP_FIELDS: Record<StepId, readonly string[]> = {
  language: ['language'],
  company: ['company'],
  audience: ['audience'],
  values: ['values'],
  assets: ['unique_assets'],
  types: ['promise_types'],
  benefit: ['benefit'],
  commitment: ['commitments'],
  cta: ['call_to_action'],
  feedback: ['feedback'],
  statement: ['statement'],
};

/** Rules about the commitments as a set: shown at every commitment, wherever they point. */
const SET_RULES = new Set(['conflicting-commitments', 'unfocused-exceed']);

/**
 * The findings to show after `step`: its own rules, plus wording findings located in its fields.
 * At a commitment step (`commitmentIndex`), only that commitment's findings and set-wide ones.
 */
export function findingsForStep(step: StepId, findings: readonly Finding[], yamlText: string, commitmentIndex?: number): Finding[] {
  const rules = new Set(STEP_RULES[step]);
  if (step === 'commitment' && commitmentIndex !== undefined) {
    const range = linesOf(yamlText, ['commitments', commitmentIndex]);
    return findings.filter((f) => (rules.has(f.rule) || WORDING_RULES.has(f.rule))
      && (SET_RULES.has(f.rule) || within(f, range)));
  }
  const ranges = STEP_FIELDS[step].map((key) => linesOf(yamlText, [key]));
  return findings.filter((f) => rules.has(f.rule) || (WORDING_RULES.has(f.rule) && ranges.some((r) => within(f, r))));
}

function within(f: Finding, range: [number, number] | undefined): boolean {
  return range !== undefined && f.line >= range[0] && f.line <= range[1];
}

/** First and last line (1-based) of the value at `path` in YAML text, key line included. */
export function linesOf(yamlText: string, path: DataPath): [number, number] | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const node = doc.getIn(path, true) as Node | undefined;
  if (!node?.range) return undefined;
  let start = node.range[0];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    if (pair && isScalar(pair.key) && pair.key.range) start = pair.key.range[0];
  }
  // range[1] is where the value ends; step back over the trailing newline.
  const end = Math.max(start, node.range[1] - 1);
  return [counter.linePos(start).line, counter.linePos(end).line];
}
