import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../wizard/cli.ts';
import { removeDir, REPO } from '../site/helpers.ts';

/**
 * `pledge kpi add` on a blank project and a bike shop's own repairs.csv (tests/fixtures/bike-shop):
 * September, 10 repairs promised, 9 back by the promised time → 90 %; October, 8 promised, 6 back in
 * time → 75 %; November (one repair) is not complete.
 */
const REPAIRS = path.join(REPO, 'tests/fixtures/bike-shop/repairs.csv');
let work: string;
let shop: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'pledge-kpi-add-'));
  shop = path.join(work, 'shop');
  expect((await runCli(['init', 'shop', '--blank'], work)).code).toBe(0);
  await copyFile(REPAIRS, path.join(work, 'repairs.csv'));
});
afterEach(async () => { await removeDir(work); });

const kpisYaml = () => readFile(path.join(shop, 'content/kpis.yaml'), 'utf8');
const dataFiles = () => readdir(path.join(shop, 'content/data'));

describe('pledge kpi add', () => {
  it('copies the file in, proposes on_time_rate from the columns, previews the figures of that file, and appends the KPI', async () => {
    const before = await kpisYaml();
    const added = await runCli(['kpi', 'add', '--file', '../repairs.csv', '--copy', '--id', 'back_in_time', '--label', 'Bikes back within 48 hours', '--min-sample', '5'], shop);
    expect(added).toEqual({
      code: 0,
      err: 'Copied ../repairs.csv to content/data/repairs.csv.\n'
        + 'pledge proposes on_time_rate (promised_at is a promised time and returned_at when it was done); give --formula to choose another.\n',
      out: 'Bikes back within 48 hours (back_in_time): on_time_rate over content/data/repairs.csv, by month.\n'
        + 'From your data, the last 2 complete months:\n'
        + '  2026-09          90%   n = 10\n'
        + '  2026-10          75%   n = 8\n'
        + 'Added KPI "back_in_time" to content/kpis.yaml. Use it in a commitment with kpi: back_in_time.\n',
    });
    expect(await kpisYaml()).toBe(`${before}  - id: back_in_time
    name: Bikes back within 48 hours
    formula: on_time_rate
    source: data/repairs.csv
    columns: { done: returned_at, promised: promised_at }
    timestamp: promised_at
    period: month
    min_sample: 5
    visibility: public
    unit: "%"
    better: higher
    method: Of the repairs promised in the month, the share where returned_at is at or before promised_at.
`);
    expect(await readFile(path.join(shop, 'content/data/repairs.csv'), 'utf8')).toBe(await readFile(REPAIRS, 'utf8'));
  });

  it('the preview is what `pledge kpi` computes for that file', async () => {
    const added = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'on_time_rate', '--done', 'returned_at', '--promised', 'promised_at', '--id', 'back'], await placed());
    const kpi = await runCli(['kpi', '--format', 'json'], shop);
    const { kpis } = JSON.parse(kpi.out) as { kpis: Array<{ kpi: { id: string }; buckets: Array<{ period: string; n: number; value: number; complete: boolean }> }> };
    const computed = kpis.find((k) => k.kpi.id === 'back')?.buckets.filter((b) => b.complete).map((b) => `  ${b.period.padEnd(9)} ${`${b.value}%`.padStart(10)}   n = ${b.n}`);
    expect(computed).toEqual(['  2026-09          90%   n = 10', '  2026-10          75%   n = 8']);
    expect(added.out).toContain(`${computed?.join('\n')}\n`);
  });

  it('a response time from two timestamps, in hours, with flags for a script', async () => {
    const added = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'response_time', '--opened', 'dropped_at', '--first-reply', 'returned_at', '--id', 'turnaround', '--dry-run'], await placed());
    // September: 32 hours nine times and 75 hours once → median 32; October: 47.5 six times, 77 and 97 → median 47.5.
    expect(added.out).toBe('Response time (turnaround): response_time over content/data/repairs.csv, by month.\n'
      + 'From your data, the last 2 complete months:\n  2026-09     32 hours   n = 10\n  2026-10   47.5 hours   n = 8\nNothing written (--dry-run).\n');
    expect(await kpisYaml()).not.toContain('turnaround');
  });

  it('dates that read day-first and month-first alike need --date-format, which then goes under sources:', async () => {
    await mkdir(path.join(shop, 'content/data'), { recursive: true });
    await writeFile(path.join(shop, 'content/data/jobs.csv'), 'job,promised,returned\nJ1,03/10/2026,02/10/2026\nJ2,05/10/2026,06/10/2026\nJ3,04/11/2026,04/11/2026\n');
    const before = await kpisYaml();
    const refused = await runCli(['kpi', 'add', '--file', 'content/data/jobs.csv'], shop);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('content/data/jobs.csv:1:1  The dates in column "promised" read as day-first and as month-first alike (03/10/2026 is 3 October or 10 March), and pledge never guesses. Give --date-format DD/MM/YYYY or --date-format MM/DD/YYYY.\n');
    expect(await kpisYaml()).toBe(before);
    const added = await runCli(['kpi', 'add', '--file', 'content/data/jobs.csv', '--date-format', 'DD/MM/YYYY', '--id', 'jobs'], shop);
    expect(added.code).toBe(0);
    // October (day-first): J1 back a day early, J2 a day late → 50 %.
    expect(added.out).toContain('  2026-10          50%   n = 2\n');
    expect(await kpisYaml()).toMatch(/\nsources:\n {2}- file: data\/jobs\.csv\n {4}date_format: DD\/MM\/YYYY\n$/);
  });

  it('writes a new kpis.yaml when the project has none', async () => {
    await rm(path.join(shop, 'content/kpis.yaml'));
    const added = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--id', 'back_in_time'], await placed());
    expect(added.code).toBe(0);
    expect(await kpisYaml()).toBe('# How the promise is measured. Paths are relative to content/.\nkpis:\n  - id: back_in_time\n    name: On time\n'
      + '    formula: on_time_rate\n    source: data/repairs.csv\n    columns: { done: returned_at, promised: promised_at }\n    timestamp: promised_at\n'
      + '    period: month\n    visibility: public\n    unit: "%"\n    better: higher\n'
      + '    method: Of the repairs promised in the month, the share where returned_at is at or before promised_at.\n');
  });

  describe('bad input: exit 2, one located line, nothing written or copied', () => {
    it('an id that exists', async () => {
      const before = await kpisYaml();
      const result = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--id', 'on_time'], await placed());
      expect([result.code, result.out]).toEqual([2, '']);
      expect(result.err.split('\n').at(-2)).toBe('content/kpis.yaml:4:9  A KPI with the id "on_time" is already defined here. Choose another id with --id, or change that KPI in kpis.yaml.');
      expect(await kpisYaml()).toBe(before);
    });

    it('a file outside content/ without --copy; a failed add after --copy leaves no copy behind', async () => {
      const outside = await runCli(['kpi', 'add', '--file', '../repairs.csv'], shop);
      expect(outside.code).toBe(2);
      expect(outside.err).toBe(`../repairs.csv:1:1  ${path.join(work, 'repairs.csv')} is outside the project's content folder, and pledge reads data only from there. Add --copy to copy it into content/data/, or move it there yourself.\n`);
      const failed = await runCli(['kpi', 'add', '--file', '../repairs.csv', '--copy', '--id', 'on_time'], shop);
      expect(failed.code).toBe(2);
      expect(await dataFiles()).toEqual(['orders.csv']);
    });

    it('a link in content/data/ that leads out of the project', async () => {
      await symlink(path.join(work, 'repairs.csv'), path.join(shop, 'content/data/linked.csv'));
      const result = await runCli(['kpi', 'add', '--file', 'content/data/linked.csv'], shop);
      expect(result.code).toBe(2);
      expect(result.err).toBe(`content/data/linked.csv:1:1  This path leads outside the project: it is a link to ${path.join(work, 'repairs.csv')}. pledge reads only files inside content/ (links are fine when they stay inside). Copy the file into the project instead of linking to it.\n`);
    });

    it('columns the file does not have, named with the ones it has', async () => {
      const before = await kpisYaml();
      const result = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'on_time_rate', '--done', 'collected_at', '--promised', 'due_at'], await placed());
      expect([result.code, result.err]).toEqual([2, 'content/data/repairs.csv:1:1  There are no columns "collected_at", "due_at" in this file. Its columns are: repair_id, dropped_at, promised_at, returned_at.\n']);
      expect(await kpisYaml()).toBe(before);
    });

    it('an unknown formula lists the formulas; a missing or stray column flag says which', async () => {
      await placed();
      const unknown = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'on_time'], shop);
      expect(unknown.code).toBe(2);
      expect(unknown.err.split('\n')[0]).toBe('pledge: --formula must be one of nps, csat, ces, on_time_rate, response_time, within_sla_rate, churn_rate, retention_rate, repeat_purchase_rate, mean, sum, count, ratio, not "on_time".');
      const missing = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'nps'], shop);
      expect(missing.err.split('\n')[0]).toBe('pledge: formula nps needs --score (the columns of content/data/repairs.csv are: repair_id, dropped_at, promised_at, returned_at).');
      const stray = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'on_time_rate', '--score', 'x'], shop);
      expect(stray.err.split('\n')[0]).toBe('pledge: formula on_time_rate reads no --score; its column flags are --done and --promised.');
      const direction = await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--formula', 'count'], shop);
      expect(direction.err.split('\n')[0]).toBe('pledge: say whether a higher or a lower count is better: --better higher or --better lower.');
      expect([missing.code, stray.code, direction.code]).toEqual([2, 2, 2]);
    });
  });

  it('--help lists the flags of every formula', async () => {
    const help = await runCli(['kpi', 'add', '--help'], shop);
    expect(help.code).toBe(0);
    for (const flag of ['--done COLUMN --promised COLUMN', '--start (or --opened) COLUMN --end (or --first-reply) COLUMN', '--score COLUMN', '--customer COLUMN', '--period month|week|quarter', '--date-format', '--copy']) {
      expect(help.out).toContain(flag);
    }
  });
});

