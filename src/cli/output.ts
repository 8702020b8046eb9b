/**
 * Where a report goes: standard output, or `--output <file>` written atomically (a temporary file
 * with mode 0600 in the same directory, renamed over the target when complete), so a reader never
 * sees half a report and other users never see the case data. Writes respect back-pressure, so
 * streaming a million findings into a slow pipe does not pile up in memory.
 *
 * Every write is checked: a full disk (or any failed write, fsync or rename) is one line and exit
 * 2, the temporary file is removed and an earlier file of the same name is left as it was. The
 * temporary file is removed too when the run is stopped by SIGINT, SIGTERM or SIGHUP. A target
 * that is a character device or a FIFO (`--output /dev/null`, a named pipe) is written directly:
 * renaming over it would replace the device.
 */
import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { formatNumber, t } from '../i18n/index.js';
import '../i18n/catalog/usage.js';
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

/** A failed write as the user reads it: a full disk says so; anything else names its code. */
function writeError(file: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError(t('output.diskFull', { file }));
  return new UserError(t('output.writeFailed', { file, code: code ?? String((e as Error)?.message ?? e).split('\n')[0] }));
}

/** All of `data` to `fd`: writeSync may write less than asked (a disk filling up mid-write). */
function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) {
    const n = writeSync(fd, data, off, data.length - off);
    // a regular file that takes 0 bytes without an error is full all the same
    if (n <= 0) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    off += n;
  }
}

/**
 * The temporary files of this process not yet renamed or removed. While there is one, the process
 * removes them when it exits and when SIGINT, SIGTERM or SIGHUP stops it.
 */
const pending = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function removePending(): void {
  for (const cleanup of [...pending]) cleanup();
  pending.clear();
}
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  unwatch();
  // die of the signal as the process would have without this handler (exit status 128 + n),
  // unless someone else handles it
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
function watch(cleanup: () => void): void {
  pending.add(cleanup);
  if (pending.size > 1) return;
  process.on('exit', removePending);
  for (const s of SIGNALS) process.on(s, onSignal);
}
function unwatch(cleanup?: () => void): void {
  if (cleanup) pending.delete(cleanup);
  if (pending.size > 0) return;
  process.off('exit', removePending);
  for (const s of SIGNALS) process.off(s, onSignal);
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
    watch(this.cleanup);
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
  private release(): void {
    unwatch(this.cleanup);
  }
  /** Write, or give up: remove the temporary file and throw the one-line error. */
  private put(data: Uint8Array): void {
    if (this.closed) return;
    try {
      writeAll(this.fd, data);
    } catch (e) {
      this.abort();
      throw writeError(this.target, e);
    }
  }
  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      this.flush();
      this.put(text);
      return;
    }
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  private flush(): void {
    if (!this.size) return;
    const text = this.buf.join('');
    this.buf = [];
    this.size = 0;
    this.put(Buffer.from(text, 'utf8'));
  }
  async drain(): Promise<void> {}
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      this.flush();
      if (this.closed) return;
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.closed = true;
      renameSync(this.tmp, this.target);
    } catch (e) {
      if (e instanceof UserError) throw e;
      this.closed = false;
      this.cleanup();
      this.closed = true;
      throw writeError(this.target, e);
    } finally {
      this.release();
    }
  }
  abort(): void {
    this.cleanup();
    this.closed = true;
    this.release();
  }
}

/**
 * A character device or FIFO named as --output (`/dev/null`, `/dev/stdout`, a named pipe): written
 * in place, as the shell would; there is nothing to rename and nothing to remove.
 */
