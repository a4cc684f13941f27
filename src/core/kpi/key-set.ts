/**
 * The set of row keys seen so far, for finding duplicate rows, kept as 64-bit hashes in one typed
 * array: 8 bytes a slot with at most half the slots full (16 to 32 bytes a key) instead of the ~80 a
 * JavaScript string in a Set costs, so ten million order ids fit in 130 to 270 MB rather than a gigabyte. Two different keys share a 64-bit hash with
 * a chance of about n² / 2⁶⁵ (3 in a million for ten million keys); such a pair would be reported as
 * a duplicate, never missed.
 */
export class KeySet {
  /** Open addressing: slot i holds hash halves at 2i and 2i+1; 0,0 marks an empty slot. */
  private slots = new Uint32Array(2 * 1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    const high = hashOf(key, 0x811c9dc5);
    const low = hashOf(key, 0x9747b28c) || 1;
    if (this.count * 2 >= this.capacity) this.grow();
    return this.insert(high, low);
  }

  private get capacity(): number {
    return this.slots.length / 2;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.capacity - 1;
    for (let slot = high & mask; ; slot = (slot + 1) & mask) {
      const storedLow = this.slots[2 * slot + 1];
      if (storedLow === 0) {
        this.slots[2 * slot] = high;
        this.slots[2 * slot + 1] = low;
        this.count += 1;
        return true;
      }
      if (storedLow === low && this.slots[2 * slot] === high) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let index = 0; index < old.length; index += 2) {
      const low = old[index + 1] ?? 0;
      if (low !== 0) this.insert(old[index] ?? 0, low);
    }
  }
}

/** FNV-1a over the UTF-16 code units, with a murmur3 finalizer so nearby keys spread over the table. */
function hashOf(key: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < key.length; index += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
