import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (each 15–60 s of a run), longest first. On a fresh clone vitest
 * knows no durations and starts the largest files first, which put the slowest file (a short one)
 * last: one worker then ran alone for a minute at the end. Starting these first lets the many short
 * files fill both workers to the end. A name that no longer exists fails the run, so the list
 * cannot go stale unnoticed.
 */
const SLOWEST = [
  'test/fuzz/xlsx-memory.test.ts',
  'test/e2e/binary.test.ts',
  'test/engine/parallel.test.ts',
  'test/privacy/planted.test.ts',
  'test/validate/memory.test.ts',
  'test/e2e/report-html-chromium.test.ts',
  'test/e2e/reproducible.test.ts',
  'test/e2e/output-safety.test.ts',
  'test/e2e/tables-width-tmux.test.ts',
  'test/fuzz/ingest.fuzz.test.ts',
];
for (const f of SLOWEST) if (!existsSync(f)) throw new Error(`vitest.config.ts: SLOWEST names ${f}, which does not exist`);

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (s: TestSpecification) => {
      const i = SLOWEST.findIndex((f) => s.moduleId.endsWith('/' + f));
      return i < 0 ? SLOWEST.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's own order
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: SlowestFirst },
  },
});
