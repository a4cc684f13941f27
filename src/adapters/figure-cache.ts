import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { AccumulatorState, KpiAccumulator } from '../core/kpi/accumulator.ts';
import { SourceScan } from '../core/kpi/source-scan.ts';
import type { KpiDef } from '../core/schema/kpis.ts';
import { PLEDGE_VERSION } from '../cli/version.ts';
import { maxLineBytes } from './data/types.ts';
import type { SourceGroup } from './sources/files/index.ts';

/**
 * The figure cache: each file KPI's per-bucket aggregate state (what a scan of its data file leaves
 * before the figures are finished), kept in `.pledge-cache/figures/` so that a rebuild after editing
 * promise.yaml, a template, a note or a report reads no data file.
 *
 * Exact by construction:
 * - one cache file per data file, valid only for that file's size, modification time (ns) and inode,
 *   and the SHA-256 of its bytes; when size or time differ but the size matches, the file is hashed
 *   (no parsing) and the entry is used only if the hash is the same;
 * - one entry per KPI, keyed by everything that changes its figures: the KPI's definition (formula,
 *   columns, timestamp, filter, period, time zone, segments...), the source's settings (delimiter,
 *   decimal, date_format, timezone, key), the path its bad rows name, the longest line read
 *   (PLEDGE_MAX_LINE_BYTES), and a fingerprint of pledge's KPI engine and readers (their source text
 *   and pledge's version), so a changed engine never reuses a state it did not compute;
 * - a file modified within RACY_MS of the scan that read it is not stored: its modification time
 *   could not tell a later same-size write apart (the next build reads it again, then stores it).
 * SQL sources (PostgreSQL, DuckDB, Parquet files) are never cached: a database changes without any
 * file pledge can watch. A corrupt or unreadable cache file is ignored and rewritten, never an error.
 * PLEDGE_CACHE=off turns the cache off.
 */

export const CACHE_DIR = '.pledge-cache';
const FORMAT = 'pledge-figures-1';
const MAGIC = Buffer.from(`${FORMAT}\n`);
const DIGEST_BYTES = 32;
/** Modification times this close to the scan are not trusted (coarse clocks, FAT's 2 s); see above. */
export const RACY_MS = 3000;

/** What identifies the bytes of a data file. */
export interface FileIdentity {
  size: number;
  mtimeNs: string;
  ino: string;
  sha256: string;
}

/** One data file's cache: its identity, its header, and a state per KPI key. */
interface CacheRecord {
  format: string;
  engine: string;
  file: string;
  identity: FileIdentity;
  header: string[];
  entries: Record<string, AccumulatorState>;
}

/** The cached states found for one data file, by KPI. */
export interface CachedStates {
  header: string[];
  states: Map<KpiDef, AccumulatorState>;
}

interface Observed { size: number; mtimeNs: bigint; mtimeMs: number; ino: bigint }

/**
 * One build's view of the cache: a new one each build, so that every state it hands out was just
 * read from disk and nothing a build does to its figures can leak into the next.
 */
export class FigureCache {
  readonly dir: string;
  private readonly root: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly writes: boolean;

  private constructor(root: string, env: NodeJS.ProcessEnv, writes: boolean) {
    this.root = root;
    this.env = env;
    this.writes = writes;
    this.dir = path.join(root, CACHE_DIR, 'figures');
  }

  /**
   * The project's cache, or undefined when PLEDGE_CACHE=off. `writes: false` (`pledge check`, which
   * never writes a file, and `pledge kpi`) uses what builds stored and stores nothing.
   */
  static of(root: string, env: NodeJS.ProcessEnv = process.env, { writes = true } = {}): FigureCache | undefined {
    return ['off', '0', 'false', 'no'].includes((env.PLEDGE_CACHE ?? '').toLowerCase()) ? undefined : new FigureCache(path.resolve(root), env, writes);
  }

