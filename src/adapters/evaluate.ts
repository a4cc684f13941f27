import type { Evaluation } from '../core/kpi/types.ts';
import type { Project } from './project.ts';

export interface EvaluateOptions {
  /** Any bad row is an input error (exit 2) instead of being skipped and reported. */
  strict?: boolean;
  /** Called with rows read so far, for progress bars. */
  onProgress?: (rowsRead: number, file: string) => void;
}

// Placeholder with the final signature, so the checker, sites and PDFs can be written against it;
// the KPI engine issue replaces the body.
export async function evaluateProject(project: Project, _options: EvaluateOptions = {}): Promise<Evaluation> {
  void project;
  return { dataDate: null, kpis: [], commitments: [] };
}
