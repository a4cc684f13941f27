import { z } from 'zod';
import type { CommitmentEvaluation, Evaluation, KpiResult, Status } from '../kpi/types.ts';
import { sameTarget } from '../kpi/versions.ts';
import type { KpisFile } from '../schema/kpis.ts';
import { periodKey, targetSchema, type Commitment, type PromiseDoc, type Target } from '../schema/promise.ts';
import { plainText } from '../schema/text.ts';

export const RECORD_FORMAT = 'pledge-record/1';

/** What customers were shown: at-risk is published as kept (the margin is internal). */
export const RECORDED_STATUSES = ['kept', 'broken', 'no-data'] as const;
export type RecordedStatus = (typeof RECORDED_STATUSES)[number];

const figures = {
  value: z.number().nullable(),
  n: z.number().int().nonnegative(),
  /** The public target in force in that period. */
  target: targetSchema,
  status: z.enum(RECORDED_STATUSES),
  /** sha256 of the bucket's aggregate state (see digestInput). */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'this is not a digest pledge wrote. | Run `pledge record` to rewrite the entry, or restore it from git.'),
};

export const recordEntrySchema = z.strictObject({
  period: periodKey,
  ...figures,
  /** Figures published before a restatement, oldest first, each with the restatement's note. */
  restated: z.array(z.strictObject({ ...figures, note: plainText })).optional(),
});

/** content/record/<commitment>.json: every closed period pledge has published for one commitment. */
export const recordFileSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  commitment: z.string().min(1),
  kpi: z.string().min(1),
  periods: z.array(recordEntrySchema),
});
export type RecordEntry = z.infer<typeof recordEntrySchema>;
export type RecordFile = z.infer<typeof recordFileSchema>;

/** A period as it would be recorded now, before its digest is computed (that needs a hash: the adapter's job). */
export type CurrentEntry = Omit<RecordEntry, 'digest' | 'restated'>;

/** The commitments the public page shows, and so the ones with a record: a public KPI and a public target. */
export function publishedCommitments(promise: PromiseDoc, kpis: KpisFile | undefined): Commitment[] {
  return promise.commitments.filter((c) => c.target && kpis?.kpis.some((k) => k.id === c.kpi && k.visibility === 'public'));
}

export function recordedStatus(status: Status): RecordedStatus | undefined {
  if (status === 'before-promise') return undefined;
  return status === 'at-risk' ? 'kept' : status;
}

/** Every closed, judged period of a commitment as it would be recorded now (periods before `since` are never judged). */
export function currentEntries(evaluation: CommitmentEvaluation, result: KpiResult | undefined): CurrentEntry[] {
  return evaluation.history.flatMap((p) => {
    const status = recordedStatus(p.status);
    if (!status || !p.target) return [];
    const n = result?.buckets.find((b) => b.period === p.period)?.n ?? 0;
    return [{ period: p.period, value: p.value, n, target: p.target, status }];
  });
}

export function currentEntriesOf(commitment: Commitment, evaluation: Evaluation): CurrentEntry[] {
  const entry = evaluation.commitments.find((c) => c.commitmentId === commitment.id);
  return entry ? currentEntries(entry, evaluation.kpis.find((k) => k.kpi.id === entry.kpiId)) : [];
}

/**
 * What the digest is taken of: the bucket's aggregate state as canonical JSON (period, n and figure,
 * then each segment's, sorted), so it is the same however the rows were read (in order or in parallel).
 */
export function digestInput(result: KpiResult | undefined, period: string): string {
  const bucket = result?.buckets.find((b) => b.period === period);
  const segments = (result?.segments ?? []).flatMap((s) => {
    const b = s.buckets.find((x) => x.period === period);
    return b ? [[JSON.stringify(s.segment, Object.keys(s.segment).sort()), b.n, b.value] as const] : [];
  }).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify({ period, n: bucket?.n ?? 0, value: bucket?.value ?? null, segments });
}

