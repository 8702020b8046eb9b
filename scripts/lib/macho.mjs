/**
 * The code signature of a 64-bit Mach-O executable (the macOS Node builds), handled here so the
 * macOS binaries can be built on Linux:
 *
 * - removeSignature: what `codesign --remove-signature` does — drop LC_CODE_SIGNATURE and the
 *   signature at the end of __LINKEDIT. Node's SEA instructions remove the signature before the
 *   blob is injected, because injecting breaks it.
 * - adhocSign: an ad-hoc signature as Apple's and Go's linkers write it (`ld -adhoc_codesign`,
 *   cmd/internal/codesign): one CodeDirectory (version 0x20400, SHA-256 of every 4 KiB page up
 *   to the signature, flags adhoc | linker-signed) in an embedded-signature SuperBlob, appended
 *   to __LINKEDIT. Apple Silicon runs only signed code; an ad-hoc signature is enough for that.
 * - verifyCodeDirectories: re-hash the pages a signature covers and compare (used by the tests,
 *   also on Apple's own signature of the unmodified Node executable).
 *
 * All Mach-O fields are little-endian (x86_64 and arm64); signature blobs are big-endian.
 */
import { createHash } from 'node:crypto';

const MH_MAGIC_64 = 0xfeedfacf;
const MH_EXECUTE = 2;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const CS_HASHTYPE_SHA256 = 2;
const CS_ADHOC = 0x2;
const CS_LINKER_SIGNED = 0x20000;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const CODE_DIRECTORY_SIZE = 88; // up to execSegFlags (version 0x20400)

const align = (n, a) => Math.ceil(n / a) * a;

/** Header and load commands of a thin 64-bit Mach-O file. */
export function parseMachO(buf) {
  if (buf.readUInt32LE(0) !== MH_MAGIC_64) throw new Error('not a thin 64-bit little-endian Mach-O file');
  const filetype = buf.readUInt32LE(12);
  const ncmds = buf.readUInt32LE(16);
  const sizeofcmds = buf.readUInt32LE(20);
  const commands = [];
  const segments = [];
  let signature;
  let firstSectionOffset = Infinity;
  let off = 32;
  for (let i = 0; i < ncmds; i++) {
    const cmd = buf.readUInt32LE(off);
    const cmdsize = buf.readUInt32LE(off + 4);
    commands.push({ cmd, cmdsize, off });
    if (cmd === LC_SEGMENT_64) {
      const name = buf.subarray(off + 8, off + 24).toString('latin1').replace(/\0+$/, '');
      const seg = {
        name,
        off,
        vmsize: Number(buf.readBigUInt64LE(off + 32)),
        fileoff: Number(buf.readBigUInt64LE(off + 40)),
        filesize: Number(buf.readBigUInt64LE(off + 48)),
      };
      const nsects = buf.readUInt32LE(off + 64);
      for (let s = 0; s < nsects; s++) {
        const sectOffset = buf.readUInt32LE(off + 72 + s * 80 + 48);
        if (sectOffset > 0) firstSectionOffset = Math.min(firstSectionOffset, sectOffset);
      }
      segments.push(seg);
    } else if (cmd === LC_CODE_SIGNATURE) {
      signature = { off, dataoff: buf.readUInt32LE(off + 8), datasize: buf.readUInt32LE(off + 12) };
    }
    off += cmdsize;
  }
  const linkedit = segments.find((s) => s.name === '__LINKEDIT');
  const text = segments.find((s) => s.name === '__TEXT');
  return { filetype, ncmds, sizeofcmds, commands, segments, linkedit, text, signature, firstSectionOffset };
}

function setSegmentSizes(buf, seg, filesize, vmsize) {
  buf.writeBigUInt64LE(BigInt(filesize), seg.off + 48);
  buf.writeBigUInt64LE(BigInt(vmsize), seg.off + 32);
}

/** The file without its code signature (a new Buffer; the input when it has none). */
export function removeSignature(input) {
  const m = parseMachO(input);
  if (!m.signature) return input;
  const { off, dataoff, datasize } = m.signature;
  const le = m.linkedit;
  if (!le || dataoff + datasize > le.fileoff + le.filesize || le.fileoff + le.filesize !== input.length) {
    throw new Error('the code signature is not at the end of __LINKEDIT at the end of the file');
  }
  const buf = Buffer.from(input.subarray(0, dataoff));
  const cmdEnd = 32 + m.sizeofcmds;
  // move the load commands after LC_CODE_SIGNATURE up over it, zero the freed tail
  buf.copy(buf, off, off + 16, cmdEnd);
  buf.fill(0, cmdEnd - 16, cmdEnd);
  buf.writeUInt32LE(m.ncmds - 1, 16);
  buf.writeUInt32LE(m.sizeofcmds - 16, 20);
  const moved = parseMachO(buf);
  setSegmentSizes(buf, moved.linkedit, dataoff - le.fileoff, le.vmsize);
  return buf;
}

function pageHashes(buf, limit) {
  const n = Math.ceil(limit / PAGE);
  const out = Buffer.alloc(n * 32);
  for (let i = 0; i < n; i++) {
    createHash('sha256')
      .update(buf.subarray(i * PAGE, Math.min(limit, (i + 1) * PAGE)))
      .digest()
      .copy(out, i * 32);
  }
  return out;
}

