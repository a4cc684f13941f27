import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { removeDir } from '../site/helpers.ts';
import { runCli } from '../wizard/cli.ts';
import { bikeShopFlow, checkBuildAndView } from './bike-shop.ts';

/** The bike shop's path from the checkout's sources, without packing (tests/package runs it packed). */
let work: string | undefined;
afterAll(async () => { if (work) await removeDir(work); });

describe('a new user: a repair shop, end to end, without editing YAML', () => {
  it('init --blank, kpi add, draft --answers, kpi remove, check, build: the public page shows the shop\'s own figures', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pledge-new-user-'));
    const shop = await bikeShopFlow(runCli, work);
    await checkBuildAndView(runCli, shop);
  }, 300_000);
});
