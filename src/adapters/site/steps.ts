// The heavy part of a build (checker, KPI engine, markdown, charts), loaded by build.ts only after
// it has started the site builders, so that their loading Astro overlaps this module's loading.
import { renderSafeMarkdown } from '../../core/report/render.ts';
import type { RenderedNote } from '../../core/site/input.ts';
import type { Project } from '../project.ts';

export { internalSiteView } from '../../core/site/internal-view.ts';
export { publicSubset } from '../../core/site/public-subset.ts';
export { publicPageView } from '../../core/site/public-view.ts';
export { checkProject, loadMessages } from '../check-project.ts';
export { evaluateProject } from '../evaluate.ts';
export { FigureCache } from '../figure-cache.ts';
export { loadProject } from '../project.ts';
export { loadSiteConfig } from '../site-config.ts';
export { fullJson, publicJson } from './pledge-json.ts';
export { renderReports } from './reports.ts';

/** Every content/notes/*.md (already read and validated with the project), rendered to safe HTML. */
export function renderNotes(project: Project): RenderedNote[] {
  return project.notes.map((note) => ({ commitment: note.commitment, period: note.period, html: renderSafeMarkdown(note.markdown) }));
}