describe('pledge kpi remove', () => {
  it('refuses a KPI a commitment uses (at the commitment), then removes it once the promise moved on', async () => {
    await placed();
    expect((await runCli(['kpi', 'add', '--file', 'content/data/repairs.csv', '--id', 'back_in_time'], shop)).code).toBe(0);
    const before = await kpisYaml();
    const refused = await runCli(['kpi', 'remove', 'on_time'], shop);
    expect([refused.code, refused.err]).toEqual([2, 'content/promise.yaml:15:10  Commitment "on-time" is measured by "on_time", so it cannot be removed. Give the commitment another KPI first (pledge draft), then remove this one.\n']);
    expect(await kpisYaml()).toBe(before);
    const promise = path.join(shop, 'content/promise.yaml');
    await writeFile(promise, (await readFile(promise, 'utf8')).replace('kpi: on_time', 'kpi: back_in_time'));
    expect(await runCli(['kpi', 'remove', 'on_time'], shop)).toEqual({ code: 0, out: 'Removed KPI "on_time" from content/kpis.yaml.\n', err: '' });
    expect(await kpisYaml()).toBe(`${before.slice(0, before.indexOf('  - id: on_time'))}${before.slice(before.indexOf('  - id: back_in_time'))}`);
  });
});

/** repairs.csv in the shop's content/data/, as a user who put it there; returns the shop. */
async function placed(): Promise<string> {
  await copyFile(REPAIRS, path.join(shop, 'content/data/repairs.csv'));
  return shop;
}
