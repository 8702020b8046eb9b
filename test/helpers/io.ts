/** Captured streams for running commands in this process (`main(argv, io)`, `runCheck(…, io)`). */
import { Readable, Writable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';

/** A writable that keeps everything written to it, as a pipe would deliver it. */
export class Capture extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(chunk);
    cb();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  get text(): string {
    return this.bytes.toString('utf8');
  }
}

/** Standard input holding `input` (nothing: an empty pipe), in 64 KB reads like a pipe. */
export function stdinOf(input?: string | Buffer): Readable {
  const bytes = input === undefined ? Buffer.alloc(0) : Buffer.from(input);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024));
  return Readable.from(chunks);
}

/** An Io of captured streams, an empty stdin and an empty environment, with `over` on top. */
export function testIo(over: Partial<Io> = {}): Io {
  return { stdout: new Capture(), stderr: new Capture(), stdin: stdinOf(), env: {}, ...over };
}
