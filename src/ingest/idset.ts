/**
 * Duplicate dossier ids over millions of rows without keeping the ids: an open-addressing hash
 * table of 64-bit fingerprints (two independent 32-bit FNV-1a-style hashes) with the row number
 * of the first occurrence, in typed arrays (14 bytes per slot instead of ~60 per id for a
 * Set<string>). Two different ids collide with probability ~n²/2⁶⁵: about 3·10⁻⁸ for a million
 * rows.
 *
 * Layout, for speed and memory (docs/performance.md): a million ids are a million random probes
 * into a table far larger than a cache. hi, lo and row sit side by side (slot k at k*3…k*3+2),
 * so a probe misses the cache once instead of three times; the file of the first occurrence, read
 * only for a duplicate, has its own small array. The capacity need not be a power of two (the
 * slot is the hash scaled to it), so a table sized for the expected rows (idCapacityFor) is not
 * rounded up to twice that. The fingerprint goes through two fields, not a fresh [h1, h2] array
 * per id. Row numbers are stored plus one, so an all-zero slot is empty and needs no fill pass.
 */
const STRIDE = 3;
const MAX_LOAD = 0.7;

export class IdSet {
  private table: Int32Array;
  private files: Uint16Array;
  private capacity: number;
  private used = 0;
  /** file index of the earlier occurrence found by the last addOrGet */
  lastFile = 0;
  // the fingerprint of the last id hashed (two 32-bit halves), see fingerprint()
  private h1 = 0;
  private h2 = 0;

  constructor(capacity = 1 << 12) {
    this.capacity = Math.max(16, Math.ceil(capacity));
    this.table = new Int32Array(this.capacity * STRIDE);
    this.files = new Uint16Array(this.capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Adds the id; returns the row of an earlier occurrence, or -1 when it is new. */
  addOrGet(id: string, row: number, file = 0): number {
    if (this.used + 1 > this.capacity * MAX_LOAD) this.grow();
    this.fingerprint(id);
    const h1 = this.h1;
    const h2 = this.h2;
    const table = this.table;
    const capacity = this.capacity;
    let i = slotOf(h1, capacity);
    for (;;) {
      const k = i * STRIDE;
      const r = table[k + 2];
      if (r === 0) {
        table[k] = h1;
        table[k + 1] = h2;
        table[k + 2] = row + 1;
        this.files[i] = file;
        this.used++;
        return -1;
      }
      if (table[k] === h1 && table[k + 1] === h2) {
        this.lastFile = this.files[i];
        return r - 1;
      }
      if (++i === capacity) i = 0;
    }
  }

  private grow(): void {
    const old = this.table;
    const oldFiles = this.files;
    const oldCapacity = this.capacity;
    const capacity = (this.capacity = oldCapacity * 2);
    const table = (this.table = new Int32Array(capacity * STRIDE));
    const files = (this.files = new Uint16Array(capacity));
    for (let j = 0; j < oldCapacity; j++) {
      const o = j * STRIDE;
      if (old[o + 2] === 0) continue;
      let i = slotOf(old[o], capacity);
      while (table[i * STRIDE + 2] !== 0) if (++i === capacity) i = 0;
      const k = i * STRIDE;
      table[k] = old[o];
      table[k + 1] = old[o + 1];
      table[k + 2] = old[o + 2];
      files[i] = oldFiles[j];
    }
  }

  /** Two 32-bit hashes of s into h1/h2 (as signed int32: only compared and masked). */
  private fingerprint(s: string): void {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 13;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 16;
    this.h1 = a | 0;
    this.h2 = b | 0;
  }
}

/** The home slot of a hash: the 32-bit hash scaled to [0, capacity) (exact in a double). */
function slotOf(h: number, capacity: number): number {
  return Math.floor(((h >>> 0) * capacity) / 4294967296);
}
