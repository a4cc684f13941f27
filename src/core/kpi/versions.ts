import type { Commitment, Target } from '../schema/promise.ts';
import { comparePeriodKeys, nextPeriodKey } from './period.ts';

/** The targets a period is judged against; null before the commitment's `since`. */
export interface TargetsInForce {
  target: Target | undefined;
  internal: Target | undefined;
}

/**
 * Each period is judged against the version of the commitment in force then: the first history
 * entry whose `until` is at or after the period, else the commitment's own (current) targets.
 */
export function targetsInForce(commitment: Commitment, period: string): TargetsInForce | null {
  if (commitment.since && comparePeriodKeys(period, commitment.since) < 0) return null;
  const version = commitment.history?.find((v) => comparePeriodKeys(period, v.until) <= 0);
  return version
    ? { target: version.target, internal: version.internal_target }
    : { target: commitment.target, internal: commitment.internal_target };
}

/** One change of a commitment's targets: in force from `from`, with the note written on the version it replaced. */
export interface TargetChange {
  /** The first period of the new version. */
  from: string;
  before: { target: Target; internal: Target | undefined };
  after: { target: Target | undefined; internal: Target | undefined };
  note: string | undefined;
  /** Index in `history` of the version that ended. */
  version: number;
}

/** Every change between consecutive versions, oldest first (the last one leads to the current targets). */
export function targetChanges(commitment: Commitment): TargetChange[] {
  const versions = commitment.history ?? [];
  return versions.map((version, i) => {
    const next = versions[i + 1];
    return {
      from: nextPeriodKey(version.until),
      before: { target: version.target, internal: version.internal_target },
      after: next ? { target: next.target, internal: next.internal_target } : { target: commitment.target, internal: commitment.internal_target },
      note: version.note,
      version: i,
    };
  });
}

export function sameTarget(a: Target | undefined, b: Target | undefined): boolean {
  return a?.comparison === b?.comparison && a?.value === b?.value;
}
