/**
 * SHA-256 of what giacheck read, for the provenance of a report (issue 16.1): input files hashed
 * chunk by chunk as they are read (no second read), profile documents in a canonical form.
 */
import { createHash } from 'node:crypto';

/** The digest of a byte stream, filled in when the stream has been read to its end. */
export interface ByteDigest {
  /** lower-case hex; undefined until the last byte was read */
  sha256?: string;
  bytes: number;
}

/**
 * The same chunks, hashed on the way through. The digest is set when the source ends; a reader
 * that stops early (an error) leaves it unset, and no report is written then.
 */
export function digesting(source: AsyncIterable<Buffer | string>, out: ByteDigest): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      const hash = createHash('sha256');
      for await (const raw of source) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
        hash.update(chunk);
        out.bytes += chunk.length;
        yield chunk;
      }
      out.sha256 = hash.digest('hex');
    },
  };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and no whitespace: the
 * JSON Canonicalization Scheme of RFC 8785 for the values YAML gives (strings, finite numbers,
 * booleans, null, arrays, plain objects). Two documents with the same meaning, whatever their
 * key order, quoting, comments or layout, give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}
