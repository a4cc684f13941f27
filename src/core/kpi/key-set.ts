/**
 * Compact sets of strings for the two places the KPI engine must remember every value it has seen: row
 * keys (to find duplicate rows) and customers (repeat_purchase_rate, per period). Only a 64-bit hash of
 * each string is kept, in one typed array per table: 8 bytes a slot, at most 3/4 of the slots full, so
 * 11 to 21 bytes a value instead of the ~80 a JavaScript string in a Set or Map costs.
 *
 * Two different strings share a hash with a chance of about n² / 2⁶⁴ among n values (5 in a million for
 * ten million order ids; bit 0 of each slot is the "seen again" mark, so 63 bits are compared). Such a
 * pair would count as one value: a row reported as a duplicate, or two customers counted as one, never
 * a duplicate missed. At that rate, storing the strings themselves (10× the memory) buys nothing a
 * reader of the figures could see.
 */

/** An open-addressing table of hashes, as plain data (it crosses thread boundaries by structured clone). */
export interface HashTable {
  /** Slot i holds the hash halves at 2i (high) and 2i + 1 (low, bit 0 = seen again); low 0 = empty. */
  slots: Uint32Array;
  size: number;
}

/** Slots a new table starts with: small, because a KPI keeps one table per period and segment. */
const FIRST_CAPACITY = 8;

export function newHashTable(capacity = FIRST_CAPACITY): HashTable {
  return { slots: new Uint32Array(2 * capacity), size: 0 };
}

/** The two halves of the last hash64() call (returned this way so that hashing allocates nothing). */
export const lastHash = { high: 0, low: 0 };

/**
 * A 64-bit hash of the UTF-16 code units, as two 32-bit lanes run in one pass: FNV-1a, and a multiply-
 * xorshift lane with another multiplier, each ended by the murmur3 finalizer so nearby keys spread.
 */
export function hash64(key: string): typeof lastHash {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  lastHash.high = finalize(a ^ key.length);
  lastHash.low = finalize(b);
  return lastHash;
}

function finalize(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const SEEN_AGAIN = 1;

/**
 * Adds `times` (1, or 2 for "seen twice or more") sightings of a hash; returns how many the table had
 * before: 0 (new), 1 or 2 (counts saturate at 2, all repeat_purchase_rate needs).
 */
export function addHash(table: HashTable, high: number, low: number, times: 1 | 2 = 1): 0 | 1 | 2 {
  if ((table.size + 1) * 4 > capacityOf(table) * 3) grow(table);
  const key = (low & ~SEEN_AGAIN) >>> 0 || 2;
  const slots = table.slots;
  const mask = capacityOf(table) - 1;
  for (let slot = high & mask; ; slot = (slot + 1) & mask) {
    const stored = slots[2 * slot + 1] ?? 0;
    if (stored === 0) {
      slots[2 * slot] = high;
      slots[2 * slot + 1] = times === 2 ? key | SEEN_AGAIN : key;
      table.size += 1;
      return 0;
    }
    if ((stored & ~SEEN_AGAIN) >>> 0 === key && slots[2 * slot] === high) {
      slots[2 * slot + 1] = stored | SEEN_AGAIN;
      return stored & SEEN_AGAIN ? 2 : 1;
    }
  }
}

/** Every hash in the table with its count (1 or 2), in slot order. */
export function forEachHash(table: HashTable, visit: (high: number, low: number, times: 1 | 2) => void): void {
  const slots = table.slots;
  for (let index = 0; index < slots.length; index += 2) {
    const low = slots[index + 1] ?? 0;
    if (low !== 0) visit(slots[index] ?? 0, low, low & SEEN_AGAIN ? 2 : 1);
  }
}

const capacityOf = (table: HashTable) => table.slots.length / 2;

function grow(table: HashTable): void {
  const old = table.slots;
  const slots = new Uint32Array(old.length * 2);
  const mask = slots.length / 2 - 1;
  for (let index = 0; index < old.length; index += 2) {
    const low = old[index + 1] ?? 0;
    if (low === 0) continue;
    const high = old[index] ?? 0;
    let slot = high & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = high;
    slots[2 * slot + 1] = low;
  }
  table.slots = slots;
}

/** Tables a KeySet is split into (by the top bits of the hash), so growing one copies 1/256 of the set, not all of it. */
const PARTS = 256;

/** The row keys seen so far: ten million order ids take 134 MB (about 13 bytes a key at that size). */
export class KeySet {
  private readonly parts = Array.from({ length: PARTS }, () => newHashTable());
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    const { high, low } = hash64(key);
    const part = this.parts[high >>> 24] as HashTable;
    if (addHash(part, high, low) !== 0) return false;
    this.count += 1;
    return true;
  }
}
