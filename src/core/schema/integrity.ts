import { InputError, InputErrors, type Place } from '../input-error.ts';
import type { YamlSource } from '../yaml-source.ts';
import type { KpisFile } from './kpis.ts';
import type { PromiseDoc } from './promise.ts';

interface Parsed<T> { source: YamlSource; doc: T }

const where = (place: Place) => `${place.file}:${place.line}:${place.column}`;

/**
 * What zod cannot see one value at a time: ids used twice (the page would show one commitment's
 * figure under the other's unit), and a commitment on a KPI kept internal (its name, target and remedy
 * would be published without its figures). Each is an InputError naming both places.
 */
export function checkIntegrity(promise: Parsed<PromiseDoc>, kpis: Parsed<KpisFile> | undefined): void {
  const errors = [
    ...duplicates(promise.source, promise.doc.commitments.map((c) => c.id), ['commitments', 'id'], 'commitments',
      'Give each commitment its own id (notes and the published record name commitments by id).'),
    ...duplicates(promise.source, promise.doc.touchpoints.map((t) => t.id), ['touchpoints', 'id'], 'touchpoints',
      'Give each touchpoint its own id.'),
    ...(kpis ? [
      ...duplicates(kpis.source, kpis.doc.kpis.map((k) => k.id), ['kpis', 'id'], 'KPIs',
        'Give each KPI its own id, and make each commitment and touchpoint name the one it means.'),
      ...duplicates(kpis.source, kpis.doc.sources.map((s) => normalizePath(s.file)), ['sources', 'file'], 'sources',
        'Describe each data file once under sources (merge the two entries).'),
      ...internalCommitments(promise, kpis),
    ] : []),
  ];
  if (errors.length) throw new InputErrors(errors.sort((a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line));
}

/** `./data//orders.csv` and `data/orders.csv` are one file. */
function normalizePath(file: string): string {
  return file.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.').join('/');
}

/** `[list, key]`: the list in the file and the field that must be unique in it. */
function duplicates(source: YamlSource, ids: readonly string[], [list, key]: [string, string], what: string, fix: string): InputError[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return [];
    }
    const there = source.locate([list, earlier, key]);
    return [new InputError(source.locate([list, index, key]),
      `Two ${what} have the ${key} "${id}": here and at ${where(there)}.`, fix)];
  });
}

function internalCommitments(promise: Parsed<PromiseDoc>, kpis: Parsed<KpisFile>): InputError[] {
  return promise.doc.commitments.flatMap((commitment, index) => {
    const kpiIndex = kpis.doc.kpis.findIndex((kpi) => kpi.id === commitment.kpi);
    if (kpiIndex < 0 || kpis.doc.kpis[kpiIndex]?.visibility !== 'internal') return [];
    const there = kpis.source.locate(['kpis', kpiIndex, 'visibility']);
    return [new InputError(promise.source.locate(['commitments', index, 'kpi']),
      `Commitment "${commitment.id}" is on KPI "${commitment.kpi}", which is visibility: internal at ${where(there)}: the page would publish the commitment's name, target and remedy but never its figures.`,
      'Set visibility: public on the KPI if customers may see its figures, or take the commitment out of promise.yaml and track the target in an internal report.')];
  });
}
