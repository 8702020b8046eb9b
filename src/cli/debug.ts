/**
 * What --debug and "interne fout" may print of an error: a library's message can quote a piece of
 * the input (JSON.parse quotes the text around the fault, exceljs a cell), so the message goes
 * through the same policy as a rejected row's reason (src/privacy/quote.ts), and the stack trace
 * keeps its frames (file, line, column of the code) with that message only.
 */
import { scrubText } from '../privacy/quote.js';

/** The first line of an error's message, with nothing of the input in it. */
export function internalMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : Object.prototype.toString.call(e);
  return scrubText(String(raw).split('\n')[0]);
}

/**
 * The stack trace for --debug. A UserError's message was built from the catalogue and is printed
 * already; any other error's message is scrubbed. Frames are lines of code, never data.
 */
export function debugTrace(e: unknown, userMessage?: string): string {
  if (!(e instanceof Error)) return internalMessage(e);
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return [`${e.name}: ${userMessage ?? internalMessage(e)}`, ...frames].join('\n');
}
