import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../core/check/finding.ts';
import type { Statement } from '../../core/compose/statement.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import type { SiteInput } from '../../core/site/input.ts';
import { onInterrupt, removeFolder } from '../interrupt.ts';
import type { Project } from '../project.ts';
import { buildDate } from '../build-date.ts';
import { linkNodeModules, SITE_KINDS, startSiteBuilder, type SiteKind } from './astro.ts';
import type { KeptSiteBuilder } from './kept-builder.ts';
import { embedFonts, prepareFonts } from './fonts.ts';
import { frameText } from '../pdf/page-frame.ts';

export interface BuildOptions {
  /** The project folder (holding content/); dist/ is written inside it. */
  root: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep file KPIs' states in the project's figure cache, .pledge-cache/ (see figure-cache.ts). */
  cache?: boolean;
  /** Replaces the KPI engine; tests pass a fixture evaluation. */
  evaluate?: (project: Project) => Promise<Evaluation>;
  /**
   * The site builder kept running between builds (`pledge dev`, see kept-builder.ts): the build
   * stages inside its folder and leaves it running. Without one, a build starts its own Astro process,
   * which exits after the build.
   */
  keptBuilder?: KeptSiteBuilder;
  /** Called as each step starts, for progress output. */
  onStep?: (step: string) => void;
  /**
   * Adds to the new dist/ before it is swapped in (`build --pdf` renders the PDFs here), so that
   * dist/ changes only once everything is complete. `workDir` is the build's temporary folder,
   * removed afterwards, for anything else the step needs (a browser profile).
   */
  beforeSwap?: (stagedDist: string, workDir: string) => Promise<void>;
}

export interface BuildResult {
  /** `blocked`: an error-level finding stopped the build and dist/ was left as it was. */
  status: 'built' | 'blocked';
  findings: Finding[];
  distDir: string;
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

/**
 * `pledge build`: check, compute, and build both sites into a temporary folder, then swap it in
 * for dist/. Anything that fails before the swap leaves the previous dist/ untouched.
 */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    options.onStep?.(step);
    const started = performance.now();
    try { return await work(); } finally { timings[step] = Math.round(performance.now() - started); }
  };
  const root = path.resolve(options.root);
  const distDir = path.join(root, 'dist');
  const loadSteps = () => import('./steps.ts');
  // Without a content/ folder there is nothing to build: let loading the project say so.
  if (!(await stat(path.join(root, 'content')).then((info) => info.isDirectory(), () => false))) {
    await (await loadSteps()).loadProject(root, options.cwd);
  }
  await removeAbandonedBuilds(root);
  const kept = options.keptBuilder;
  const buildName = `${TMP_PREFIX}${process.pid}-${Date.now().toString(36)}`;
  const workDir = kept ? path.join(kept.workDir, buildName) : path.join(root, buildName);
  const staged = path.join(workDir, 'dist');
  // Killed half-way (Ctrl-C, `kill`), the build removes its temporary folder; dist/ was never touched.
  const forgetWorkDir = onInterrupt(removeFolder(workDir));
  if (kept) await mkdir(workDir, { recursive: true });
  else await linkNodeModules(workDir);
  // Started first, so that loading Astro and compiling the pages overlap loading pledge's own modules
  // and computing the KPIs. One Astro build for both sites: each Vite start-up costs about as much as
  // building a site (measured: 1.0-1.5 s each), and the pages wait for their data only when they load it.
  // Under `pledge dev` the same build, run by the Astro process kept warm between builds.
  const builtSites = path.join(workDir, 'sites');
  const builder = kept ? kept.build(workDir, builtSites) : startSiteBuilder(workDir, builtSites);
  const forgetBuilder = onInterrupt(() => void builder.stop());
  try {
    const steps = await timed('modules', loadSteps);
    const [project, site] = await timed('load', () => Promise.all([steps.loadProject(root, options.cwd), steps.loadSiteConfig(root, options.cwd)]));
    // Files named in the outputs (skipped rows) are relative to the project, so that where it is
    // checked out and where pledge runs from change no byte of dist/.
    const evaluation = await timed('evaluate', () => options.evaluate ? options.evaluate(project) : steps.evaluateProject(project, { cwd: root, cache: options.cache ? steps.FigureCache.of(root, options.env) : undefined }));
    const generatedAt = buildDate(options.env ?? process.env);
    const { statement, findings } = await timed('check', () => steps.checkProject(project, { evaluation, cwd: root, asOf: generatedAt }));
    if (findings.some(blocksBuild)) return { status: 'blocked', findings, distDir, timings };
    const reports = await timed('reports', () => steps.renderReports(project, evaluation, options.cwd));
    const input: SiteInput = {
      promise: project.promise.doc,
      kpis: project.kpis?.doc ?? { kpis: [], sources: [] },
      statement: statement && withProjectPaths(statement, (file) => projectPath(file, root, options.cwd)),
      evaluation, findings: findings.map((finding) => ({ ...finding, file: projectPath(finding.file, root, options.cwd) })), reports,
      notes: steps.renderNotes(project),
      record: project.record.map((r) => r.doc),
      generatedAt,
      siteConfig: site.config,
      siteImages: site.images,
      messages: (await steps.loadMessages([project.promise.doc.language]))[project.promise.doc.language],
    };
    const subset = steps.publicSubset(input);
    const siteFacts = { config: site.config, images: site.images };
    await timed('views', async () => builder.provide({ public: steps.publicPageView(subset, siteFacts), internal: steps.internalSiteView(input) }));
    // While Astro renders the pages.
    prepareFonts();
    const [full, open] = await timed('pledge-json', async () => [steps.fullJson(input), steps.publicJson(subset)]);
    Object.assign(timings, await timed('sites', () => builder.done));
    await timed('fonts', async () => {
      await mkdir(staged);
      for (const kind of await siteFolders(builtSites)) await rename(path.join(builtSites, kind), path.join(staged, kind));
      await Promise.all(SITE_KINDS.map((kind) => embedFonts(path.join(staged, kind), kept?.fontStore, frameText(project.promise.doc.language))));
    });
    // The logo and favicon beside the pages that link them (the internal pages link only the favicon).
    await Promise.all(SITE_KINDS.flatMap((kind) => site.files.filter((file) => kind === 'public' || file.role === 'favicon')
      .map((file) => writeFile(path.join(staged, kind, file.name), file.bytes))));
    await writeFile(path.join(staged, 'pledge.json'), full);
    await writeFile(path.join(staged, 'public', 'pledge.json'), open);
    const beforeSwap = options.beforeSwap;
    if (beforeSwap) await timed('pdf', () => beforeSwap(staged, workDir));
    await swapIn(staged, distDir, workDir);
    const cpu = process.cpuUsage();
    timings['main-cpu'] = Math.round((cpu.user + cpu.system) / 1000);
    return { status: 'built', findings, distDir, timings };
  } finally {
    // Waited for: a kept builder's stopped build writes into workDir until it has answered.
    await builder.stop();
    forgetBuilder();
    await rm(workDir, { recursive: true, force: true });
    forgetWorkDir();
  }
}

