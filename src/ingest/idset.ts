/**
 * Duplicate dossier ids over millions of rows without keeping the ids: an open-addressing hash
 * table of 64-bit fingerprints (two independent 32-bit FNV-1a-style hashes) with the row number
 * of the first occurrence, in typed arrays (~12 bytes per id instead of ~60 for a Set<string>).
 * Two different ids collide with probability ~n²/2⁶⁵: about 3·10⁻⁸ for a million rows.
 */
export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Int32Array;
  private files: Uint16Array;
  private used = 0;
  /** file index of the earlier occurrence found by the last addOrGet */
  lastFile = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity).fill(-1);
    this.files = new Uint16Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Adds the id; returns the row of an earlier occurrence, or -1 when it is new. */
  addOrGet(id: string, row: number, file = 0): number {
    if ((this.used + 1) * 10 > this.rows.length * 7) this.grow();
    const [h1, h2] = fingerprint(id);
    const mask = this.rows.length - 1;
    let i = h1 & mask;
    for (;;) {
      const r = this.rows[i];
      if (r === -1) {
        this.hi[i] = h1;
        this.lo[i] = h2;
        this.rows[i] = row;
        this.files[i] = file;
        this.used++;
        return -1;
      }
      if (this.hi[i] === h1 && this.lo[i] === h2) {
        this.lastFile = this.files[i];
        return r;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, rows, files } = this;
    const cap = rows.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.rows = new Int32Array(cap).fill(-1);
    this.files = new Uint16Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === -1) continue;
      let i = hi[j] & mask;
      while (this.rows[i] !== -1) i = (i + 1) & mask;
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.rows[i] = rows[j];
      this.files[i] = files[j];
    }
  }
}

function fingerprint(s: string): [number, number] {
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
  return [a >>> 0, b >>> 0];
}
