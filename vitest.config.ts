import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The CLI runs in-process in most tests (test/helpers/cli.ts), so a test file is busy on
    // its own core rather than waiting for a child process: use every core, and two on a
    // 2-core machine (vitest's default would be one). Threads start faster than forked
    // processes; no test needs a process of its own (chdir, process.exit, native addons).
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
