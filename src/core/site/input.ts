import type { Finding } from '../check/finding.ts';
import type { Messages } from '../check/messages.ts';
import type { Statement } from '../compose/statement.ts';
import type { Evaluation } from '../kpi/types.ts';
import type { RecordFile } from '../record/record.ts';
import type { KpisFile } from '../schema/kpis.ts';
import type { PromiseDoc } from '../schema/promise.ts';
import type { RenderedReport } from './view-schemas.ts';
import type { SiteConfig, SiteImages } from './config.ts';

/** A public note on one period of one commitment, its markdown already rendered to safe HTML. */
export interface RenderedNote {
  commitment: string;
  period: string;
  html: string;
}

/** A report narrative already rendered to safe HTML (see src/core/report). */
export type { RenderedReport } from './view-schemas.ts';

/** Everything the sites are computed from. Only the internal site and dist/pledge.json see all of it. */
export interface SiteInput {
  promise: PromiseDoc;
  kpis: KpisFile;
  /** Null until the composer is available: the statement then falls back to promise.statement. */
  statement: Statement | null;
  evaluation: Evaluation;
  findings: Finding[];
  reports: RenderedReport[];
  /** ISO date-time of the build (SOURCE_DATE_EPOCH when set), so output is reproducible. */
  generatedAt: string;
  /** content/notes/*.md, rendered and sanitized: the company's public notes on periods. */
  notes?: RenderedNote[];
  /** content/record/*.json: what was published, so restated figures can be listed with what they replaced. */
  record?: RecordFile[];
  /** content/site.yaml; the defaults when absent. */
  siteConfig?: SiteConfig;
  /** The logo and favicon of site.yaml, as the build publishes them beside the pages. */
  siteImages?: SiteImages;
  /** The finding texts of the promise's language, to word skipped rows on the internal site; English without. */
  messages?: Messages;
}

/** The statement shown above the commitments: composed when available, else the hand-written one, else the benefit. */
export function statementText(input: Pick<SiteInput, 'promise' | 'statement'>): string {
  return input.statement?.lead ?? input.promise.statement ?? `${input.promise.company}: ${input.promise.benefit}.`;
}

/** A commitment's sentence: composed, hand-written, or empty (the page then shows the KPI name). */
export function commitmentText(input: Pick<SiteInput, 'promise' | 'statement'>, id: string): string | undefined {
  return input.statement?.commitments.find((c) => c.id === id)?.text
    ?? input.promise.commitments.find((c) => c.id === id)?.text;
}
