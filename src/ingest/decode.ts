/**
 * Bytes to text for exports. UTF-8 with or without BOM is the default; a UTF-16 BOM is honoured;
 * when the start of a file is not valid UTF-8 it is read as Windows-1252 (what Dutch Excel writes
 * as "CSV (gescheiden door lijstscheidingsteken)"), unless `--encoding` says otherwise. Invalid
 * UTF-8 later in a file that started as UTF-8 is an error, never replaced silently.
 */
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

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
 * first chunk).
 */
export async function* decodeStream(
  source: AsyncIterable<Buffer | string>,
  file: string,
  choice: EncodingChoice,
  info: Partial<DecodeInfo> = {},
): AsyncGenerator<string> {
  let decoder: { write(b: Buffer): string; end(): string } | undefined;
  let offset = 0;
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (!decoder) {
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
      info.encoding = enc;
      info.bom = skip > 0;
      decoder = makeDecoder(enc, file, () => offset);
      const text = decoder.write(chunk.subarray(skip));
      offset += chunk.length;
      if (text) yield text;
      continue;
    }
    const text = decoder.write(chunk);
    offset += chunk.length;
    if (text) yield text;
  }
  if (decoder) {
    const tail = decoder.end();
    if (tail) yield tail;
  }
}

function makeDecoder(enc: Exclude<EncodingChoice, 'auto'>, file: string, offset: () => number) {
  if (enc === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return {
      write(b: Buffer) {
        try {
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
