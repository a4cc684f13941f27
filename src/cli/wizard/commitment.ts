import { commitmentIdFor, type CommitmentAnswers, type ExceedDimension } from '../../core/draft/answers.ts';
import type { Finding } from '../../core/check/finding.ts';
import {
  comparisonFor, isAbsoluteTarget, otherExceedDimensions, overPromises, stricter, suggestFromHistory, suggestInternal,
  type Better, type DataSuggestion,
} from '../../core/draft/suggest.ts';
import { fill, type WizardText } from '../../core/draft/text/index.ts';
import { parseOptionalTarget, parseOptionalText, parseTargetValue } from '../../core/draft/validate.ts';
import { sourceName, type KpiDef } from '../../core/schema/kpis.ts';
import { EXCEED_DIMENSIONS } from '../../core/schema/promise.ts';
import { PERIODS } from '../../core/schema/text.ts';
import { runStep, textOf, type WizardContext } from './context.ts';
import { defineKpiFromData } from './new-kpi.ts';
import { askSelect, askText, askYesNo, suggest, ui } from './prompts.ts';

const REMOVE = '\u0000remove';
const NEW_KPI = '\u0000new-kpi';
const SYMBOL = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' } as const;

/** Every commitment: the existing ones first (to keep, edit or remove), then as many new ones as wanted. */
export async function askCommitments(ctx: WizardContext): Promise<void> {
  ui.info(textOf(ctx).commitmentsIntro);
  const list = ctx.answers.commitments;
  for (let i = 0; i < list.length;) {
    if (await askCommitment(ctx, i)) i++;
  }
  while (list.length === 0 || await askYesNo(textOf(ctx), textOf(ctx).another, false)) {
    list.push(newCommitment());
    if (!await askCommitment(ctx, list.length - 1)) continue;
  }
}

function newCommitment(): CommitmentAnswers {
  return {
    id: '', kpi: '', comparison: '>=', unit: '', target: undefined, internalTarget: undefined,
    period: 'month', remedy: undefined, exceeds: undefined, keep: {},
  };
}

/** Asks one commitment; false when the user removed it. */
async function askCommitment(ctx: WizardContext, index: number): Promise<boolean> {
  let removed = false;
  await runStep(ctx, 'commitment', async () => {
    removed = !await askCommitmentFields(ctx, index);
  }, (findings) => (removed ? [] : commitmentSuggestions(ctx, index, findings)), index);
  if (removed) ctx.answers.commitments.splice(index, 1);
  return !removed;
}

async function askCommitmentFields(ctx: WizardContext, index: number): Promise<boolean> {
  const t = textOf(ctx);
  const c = ctx.answers.commitments[index] as CommitmentAnswers;
  const kpi = await askKpi(ctx, index, c);
  if (kpi === REMOVE) return false;
  const def = ctx.kpis?.kpis.find((k) => k.id === kpi);
  if (kpi !== c.kpi && def) Object.assign(c, { comparison: comparisonFor(def.better), unit: def.unit, period: def.period, target: undefined, internalTarget: undefined });
  c.kpi = kpi;
  if (def) ui.info(fill(t.kpiMethod, { method: def.method }));
  c.id ||= commitmentIdFor(kpi, ctx.answers.commitments.map((other) => other.id));
  await askTargets(ctx, c, def);
  c.period = await askSelect(t.period, PERIODS.map((value) => ({ value, label: t.periodLabels[value] })), c.period);
  if (c.target !== undefined && isAbsoluteTarget(c.comparison, c.target, c.unit)) {
    suggest(fill(t.suggest.remedyAbsolute, { word: `${SYMBOL[c.comparison]} ${c.target}${unitSuffix(c.unit)}` }));
  }
  c.remedy = await askText(t, { message: t.remedy, initial: c.remedy, parse: parseOptionalText });
  c.exceeds = await askExceeds(t, c.exceeds);
  return true;
}

/** A KPI from kpis.yaml, or a new one defined here from the user's own data file. */
async function askKpi(ctx: WizardContext, index: number, c: CommitmentAnswers): Promise<string> {
  for (;;) {
    const t = textOf(ctx);
    const defs = ctx.kpis?.kpis ?? [];
    const options = defs.map((k) => ({ value: k.id, label: `${k.name} (${k.id})`, hint: kpiHint(k) }));
    options.push({ value: NEW_KPI, label: t.newKpi.option, hint: '' });
    if (c.id) options.push({ value: REMOVE, label: t.removeCommitment, hint: '' });
    const picked = await askSelect(fill(t.kpi, { n: index + 1 }), options, defs.some((k) => k.id === c.kpi) ? c.kpi : undefined);
    if (picked !== NEW_KPI) return picked;
    const defined = await defineKpiFromData(ctx);
    if (defined) return defined;
  }
}

