import { rmSync } from 'node:fs';
import path from 'node:path';
import { onInterrupt } from '../interrupt.ts';
import { linkNodeModules, SiteWorker, type SiteBuilder } from './astro.ts';

/**
 * The site builder kept running between builds (`pledge dev`): one Astro process, as `pledge build`
 * uses, that stays loaded and warm, so a rebuild after a save starts no process and loads no Astro.
 * Its first build is the one build of both sites that `pledge build` runs; later ones only render the
 * pages again from the bundle it kept, with the new views (warm-render.mjs), and write the same files.
 * Each build runs in its own folder inside this one, with fresh views (each site's view only to its
 * own pages, see view-plugin.mjs). The
 * folder is named as a temporary build folder of this process (see build.ts), so a concurrent
 * `pledge build` leaves it alone and a later one removes it if this process was killed outright.
 */
export class KeptSiteBuilder {
  /** The folder every build of this session stages in: the worker's working directory. */
  readonly workDir: string;
  /** Where the font files are copied once, to be linked into each build (see embedFonts). */
  readonly fontStore: string;
  private worker: SiteWorker;
  private readonly forget: () => void;

  private constructor(workDir: string) {
    this.workDir = workDir;
    this.fontStore = path.join(workDir, 'fonts');
    this.worker = new SiteWorker(workDir, true);
    this.forget = onInterrupt(() => this.stop());
  }

  /** `tmpPrefix`: build.ts's prefix for temporary build folders. */
  static async start(root: string, tmpPrefix: string): Promise<KeptSiteBuilder> {
    const workDir = path.join(path.resolve(root), `${tmpPrefix}${process.pid}-dev`);
    rmSync(workDir, { recursive: true, force: true });
    await linkNodeModules(workDir);
    return new KeptSiteBuilder(workDir);
  }

  /** One build of both sites by the warm worker; `workDir` must be inside this builder's folder. */
  build(workDir: string, outDir: string): SiteBuilder {
    return this.worker.build(workDir, outDir);
  }

  /** A fresh worker, after a build failed in a way that may have left the old one broken. */
  restart(): void {
    this.worker.kill();
    this.worker = new SiteWorker(this.workDir, true);
  }

  /** Stops the worker and removes its folder. */
  close(): void {
    this.forget();
    this.stop();
  }

  private stop(): void {
    this.worker.kill();
    rmSync(this.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
