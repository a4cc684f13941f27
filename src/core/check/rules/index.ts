import type { Rule } from '../define-rule.ts';
import * as all from './all.ts';

/** Every registered rule (rules/all.ts lists them, one line each), sorted by id. */
export const RULES: readonly Rule[] = Object.values(all).sort((a, b) => a.id.localeCompare(b.id));

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
