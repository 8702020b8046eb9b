/**
 * Progress on stderr for long runs: only when stderr is a terminal (never in pipes or CI), on one
 * line that is cleared at the end, never on stdout.
 */
import { formatNumber, t } from '../i18n/index.js';

export interface Progress {
  update: (rows: number) => void;
  done: () => void;
}

/** Progress is for people watching a terminal: a TTY on stderr, not --quiet, not under CI. */
export function progressWanted(stderr: { isTTY?: boolean }, quiet: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return Boolean(stderr.isTTY) && !quiet && !ci;
}

export function progressReporter(stderr: NodeJS.WritableStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled) return { update: () => {}, done: () => {} };
  const start = now();
  let shown = false;
  return {
    update(rows) {
      const seconds = Math.max(0.001, (now() - start) / 1000);
      stderr.write('\r\x1b[K' + t('progress.rows', { rows: formatNumber(rows), rate: formatNumber(Math.round(rows / seconds)) }));
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
