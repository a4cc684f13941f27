import { pledgeJsonSchema, publicPledgeSchema, type PledgeJson } from '../../core/schema/pledge-json.ts';
import { withoutRowTexts } from '../../core/kpi/row-reasons.ts';
import type { SiteInput } from '../../core/site/input.ts';
import { statementText } from '../../core/site/input.ts';
import type { PublicSubset } from '../../core/site/public-subset.ts';

/**
 * dist/pledge.json: everything, for the team and their tools. It sits outside dist/public.
 * Parsed through its schema on the way out, so the file always matches schemas/pledge.schema.json.
 */
export function fullJson(input: SiteInput): string {
  return serialize(pledgeJsonSchema.parse(fullDocument(input)));
}

/** dist/public/pledge.json: the public subset only, the open-data twin of the commitment page. */
export function publicJson(subset: PublicSubset): string {
  return serialize(publicPledgeSchema.parse(subset));
}

function fullDocument(input: SiteInput): PledgeJson {
  const latest = input.evaluation.commitments.map((c) => c.latest?.period).filter((p) => p !== undefined).sort().at(-1) ?? null;
  return {
    format: 'pledge/1',
    generatedAt: input.generatedAt,
    company: input.promise.company,
    language: input.promise.language,
    period: latest,
    dataDate: input.evaluation.dataDate,
    statement: input.statement ?? { text: statementText(input), lead: statementText(input), parts: [], commitments: [] },
    findings: input.findings,
    promise: input.promise,
    commitments: input.evaluation.commitments,
    kpis: input.evaluation.kpis.map((result) => ({
      id: result.kpi.id,
      name: result.kpi.name,
      visibility: result.kpi.visibility,
      formula: result.formula,
      unit: result.kpi.unit,
      period: result.period,
      rowsRead: result.rowsRead,
      rowsUsed: result.rowsUsed,
      badRows: withoutRowTexts(result.badRows),
      dataDate: result.dataDate ?? null,
      buckets: result.buckets,
      segments: result.segments,
    })),
    reports: input.reports.map((r) => ({ slug: r.slug, title: r.title, period: r.period })),
  };
}

function serialize(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
