import { rmSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { onInterrupt } from '../interrupt.ts';
import { linkNodeModules, startSiteBuilder, type SiteBuilder, type SiteKind } from './astro.ts';

const KINDS: readonly SiteKind[] = ['public', 'internal'];

/**
 * Site builders kept running between builds (`pledge dev`), one per site: Astro stays loaded and warm,
 * so a rebuild after a save skips starting processes and loading Astro, and the two sites build side
 * by side (a cold build runs them in one process, where a second process loading Astro would cost more
 * than it saves; kept, that cost is paid once). Each builder works in its own folder (Astro places its
 * prerender files by the working directory) and its output is renamed into place. The folder is named
 * as a temporary build folder of this process (see build.ts), so a concurrent `pledge build` leaves it
 * alone and a later one removes it if this process was killed outright.
 */
export class KeptSiteBuilder implements SiteBuilder {
  /** The folder every build of this session stages in. */
  readonly workDir: string;
  private readonly builders = new Map<SiteKind, SiteBuilder>();
  private readonly forget: () => void;
  private outputs = 0;

  private constructor(workDir: string) {
    this.workDir = workDir;
    for (const kind of KINDS) this.builders.set(kind, startSiteBuilder(this.folderOf(kind)));
    this.forget = onInterrupt(() => this.stop());
  }

  /** `tmpPrefix`: build.ts's prefix for temporary build folders. */
  static async start(root: string, tmpPrefix: string): Promise<KeptSiteBuilder> {
    const workDir = path.join(path.resolve(root), `${tmpPrefix}${process.pid}-dev`);
    rmSync(workDir, { recursive: true, force: true });
    await linkNodeModules(workDir);
    await Promise.all(KINDS.map((kind) => mkdir(path.join(workDir, `${kind}-builder`))));
    return new KeptSiteBuilder(workDir);
  }

  /** Builds one site with its warm builder into `outDir`, which must be on the same file system. */
  async build(kind: SiteKind, view: unknown, outDir: string): Promise<void> {
    const builder = this.builders.get(kind);
    if (!builder) throw new Error(`No builder for the ${kind} site.`);
    const output = path.join(this.folderOf(kind), `out-${++this.outputs}`);
    await builder.build(kind, view, output);
    await mkdir(path.dirname(outDir), { recursive: true });
    await rename(output, outDir);
  }

  /** Fresh builders, after a build failed in a way that may have left one broken. */
  restart(): void {
    for (const kind of KINDS) {
      this.builders.get(kind)?.stop();
      this.builders.set(kind, startSiteBuilder(this.folderOf(kind)));
    }
  }

  /** Stops the builders and removes their folder. */
  close(): void {
    this.forget();
    this.stop();
  }

  stop(): void {
    for (const builder of this.builders.values()) builder.stop();
    rmSync(this.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }

  private folderOf(kind: SiteKind): string {
    return path.join(this.workDir, `${kind}-builder`);
  }
}
