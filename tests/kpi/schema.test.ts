import { describe, expect, it } from 'vitest';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { validateSource } from '../../src/core/schema/validate.ts';
import { parseYaml } from '../../src/core/yaml-source.ts';

const base = `kpis:
  - id: replies
    name: Replies
    formula: within_sla_rate
    source: data/tickets.csv
    columns: { start: opened_at }
    timestamp: opened_at
    timezone: Europe/Londres
    better: higher
    method: Share of tickets answered in time.
`;

function errors(text: string): string[] {
  try {
    validateSource(parseYaml(text, 'content/kpis.yaml'), kpisFileSchema);
    return [];
  } catch (error) {
    return inputErrorsOf(error)?.map(formatInputError) ?? [String(error)];
  }
}

describe('kpis.yaml: what each formula needs', () => {
  it('names the KPI, the missing role, a missing SLA and an unknown time zone, each at its line', () => {
    expect(errors(base)).toEqual([
      'content/kpis.yaml:2:5  kpis[0].sla: KPI "replies" uses formula within_sla_rate, which needs the longest allowed duration. Add sla: 24 (in duration_unit, hours by default).',
      'content/kpis.yaml:6:14  kpis[0].columns: KPI "replies" uses formula within_sla_rate, which needs a column for "end". Add it under columns, e.g. columns: { start: <column>, end: <column> }.',
      'content/kpis.yaml:8:15  kpis[0].timezone: this is not a time zone pledge knows. Use an IANA name such as Europe/London, America/Sao_Paulo or UTC.',
    ]);
  });
  it('accepts the same KPI once it is complete', () => {
    expect(errors(base.replace('{ start: opened_at }', '{ start: opened_at, end: resolved_at }').replace('Europe/Londres', 'Europe/London')
      .replace('    better', '    sla: 24\n    better'))).toEqual([]);
  });
});
