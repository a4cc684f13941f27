import type { z } from 'zod';
import { promiseSchema, targetSchema, PROMISE_TYPES } from '../schema/promise.ts';
import { plainText, url } from '../schema/text.ts';
import type { WizardText } from './text/types.ts';
import type { PromiseType } from './answers.ts';

/**
 * Each wizard answer, validated as typed with the same zod schemas that validate promise.yaml,
 * so an answer the wizard accepts is one the file accepts. Errors are keys into the wizard's text,
 * so they show in the wizard's language.
 */
export type ErrorKey = keyof WizardText['errors'];
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorKey };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: ErrorKey): Parsed<T> => ({ ok: false, error });

/** A required plain-text answer (company, audience, benefit...). */
export function parseText(raw: string | undefined): Parsed<string> {
  return fromZod(plainText, raw ?? '', textError);
}

/** An optional plain-text answer: empty means "none". */
export function parseOptionalText(raw: string | undefined): Parsed<string | undefined> {
  return (raw ?? '').trim() === '' ? ok(undefined) : parseText(raw);
}

/**
 * A typed list: "honesty, care" or "packed by hand; trained cooks". Semicolons win when present,
 * so an item may contain a comma.
 */
export function splitList(raw: string | undefined): string[] {
  const text = raw ?? '';
  const separator = /[;；]/.test(text) ? /[;；]/ : /[,，、]/;
  return text.split(separator).map((item) => item.trim()).filter((item) => item !== '');
}

export function parseValues(raw: string | undefined): Parsed<string[]> {
  const items = splitList(raw);
  if (items.length === 0) return fail('listEmpty');
  return fromZod(promiseSchema.shape.values, items, textError);
}

export function parseAssets(raw: string | undefined): Parsed<string[]> {
  const items = splitList(raw);
  for (const item of items) {
    const parsed = parseText(item);
    if (!parsed.ok) return fail(parsed.error);
  }
  return ok(items);
}

export function parsePromiseTypes(selected: readonly string[]): Parsed<PromiseType[]> {
  const types = PROMISE_TYPES.filter((type) => selected.includes(type));
  return types.length ? ok(types) : fail('chooseOne');
}

/**
 * A target number as people type it: "95", "95%", "4,5 hours", ">= 95". The comparison and unit
 * come from the KPI, so they may be typed or left out; a decimal comma is read as a point (pt).
 */
export function parseTargetValue(raw: string | undefined, unit = ''): Parsed<number> {
  let text = (raw ?? '').trim().replace(/^(>=|<=|>|<|≥|≤)\s*/, '');
  if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length);
  text = text.replace(/%$/, '').trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail('number');
  return fromZod(targetSchema.shape.value, Number(text), () => 'number');
}

/** An optional target (the internal one): empty means none. */
export function parseOptionalTarget(raw: string | undefined, unit = ''): Parsed<number | undefined> {
  return (raw ?? '').trim() === '' ? ok(undefined) : parseTargetValue(raw, unit);
}

/**
 * A link as people type it: "shop.example/new" becomes https://shop.example/new and an email address
 * becomes mailto:, because that is what they meant; anything else must already be a link.
 */
export function parseUrl(raw: string | undefined): Parsed<string> {
  return fromZod(url, completeUrl(raw ?? ''), () => 'url');
}

function completeUrl(raw: string): string {
  const text = raw.trim();
  if (/^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i.test(text)) return `mailto:${text}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(text)) return `https://${text}`;
  return text;
}

export function parseOptionalUrl(raw: string | undefined): Parsed<string | undefined> {
  return (raw ?? '').trim() === '' ? ok(undefined) : parseUrl(raw);
}

/** A KPI id typed by hand (only when kpis.yaml has none to pick from). */
export function parseKpiId(raw: string | undefined): Parsed<string> {
  const text = (raw ?? '').trim();
  return /^[a-z0-9][a-z0-9_-]*$/.test(text) ? ok(text) : fail('kpiEmpty');
}

function textError(issue: z.core.$ZodIssue): ErrorKey {
  return issue.code === 'too_small' ? 'empty' : issue.code === 'custom' ? 'html' : 'empty';
}

function fromZod<T>(schema: z.ZodType<T>, input: unknown, errorOf: (issue: z.core.$ZodIssue) => ErrorKey): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  return fail(issue ? errorOf(issue) : 'empty');
}
