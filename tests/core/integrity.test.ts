import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterAll(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

/** A copy of tests/fixtures/data-health with text appended to its files. */
function project(append: { promise?: string; kpis?: string }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-integrity-'));
  roots.push(root);
  cpSync(path.join(repo, 'tests/fixtures/data-health'), root, { recursive: true });
  for (const [key, file] of [['promise', 'promise.yaml'], ['kpis', 'kpis.yaml']] as const) {
    const full = path.join(root, 'content', file);
    if (append[key]) writeFileSync(full, `${readFileSync(full, 'utf8')}${append[key]}`);
  }
  return root;
}

async function pledge(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), ...args], { cwd: root, env: { ...process.env, CI: '1' } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

const secondKpi = (id: string, visibility = 'public') => `  - id: ${id}
    name: Orders
    formula: count
    source: data/orders.csv
    timestamp: promised_at
    better: higher
    visibility: ${visibility}
    method: Orders promised in the month.
`;
// The fixture's promise.yaml ends with call_to_action and feedback; these go on after them.
const commitment = (id: string, kpi: string) => `  - id: ${id}\n    kpi: ${kpi}\n    target: { comparison: ">=", value: 1 }\n    period: month\n`;

describe('input integrity (exit 2, both places named)', () => {
  it('rejects two commitments with one id', async () => {
    const root = project({});
    const file = path.join(root, 'content/promise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('call_to_action:', `${commitment('on-time', 'on_time')}call_to_action:`));
    const { code, stdout, stderr } = await pledge(root, 'check');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('content/promise.yaml:14:9  Two commitments have the id "on-time": here and at content/promise.yaml:10:9. '
      + 'Give each commitment its own id (notes and the published record name commitments by id).');
  });

  it('rejects two KPIs with one id, and two touchpoints with one id', async () => {
    const touchpoints = 'touchpoints:\n  - { id: door, name: Doorstep, stage: conversion, expected: On time }\n  - { id: door, name: Door, stage: loyalty, expected: Kind }\n';
    const { code, stderr } = await pledge(project({ kpis: secondKpi('on_time'), promise: touchpoints }), 'check');
    expect(code).toBe(2);
    expect(stderr).toContain('content/kpis.yaml:11:9  Two KPIs have the id "on_time": here and at content/kpis.yaml:2:9. Give each KPI its own id, and make each commitment and touchpoint name the one it means.');
    expect(stderr).toContain('content/promise.yaml:18:11  Two touchpoints have the id "door": here and at content/promise.yaml:17:11. Give each touchpoint its own id.');
  });

  it('rejects a data file described twice under sources', async () => {
    const sources = 'sources:\n  - file: data/orders.csv\n    date_format: DD/MM/YYYY\n  - file: ./data/orders.csv\n    key: order_id\n';
    const { code, stderr } = await pledge(project({ kpis: sources }), 'check');
    expect(code).toBe(2);
    expect(stderr).toContain('content/kpis.yaml:14:11  Two sources have the file "data/orders.csv": here and at content/kpis.yaml:12:11. '
      + 'Describe each data file once under sources (merge the two entries).');
  });

  it('rejects a commitment on a visibility: internal KPI, naming where the KPI is made internal', async () => {
    const root = project({ kpis: secondKpi('orders', 'internal') });
    const file = path.join(root, 'content/promise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('call_to_action:', `${commitment('volume', 'orders')}call_to_action:`));
    const { code, stderr } = await pledge(root, 'check');
    expect(code).toBe(2);
    expect(stderr).toContain('content/promise.yaml:15:10  Commitment "volume" is on KPI "orders", which is visibility: internal at content/kpis.yaml:17:17: '
      + "the page would publish the commitment's name, target and remedy but never its figures. "
      + 'Set visibility: public on the KPI if customers may see its figures, or take the commitment out of promise.yaml and track the target in an internal report.');
  });

  it('stops pledge build too, leaving the previous dist/ as it was', async () => {
    const root = project({ kpis: secondKpi('on_time') });
    mkdirSync(path.join(root, 'dist/public'), { recursive: true });
    writeFileSync(path.join(root, 'dist/public/index.html'), 'the previous build');
    const { code, stderr } = await pledge(root, 'build');
    expect(code).toBe(2);
    expect(stderr).toContain('Two KPIs have the id "on_time"');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(root, 'dist/public/index.html'), 'utf8')).toBe('the previous build');
  });
});
