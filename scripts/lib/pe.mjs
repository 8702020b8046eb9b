/**
 * The Authenticode signature of a PE executable (node.exe), handled on Linux:
 *
 * - removeSignature: what `signtool remove /s` does — drop the certificate table at the end of the
 *   file and clear its data directory entry. Node's SEA instructions remove node.exe's signature
 *   before injecting, since the injected file no longer matches it; left in place, Windows sees a
 *   corrupt signature rather than an unsigned program (which an organisation can sign itself).
 * - setChecksum: the optional PE checksum (CheckSumMappedFile's algorithm), recomputed after the
 *   blob is injected so the header agrees with the file.
 */
function header(buf) {
  if (buf.readUInt16LE(0) !== 0x5a4d) throw new Error('not a PE file (no MZ header)');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.readUInt32LE(pe) !== 0x4550) throw new Error('not a PE file (no PE signature)');
  const opt = pe + 24;
  const magic = buf.readUInt16LE(opt);
  if (magic !== 0x20b) throw new Error('not a PE32+ (64-bit) executable');
  return { checksum: opt + 64, security: opt + 112 + 4 * 8 };
}

export function hasSignature(buf) {
  const h = header(buf);
  return buf.readUInt32LE(h.security + 4) !== 0;
}

/** The file without its certificate table (a new Buffer; the input when it has none). */
export function removeSignature(input) {
  const h = header(input);
  const offset = input.readUInt32LE(h.security);
  const size = input.readUInt32LE(h.security + 4);
  if (!size) return input;
  if (offset + size !== input.length) throw new Error('the certificate table is not at the end of the file');
  const buf = Buffer.from(input.subarray(0, offset));
  buf.writeUInt32LE(0, h.security);
  buf.writeUInt32LE(0, h.security + 4);
  return buf;
}

/** Recompute the header checksum in place. */
export function setChecksum(buf) {
  const h = header(buf);
  buf.writeUInt32LE(0, h.checksum);
  let sum = 0;
  const words = Math.floor(buf.length / 2);
  for (let i = 0; i < words; i++) {
    sum += buf.readUInt16LE(i * 2);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (buf.length % 2) {
    sum += buf[buf.length - 1];
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  sum = (sum & 0xffff) + (sum >>> 16);
  buf.writeUInt32LE((sum + buf.length) >>> 0, h.checksum);
  return buf;
}
