import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExample, editFile, removeDir, REPO } from '../site/helpers.ts';

interface Run { code: number; stdout: string; stderr: string }

function pledge(cwd: string, ...args: string[]): Promise<Run> {
  return pledgeWith({}, cwd, ...args);
}

function pledgeWith(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO, 'bin/pledge.mjs'), ...args], { cwd, env: { ...process.env, CI: '1', PLEDGE_DEBUG: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/**
 * Rewrites March 2026 in orders.csv: the first `count` orders promised in March and delivered on time
 * are made two days late. The example's March is 182 of 189 on time (96.3 %); ten fewer is 172 of 189.
 */
async function rewriteMarch(root: string, count: number): Promise<void> {
  await editFile(path.join(root, 'content/data/orders.csv'), (text) => {
    let left = count;
    return text.split('\n').map((line) => {
      const cells = line.split(',');
      const [promised, delivered] = [cells[4] ?? '', cells[5] ?? ''];
      if (left === 0 || !promised.startsWith('2026-03') || !(Date.parse(delivered) <= Date.parse(promised))) return line;
      left -= 1;
      cells[5] = new Date(Date.parse(promised) + 2 * 86_400_000).toISOString().replace('.000', '');
      return cells.join(',');
    }).join('\n');
  });
}

const RECORD = 'content/record/on-time-delivery.json';
const MARCH_CHANGED = 'content/record/on-time-delivery.json:16:5  error    record-changed  Commitment "on-time-delivery" was published for 2026-03 as 96.3% (n 189, target >= 95%, kept); the data now gives 91.0% (n 189, target >= 95%, broken).';
const RESTATEMENT = 'restatements:\n  - commitment: on-time-delivery\n    period: 2026-03\n    note: Our carrier re-sent its March scans; ten parcels we had counted on time were late.\n';

describe('the published record (content/record/)', () => {
  let root: string;
  beforeEach(async () => { root = await copyExample(); });
  afterEach(async () => { await removeDir(root); });

  it('matches the example as shipped: check finds nothing, and record has nothing to add', async () => {
    // Built the day after the example's data ends, so data-stale does not depend on today's date. The example's
    // October has two commitments whose 95 % interval takes in the target (190 and 125 rows): those two
    // sample-too-small warnings are expected; nothing about the record, the notes or the targets.
    const check = await pledgeWith({ SOURCE_DATE_EPOCH: String(Date.parse('2026-11-05T00:00:00Z') / 1000) }, root, 'check');
    const findings = [...check.stdout.matchAll(/^content\/\S+ {2}(?:error|warning|info) +(\S+) {2}Commitment "([^"]+)"/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(findings).toEqual(['sample-too-small on-time-delivery', 'sample-too-small happy-cooks']);
    expect(check.stdout).toMatch(/\n0 errors, 2 warnings, 0 info\n$/);
    expect(check.code).toBe(0);
    const record = await pledge(root, 'record');
    expect(record.stdout).toBe([
      'content/record/on-time-delivery.json: up to date.', 'content/record/quick-replies.json: up to date.', 'content/record/happy-cooks.json: up to date.', '',
    ].join('\n'));
  }, 60_000);

  it('finds a rewritten closed month, blocks the build and refuses to record, until it is restated', async () => {
    const before = await readFile(path.join(root, RECORD), 'utf8');
    await rewriteMarch(root, 10);
    const check = await pledge(root, 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${MARCH_CHANGED}\n    A published figure is not rewritten silently. If the new one is right, add to promise.yaml restatements: [{ commitment: on-time-delivery, period: 2026-03, note: "what was corrected and why" }] and run \`pledge record\`; the page lists it. Otherwise restore the data, or record a target change as a history entry.`);
    expect(check.stdout.match(/record-changed/g)).toHaveLength(1);

    const record = await pledge(root, 'record');
    expect(record.code).toBe(1);
    expect(record.stderr).toContain(MARCH_CHANGED);
    expect(record.stderr).toContain('Nothing was written');
    expect(await readFile(path.join(root, RECORD), 'utf8')).toBe(before);

    const build = await pledge(root, 'build');
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toContain('record-changed');

    await editFile(path.join(root, 'content/promise.yaml'), (text) => text.replace('call_to_action:', `${RESTATEMENT}call_to_action:`));
    const restated = await pledge(root, 'check');
    expect(restated.stdout).not.toContain('record-changed');
    expect((await pledge(root, 'record')).stdout).toContain('content/record/on-time-delivery.json: 2026-03 restated.');
    const after = (await readFile(path.join(root, RECORD), 'utf8')).split('\n');
    const march = JSON.parse((after[15] ?? '').replace(/,$/, '')) as Record<string, unknown>;
    expect(march).toMatchObject({ period: '2026-03', value: 172 / 189 * 100, n: 189, status: 'broken' });
    expect(march.restated).toMatchObject([{ value: 182 / 189 * 100, n: 189, status: 'kept', note: 'Our carrier re-sent its March scans; ten parcels we had counted on time were late.' }]);
    // Only that line changed: the rest of the record is as it was published.
    expect(after.filter((line, i) => line !== before.split('\n')[i])).toEqual([after[15]]);
  }, 180_000);

  it('finds a target edited in place, without a history entry', async () => {
    await editFile(path.join(root, 'content/promise.yaml'), (text) => text.replace('target: { comparison: ">=", value: 85, unit: "%" }', 'target: { comparison: ">=", value: 80, unit: "%" }'));
    const check = await pledge(root, 'check');
    expect(check.code).toBe(1);
    // Every month of the first CSAT version, May 2025 to March 2026: eleven findings, the first one:
    expect(check.stdout.match(/ record-changed /g)).toHaveLength(11);
    expect(check.stdout).toContain('content/record/happy-cooks.json:6:5  error    record-changed  Commitment "happy-cooks" was published for 2025-05 as 94.4% (n 125, target >= 85%, kept); the data now gives 94.4% (n 125, target >= 80%, kept).');
  }, 60_000);

  it('refuses a record file that does not parse, at its line, exit 2, and writes nothing', async () => {
    const broken = '{\n  "format": "pledge-record/1",\n  "commitment": "quick-replies",\n  "kpi": "first_response_time",\n  "periods": [{ "period": "March", "value": 1, "n": 1 }]\n}\n';
    await writeFile(path.join(root, 'content/record/quick-replies.json'), broken);
    const record = await pledge(root, 'record');
    expect(record.code).toBe(2);
    expect(record.stderr.split('\n')).toContain('content/record/quick-replies.json:5:27  periods[0].period: this is not a period. Write a month as 2026-03, a quarter as 2026-Q1 or an ISO week as 2026-W07.');
    expect(record.stderr.split('\n')).toContain('content/record/quick-replies.json:5:15  periods[0].target: this is required but missing. Add a mapping (key: value).');
    expect(record.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await readFile(path.join(root, 'content/record/quick-replies.json'), 'utf8')).toBe(broken);
  }, 60_000);
});
