import { describe, expect, it } from 'vitest';
import { BUCKET_FORMULAS, type BucketFormula } from '../../src/core/kpi/formulas.ts';
import { addHash, forEachHash, hash64, KeySet, newHashTable } from '../../src/core/kpi/key-set.ts';
import { compute, kpi, series } from './helpers.ts';

describe('KeySet', () => {
  it('says whether a key is new, through many resizes', () => {
    const keys = new KeySet();
    const total = 50_000;
    for (let index = 0; index < total; index += 1) expect(keys.add(`K-${String(index).padStart(7, '0')}`)).toBe(true);
    expect(keys.size).toBe(total);
    expect(keys.add('K-0000000')).toBe(false);
    expect(keys.add('K-0049999')).toBe(false);
    expect(keys.add('K-0050000')).toBe(true);
    expect(keys.size).toBe(total + 1);
  });

  it('tells apart keys that differ in one character, in case or only by non-ASCII letters', () => {
    const keys = new KeySet();
    for (const key of ['a', 'A', 'ab', 'ba', 'pedido-ç', 'pedido-c', '订单1', '订单2', ' a', 'a ']) expect(keys.add(key)).toBe(true);
    for (const key of ['a', 'A', 'ab', 'ba', 'pedido-ç', '订单1']) expect(keys.add(key)).toBe(false);
  });
});

describe('hash tables (key-set.ts)', () => {
  it('counts each hash 0 → 1 → 2 and saturates at 2, through many resizes', () => {
    const table = newHashTable();
    const total = 100_000;
    /** How many of the hashes i = from, from + step, … the table had seen 0, 1 and 2 times before. */
    const add = (step: number) => {
      const before = [0, 0, 0];
      for (let i = 0; i < total; i += step) before[addHash(table, Math.imul(i, 2654435761) >>> 0, i + 7)]! += 1;
      return before;
    };
    expect(add(1)).toEqual([total, 0, 0]);
    expect(add(2)).toEqual([0, total / 2, 0]);
    expect(add(4)).toEqual([0, 0, total / 4]);
    expect(table.size).toBe(total);
    let [once, twice] = [0, 0];
    forEachHash(table, (_high, _low, times) => (times === 1 ? once++ : twice++));
    expect([once, twice]).toEqual([total / 2, total / 2]);
    // At most 3/4 full: 100k hashes are more than 3/4 of 2^17 slots, so 2^18 slots of 8 bytes.
    expect(table.slots.byteLength).toBe(2 ** 18 * 8);
  });

  it('keeps apart keys whose first 32 hash bits are the same (the other 32 bits are compared too)', () => {
    const byHigh = new Map<number, string>();
    const pairs: [string, string][] = [];
    // Random-looking keys (sequential ones rarely collide in FNV-1a): 12 letters from a seeded generator.
    let seed = 1;
    const letter = () => String.fromCharCode(97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24) % 26);
    for (let i = 0; i < 300_000 && pairs.length < 3; i++) {
      const key = Array.from({ length: 12 }, letter).join('');
      const { high } = hash64(key);
      const other = byHigh.get(high);
      if (other) pairs.push([other, key]);
      else byHigh.set(high, key);
    }
    // About ten such pairs are expected among 300k keys (300k² / 2³³); the test needs a few.
    expect(pairs.length).toBe(3);
    const keys = new KeySet();
    for (const [a, b] of pairs) {
      expect(hash64(a).high).toBe(hash64(b).high);
      expect([keys.add(a), keys.add(b), keys.add(a), keys.add(b)]).toEqual([true, true, false, false]);
    }
  });
});

describe('repeat_purchase_rate on the hash table', () => {
  const def = kpi({ formula: 'repeat_purchase_rate', columns: { customer: 'customer' }, period: 'month', segment_by: ['region'] });
  // 60k orders from 20k customers over three months, in two regions: a skewed pick, so some order often.
  const lines = ['at,customer,region'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 60_000; i++) {
    const customer = `C-${Math.floor(20_000 * next() ** 2)}`;
    lines.push(`2026-0${1 + Math.floor(next() * 3)}-15T10:00:00Z,${customer},${next() < 0.5 ? 'North' : 'South'}`);
  }

  /** The figures by counting with a Map of strings, as the formula did before. */
  function byMap(rows: string[], region?: string): string[] {
    const months = new Map<string, Map<string, number>>();
    for (const row of rows.slice(1)) {
      const [at = '', customer = '', where] = row.split(',');
      if (region && where !== region) continue;
      const month = months.get(at.slice(0, 7)) ?? new Map<string, number>();
      months.set(at.slice(0, 7), month.set(customer, (month.get(customer) ?? 0) + 1));
    }
    return [...months].sort().map(([month, orders]) => {
      const repeat = [...orders.values()].filter((n) => n >= 2).length;
      return `${month}=${Number(((repeat / orders.size) * 100).toFixed(4))}(${orders.size})`;
    });
  }

  it('gives the same figures as counting customers in a Map, overall and by segment', () => {
    const [result] = compute(def, lines);
    expect(series(result ?? { buckets: [] })).toEqual(byMap(lines));
    expect(result?.segments.map((s) => series(s))).toEqual([byMap(lines, 'North'), byMap(lines, 'South')]);
  });

  it('gives the same figures when two shares of the rows are merged after crossing a thread (structured clone)', () => {
    const formula = BUCKET_FORMULAS.repeat_purchase_rate as BucketFormula<string, unknown>;
    const whole = formula.create();
    const [first, second] = [formula.create(), formula.create()];
    lines.slice(1).forEach((row, i) => {
      const customer = row.split(',')[1] ?? '';
      formula.add(whole, customer);
      formula.add(i % 3 === 0 ? first : second, customer);
    });
    formula.merge(first, structuredClone(second));
    expect(formula.figure(first, def, 0)).toEqual(formula.figure(whole, def, 0));
    expect(formula.figure(whole, def, 0).n).toBeGreaterThan(10_000);
  });
});