/**
 * A file as the outputs name it: relative to the project, not to where pledge ran, so that the
 * checkout's place and the working directory change no byte of dist/.
 */
function projectPath(file: string, root: string, cwd = process.cwd()): string {
  const relative = path.relative(root, path.resolve(cwd, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function withProjectPaths(statement: Statement, rebase: (file: string) => string): Statement {
  return { ...statement, parts: statement.parts.map((part) => (part.template ? { ...part, template: rebase(part.template) } : part)) };
}

/**
 * The folders the one Astro build wrote: one per site, nothing else. A file beside them (an asset
 * Astro emitted for pages of both sites) would belong to neither site, and could carry internal
 * content into the public one if it were shared; so it stops the build rather than being guessed at.
 */
async function siteFolders(builtSites: string): Promise<SiteKind[]> {
  const names = (await readdir(builtSites)).sort();
  const unexpected = names.filter((name) => !(SITE_KINDS as readonly string[]).includes(name));
  if (unexpected.length || names.length !== SITE_KINDS.length) {
    throw new Error(`The site build wrote ${names.join(', ')}; expected exactly ${SITE_KINDS.join(' and ')}.`);
  }
  return names as SiteKind[];
}

export const TMP_PREFIX = '.pledge-tmp-build-';

/**
 * Temporary folders of earlier builds that were killed outright (SIGKILL, a power cut) and could
 * not clean up. One whose process is still alive is a build running now (`pledge dev`) and is kept.
 */
async function removeAbandonedBuilds(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(TMP_PREFIX) && !isRunning(pidOf(name)))
    .map((name) => rm(path.join(root, name), { recursive: true, force: true })));
}

function pidOf(name: string): number {
  return Number(/^(\d+)-/.exec(name.slice(TMP_PREFIX.length))?.[1]);
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Errors stop the build, except a broken promise: publishing that honestly is the point of the
 * page, and `pledge check` already exits 1 for it.
 */
export function blocksBuild(finding: Finding): boolean {
  return finding.severity === 'error' && finding.rule !== 'promise-broken';
}

export { buildDate } from '../build-date.ts';

/** Two renames on one file system: dist/ is either the old build or the new one, never half of each. */
async function swapIn(staged: string, distDir: string, workDir: string): Promise<void> {
  const old = path.join(workDir, 'previous-dist');
  await mkdir(path.dirname(distDir), { recursive: true });
  const hadDist = await rename(distDir, old).then(() => true, (error: { code?: string }) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  try {
    await rename(staged, distDir);
  } catch (error) {
    if (hadDist) await rename(old, distDir);
    throw error;
  }
}
