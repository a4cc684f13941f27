import { InputError, InputErrors } from '../input-error.ts';
import { comparePeriodKeys, periodKindOf } from '../kpi/period.ts';
import type { YamlSource } from '../yaml-source.ts';
import type { KpisFile } from './kpis.ts';
import type { Commitment, PromiseDoc } from './promise.ts';
import type { Period } from './text.ts';

/** The kind of period a commitment is judged by: its own `period`, else its KPI's. */
export function commitmentPeriodKind(commitment: Commitment, kpis: KpisFile | undefined): Period | undefined {
  return commitment.period ?? kpis?.kpis.find((k) => k.id === commitment.kpi)?.period;
}

/**
 * What zod cannot see on one field: `since`, `history[].until` and restatement periods are of the
 * commitment's period kind, `until`s come in time order, and a restatement names a commitment that
 * exists. Every problem is located in promise.yaml; all are thrown at once.
 */
export function validateVersions(promise: PromiseDoc, source: YamlSource, kpis: KpisFile | undefined): void {
  const errors: InputError[] = [];
  const fail = (path: (string | number)[], message: string, hint: string) => errors.push(new InputError(source.locate(path), message, hint));
  promise.commitments.forEach((commitment, index) => {
    const kind = commitmentPeriodKind(commitment, kpis) ?? periodKindOf(commitment.history?.[0]?.until ?? commitment.since ?? '');
    const at = (...rest: (string | number)[]) => ['commitments', index, ...rest];
    const checkKind = (key: string, path: (string | number)[]) => {
      if (kind && periodKindOf(key) !== kind) {
        fail(path, `commitments[${index}]: "${key}" is not a ${kind}, but commitment "${commitment.id}" is judged by ${kind}.`,
          `Write a ${kind} such as ${EXAMPLE_KEYS[kind]}.`);
        return false;
      }
      return true;
    };
    if (commitment.since) checkKind(commitment.since, at('since'));
    let previous: string | undefined;
    commitment.history?.forEach((version, v) => {
      if (!checkKind(version.until, at('history', v, 'until'))) return;
      if (previous !== undefined && comparePeriodKeys(version.until, previous) <= 0) {
        fail(at('history', v, 'until'), `commitments[${index}].history[${v}].until: ${version.until} is not after ${previous}, the "until" of the version before it.`,
          'List the earlier versions oldest first, each ending after the one before; the current targets apply after the last "until".');
      } else if (v === 0 && commitment.since && comparePeriodKeys(version.until, commitment.since) < 0) {
        fail(at('history', v, 'until'), `commitments[${index}].history[0].until: ${version.until} is before ${commitment.since}, when the promise started (since).`,
          'A version cannot end before the promise began: fix "since" or this "until".');
      }
      previous = version.until;
    });
  });
  (promise.restatements ?? []).forEach((restatement, r) => {
    const commitment = promise.commitments.find((c) => c.id === restatement.commitment);
    if (!commitment) {
      fail(['restatements', r, 'commitment'], `restatements[${r}].commitment: there is no commitment "${restatement.commitment}".`,
        `Use one of: ${promise.commitments.map((c) => c.id).join(', ')}.`);
      return;
    }
    const kind = commitmentPeriodKind(commitment, kpis);
    if (kind && periodKindOf(restatement.period) !== kind) {
      fail(['restatements', r, 'period'], `restatements[${r}].period: "${restatement.period}" is not a ${kind}, but commitment "${commitment.id}" is judged by ${kind}.`,
        `Write a ${kind} such as ${EXAMPLE_KEYS[kind]}.`);
    }
  });
  if (errors.length) throw new InputErrors(errors);
}

const EXAMPLE_KEYS: Record<Period, string> = { month: '2026-03', quarter: '2026-Q1', week: '2026-W07' };
