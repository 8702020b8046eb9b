/**
 * Progress on stderr for long runs: only when stderr is a terminal (never in pipes or CI), on one
 * line that is cleared at the end, never on stdout.
 */
import { formatNumber, t } from '../i18n/index.js';

export interface Progress {
  update: (rows: number) => void;
  done: () => void;
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
