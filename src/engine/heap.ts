/**
 * V8 grows its young generation to 2×16 MB when a program allocates fast, and a streamed check of
 * a million rows does; the garbage promoted meanwhile lets the old generation swell too. Keeping
 * the young generation at its starting size costs nothing measurable here and ~30 MB of peak RSS
 * less (docs/performance.md). The flag is read whenever V8 considers growing, so it must be set
 * before the commands are loaded; an engine without it ignores it.
 *
 * Starting a worker thread resets V8's flags to their defaults for the whole process (measured on
 * Node 20: the main thread's young generation then grows to 32 MB again, and the batches the
 * worker transferred wait longer for a collection: +25 MB peak RSS on a million-row check). So
 * the flag is set again once a worker is online (parallel.ts).
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    /* only memory is at stake */
  }
}
