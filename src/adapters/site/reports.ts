import path from 'node:path';
import type { Evaluation } from '../../core/kpi/types.ts';
import type { EmbedContext } from '../../core/report/directives.ts';
import type { RenderedReport } from '../../core/site/input.ts';
import { displayPath, readTextInput } from '../files.ts';
import { projectFiles } from '../project-path.ts';
import { contentPaths, type Project } from '../project.ts';

/** Every content/reports/*.md, in file-name order, rendered with its KPI embeds (a bad embed throws its located InputError). */
export async function renderReports(project: Project, evaluation: Evaluation, cwd?: string): Promise<RenderedReport[]> {
  const { renderReport } = await import('../../core/report/render.ts');
  return forEachReport(project, evaluation, cwd, renderReport);
}

/**
 * Throws what renderReports would throw, without building the HTML or charts: `pledge check` runs
 * this so that a report that checks clean also builds.
 */
export async function validateReports(project: Project, evaluation: Evaluation, cwd?: string): Promise<void> {
  // Only the directives: neither the HTML pipeline nor the charts' modules load for a check.
  const { validateReport } = await import('../../core/report/directives.ts');
  await forEachReport(project, evaluation, cwd, validateReport);
}

/** Runs `each` on every report, in file-name order, with its markdown, slug and embed context. */
async function forEachReport<T>(project: Project, evaluation: Evaluation, cwd: string | undefined,
  each: (markdown: string, slug: string, context: EmbedContext) => T): Promise<T[]> {
  const dir = contentPaths(project.root).reports;
  const names = await projectFiles(project.root, dir, { extension: '.md', recursive: false, shown: (file) => displayPath(file, cwd) });
  const results: T[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const markdown = await readTextInput(file, cwd, project.root);
    results.push(each(markdown, slugOf(name), { file: displayPath(file, cwd), evaluation, language: project.promise.doc.language, commitments: project.promise.doc.commitments }));
  }
  return results;
}

function slugOf(fileName: string): string {
  return fileName.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
}
