import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a hang guard, not a speed assertion: generous, since the suite may share two cores with other work
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The CLI runs in-process in most tests (test/helpers/cli.ts), so a test file is busy on
    // its own core rather than waiting for a child process: use every core, and two on a
    // 2-core machine (vitest's default would be one). Threads start faster than forked
    // processes; no test needs a process of its own (chdir, process.exit, native addons).
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The files of a worker share one module graph instead of loading it afresh for each file
    // (on the shared 2-core machine, one pair of fresh-clone runs in the same minutes: npm test
    // 308 s isolated, 177 s not). The state that lives in modules is reset: the language and standard input
    // before every file (test/helpers/setup.ts) and at the start of every CLI run (main);
    // everything else kept at module level is a cache of immutable data. A message catalogue
    // loaded by one file stays loaded for the next: that every command loads its own is shown
    // by running each in a fresh process (test/cli/commands.test.ts). Checked with
    // `vitest run --sequence.shuffle` under several seeds.
    isolate: false,
    setupFiles: ['test/helpers/setup.ts'],
  },
});