  /** The states cached for the group's KPIs whose data file is still exactly what they were computed from. */
  async lookup(group: SourceGroup): Promise<CachedStates | undefined> {
    const record = await this.readRecord(group.file);
    if (!record) return undefined;
    const now = await observe(group.file);
    if (!now || !(await this.stillValid(record, now, group.file))) return undefined;
    const states = new Map<KpiDef, AccumulatorState>();
    for (const { kpi } of group.kpis) {
      const state = record.entries[entryKey(kpi, group, this.env)];
      if (state) states.set(kpi, state);
    }
    return { header: record.header, states };
  }

  /**
   * Stores the states a scan that began at `scanStart` (epoch ms) computed, with `before`, the file as
   * it was when the scan began. Nothing is stored when the file changed meanwhile or was modified too
   * close to the scan to tell; a failure to write is ignored (the next build scans again).
   */
  async store(group: SourceGroup, before: Observed | undefined, scanStart: number, header: readonly string[],
    states: ReadonlyMap<KpiDef, AccumulatorState>): Promise<void> {
    try {
      if (!this.writes || !before || before.mtimeMs >= scanStart - RACY_MS) return;
      const sha256 = await hashFile(group.file);
      const after = await observe(group.file);
      if (!after || !sameStat(before, after)) return;
      const entries: Record<string, AccumulatorState> = {};
      for (const { kpi } of group.kpis) {
        const state = states.get(kpi);
        if (state) entries[entryKey(kpi, group, this.env)] = state;
      }
      const record: CacheRecord = { format: FORMAT, engine: await engineFingerprint(), file: this.relative(group.file),
        identity: identityOf(after, sha256), header: [...header], entries };
      await this.writeRecord(group.file, record);
    } catch {
      // A cache that cannot be written (read-only checkout, full disk) only costs the next build a scan.
    }
  }

  /** The file as it is now, before a scan: hand it to `store` afterwards. */
  observe(file: string): Promise<Observed | undefined> {
    return observe(file);
  }

  private async stillValid(record: CacheRecord, now: Observed, file: string): Promise<boolean> {
    const { identity } = record;
    if (identity.size !== now.size) return false;
    if (identity.mtimeNs === String(now.mtimeNs) && identity.ino === String(now.ino)) return true;
    // Same size, another time: copied, touched or checked out again. Its bytes decide.
    if (identity.sha256 !== await hashFile(file).catch(() => '')) return false;
    const after = await observe(file);
    if (!this.writes || !after || !sameStat(now, after) || after.mtimeMs >= Date.now() - RACY_MS) return true;
    // Remember the new time, so that the next build need not hash it again.
    await this.writeRecord(file, { ...record, identity: identityOf(after, identity.sha256) }).catch(() => undefined);
    return true;
  }

  private async readRecord(file: string): Promise<CacheRecord | undefined> {
    const bytes = await readFile(this.pathOf(file)).catch(() => undefined);
    const record = bytes && decodeRecord(bytes);
    return record && record.engine === await engineFingerprint() && record.file === this.relative(file) ? record : undefined;
  }

