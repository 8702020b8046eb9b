/**
 * Bytes to text for exports. UTF-8 with or without BOM is the default; a UTF-16 BOM is honoured;
 * when the start of a file is not valid UTF-8 it is read as Windows-1252 (what Dutch Excel writes
 * as "CSV (gescheiden door lijstscheidingsteken)"), unless `--encoding` says otherwise. Invalid
 * UTF-8 later in a file that started as UTF-8 is an error, never replaced silently, and so is
 * mojibake (UTF-8 read as Windows-1252 somewhere along the way): an export with "Ã«" where "ë"
 * belongs is not accepted without a word.
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';

export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'latin1';

export const ENCODINGS: EncodingChoice[] = ['auto', 'utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be'];

export function normaliseEncoding(name: string | undefined): EncodingChoice {
  if (!name) return 'auto';
  const s = name.toLowerCase().replace(/[_\s]/g, '-');
  const aliases: Record<string, EncodingChoice> = {
    auto: 'auto',
    utf8: 'utf-8',
    'utf-8': 'utf-8',
    'windows-1252': 'windows-1252',
    cp1252: 'windows-1252',
    win1252: 'windows-1252',
    ansi: 'windows-1252',
    latin1: 'latin1',
    'iso-8859-1': 'latin1',
    'utf-16le': 'utf-16le',
    'utf16le': 'utf-16le',
    'utf-16be': 'utf-16be',
  };
  const e = aliases[s];
  if (!e) throw new UserError(t('error.encoding', { name, list: ENCODINGS.join(', ') }));
  return e;
}

/** Is this chunk plausibly binary (NUL bytes outside UTF-16)? */
function looksBinary(chunk: Buffer): boolean {
  const n = Math.min(chunk.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (chunk[i] === 0) nul++;
  return nul > 0;
}

export interface DecodeInfo {
  encoding: Exclude<EncodingChoice, 'auto'>;
  bom: boolean;
}

/**
 * Decode a byte stream to text chunks. `info` is filled in once the encoding is known (after the
 * first chunk). Decoded text is watched for mojibake (see MojibakeGuard).
 */
export async function* decodeStream(
  source: AsyncIterable<Buffer | string>,
  file: string,
  choice: EncodingChoice,
  info: Partial<DecodeInfo> = {},
): AsyncGenerator<string> {
  let decoder: Decoder | undefined;
  let offset = 0;
  const guard = new MojibakeGuard(file, () => info.encoding ?? 'utf-8', choice);
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (!decoder) {
      if (chunk.length === 0) continue;
      let enc: Exclude<EncodingChoice, 'auto'>;
      let skip = 0;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        enc = 'utf-8';
        skip = 3;
      } else if (chunk[0] === 0xff && chunk[1] === 0xfe) {
        enc = 'utf-16le';
        skip = 2;
      } else if (chunk[0] === 0xfe && chunk[1] === 0xff) {
        enc = 'utf-16be';
        skip = 2;
      } else if (choice !== 'auto') {
        enc = choice;
      } else if (looksBinary(chunk)) {
        throw new UserError(t('error.binary', { file }));
      } else {
        enc = validUtf8Prefix(chunk) ? 'utf-8' : 'windows-1252';
      }
      if (choice !== 'auto' && skip === 0) enc = choice;
      // a forced 8-bit encoding does not make a binary file readable
      if (!enc.startsWith('utf-16') && choice !== 'auto' && looksBinary(chunk.subarray(skip))) {
        throw new UserError(t('error.binary', { file }));
      }
      info.encoding = enc;
      info.bom = skip > 0;
      decoder = makeDecoder(enc, file, () => offset);
      const bytes = chunk.subarray(skip);
      const ascii = asciiFast(decoder, bytes);
      const text = ascii ? bytes.toString('latin1') : decoder.write(bytes);
      offset += chunk.length;
      if (text) {
        if (ascii) guard.checkAscii(text);
        else guard.check(text);
        yield text;
      }
      continue;
    }
    const ascii = asciiFast(decoder, chunk);
    const text = ascii ? chunk.toString('latin1') : decoder.write(chunk);
    offset += chunk.length;
    if (text) {
      if (ascii) guard.checkAscii(text);
      else guard.check(text);
      yield text;
    }
  }
  if (decoder) {
    const tail = decoder.end();
    if (tail) {
      guard.check(tail);
      yield tail;
    }
  }
}

/**
 * Characters that Windows-1252 (or Latin-1) gives for the continuation bytes 0x80–0xBF of UTF-8.
 * UTF-8 text read as Windows-1252 turns "é" (C3 A9) into "Ã©", "ë" into "Ã«", "’" (E2 80 99)
 * into "â€™": a lead character Â/Ã followed by one of these, or "â€"/"â‚", never occurs in Dutch
 * text. U+FFFD means characters were already lost in an earlier conversion.
 */