function kpiHint(k: KpiDef): string {
  return [k.unit, k.better === 'higher' ? '↑' : '↓', k.visibility === 'internal' ? 'internal' : ''].filter(Boolean).join(' ');
}

/** Public target, then the internal one with a margin suggested from the data (or from the public target). */
async function askTargets(ctx: WizardContext, c: CommitmentAnswers, def: KpiDef | undefined): Promise<void> {
  const t = textOf(ctx);
  const better = betterOf(c);
  const slots = { kpi: def?.name ?? c.kpi, comparison: SYMBOL[c.comparison], unit: c.unit ? ` (${c.unit})` : '' };
  const fromData = await dataSuggestion(ctx, c.kpi, better, c.unit);
  if (fromData) suggest(fill(t.suggest.marginFromData, { ...fromData, unit: unitSuffix(c.unit), file: def ? sourceName(def.source) : c.kpi }));
  c.target = await askText(t, {
    message: fill(t.target, slots), initial: numberText(c.target ?? fromData?.public), parse: (raw) => parseTargetValue(raw, c.unit),
  });
  const suggested = suggestInternal(c.target, better, c.unit, fromData);
  if (c.internalTarget === undefined) suggest(fill(t.suggest.margin, { public: c.target, internal: suggested, unit: unitSuffix(c.unit) }));
  c.internalTarget = await askText(t, {
    message: fill(t.internalTarget, slots), initial: numberText(c.internalTarget ?? suggested),
    parse: (raw) => parseOptionalTarget(raw, c.unit),
  });
}

async function dataSuggestion(ctx: WizardContext, kpi: string, better: Better, unit: string): Promise<DataSuggestion | undefined> {
  const evaluation = await ctx.evaluation;
  const result = evaluation?.kpis.find((k) => k.kpi.id === kpi);
  const values = (result?.buckets ?? []).filter((b) => b.complete && b.value !== null).map((b) => b.value as number);
  return suggestFromHistory(values, better, unit);
}

async function askExceeds(t: WizardText, current: ExceedDimension | undefined): Promise<ExceedDimension | undefined> {
  const picked = await askSelect(t.exceeds, [
    { value: 'none' as const, label: t.exceedLabels.none },
    ...EXCEED_DIMENSIONS.map((value) => ({ value, label: t.exceedLabels[value] })),
  ], current ?? 'none');
  return picked === 'none' ? undefined : picked;
}

/**
 * After a commitment: one dimension to exceed on; no promise beyond what the data shows; an internal
 * target stricter than the public one. A check that already says the same thing wins.
 */
async function commitmentSuggestions(ctx: WizardContext, index: number, findings: Finding[]): Promise<string[]> {
  const t = textOf(ctx);
  const c = ctx.answers.commitments[index] as CommitmentAnswers;
  const notes: string[] = [];
  const others = otherExceedDimensions(ctx.answers.commitments, index, c.exceeds);
  if (others.length) notes.push(fill(t.suggest.exceedFocus, { dims: others.map((d) => t.dimensions[d]).join(', ') }));
  if (c.target === undefined) return notes;
  const better = betterOf(c);
  const unit = unitSuffix(c.unit);
  const data = await dataSuggestion(ctx, c.kpi, better, c.unit);
  const said = new Set(findings.map((f) => f.rule));
  if (data && overPromises(c.target, data, better) && !said.has('unrealistic-target') && !said.has('promise-broken')) {
    notes.push(fill(t.suggest.overPromise, { ...data, public: c.target, suggested: data.public, unit }));
  }
  if (c.internalTarget !== undefined && !stricter(c.internalTarget, c.target, better) && !said.has('no-margin')) {
    const suggested = suggestInternal(c.target, better, c.unit, data);
    notes.push(fill(t.suggest.noMargin, { internal: c.internalTarget, public: c.target, suggested, unit }));
  }
  return notes;
}

/** Which way is stricter follows the target's comparison (as the no-margin check reads it): `>=` higher, `<=` lower. */
function betterOf(c: CommitmentAnswers): Better {
  return c.comparison.startsWith('<') ? 'lower' : 'higher';
}

function unitSuffix(unit: string): string {
  return unit === '%' ? '%' : unit ? ` ${unit}` : '';
}

function numberText(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
