import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Evaluation } from '../core/kpi/types.ts';
import {
  currentEntriesOf, digestInput, publishedCommitments, recordJson, recordTarget, updateRecord, type RecordEntry, type RecordUpdate,
} from '../core/record/record.ts';
import { displayPath } from './files.ts';
import { contentPaths, type Project } from './project.ts';

export interface RecordResult {
  /** One per published commitment, with the file it is (or would be) written to. */
  updates: (RecordUpdate & { file: RecordUpdate['file']; path: string; shown: string })[];
  /** True when nothing was written because some recorded period changed without a restatement. */
  refused: boolean;
}

/**
 * `pledge record`: appends every closed period not yet in content/record/<commitment>.json and
 * rewrites restated ones. If any recorded period changed without a restatement, nothing is written
 * (the caller reports the record-changed findings). Each file is written whole, then renamed into place.
 */
export async function recordProject(project: Project, evaluation: Evaluation, cwd = process.cwd()): Promise<RecordResult> {
  const dir = contentPaths(project.root).record;
  const updates = publishedCommitments(project.promise.doc, project.kpis?.doc).map((commitment) => {
    const existing = project.record.find((r) => r.doc.commitment === commitment.id)?.doc;
    const result = evaluation.kpis.find((k) => k.kpi.id === commitment.kpi);
    const current: RecordEntry[] = currentEntriesOf(commitment, evaluation).map((entry) => ({
      ...entry, target: recordTarget(entry.target), digest: digest(digestInput(result, entry.period)),
    }));
    const file = path.join(dir, `${commitment.id}.json`);
    return { ...updateRecord(existing, commitment, current, project.promise.doc), path: file, shown: displayPath(file, cwd), existed: Boolean(existing) };
  });
  const refused = updates.some((u) => u.refused.length > 0);
  if (!refused) {
    for (const update of updates.filter((u) => u.added.length || u.restated.length || !u.existed)) {
      await mkdir(dir, { recursive: true });
      const temporary = `${update.path}.tmp-${process.pid}`;
      await writeFile(temporary, recordJson(update.file));
      await rename(temporary, update.path);
    }
  }
  return { updates, refused };
}

/** The digest the record keeps: sha256 of the bucket's aggregate state (see digestInput). */
export function digest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
