import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kpiFromChoice } from '../../src/core/kpi/define.ts';
import { addKpiToYaml, removeKpiFromYaml } from '../../src/core/kpi/kpis-yaml.ts';
import { kpisFileSchema } from '../../src/core/schema/kpis.ts';
import { REPO } from '../site/helpers.ts';

const BACK_IN_TIME = kpiFromChoice({
  formula: 'on_time_rate', source: 'data/repairs.csv', columns: { done: 'returned_at', promised: 'promised_at' }, timestamp: 'promised_at',
  id: 'back_in_time', name: 'Bikes back within 48 hours', minSample: 5,
});

const WRITTEN = `  - id: back_in_time
    name: Bikes back within 48 hours
    formula: on_time_rate
    source: data/repairs.csv
    columns: { done: returned_at, promised: promised_at }
    timestamp: promised_at
    period: month
    min_sample: 5
    visibility: public
    unit: "%"
    better: higher
    method: Of the repairs promised in the month, the share where returned_at is at or before promised_at.
`;

describe('adding a KPI to kpis.yaml as its author wrote it', () => {
  it('the example file: every byte kept (comments, {a: b} spacing, folded text), the KPI added after the last one', () => {
    const text = readFileSync(path.join(REPO, 'content/kpis.yaml'), 'utf8');
    const next = addKpiToYaml(text, 'content/kpis.yaml', BACK_IN_TIME);
    const sources = text.indexOf('sources:');
    expect(next).toBe(`${text.slice(0, sources)}${WRITTEN}${text.slice(sources)}`);
    const doc = kpisFileSchema.parse(parse(next));
    expect(doc.kpis.map((k) => k.id).at(-1)).toBe('back_in_time');
  });

  it('keeps a comment on the last line and compact {a: b} maps, and lines up with items written at column 0', () => {
    const text = 'kpis:\n- id: a   # the first\n  name: A\n  formula: count\n  source: d.csv\n  columns: {}\n  timestamp: t\n  better: higher\n  method: m\n# end of the list\n';
    const next = addKpiToYaml(text, 'kpis.yaml', BACK_IN_TIME);
    expect(next.startsWith(text.slice(0, text.indexOf('# end')))).toBe(true);
    expect(next).toContain('# the first\n');
    expect(next).toContain('\n- id: back_in_time\n  name: Bikes back within 48 hours\n');
    expect(kpisFileSchema.parse(parse(next)).kpis.map((k) => k.id)).toEqual(['a', 'back_in_time']);
  });

  it('adds the reading options of a file that writes day-first dates under sources:', () => {
    const text = readFileSync(path.join(REPO, 'project-template/blank/content/kpis.yaml'), 'utf8');
    const next = addKpiToYaml(text, 'content/kpis.yaml', BACK_IN_TIME, { file: 'data/repairs.csv', date_format: 'DD/MM/YYYY' });
    expect(next).toBe(`${text}${WRITTEN}sources:\n  - file: data/repairs.csv\n    date_format: DD/MM/YYYY\n`);
  });

  it('refuses an id that exists, at that id, and a date format that contradicts the file\'s entry', () => {
    const text = readFileSync(path.join(REPO, 'content/kpis.yaml'), 'utf8');
    expect(() => addKpiToYaml(text, 'content/kpis.yaml', { ...BACK_IN_TIME, id: 'csat' })).toThrow(
      expect.objectContaining({ message: 'A KPI with the id "csat" is already defined here.', place: { file: 'content/kpis.yaml', line: 36, column: 9 } }));
    expect(() => addKpiToYaml(text, 'content/kpis.yaml', { ...BACK_IN_TIME, source: 'data/orders.csv' }, { file: 'data/orders.csv', date_format: 'MM/DD/YYYY' }))
      .not.toThrow();
    const dated = addKpiToYaml(text, 'content/kpis.yaml', BACK_IN_TIME, { file: 'data/repairs.csv', date_format: 'DD/MM/YYYY' });
    expect(() => addKpiToYaml(dated, 'content/kpis.yaml', { ...BACK_IN_TIME, id: 'other' }, { file: 'data/repairs.csv', date_format: 'MM/DD/YYYY' }))
      .toThrow('data/repairs.csv is already read with date_format: DD/MM/YYYY, not MM/DD/YYYY.');
  });
});

describe('removing a KPI', () => {
  it('takes out its lines and nothing else', () => {
    const text = readFileSync(path.join(REPO, 'project-template/blank/content/kpis.yaml'), 'utf8');
    const added = addKpiToYaml(text, 'content/kpis.yaml', BACK_IN_TIME);
    expect(removeKpiFromYaml(added, 'content/kpis.yaml', 'back_in_time')).toBe(text);
    expect(removeKpiFromYaml(added, 'content/kpis.yaml', 'on_time')).toBe(`${text.slice(0, text.indexOf('  - id: on_time'))}${WRITTEN}`);
  });

  it('refuses an unknown id (listing the ones there are) and the last KPI', () => {
    const text = readFileSync(path.join(REPO, 'project-template/blank/content/kpis.yaml'), 'utf8');
    expect(() => removeKpiFromYaml(text, 'content/kpis.yaml', 'nope')).toThrow(expect.objectContaining({ message: 'No KPI has the id "nope".', hint: 'The KPIs defined here are: on_time.' }));
    expect(() => removeKpiFromYaml(text, 'content/kpis.yaml', 'on_time')).toThrow('"on_time" is the only KPI, and kpis.yaml needs at least one.');
  });
});
