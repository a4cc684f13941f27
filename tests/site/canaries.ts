import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendCsv, editFile, forgetRecord } from './helpers.ts';

/** Values planted in every internal place; none may appear anywhere under dist/public. */
export const CANARIES = [
  'CANARY-INTERNAL-KPI-NAME', 'CANARY-INTERNAL-METHOD', 'CANARY-PUBLIC-TARGET-ONLY-INTERNAL-UNIT', '97.37',
  'canary-email@leak.example', 'CANARY-AGENT-NAME', 'CANARY-COMMENT-TEXT', 'CANARY-REPORT-NARRATIVE', 'CANARY-CUSTOMER-ID',
];

export async function plantCanaries(root: string): Promise<void> {
  await editFile(path.join(root, 'content', 'kpis.yaml'), (text) => text
    .replace('name: Net Promoter Score', 'name: CANARY-INTERNAL-KPI-NAME')
    .replace('method: Promoters (9-10)', 'method: CANARY-INTERNAL-METHOD Promoters (9-10)'));
  await editFile(path.join(root, 'content', 'promise.yaml'), (text) => text
    .replace('internal_target: { comparison: ">=", value: 97, unit: "%" }',
      'internal_target: { comparison: ">=", value: 97.37, unit: "CANARY-PUBLIC-TARGET-ONLY-INTERNAL-UNIT" }')
    // An earlier version's internal target is internal too.
    .replace('internal_target: { comparison: ">=", value: 88, unit: "%" }',
      'internal_target: { comparison: ">=", value: 88, unit: "CANARY-PUBLIC-TARGET-ONLY-INTERNAL-UNIT" }'));
  await writeFile(path.join(root, 'content', 'reports', 'canary.md'), '# Canary\n\nCANARY-REPORT-NARRATIVE :kpi[nps]\n');
  await forgetRecord(root);
  await appendCsv(root, 'orders.csv', ['K-9999991,CANARY-CUSTOMER-ID,canary-email@leak.example,2026-10-02T10:00:00Z,2026-10-04T18:00:00Z,2026-10-04T09:00:00Z,North,web,12.50']);
  await appendCsv(root, 'tickets.csv', ['T-999991,2026-10-02T07:00:00Z,2026-10-02T08:00:00Z,2026-10-02T12:00:00Z,chat,CANARY-AGENT-NAME,canary-email@leak.example']);
  await appendCsv(root, 'surveys.csv', ['R-999991,2026-10-02T03:00:00Z,csat,5,web,"CANARY-COMMENT-TEXT",canary-email@leak.example']);
}
