/**
 * Where a report goes: standard output, or `--output <file>` written atomically (a temporary file
 * with mode 0600 in the same directory, renamed over the target when complete), so a reader never
 * sees half a report and other users never see the case data. Writes respect back-pressure, so
 * streaming a million findings into a slow pipe does not pile up in memory.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { OutStream } from './io.js';

export interface Output {
  /** true when writing to a terminal (colours, progress) */
  readonly isTTY: boolean;
  write(text: string | Uint8Array): void;
  /** resolves when buffered text has been handed to the OS (await it between batches) */
  drain(): Promise<void>;
  /** finish: flush, fsync and rename a file; nothing for stdout */
  close(): Promise<void>;
  /** give up: remove the temporary file */
  abort(): void;
}

const FLUSH_AT = 64 * 1024;

class StdoutOutput implements Output {
  private buf: string[] = [];
  private size = 0;
  private waiting: Promise<void> | undefined;
  constructor(private readonly stream: OutStream) {}
  get isTTY(): boolean {
    return Boolean(this.stream.isTTY);
  }
  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      this.flush();
      if (!this.stream.write(text)) this.waitDrain();
      return;
    }
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  private flush(): void {
    if (!this.size) return;
    const ok = this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) this.waitDrain();
  }
  private waitDrain(): void {
    this.waiting ??= new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        this.waiting = undefined;
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
  async drain(): Promise<void> {
    if (this.waiting) await this.waiting;
  }
  async close(): Promise<void> {
    this.flush();
    await this.drain();
  }
  abort(): void {
    this.flush();
  }
}

class AtomicFileOutput implements Output {
  readonly isTTY = false;
  private fd: number;
  private readonly tmp: string;
  private buf: string[] = [];
  private size = 0;
  private closed = false;
  constructor(private readonly target: string) {
    this.tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.tmp, 'wx', 0o600);
      chmodSync(this.tmp, 0o600); // the umask may not take bits away from 0600, but be explicit
    } catch (e) {
      throw new UserError(t('error.output', { file: target, message: (e as Error).message }));
    }
    process.once('exit', this.cleanup);
  }
  private readonly cleanup = () => {
    if (!this.closed) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
      try {
        unlinkSync(this.tmp);
      } catch {
        /* already gone */
      }
    }
  };
  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      this.flush();
      writeSync(this.fd, text);
      return;
    }
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  private flush(): void {
    if (!this.size) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  async drain(): Promise<void> {}
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      this.flush();
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.closed = true;
      renameSync(this.tmp, this.target);
    } catch (e) {
      this.closed = false;
      this.cleanup();
      this.closed = true;
      throw new UserError(t('error.output', { file: this.target, message: (e as Error).message }));
    } finally {
      process.off('exit', this.cleanup);
    }
  }
  abort(): void {
    this.cleanup();
    this.closed = true;
    process.off('exit', this.cleanup);
  }
}

/** `file`, or `stdout` (the run's standard output) when there is none or it is "-". */
export function openOutput(file: string | undefined, stdout: OutStream): Output {
  return file && file !== '-' ? new AtomicFileOutput(file) : new StdoutOutput(stdout);
}
