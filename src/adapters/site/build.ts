import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../core/check/finding.ts';
import type { Statement } from '../../core/compose/statement.ts';
import type { Evaluation } from '../../core/kpi/types.ts';
import { renderReport } from '../../core/report/render.ts';
import type { RenderedReport, SiteInput } from '../../core/site/input.ts';
import { internalSiteView } from '../../core/site/internal-view.ts';
import { publicSubset } from '../../core/site/public-subset.ts';
import { publicPageView } from '../../core/site/public-view.ts';
import { checkProject } from '../check-project.ts';
import { evaluateProject } from '../evaluate.ts';
import { displayPath } from '../files.ts';
import { contentPaths, loadProject, type Project } from '../project.ts';
import { linkNodeModules, startSiteBuilder } from './astro.ts';
import { fullJson, publicJson } from './pledge-json.ts';

export interface BuildOptions {
  /** The project folder (holding content/); dist/ is written inside it. */
  root: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Replaces the KPI engine; tests pass a fixture evaluation. */
  evaluate?: (project: Project) => Promise<Evaluation>;
  /** Called as each step starts, for progress output. */
  onStep?: (step: string) => void;
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
  const project = await timed('load', () => loadProject(root, options.cwd));
  const workDir = path.join(root, `.pledge-tmp-build-${process.pid}-${Date.now().toString(36)}`);
  const staged = path.join(workDir, 'dist');
  await linkNodeModules(workDir);
  // Started now so that loading Astro overlaps computing the KPIs.
  const builders = {
    public: startSiteBuilder('public', path.join(staged, 'public'), workDir),
    internal: startSiteBuilder('internal', path.join(staged, 'internal'), workDir),
  };
  try {
    const evaluation = await timed('evaluate', () => options.evaluate ? options.evaluate(project) : evaluateProject(project, options.cwd ? { cwd: options.cwd } : {}));
    const { statement, findings } = await timed('check', () => checkWithEvaluation(project, evaluation));
    if (findings.some(blocksBuild)) return { status: 'blocked', findings, distDir, timings };
    const reports = await timed('reports', () => renderReports(project, evaluation, options.cwd));
    const input: SiteInput = {
      promise: project.promise.doc,
      kpis: project.kpis?.doc ?? { kpis: [], sources: [] },
      statement, evaluation, findings, reports,
      generatedAt: buildDate(options.env ?? process.env),
    };
    const subset = publicSubset(input);
    await timed('sites', () => Promise.all([
      builders.public.build(publicPageView(subset)),
      builders.internal.build(internalSiteView(input)),
    ]));
    await writeFile(path.join(staged, 'pledge.json'), fullJson(input));
    await writeFile(path.join(staged, 'public', 'pledge.json'), publicJson(subset));
    await swapIn(staged, distDir, workDir);
    return { status: 'built', findings, distDir, timings };
  } finally {
    builders.public.stop();
    builders.internal.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Errors stop the build, except a broken promise: publishing that honestly is the point of the
 * page, and `pledge check` already exits 1 for it.
 */
export function blocksBuild(finding: Finding): boolean {
  return finding.severity === 'error' && finding.rule !== 'promise-broken';
}

/** The checker also composes the statement; the data-aware rules see this build's evaluation. */
function checkWithEvaluation(project: Project, evaluation: Evaluation): Promise<{ statement: Statement | null; findings: Finding[] }> {
  return checkProject(project, { evaluation });
}

async function renderReports(project: Project, evaluation: Evaluation, cwd?: string): Promise<RenderedReport[]> {
  const dir = contentPaths(project.root).reports;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort();
  const reports: RenderedReport[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const markdown = await readFile(file, 'utf8');
    reports.push(renderReport(markdown, slugOf(name), { file: displayPath(file, cwd), evaluation, language: project.promise.doc.language }));
  }
  return reports;
}

function slugOf(fileName: string): string {
  return fileName.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
}

/** SOURCE_DATE_EPOCH (seconds) when set, so two builds of the same inputs are byte-identical. */
export function buildDate(env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()).toISOString();
}

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
