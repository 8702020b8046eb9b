/**
 * The width a terminal table or screen is laid out for (issue 13.8), one rule for every command:
 * `--width <n>` when given (40 … 1000), else the columns of the terminal the output goes to, else
 * 100 (a pipe or a file). The layouts themselves switch to their compact form below
 * COMPACT_BELOW (src/report/table.ts).
 */
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { OutStream } from './io.js';

export const DEFAULT_WIDTH = 100;
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 1000;

/** `--width` checked: undefined when not given; a usage error (exit 2) when not 40 … 1000. */
export function parseWidth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const width = Number(value);
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new UserError(t('error.option', { option: '--width', value: String(value), choices: `${MIN_WIDTH} … ${MAX_WIDTH}` }));
  }
  return width;
}

/**
 * The width for output written to `out`: `--width` (parsed by parseWidth before any work), else
 * the terminal's columns when `out` is a terminal, else `undefined` (the formatter's default,
 * DEFAULT_WIDTH).
 */
export function outputWidth(width: number | undefined, out: { isTTY?: boolean }, terminal: OutStream): number | undefined {
  return width ?? (out.isTTY ? terminal.columns : undefined);
}
