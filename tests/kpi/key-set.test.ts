import { describe, expect, it } from 'vitest';
import { KeySet } from '../../src/core/kpi/key-set.ts';

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
