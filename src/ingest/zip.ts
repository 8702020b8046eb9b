/**
 * The zip container of an XLSX workbook, read with a bound on memory (issue 16.7, 16.9): the
 * central directory gives each part's packed and unpacked size before anything is inflated, and
 * inflating counts what comes out, so a part that unpacks to more than it said, more than
 * ZIP_RATIO times its packed size or more than its caller's limit is refused while it is being
 * unpacked — a zip bomb costs a few megabytes and milliseconds, not gigabytes. A part is either
 * inflated whole (small parts: workbook, styles, shared strings, with their own limit) or streamed
 * (a sheet: chunk by chunk, never held whole). CRC-32 is checked, so a damaged byte is an error,
 * not a silently different value. node:zlib does the inflating; the directory is read here.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** A part unpacking to more than this many times its packed size is refused (measured: 7× for a sheet of giacheck's own export, 11× for a million empty rows; a zip bomb reaches ~1000×). */
export const ZIP_RATIO = 100;
/** Parts below this size are not held to ZIP_RATIO (a tiny part may pack very well). */
const RATIO_FROM = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packed: number;
  unpacked: number;
  /** offset of the local header */
  offset: number;
}

export type ZipProblem = 'truncated' | 'notZip' | 'encrypted' | 'method' | 'bomb' | 'tooLarge';

/** What went wrong with the container or a part; the reader turns it into a message. */
export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly part?: string,
  ) {
    super(problem);
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(crc: number, b: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function findEnd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** The entries of a zip archive, by name. */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new ZipError('encrypted'); // an OLE container: a protected workbook (or an .xls)
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new ZipError(buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b ? 'truncated' : 'notZip');
  }
  const end = buf.length >= 22 ? findEnd(buf) : -1;
  if (end < 0) throw new ZipError('truncated');
  let count = buf.readUInt16LE(end + 10);
  let size = buf.readUInt32LE(end + 12);
  let start = buf.readUInt32LE(end + 16);
  if ((count === 0xffff || start === 0xffffffff || size === 0xffffffff) && end >= 20 && buf.readUInt32LE(end - 20) === 0x07064b50) {
    const at = Number(buf.readBigUInt64LE(end - 12));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== 0x06064b50) throw new ZipError('truncated');
    count = Number(buf.readBigUInt64LE(at + 32));
    size = Number(buf.readBigUInt64LE(at + 40));
    start = Number(buf.readBigUInt64LE(at + 48));
  }
  if (start + size > buf.length) throw new ZipError('truncated');
  const entries = new Map<string, ZipEntry>();
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('truncated');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let packed = buf.readUInt32LE(p + 20);
    let unpacked = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLength + extraLength > buf.length) throw new ZipError('truncated');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    // zip64: the sizes and offset that did not fit in 32 bits, in this order
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          if (q + 8 > e + 4 + len) throw new ZipError('truncated');
          const v = Number(buf.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (unpacked === 0xffffffff) unpacked = next();
        if (packed === 0xffffffff) packed = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + len;
    }
    entries.set(name, { name, method, flags, crc, packed, unpacked, offset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** The packed bytes of an entry, after its local header. */
function packedBytes(buf: Buffer, e: ZipEntry): Buffer {
  if (e.flags & 0x1) throw new ZipError('encrypted', e.name);
  if (e.method !== 0 && e.method !== 8) throw new ZipError('method', e.name);
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw new ZipError('truncated', e.name);
  const data = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (data + e.packed > buf.length) throw new ZipError('truncated', e.name);
  return buf.subarray(data, data + e.packed);
}

/** The most bytes an entry may unpack to: what it says, within `limit` and ZIP_RATIO. */
function bound(e: ZipEntry, limit: number): number {
  if (e.unpacked > limit) throw new ZipError('tooLarge', e.name);
  if (e.unpacked > RATIO_FROM && e.unpacked > e.packed * ZIP_RATIO) throw new ZipError('bomb', e.name);
  return e.unpacked;
}

/** A whole (small) entry, at most `limit` bytes unpacked. */
export function inflateEntry(buf: Buffer, e: ZipEntry, limit: number): Buffer {
  const max = bound(e, limit);
  const packed = packedBytes(buf, e);
  let out: Buffer;
  if (e.method === 0) out = packed;
  else {
    try {
      // one byte more than it says: a part that says less than it holds fails the length check below
      out = inflateRawSync(packed, { maxOutputLength: Math.max(1, max + 1) });
    } catch (err) {
      if (err instanceof RangeError) throw new ZipError('truncated', e.name); // more than it said
      throw new ZipError('truncated', e.name);
    }
  }
  if (out.length !== e.unpacked || crc32(0, out) !== e.crc) throw new ZipError('truncated', e.name);
  return out;
}

/**
 * An entry unpacked chunk by chunk (a sheet), at most `limit` bytes. The caller may stop early
 * (return from its loop): the inflater is destroyed. Ends with a ZipError when the part unpacks
 * to more than it said or is damaged.
 */
export async function* streamEntry(buf: Buffer, e: ZipEntry, limit: number): AsyncGenerator<Buffer> {
  const max = bound(e, limit);
  const packed = packedBytes(buf, e);
  if (e.method === 0) {
    let crc = 0;
    for (let i = 0; i < packed.length; i += 64 * 1024) {
      const chunk = packed.subarray(i, i + 64 * 1024);
      crc = crc32(crc, chunk);
      yield chunk;
    }
    if (packed.length !== e.unpacked || crc !== e.crc) throw new ZipError('truncated', e.name);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  // the packed bytes are already in memory: hand them over in slices as the inflater asks
  let fed = 0;
  const feed = () => {
    while (fed < packed.length) {
      const slice = packed.subarray(fed, fed + 64 * 1024);
      fed += slice.length;
      if (!inflate.write(slice)) return;
    }
    inflate.end();
  };
  inflate.on('drain', feed);
  feed();
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) throw new ZipError('truncated', e.name); // more than it said: damaged or crafted
      crc = crc32(crc, chunk);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('truncated', e.name);
  } finally {
    inflate.destroy();
  }
  if (total !== e.unpacked || crc !== e.crc) throw new ZipError('truncated', e.name);
}