/** The fields whose change rewrites the published past. */
export function sameFigures(a: Omit<CurrentEntry, 'period'>, b: Omit<CurrentEntry, 'period'>): boolean {
  const sameValue = a.value === null || b.value === null ? a.value === b.value : Math.abs(a.value - b.value) < 1e-9;
  return sameValue && a.n === b.n && a.status === b.status && sameTarget(a.target, b.target);
}

/** One recorded period that would change. `now` is undefined when the period is no longer in the data. */
export interface RecordChange {
  commitment: string;
  recordIndex: number;
  entryIndex: number;
  recorded: RecordEntry;
  now: CurrentEntry | undefined;
  restated: boolean;
}

/** Every recorded period whose figure, sample, target or status differs from what the data says now. */
export function recordChanges(records: readonly RecordFile[], promise: PromiseDoc, evaluation: Evaluation): RecordChange[] {
  return records.flatMap((record, recordIndex) => {
    const commitment = promise.commitments.find((c) => c.id === record.commitment);
    if (!commitment) return [];
    const current = new Map(currentEntriesOf(commitment, evaluation).map((e) => [e.period, e]));
    return record.periods.flatMap((recorded, entryIndex) => {
      const now = current.get(recorded.period);
      if (now && sameFigures(recorded, now)) return [];
      const restated = (promise.restatements ?? []).some((r) => r.commitment === record.commitment && r.period === recorded.period);
      return [{ commitment: record.commitment, recordIndex, entryIndex, recorded, now, restated }];
    });
  });
}

/** A target as the record writes it. */
export function recordTarget(target: Target): Target {
  return { comparison: target.comparison, value: target.value, ...(target.unit ? { unit: target.unit } : {}) };
}

export interface RecordUpdate {
  file: RecordFile;
  added: string[];
  restated: string[];
  /** Changes with no restatement: `pledge record` writes nothing while there is one. */
  refused: RecordChange[];
}

/**
 * What `pledge record` makes of a commitment's record: new closed periods appended; a period with a
 * restatement in promise.yaml rewritten, keeping what was first published under `restated`; any other
 * change refused. Existing entries are never dropped, and unchanged ones are kept byte for byte.
 */
export function updateRecord(existing: RecordFile | undefined, commitment: Commitment, current: readonly RecordEntry[], promise: PromiseDoc): RecordUpdate {
  const file: RecordFile = existing ?? { format: RECORD_FORMAT, commitment: commitment.id, kpi: commitment.kpi ?? '', periods: [] };
  const byPeriod = new Map(current.map((e) => [e.period, e]));
  const update: RecordUpdate = { file: { ...file, periods: [] }, added: [], restated: [], refused: [] };
  file.periods.forEach((recorded, entryIndex) => {
    const now = byPeriod.get(recorded.period);
    byPeriod.delete(recorded.period);
    const restatement = (promise.restatements ?? []).find((r) => r.commitment === commitment.id && r.period === recorded.period);
    if (now && sameFigures(recorded, now)) update.file.periods.push(recorded);
    else if (now && restatement) {
      const { period, restated = [], ...published } = recorded;
      update.file.periods.push({ ...now, period, restated: [...restated, { ...published, note: restatement.note }] });
      update.restated.push(period);
    } else {
      update.file.periods.push(recorded);
      update.refused.push({ commitment: commitment.id, recordIndex: 0, entryIndex, recorded, now, restated: Boolean(restatement) });
    }
  });
  for (const entry of byPeriod.values()) {
    update.file.periods.push(entry);
    update.added.push(entry.period);
  }
  update.file.periods.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return update;
}

/** The record file's text: JSON with one line per period, so a diff in review shows one line per period changed. */
export function recordJson(file: RecordFile): string {
  const { periods, ...head } = file;
  const fields = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const lines = periods.map((entry, i) => `    ${JSON.stringify(entry)}${i < periods.length - 1 ? ',' : ''}`);
  return `{\n${fields.join('\n')}\n  "periods": [${lines.length ? `\n${lines.join('\n')}\n  ` : ''}]\n}\n`;
}
