import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEditorSideFile, watchAndRebuild } from '../../src/adapters/site/watch.ts';
import { removeDir } from './helpers.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, up to a few seconds (the machine may be busy). */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 10_000) throw new Error('timed out');
    await pause(10);
  }
}

let saves = 0;

/** An editor's "safe write" (as sed -i does it): the new text into a new file beside it, then renamed over it. */
async function atomicSave(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${++saves}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, file);
}

describe('pledge dev watches content/', () => {
  let dir: string;
  let close = () => undefined as void;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pledge-watch-'));
    await mkdir(path.join(dir, 'reports'));
    await writeFile(path.join(dir, 'reports', 'a.md'), 'one');
  });
  afterEach(async () => {
    close();
    await removeDir(dir);
  });

  it('sees every save, also after a save that renamed a new file over the old one, in a folder and in one made later', async () => {
    let runs = 0;
    ({ close } = watchAndRebuild(dir, async () => { runs += 1; }));
    const saved = async (save: () => Promise<void>) => {
      // As between an editor's saves: a watcher that set itself up, or lost the file, has done so by then.
      await pause(300);
      const before = runs;
      await save();
      await until(() => runs > before);
    };
    const file = path.join(dir, 'reports', 'a.md');
    // Written in place after being replaced: a watcher of the old file sees nothing.
    await saved(() => atomicSave(file, 'renamed over'));
    await saved(() => writeFile(file, 'in place'));
    await saved(() => atomicSave(file, 'renamed over again'));
    await saved(() => writeFile(file, 'in place again'));
    await saved(() => mkdir(path.join(dir, 'notes')));
    await saved(() => writeFile(path.join(dir, 'notes', 'b.md'), 'new'));
    await saved(() => atomicSave(path.join(dir, 'notes', 'b.md'), 'renamed over'));
    await saved(() => writeFile(path.join(dir, 'notes', 'b.md'), 'in place'));
    // A folder replaced by another of the same name (a script swapping in a new export, `rm -r && mv`):
    // the old folder's watcher hears nothing more, so the new one must be watched in its place. All at
    // once, as another process does it: the watcher looks only once the folder is back under its name.
    await saved(async () => {
      mkdirSync(path.join(dir, 'new-reports'));
      writeFileSync(path.join(dir, 'new-reports', 'a.md'), 'swapped in');
      rmSync(path.join(dir, 'reports'), { recursive: true });
      renameSync(path.join(dir, 'new-reports'), path.join(dir, 'reports'));
    });
    await saved(() => writeFile(file, 'in the folder swapped in'));
    await saved(() => atomicSave(file, 'renamed over in the folder swapped in'));
  });

  it('makes one run of the writes of one save, and exactly one more of the saves during a run, which it tells is superseded', async () => {
    let started = 0;
    const releases: Array<() => void> = [];
    const superseded: boolean[] = [];
    // A longer quiet time than pledge dev's, so that a busy machine cannot split the writes of one save.
    ({ close } = watchAndRebuild(dir, async (isSuperseded) => {
      started += 1;
      await new Promise<void>((resolve) => releases.push(resolve));
      superseded.push(isSuperseded());
    }, 200));
    const file = path.join(dir, 'reports', 'a.md');
    await writeFile(file, '');
    await writeFile(file, 'half');
    await writeFile(file, 'whole');
    await until(() => started === 1);
    // Two saves while the first run is still going.
    await writeFile(file, 'second');
    await atomicSave(file, 'third');
    await pause(400);
    expect(started).toBe(1);
    releases[0]?.();
    await until(() => started === 2);
    releases[1]?.();
    await until(() => superseded.length === 2);
    await pause(400);
    expect(started).toBe(2);
    expect(superseded).toEqual([true, false]);
  });

  it("starts no run for an editor's side files (vim swap and probe files, backups, emacs locks), and does for the file saved", async () => {
    let runs = 0;
    ({ close } = watchAndRebuild(dir, async () => { runs += 1; }));
    await pause(300);
    for (const name of ['.a.md.swp', '.a.md.swx', '4913', 'a.md~', '.#a.md', '#a.md#']) {
      await writeFile(path.join(dir, 'reports', name), 'typing');
      rmSync(path.join(dir, 'reports', name));
    }
    await pause(400);
    expect(runs).toBe(0);
    await writeFile(path.join(dir, 'reports', 'a.md'), 'saved');
    await until(() => runs === 1);
  });

  it('tells side files from content by name only', () => {
    expect(['.promise.yaml.swp', 'reports/.q3.md.swo', '4913', 'kpis.yaml~', '.#promise.yaml', '#notes.md#'].map(isEditorSideFile)).toEqual([true, true, true, true, true, true]);
    expect(['promise.yaml', 'data/orders.csv', '.a.md.1.tmp', 'swp', 'a.swp.md', '49130', null, undefined].map(isEditorSideFile)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
