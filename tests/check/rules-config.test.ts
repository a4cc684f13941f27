import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/check/rules/index.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { parseRulesConfig } from '../../src/core/schema/rules-config.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';

const parse = (text: string) => parseRulesConfig(parseYaml(text, 'content/rules.yaml'), RULE_IDS);

function errorsOf(text: string): string[] {
  try {
    parse(text);
  } catch (error) {
    const errors = inputErrorsOf(error);
    if (errors) return errors.map(formatInputError);
    throw error;
  }
  throw new Error('expected an input error');
}

const validRules = `Valid rules: ${[...RULE_IDS].sort().join(', ')}.`;

describe('content/rules.yaml', () => {
  it('turns rules off, changes severities and sets limits', () => {
    expect(parse('rules:\n  no-emotion: off\n  jargon: error\n  too-long: { limit: 80 }\n  hard-to-read: { severity: info, limit: 40 }\n')).toEqual({
      'no-emotion': { severity: 'off' },
      jargon: { severity: 'error' },
      'too-long': { limit: 80 },
      'hard-to-read': { severity: 'info', limit: 40 },
    });
  });

  it('accepts an empty rules map', () => {
    expect(parse('rules: {}\n')).toEqual({});
  });

  it('names an unknown rule, with a "did you mean" and the valid ids', () => {
    expect(errorsOf('rules:\n  jargn: off\n')).toEqual([`content/rules.yaml:2:3  Unknown rule "jargn" in rules. Did you mean "jargon"? ${validRules}`]);
  });

  it('lists the valid ids when nothing is close', () => {
    expect(errorsOf('rules:\n  jargon: off\n  spelling: warning\n')).toEqual([`content/rules.yaml:3:3  Unknown rule "spelling" in rules. ${validRules}`]);
  });

  it('names an unknown severity and lists the valid ones', () => {
    expect(errorsOf('rules:\n  jargon: warn\n')).toEqual(['content/rules.yaml:2:11  rules.jargon.severity: "warn" is not allowed. Use one of: error, warning, info, off.']);
    expect(errorsOf('rules:\n  jargon: { severity: fatal }\n')).toEqual(['content/rules.yaml:2:23  rules.jargon.severity: "fatal" is not allowed. Use one of: error, warning, info, off.']);
  });

  it('rejects an unknown option and a limit that is not a positive number', () => {
    expect(errorsOf('rules:\n  too-long: { max: 80 }\n')).toEqual(['content/rules.yaml:2:15  Unknown key "max" in rules.too-long. Known keys here: severity, limit.']);
    expect(errorsOf('rules:\n  too-long: { limit: -3 }\n')).toEqual(['content/rules.yaml:2:22  rules.too-long.limit: the limit must be above zero. Write a number such as 80.']);
  });

  it('rejects unknown top-level keys', () => {
    expect(errorsOf('rule:\n  jargon: off\n')).toEqual(['content/rules.yaml:1:1  Unknown key "rule". Did you mean "rules"?']);
  });
});
