// The report narratives as an Astro content collection, checked against the core's zod schema.
// Their markdown was rendered and sanitized by src/core/report (with the live KPI embeds) before the build.
import { defineCollection } from 'astro:content';
import view from 'virtual:pledge/view';
import { reportSchema } from '../../core/site/collections.ts';

const reports = defineCollection({
  loader: () => view.reports.map((report) => ({ id: report.slug, ...report })),
  schema: reportSchema,
});

export const collections = { reports };
