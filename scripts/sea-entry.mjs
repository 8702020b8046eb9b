/**
 * Entry of the standalone binary (scripts/build-bin.mjs bundles this file with the compiled
 * sources into one CommonJS script for Node's single executable applications).
 *
 * NODE_OPTIONS: a single executable still reads it, so a stray `--inspect` or `--require` in a
 * user's environment would change how a tool that handles case data runs. When it is set we run
 * ourselves again without it (stdio shared, exit code passed on), so the actual work always runs
 * with the options the binary was built with. An option that acts at start-up (a `--require`
 * preload) has by then run once in this outer process; docs/binary.md says so.
 *
 * Deprecation warnings: Node only warns about deprecated APIs used outside node_modules, and in
 * the bundle every dependency is "outside" (exceljs' zip library still calls Buffer()). They are
 * meant for developers, not for a coordinator running a check, so the binary does not print them.
 */
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { main } from '../dist/cli/main.js';

process.noDeprecation = true;

if (process.env.NODE_OPTIONS) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, process.argv.slice(2), { stdio: 'inherit', env });
  if (r.error) {
    process.stderr.write(`giacheck: ${r.error.message}\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = r.status ?? 128 + (constants.signals[r.signal] ?? 0);
  }
} else {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