  /** Written to a temporary file and renamed: a reader sees the old record or the new one, never half. */
  private async writeRecord(file: string, record: CacheRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.pathOf(file);
    const temporary = `${target}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(temporary, encodeRecord(record));
      await rename(temporary, target);
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  private relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  private pathOf(file: string): string {
    return path.join(this.dir, `${sha256Hex(this.relative(file)).slice(0, 32)}.bin`);
  }

  /** Cache files, for tests and `pledge` to list. */
  async files(): Promise<string[]> {
    return (await readdir(this.dir).catch(() => [] as string[])).filter((name) => name.endsWith('.bin')).sort().map((name) => path.join(this.dir, name));
  }
}

async function observe(file: string): Promise<Observed | undefined> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { size: Number(info.size), mtimeNs: info.mtimeNs, mtimeMs: Number(info.mtimeMs), ino: info.ino };
}

function sameStat(a: Observed, b: Observed): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;
}

function identityOf(observed: Observed, sha256: string): FileIdentity {
  return { size: observed.size, mtimeNs: String(observed.mtimeNs), ino: String(observed.ino), sha256 };
}

/** The entry of one KPI: everything but its prose (name, method, sample_noun) that goes into its figures. */
function entryKey(kpi: KpiDef, group: SourceGroup, env: NodeJS.ProcessEnv): string {
  const { name: _name, method: _method, sample_noun: _sampleNoun, ...definition } = kpi;
  return sha256Hex(JSON.stringify({ definition, source: group.config ?? null, shown: group.shown, maxLineBytes: maxLineBytes({}, env) }));
}

function encodeRecord(record: CacheRecord): Buffer {
  const payload = serialize(record);
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/** The record in a cache file, or undefined when it is not one (truncated, flipped bits, another format). */
function decodeRecord(bytes: Buffer): CacheRecord | undefined {
  if (bytes.length < MAGIC.length + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const digest = bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
  const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(digest)) return undefined;
  try {
    const record = deserialize(payload) as CacheRecord;
    return record?.format === FORMAT && typeof record.entries === 'object' && Array.isArray(record.header) ? record : undefined;
  } catch {
    return undefined;
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The source folders whose code computes a state: a change in any of them makes every cached state stale. */
const ENGINE_SOURCES = ['core/kpi', 'core/schema', 'adapters/data', 'adapters/sources/files', 'core/quote-data', 'core/text-encoding', 'adapters/evaluate', 'adapters/figure-cache'];
let fingerprint: Promise<string> | undefined;

/** pledge's version and the text of its KPI engine and readers (TypeScript, or the package's compiled JavaScript), hashed once a process. */
function engineFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const hash = createHash('sha256').update(`${FORMAT}\0${PLEDGE_VERSION}\0`);
    for (const entry of ENGINE_SOURCES) {
      const full = path.join(src, entry);
      const inFolder = await readdir(full, { recursive: true }).catch(() => undefined);
      const files = inFolder ? inFolder.sort().map((name) => path.join(full, name)) : [`${full}.ts`, `${full}.js`];
      for (const file of files) {
        const text = await readFile(file).catch(() => undefined);
        if (text) hash.update(`${path.relative(src, file)}\0`).update(text);
      }
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}

/**
 * The group's KPIs computed through the cache: states found are restored, and only when some are
 * missing is the file read (by `scan`, for those KPIs alone), and what it computed stored.
 */
export async function scanThroughCache(group: SourceGroup, cache: FigureCache | undefined, cached: CachedStates | undefined,
  scan: (group: SourceGroup) => Promise<SourceScan>): Promise<{ accumulators: KpiAccumulator[]; read: boolean }> {
  const options = { timeZone: group.config?.timezone, decimal: group.config?.decimal, dateFormat: group.config?.date_format };
  const restored = new Map<KpiDef, KpiAccumulator>();
  for (const [kpi, state] of cached?.states ?? []) {
    const [accumulator] = new SourceScan([kpi], group.shown, cached?.header ?? [], options).accumulators;
    accumulator?.absorb(state, 0);
    if (accumulator) restored.set(kpi, accumulator);
  }
  const missing = group.kpis.filter(({ kpi }) => !restored.has(kpi));
  const inOrder = (more: readonly KpiAccumulator[]) => group.kpis.flatMap(({ kpi }) => restored.get(kpi) ?? more.filter((acc) => acc.kpi === kpi));
  if (missing.length === 0) return { accumulators: inOrder([]), read: false };
  const before = await cache?.observe(group.file);
  const started = Date.now();
  const scanned = await scan({ ...group, kpis: missing });
  if (cache) {
    const states = new Map<KpiDef, AccumulatorState>(cached?.states);
    for (const acc of scanned.accumulators) states.set(acc.kpi, acc.snapshot());
    await cache.store(group, before, started, scanned.header, states);
  }
  return { accumulators: inOrder(scanned.accumulators), read: true };
}