/** The file with an ad-hoc signature (a new Buffer). The input must carry no signature. */
export function adhocSign(input, identifier) {
  const m = parseMachO(input);
  if (m.signature) throw new Error('the file is already signed: remove the signature first');
  const le = m.linkedit;
  if (!le || le.fileoff + le.filesize !== input.length || m.segments.some((s) => s !== le && s.fileoff > le.fileoff)) {
    throw new Error('__LINKEDIT is not the last segment at the end of the file');
  }
  if (32 + m.sizeofcmds + 16 > m.firstSectionOffset) throw new Error('no room for LC_CODE_SIGNATURE in the Mach-O header');
  const id = Buffer.from(identifier + '\0', 'utf8');
  const codeLimit = align(input.length, 16);
  const nSlots = Math.ceil(codeLimit / PAGE);
  const hashOffset = CODE_DIRECTORY_SIZE + id.length;
  const cdSize = hashOffset + nSlots * 32;
  const sigSize = 12 + 8 + cdSize;
  const buf = Buffer.alloc(codeLimit + sigSize);
  input.copy(buf);

  // the load command, and __LINKEDIT grown to hold the signature
  const lc = 32 + m.sizeofcmds;
  buf.writeUInt32LE(LC_CODE_SIGNATURE, lc);
  buf.writeUInt32LE(16, lc + 4);
  buf.writeUInt32LE(codeLimit, lc + 8);
  buf.writeUInt32LE(sigSize, lc + 12);
  buf.writeUInt32LE(m.ncmds + 1, 16);
  buf.writeUInt32LE(m.sizeofcmds + 16, 20);
  const filesize = codeLimit + sigSize - le.fileoff;
  setSegmentSizes(buf, le, filesize, Math.max(le.vmsize, align(filesize, 0x4000)));

  // SuperBlob { magic, length, count, index[1] { type, offset } }, then the CodeDirectory
  let p = codeLimit;
  buf.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, p);
  buf.writeUInt32BE(sigSize, p + 4);
  buf.writeUInt32BE(1, p + 8);
  buf.writeUInt32BE(CSSLOT_CODEDIRECTORY, p + 12);
  buf.writeUInt32BE(20, p + 16);
  p += 20;
  buf.writeUInt32BE(CSMAGIC_CODEDIRECTORY, p);
  buf.writeUInt32BE(cdSize, p + 4);
  buf.writeUInt32BE(0x20400, p + 8); // version
  buf.writeUInt32BE(CS_ADHOC | CS_LINKER_SIGNED, p + 12);
  buf.writeUInt32BE(hashOffset, p + 16);
  buf.writeUInt32BE(CODE_DIRECTORY_SIZE, p + 20); // identOffset
  buf.writeUInt32BE(0, p + 24); // nSpecialSlots
  buf.writeUInt32BE(nSlots, p + 28);
  buf.writeUInt32BE(codeLimit, p + 32);
  buf[p + 36] = 32; // hashSize
  buf[p + 37] = CS_HASHTYPE_SHA256;
  buf[p + 38] = 0; // platform
  buf[p + 39] = PAGE_BITS;
  // spare2, scatterOffset, teamOffset, spare3, codeLimit64: zero
  buf.writeBigUInt64BE(BigInt(m.text?.fileoff ?? 0), p + 64); // execSegBase
  buf.writeBigUInt64BE(BigInt(m.text?.filesize ?? 0), p + 72); // execSegLimit
  buf.writeBigUInt64BE(BigInt(m.filetype === MH_EXECUTE ? CS_EXECSEG_MAIN_BINARY : 0), p + 80);
  id.copy(buf, p + CODE_DIRECTORY_SIZE);
  // the pages are hashed last: they include the header changes above
  pageHashes(buf, codeLimit).copy(buf, p + hashOffset);
  return buf;
}

/**
 * Every CodeDirectory of the file's signature with SHA-256 page hashes, re-hashed:
 * [{ flags, identifier, codeLimit, slots, ok }]. Empty when the file is unsigned.
 */
export function verifyCodeDirectories(buf) {
  const m = parseMachO(buf);
  if (!m.signature) return [];
  const sb = m.signature.dataoff;
  if (buf.readUInt32BE(sb) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new Error('no embedded-signature SuperBlob');
  const count = buf.readUInt32BE(sb + 8);
  const found = [];
  for (let i = 0; i < count; i++) {
    const cd = sb + buf.readUInt32BE(sb + 12 + i * 8 + 4);
    if (buf.readUInt32BE(cd) !== CSMAGIC_CODEDIRECTORY) continue;
    if (buf[cd + 37] !== CS_HASHTYPE_SHA256) continue;
    const hashOffset = buf.readUInt32BE(cd + 16);
    const identOffset = buf.readUInt32BE(cd + 20);
    const slots = buf.readUInt32BE(cd + 28);
    const codeLimit = buf.readUInt32BE(cd + 32);
    const pageBits = buf[cd + 39];
    if (pageBits !== PAGE_BITS) throw new Error(`page size 2^${pageBits} not handled`);
    const want = buf.subarray(cd + hashOffset, cd + hashOffset + slots * 32);
    const end = buf.indexOf(0, cd + identOffset);
    found.push({
      flags: buf.readUInt32BE(cd + 12),
      identifier: buf.subarray(cd + identOffset, end).toString('utf8'),
      codeLimit,
      slots,
      ok: codeLimit === m.signature.dataoff && slots === Math.ceil(codeLimit / PAGE) && pageHashes(buf, codeLimit).equals(want),
    });
  }
  return found;
}