const MOJIBAKE =
  /[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\u00e2[\u20ac\u201a]|\ufffd/;

/** Finds mojibake in decoded text (also across chunk edges) and fails with the line it is on. */
export class MojibakeGuard {
  private tail = '';
  private lines = 1;

  constructor(
    private readonly file: string,
    private readonly encoding: () => string,
    private readonly choice: EncodingChoice,
  ) {}

  check(text: string): void {
    const s = this.tail + text;
    // a CR ending the last chunk and an LF starting this one are one line end
    const split = this.tail === '\r' && text.charCodeAt(0) === 10 ? 1 : 0;
    const m = MOJIBAKE.exec(s);
    if (m) {
      const at = Math.max(m.index, this.tail.length);
      const line = this.lines + Math.max(0, countLineEnds(s, this.tail.length, at) - split);
      const replacement = m[0] === '\ufffd';
      const forced1252 = this.choice !== 'auto' && this.encoding() !== 'utf-8';
      throw new UserError(
        t(replacement ? 'error.replacementChar' : forced1252 ? 'error.mojibakeForced' : 'error.mojibake', {
          file: this.file,
          line,
          encoding: this.encoding(),
        }),
      );
    }
    this.lines += countLineEnds(text, 0, text.length) - split;
    this.tail = text.slice(-1);
  }

  /**
   * check() for text known to be ASCII: every character of MOJIBAKE is U+0080 or above, and a
   * lead character Â/Ã/â at the end of the previous chunk needs a non-ASCII follower, so an ASCII
   * chunk cannot contain or complete mojibake. Only the line count and the tail move on. Skipping
   * the regular expression saves ~0.3 s on a million-row export (docs/performance.md).
   */
  checkAscii(text: string): void {
    const split = this.tail === '\r' && text.charCodeAt(0) === 10 ? 1 : 0;
    this.lines += countLineEnds(text, 0, text.length) - split;
    this.tail = text.slice(-1);
  }
}

/**
 * An ASCII chunk of an 8-bit or UTF-8 export decodes to the same text in every one of those
 * encodings, one character per byte: latin1Slice copies it into a one-byte string, about twice
 * as fast as TextDecoder (~0.15 s of a 157 MB export; docs/performance.md). `isAscii` is one
 * native SIMD scan (~15 ms for 157 MB). UTF-16 is never ASCII-compatible, and a UTF-8 decoder
 * that holds the first bytes of a character cut off by the previous chunk must see this chunk
 * (it then fails, as it should), so those cases keep the decoder.
 */
function asciiFast(decoder: Decoder, chunk: Buffer): boolean {
  return decoder.asciiCompatible && !decoder.pending() && isAscii(chunk);
}

interface Decoder {
  /** an ASCII byte is the same character in this encoding */
  asciiCompatible: boolean;
  /** holds the start of a character cut off at the end of the last chunk written */
  pending(): boolean;
  write(b: Buffer): string;
  end(): string;
}

/** Does this UTF-8 chunk end inside a multi-byte character (its last lead byte lacks followers)? */
function endsInsideUtf8Char(b: Buffer): boolean {
  const n = b.length;
  for (let k = 1; k <= 4 && k <= n; k++) {
    const c = b[n - k];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (c < 0x80) return false;
    const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return len > k;
  }
  return false;
}

/** Line ends in s[from, to): LF, CRLF or a lone CR each count once. */
function countLineEnds(s: string, from: number, to: number): number {
  let lf = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) lf++;
  let cr = 0;
  for (let i = s.indexOf('\r', from); i >= 0 && i < to; i = s.indexOf('\r', i + 1)) cr++;
  return Math.max(lf, cr);
}

function makeDecoder(enc: Exclude<EncodingChoice, 'auto'>, file: string, offset: () => number): Decoder {
  if (enc === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let pending = false;
    return {
      asciiCompatible: true,
      pending: () => pending,
      write(b: Buffer) {
        try {
          // only chunks that went through the decoder can leave bytes in it (see asciiFast)
          pending = endsInsideUtf8Char(b);
          return td.decode(b, { stream: true });
        } catch {
          throw new UserError(t('error.invalidUtf8', { file, offset: offset() }));
        }
      },
      end() {
        try {
          return td.decode();
        } catch {
          throw new UserError(t('error.invalidUtf8', { file, offset: offset() }));
        }
      },
    };
  }
  const d = iconv.getDecoder(enc === 'windows-1252' ? 'win1252' : enc);
  return {
    // 8-bit code pages keep no state between chunks; UTF-16 is not ASCII-compatible
    asciiCompatible: enc === 'windows-1252' || enc === 'latin1',
    pending: () => false,
    write: (b: Buffer) => d.write(b),
    end: () => d.end() ?? '',
  };
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the chunk. */
export function validUtf8Prefix(chunk: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}
