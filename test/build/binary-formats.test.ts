/**
 * The executable-format helpers of `npm run build:bin` (scripts/lib): the Mach-O ad-hoc signature
 * and its removal, the PE certificate table and checksum, the tar reader for the registry's Node
 * packages. On small synthetic files here; on the real binaries too when dist/ holds them
 * (`npm run build:bin -- --target all`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adhocSign, parseMachO, removeSignature, verifyCodeDirectories } from '../../scripts/lib/macho.mjs';
import * as pe from '../../scripts/lib/pe.mjs';
import { sriOf, tarEntry } from '../../scripts/lib/node-package.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A thin arm64 executable: __PAGEZERO, __TEXT with one section at 0x1000, __LINKEDIT last. */
function machO(linkeditSize = 5000): Buffer {
  const buf = Buffer.alloc(0x4000 + linkeditSize);
  const seg = (off: number, name: string, vmaddr: number, vmsize: number, fileoff: number, filesize: number, nsects: number) => {
    buf.writeUInt32LE(0x19, off);
    buf.writeUInt32LE(72 + nsects * 80, off + 4);
    buf.write(name, off + 8, 'latin1');
    buf.writeBigUInt64LE(BigInt(vmaddr), off + 24);
    buf.writeBigUInt64LE(BigInt(vmsize), off + 32);
    buf.writeBigUInt64LE(BigInt(fileoff), off + 40);
    buf.writeBigUInt64LE(BigInt(filesize), off + 48);
    buf.writeUInt32LE(nsects, off + 64);
    return off + 72 + nsects * 80;
  };
  buf.writeUInt32LE(0xfeedfacf, 0);
  buf.writeUInt32LE(0x0100000c, 4); // arm64
  buf.writeUInt32LE(2, 12); // MH_EXECUTE
  let off = 32;
  off = seg(off, '__PAGEZERO', 0, 0x100000000, 0, 0, 0);
  const text = off;
  off = seg(off, '__TEXT', 0x100000000, 0x4000, 0, 0x4000, 1);
  buf.write('__text', text + 72, 'latin1');
  buf.write('__TEXT', text + 72 + 16, 'latin1');
  buf.writeUInt32LE(0x1000, text + 72 + 48); // section file offset
  off = seg(off, '__LINKEDIT', 0x100004000, 0x4000, 0x4000, linkeditSize, 0);
  buf.writeUInt32LE(3, 16);
  buf.writeUInt32LE(off - 32, 20);
  for (let i = 0x1000; i < buf.length; i++) buf[i] = (i * 7) & 0xff;
  return buf;
}

describe('Mach-O signature', () => {
  it('an ad-hoc signature covers every page up to it; removing it gives the unsigned file back', () => {
    const plain = machO();
    const signed = adhocSign(plain, 'giacheck');
    const m = parseMachO(signed);
    expect(m.ncmds).toBe(4);
    expect(m.signature?.dataoff).toBe(plain.length + (16 - (plain.length % 16)) % 16);
    expect(m.linkedit!.fileoff + m.linkedit!.filesize).toBe(signed.length);
    expect(verifyCodeDirectories(signed)).toEqual([
      { flags: 0x20002, identifier: 'giacheck', codeLimit: m.signature!.dataoff, slots: Math.ceil(m.signature!.dataoff / 4096), ok: true },
    ]);
    // without padding before the signature the round trip is exact
    const aligned = machO(5008);
    expect(removeSignature(adhocSign(aligned, 'giacheck'))).toEqual(aligned);
    expect(() => adhocSign(signed, 'giacheck')).toThrow(/already signed/);
  });

  it('a changed byte anywhere before the signature fails verification', () => {
    for (const at of [40, 0x1000, 0x4100]) {
      const signed = adhocSign(machO(), 'giacheck');
      signed[at] ^= 1;
      expect(verifyCodeDirectories(signed)[0].ok, String(at)).toBe(false);
    }
  });

  for (const target of ['darwin-arm64', 'darwin-x64']) {
    const file = join(ROOT, 'dist', `giacheck-${target}`);
    it.skipIf(!existsSync(file))(`dist/giacheck-${target} carries a valid ad-hoc signature over the injected blob`, () => {
      const buf = readFileSync(file);
      const m = parseMachO(buf);
      expect(m.segments.map((s) => s.name)).toContain('NODE_SEA');
      expect(m.segments.at(-1)?.name).toBe('__LINKEDIT');
      expect(verifyCodeDirectories(buf)).toEqual([expect.objectContaining({ identifier: 'giacheck', ok: true, flags: 0x20002 })]);
    });
  }
});