class DeviceOutput implements Output {
  readonly isTTY = false;
  private readonly fd: number;
  private closed = false;
  constructor(private readonly target: string) {
    try {
      this.fd = openSync(target, 'w');
    } catch (e) {
      throw new UserError(t('error.output', { file: target, message: (e as Error).message }));
    }
  }
  write(text: string | Uint8Array): void {
    if (this.closed) return;
    try {
      writeAll(this.fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    } catch (e) {
      this.abort();
      throw writeError(this.target, e);
    }
  }
  async drain(): Promise<void> {}
  async close(): Promise<void> {
    this.abort();
  }
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** An existing target that is neither a regular file, a folder, a character device nor a FIFO. */
function unwritableKind(st: Stats): boolean {
  return st.isBlockDevice() || st.isSocket();
}

/** `file`, or `stdout` (the run's standard output) when there is none or it is "-". */
export function openOutput(file: string | undefined, stdout: OutStream): Output {
  if (!file || file === '-') return new StdoutOutput(stdout);
  const st = statOrUndefined(file);
  if (st && (st.isCharacterDevice() || st.isFIFO())) return new DeviceOutput(file);
  if (st && unwritableKind(st)) throw new UserError(t('output.notRegular', { file }));
  return new AtomicFileOutput(file);
}

/** The format a file name asks for, by its extension (`rapport.html` → html). */
const EXTENSION_FORMATS: Record<string, string> = {
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
  '.md': 'md',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.ics': 'ics',
};

export function formatOfFileName(file: string | undefined): string | undefined {
  if (!file || file === '-') return undefined;
  return EXTENSION_FORMATS[extname(file).toLowerCase()];
}

/**
 * The output format: `--format` when given, else the one `--output`'s extension names, else
 * `fallback`. A `--format` that contradicts the extension, or an extension this command cannot
 * write, is a usage error (before any work is done).
 */
export function chooseFormat(format: string | undefined, output: string | undefined, supported: readonly string[], fallback = 'table'): string {
  const implied = formatOfFileName(output);
  if (format !== undefined) {
    if (implied !== undefined && implied !== format) {
      throw new UserError(t('output.formatContradicts', { format, file: output!, implied }));
    }
    return format;
  }
  if (implied === undefined) return fallback;
  if (!supported.includes(implied)) {
    throw new UserError(t('output.extensionUnsupported', { file: output!, implied, choices: supported.join(', ') }));
  }
  return implied;
}

/**
 * Check that `--output` can be written before any input is read: its folder exists, is a folder
 * and is writable, and the target itself is not a folder.
 */
export function checkOutputTarget(file: string | undefined): void {
  if (!file || file === '-') return;
  const target = statOrUndefined(file);
  if (target && unwritableKind(target)) throw new UserError(t('output.notRegular', { file }));
  if (target && (target.isCharacterDevice() || target.isFIFO())) {
    // written in place: the device's own permission counts, not its folder's
    try {
      accessSync(file, constants.W_OK);
    } catch {
      throw new UserError(t('output.notWritable', { file, dir: dirname(file) }));
    }
    return;
  }
  const dir = dirname(resolve(file));
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UserError(t('output.dirMissing', { file, dir: dirname(file) }));
  }
  if (!st.isDirectory()) throw new UserError(t('output.dirNotDir', { file, dir: dirname(file) }));
  try {
    if (statSync(file).isDirectory()) throw new UserError(t('output.isDirectory', { file, example: join(file, 'rapport.html') }));
  } catch (e) {
    if (e instanceof UserError) throw e;
    // no such file yet: it will be created
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UserError(t('output.notWritable', { file, dir: dirname(file) }));
  }
}

export type WrittenWhat = 'findings' | 'issues' | 'items' | 'changes' | 'rows' | 'runs';

/** "Rapport geschreven naar rapport.html (html, 245 bevindingen)" */
export function writtenLine(file: string, format: string, what: WrittenWhat, count: number): string {
  const counted = t(count === 1 ? `output.${what}.one` : `output.${what}.other`, { count: formatNumber(count) });
  return t('output.written', { file, format, what: counted });
}

/** Whether a run writes a file (and so prints the written line on stderr). */
export function writesFile(file: string | undefined): file is string {
  return Boolean(file) && file !== '-';
}
