/**
 * giacheck is offline by design (SPEC §1): no source file may import a network module or call
 * fetch. This test reads every file under src/ and fails the build on the first such line.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'dns', 'tls', 'dgram', 'undici'];
const mod = `(?:node:)?(?:${NETWORK_MODULES.join('|')})(?:/[\\w/]*)?`;
/** import … from 'x', import 'x', import('x'), require('x'), export … from 'x' */
export const NETWORK_IMPORT = new RegExp(
  `(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)['"\`]${mod}['"\`]`,
);
export const FETCH_CALL = /(?<![\w.$])fetch\s*\(|\bglobalThis\.fetch\b|\bWebSocket\s*\(|\bEventSource\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|js|mjs|cjs)$/.test(name) ? [p] : [];
  });
}

/** Offending lines of one source text, as "line: text". */
export function networkUses(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => NETWORK_IMPORT.test(line) || FETCH_CALL.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

describe('no network access in src/', () => {
  it('the detector catches every form of import and fetch', () => {
    const bad = [
      "import http from 'node:http';",
      'import { request } from "https";',
      "import * as net from 'net';",
      "import 'node:dgram';",
      "const dns = await import('node:dns');",
      "const tls = require('tls');",
      "export { connect } from 'node:http2';",
      "import { fetch as f } from 'undici';",
      "import { promises } from 'node:dns/promises';",
      'const r = await fetch(url);',
      'globalThis.fetch(url)',
    ];
    for (const line of bad) expect(networkUses(line), line).toHaveLength(1);
    const fine = [
      "import { readFileSync } from 'node:fs';",
      "import { createHmac } from 'node:crypto';",
      '// fetching rows from the parser',
      'const prefetch(x) = 1;',
      'this.fetchRows(batch)',
      "const name = 'network';",
    ];
    for (const line of fine) expect(networkUses(line), line).toEqual([]);
  });

  it('no file under src/ imports a network module or calls fetch', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((f) => networkUses(readFileSync(f, 'utf8')).map((l) => `${relative(ROOT, f)}:${l}`));
    expect(offences).toEqual([]);
  });
});