/** A PE32+ header with a certificate table of `certSize` bytes at the end. */
function peFile(certSize: number): Buffer {
  const buf = Buffer.alloc(1024 + certSize, 0x5a);
  buf.writeUInt16LE(0x5a4d, 0);
  buf.writeUInt32LE(0x80, 0x3c);
  buf.writeUInt32LE(0x4550, 0x80);
  buf.writeUInt16LE(0x20b, 0x80 + 24);
  buf.writeUInt32LE(certSize ? 1024 : 0, 0x80 + 24 + 112 + 32);
  buf.writeUInt32LE(certSize, 0x80 + 24 + 112 + 36);
  return buf;
}

describe('PE signature and checksum', () => {
  it('removes the certificate table at the end and clears its directory entry', () => {
    const signed = peFile(200);
    expect(pe.hasSignature(signed)).toBe(true);
    const plain = pe.removeSignature(signed);
    expect(plain.length).toBe(1024);
    expect(pe.hasSignature(plain)).toBe(false);
    expect(pe.removeSignature(plain)).toBe(plain);
  });

  it('the checksum depends on every byte but its own field, and on the length', () => {
    const a = pe.setChecksum(peFile(0));
    const sum = a.readUInt32LE(0x80 + 24 + 64);
    expect(pe.setChecksum(Buffer.from(a)).readUInt32LE(0x80 + 24 + 64)).toBe(sum);
    const b = Buffer.from(a);
    b[700] ^= 1;
    expect(pe.setChecksum(b).readUInt32LE(0x80 + 24 + 64)).not.toBe(sum);
  });

  const exe = join(ROOT, 'dist', 'giacheck-win-x64.exe');
  it.skipIf(!existsSync(exe))('dist/giacheck-win-x64.exe: no stale signature, a checksum that matches', () => {
    const buf = readFileSync(exe);
    expect(pe.hasSignature(buf)).toBe(false);
    const peOff = buf.readUInt32LE(0x3c);
    const stored = buf.readUInt32LE(peOff + 24 + 64);
    expect(pe.setChecksum(Buffer.from(buf)).readUInt32LE(peOff + 24 + 64)).toBe(stored);
  });
});

describe('tar reader', () => {
  function entry(name: string, data: Buffer, type = '0'): Buffer {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 100), 0, 'utf8');
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    h.write(type, 156, 'latin1');
    h.write('ustar\0', 257, 'latin1');
    return Buffer.concat([h, data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
  }
  it('finds a file by its ustar name or by a pax path record', () => {
    const long = 'package/' + 'x'.repeat(120) + '/bin/node';
    const pax = Buffer.from(`${long.length + 7 + String(long.length + 7).length} path=${long}\n`);
    const tar = Buffer.concat([
      entry('package/package.json', Buffer.from('{}')),
      entry('PaxHeader', pax, 'x'),
      entry('ignored-name', Buffer.from('long one')),
      entry('package/bin/node', Buffer.from('the executable')),
      Buffer.alloc(1024),
    ]);
    expect(tarEntry(tar, 'package/bin/node')?.toString()).toBe('the executable');
    expect(tarEntry(tar, long)?.toString()).toBe('long one');
    expect(tarEntry(tar, 'package/bin/node.exe')).toBeUndefined();
  });
  it('integrity strings are sha512 in base64, as the registry publishes them', () => {
    expect(sriOf(Buffer.from('x'))).toBe('sha512-' + createHash('sha512').update('x').digest('base64'));
  });
});
