import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { serveSites } from '../../src/adapters/site/serve.ts';
import { FIXED_EPOCH, REPO } from '../site/helpers.ts';

/**
 * A new user who is not the example company: a bike repair shop, "your bike back within 48 hours, or
 * 20 % off the repair", with its own repairs.csv (tests/fixtures/bike-shop). No YAML is edited by hand:
 * `init --blank`, `kpi add` (the file copied in), `draft --answers`, `kpi remove` of the blank's KPI.
 * Shared by the in-checkout test (tests/cli/new-user.test.ts) and the packed one (tests/package).
 * September: 10 repairs, 9 back in time → 90 %; October: 8, 6 back in time → 75 % (the promise is broken).
 */
export const BIKE_SHOP = path.join(REPO, 'tests/fixtures/bike-shop');

export type Run = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) => Promise<{ code: number; out: string; err: string }>;

/** Runs the whole path in `parent` and returns the shop's folder; `afterInit` may set the project up (the packed test moves its install in). */
export async function bikeShopFlow(run: Run, parent: string, afterInit: (shop: string) => Promise<void> = async () => {}): Promise<string> {
  const init = await run(['init', 'spoke-and-chain', '--blank'], parent);
  expect([init.code, init.err]).toEqual([0, '']);
  const shop = path.join(parent, 'spoke-and-chain');
  await afterInit(shop);
  // The shop's export sits next to the project, as a download would.
  await copyFile(path.join(BIKE_SHOP, 'repairs.csv'), path.join(parent, 'repairs.csv'));

  const added = await run(['kpi', 'add', '--file', '../repairs.csv', '--copy', '--formula', 'on_time_rate', '--done', 'returned_at', '--promised', 'promised_at',
    '--id', 'back_in_time', '--label', 'Bikes back within 48 hours', '--min-sample', '5',
    '--method', 'Of the repairs promised in the month, the share returned by the promised time (48 hours after drop-off).'], shop);
  expect([added.code, added.err]).toEqual([0, 'Copied ../repairs.csv to content/data/repairs.csv.\n']);
  expect(added.out).toContain('From your data, the last 2 complete months:\n  2026-09          90%   n = 10\n  2026-10          75%   n = 8\n');

  await copyFile(path.join(BIKE_SHOP, 'answers.yaml'), path.join(shop, 'answers.yaml'));
  const drafted = await run(['draft', '--answers', 'answers.yaml'], shop);
  expect(drafted.err).toContain('Wrote content/promise.yaml (the previous version is in content/promise.yaml.bak).\n');
  const removed = await run(['kpi', 'remove', 'on_time'], shop);
  expect([removed.code, removed.out]).toEqual([0, 'Removed KPI "on_time" from content/kpis.yaml.\n']);
  // The blank project's sample data goes too: nothing of it is used any more.
  await rm(path.join(shop, 'content', 'data', 'orders.csv'));
  await rm(path.join(shop, 'answers.yaml'));
  return shop;
}

/** check (broken in October: exit 1), build, and the public page in Chromium: the shop's figures, nothing of any example. */
export async function checkBuildAndView(run: Run, shop: string): Promise<void> {
  const check = await run(['check'], shop);
  expect(check.out).toContain('Spoke & Chain Cycles');
  expect(check.out).toMatch(/Commitment "back-in-48-hours" was broken in 2026-10: back_in_time was 75(\.0)? ?%, against a promise of >= 90 ?%\./);
  expect(check.code).toBe(1);
  const build = await run(['build'], shop, { SOURCE_DATE_EPOCH: FIXED_EPOCH });
  expect(build.code).toBe(0);
  expect(build.err).toContain('promise-broken');

  const server = await serveSites({ '/': path.join(shop, 'dist', 'public') });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Spoke & Chain Cycles');
    expect(text).toContain('Bikes back within 48 hours');
    expect(text).toContain('20 % off the repair');
    expect(text).toContain('returned by the promised time (48 hours after drop-off)');
    expect(text).toMatch(/\b75(\.0)?\s?%/);
    expect(text).toMatch(/\b90(\.0)?\s?%/);
    expect(text).not.toMatch(/Kestrel|Leeds|cookware|Your Company|orders promised/i);
  } finally {
    await browser.close();
    await server.close();
  }
  const everything = await readdir(path.join(shop, 'dist', 'public'), { recursive: true });
  for (const file of everything.filter((name) => /\.(html|json)$/.test(name))) {
    const text = await readFile(path.join(shop, 'dist', 'public', file), 'utf8');
    expect(text).not.toContain('Kestrel');
    expect(text).not.toContain('Your Company');
  }
}
