import { z } from 'zod';
import { findingSchema } from './pledge-json.ts';

/** An input error as machine formats carry it: where, what is wrong, how to fix it. */
export const inputErrorRecordSchema = z.strictObject({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  hint: z.string(),
});
export type InputErrorRecord = z.infer<typeof inputErrorRecordSchema>;

/** `pledge check --format json`: the input errors that stopped the check (then no findings), or the findings. */
export const checkReportSchema = z.strictObject({
  errors: z.array(inputErrorRecordSchema),
  findings: z.array(findingSchema),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
