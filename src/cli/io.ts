/**
 * Where one run of the CLI reads and writes. `bin/giacheck.js` runs with the process's own
 * streams and environment (processIo); the tests run the same `main(argv, io)` in-process with
 * captured streams and their own environment. So the commands never touch process.stdout,
 * process.stderr, process.stdin, process.env or process.exitCode themselves: they take an Io and
 * return their exit code.
 */

export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; hasColors?: () => boolean };
export type InStream = NodeJS.ReadableStream & AsyncIterable<Buffer | string> & { isTTY?: boolean };

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
}

/** The streams and environment of this process (read when called: process.stdin is created lazily). */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/** One command run: its io, and the exit code its action sets (main returns it). */
export interface Run {
  readonly io: Io;
  exitCode: number;
}
