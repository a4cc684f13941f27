import type { Place } from '../input-error.ts';
import type { PromiseDoc } from '../schema/promise.ts';
import type { YamlSource } from '../yaml-source.ts';
import { defineRule, type Rule } from './define-rule.ts';

interface MissingSection {
  id: string;
  summary: string;
  /** The top-level key of promise.yaml the rule wants filled in. */
  key: keyof PromiseDoc;
}

/** A warning when a whole top-level section of promise.yaml is absent, pointing where to add it. */
/** Its one message case is `missing`. */
export function missingSectionRule({ id, summary, key }: MissingSection): Rule {
  return defineRule({
    id,
    severity: 'warning',
    summary,
    messages: ['missing'],
    check({ promise, source }, report) {
      if (promise[key]) return;
      report(endOfFile(source), 'missing');
    },
  });
}

/**
 * Where to write a missing top-level section: the line after the file's last line, the natural place
 * to append it, rather than some unrelated value such as `company`.
 */
export function endOfFile(source: YamlSource): Place {
  const lines = source.text.replace(/\s+$/, '').split('\n');
  return { file: source.file, line: lines.length + 1, column: 1 };
}
