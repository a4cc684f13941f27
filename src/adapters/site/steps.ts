// The heavy part of a build (checker, KPI engine, markdown, charts), loaded by build.ts only after
// it has started the site builders, so that their loading Astro overlaps this module's loading.
import path from 'node:path';
import type { Evaluation } from '../../core/kpi/types.ts';
import { renderReport, renderSafeMarkdown } from '../../core/report/render.ts';
import type { RenderedNote, RenderedReport } from '../../core/site/input.ts';
import { displayPath, readTextInput } from '../files.ts';
import { projectFiles } from '../project-path.ts';
import { contentPaths, type Project } from '../project.ts';

export { internalSiteView } from '../../core/site/internal-view.ts';
export { publicSubset } from '../../core/site/public-subset.ts';
export { publicPageView } from '../../core/site/public-view.ts';
export { checkProject } from '../check-project.ts';
export { evaluateProject } from '../evaluate.ts';
export { loadProject } from '../project.ts';
export { loadSiteConfig } from '../site-config.ts';
export { fullJson, publicJson } from './pledge-json.ts';

/** Every content/reports/*.md, in file-name order, rendered with its KPI embeds. */
export async function renderReports(project: Project, evaluation: Evaluation, cwd?: string): Promise<RenderedReport[]> {
  const dir = contentPaths(project.root).reports;
  const names = await projectFiles(project.root, dir, { extension: '.md', recursive: false, shown: (file) => displayPath(file, cwd) });
  const reports: RenderedReport[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const markdown = await readTextInput(file, cwd, project.root);
    reports.push(renderReport(markdown, slugOf(name), { file: displayPath(file, cwd), evaluation, language: project.promise.doc.language, commitments: project.promise.doc.commitments }));
  }
  return reports;
}

/** Every content/notes/*.md (already read and validated with the project), rendered to safe HTML. */
export function renderNotes(project: Project): RenderedNote[] {
  return project.notes.map((note) => ({ commitment: note.commitment, period: note.period, html: renderSafeMarkdown(note.markdown) }));
}

function slugOf(fileName: string): string {
  return fileName.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
}
