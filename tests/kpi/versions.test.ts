import { describe, expect, it } from 'vitest';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { promiseSchema } from '../../src/core/schema/promise.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { validateVersions } from '../../src/core/schema/versions.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';
import { applyEdits, fixtureText, type Edit } from '../check/harness.ts';
import { evaluationOf } from './evaluation-fixture.ts';

const ON_TIME_TARGET = 'target: { comparison: ">=", value: 95, unit: "%" }\n    period: month';
/** The case: on-time lowered from >= 95 to >= 80 after March 2026, promised since February. */
const LOWERED: Edit[] = [[ON_TIME_TARGET, `target: { comparison: ">=", value: 80, unit: "%" }
    period: month
    since: 2026-02
    history:
      - until: 2026-03
        target: { comparison: ">=", value: 95, unit: "%" }
        internal_target: { comparison: ">=", value: 97, unit: "%" }
        note: From April we promise 80 %, because the new rural routes take a day longer.`]];

const pct = (value: number) => ({ comparison: '>=', value, unit: '%' });

describe('a commitment with a history', () => {
  it('judges every period against the target in force then, and never judges one before since', () => {
    // Jan 90 (before since); Feb 80.8 against 95: broken; Mar 96 against 95, internal 97: at-risk;
    // Apr 81 against the new 80: kept; May 79 against 80: broken.
    const { evaluation } = evaluationOf({ on_time: [90, 80.8, 96, 81, 79] }, LOWERED);
    const onTime = evaluation!.commitments[0]!;
    expect(onTime.history.map((p) => [p.period, p.status, p.target?.value ?? null, p.internalTarget?.value ?? null])).toEqual([
      ['2026-01', 'before-promise', null, null],
      ['2026-02', 'broken', 95, 97],
      ['2026-03', 'at-risk', 95, 97],
      ['2026-04', 'kept', 80, null],
      ['2026-05', 'broken', 80, null],
    ]);
    expect(onTime.history[3]!.target).toEqual(pct(80));
    // Four judged months, two met the public target then: lowering the target did not turn February kept.
    expect(onTime.streak).toEqual({ kept: 2, of: 4 });
  });

  it('without a history, lowering the target rewrites the past (the case versions exist for)', () => {
    const { evaluation } = evaluationOf({ on_time: [90, 80.8, 96, 81, 79] }, [[ON_TIME_TARGET, 'target: { comparison: ">=", value: 80, unit: "%" }\n    period: month']]);
    expect(evaluation!.commitments[0]!.history.map((p) => p.status)).toEqual(['kept', 'kept', 'kept', 'kept', 'broken']);
  });
});

function versionErrors(edits: Edit[]): string[] {
  const source = parseYaml(applyEdits(fixtureText('en'), edits), 'content/promise.yaml');
  try {
    validateVersions(validateSource(source, promiseSchema), source, undefined);
    return [];
  } catch (error) {
    return inputErrorsOf(error)?.map(formatInputError) ?? [String(error)];
  }
}

describe('validating since, history and restatements', () => {
  it('accepts the versions above', () => {
    expect(versionErrors(LOWERED)).toEqual([]);
  });

  it('refuses untils out of order, of another period kind, or before since, each at its line', () => {
    expect(versionErrors([[ON_TIME_TARGET, `${ON_TIME_TARGET}
    since: 2026-03
    history:
      - until: 2026-02
        target: { comparison: ">=", value: 90 }
      - until: 2026-Q2
        target: { comparison: ">=", value: 92 }
      - until: 2026-01
        target: { comparison: ">=", value: 93 }`]])).toEqual([
      'content/promise.yaml:17:16  commitments[0].history[0].until: 2026-02 is before 2026-03, when the promise started (since). A version cannot end before the promise began: fix "since" or this "until".',
      'content/promise.yaml:19:16  commitments[0]: "2026-Q2" is not a month, but commitment "on-time" is judged by month. Write a month such as 2026-03.',
      'content/promise.yaml:21:16  commitments[0].history[2].until: 2026-01 is not after 2026-02, the "until" of the version before it. List the earlier versions oldest first, each ending after the one before; the current targets apply after the last "until".',
    ]);
  });

  it('refuses a period that is not one, through the schema, at its place', () => {
    const source = parseYaml(applyEdits(fixtureText('en'), [[ON_TIME_TARGET, `${ON_TIME_TARGET}\n    since: March 2026`]]), 'content/promise.yaml');
    expect(() => validateSource(source, promiseSchema)).toThrow();
    try { validateSource(source, promiseSchema); } catch (error) {
      expect(inputErrorsOf(error)?.map(formatInputError)).toEqual([
        'content/promise.yaml:15:12  commitments[0].since: this is not a period. Write a month as 2026-03, a quarter as 2026-Q1 or an ISO week as 2026-W07.',
      ]);
    }
  });

  it('refuses a restatement of a commitment that does not exist', () => {
    expect(versionErrors([['call_to_action:', 'restatements:\n  - { commitment: on-tme, period: 2026-02, note: The carrier re-sent its scans. }\ncall_to_action:']])).toEqual([
      'content/promise.yaml:22:19  restatements[0].commitment: there is no commitment "on-tme". Use one of: on-time, replies.',
    ]);
  });
});
