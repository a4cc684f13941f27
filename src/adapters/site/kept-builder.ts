import { rmSync } from 'node:fs';
import path from 'node:path';
import { onInterrupt } from '../interrupt.ts';
import { linkNodeModules, startSiteBuilder, type SiteBuilder } from './astro.ts';

/**
 * A site builder kept running between builds (`pledge dev`): Astro stays loaded and warm, so a rebuild
 * after a save skips starting a process and loading Astro. Its folder is named as a temporary build
 * folder of this process (see build.ts), so a concurrent `pledge build` leaves it alone and a later one
 * removes it if this process was killed outright.
 */
export class KeptSiteBuilder {
  /** The builder's working folder; each build stages inside it. */
  readonly workDir: string;
  private current: SiteBuilder;
  private readonly forget: () => void;

  private constructor(workDir: string) {
    this.workDir = workDir;
    this.current = startSiteBuilder(workDir);
    this.forget = onInterrupt(() => this.stop());
  }

  /** `tmpPrefix`: build.ts's prefix for temporary build folders. */
  static async start(root: string, tmpPrefix: string): Promise<KeptSiteBuilder> {
    const workDir = path.join(path.resolve(root), `${tmpPrefix}${process.pid}-dev`);
    rmSync(workDir, { recursive: true, force: true });
    await linkNodeModules(workDir);
    return new KeptSiteBuilder(workDir);
  }

  get builder(): SiteBuilder {
    return this.current;
  }

  /** A fresh builder in the same folder, after a build failed in a way that may have left this one broken. */
  restart(): void {
    this.current.stop();
    this.current = startSiteBuilder(this.workDir);
  }

  /** Stops the builder and removes its folder. */
  close(): void {
    this.forget();
    this.stop();
  }

  private stop(): void {
    this.current.stop();
    rmSync(this.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
