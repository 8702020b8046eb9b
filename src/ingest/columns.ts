/**
 * Which column of an export holds which canonical field (SPEC §3): by the mapping's column name,
 * else the canonical name, ignoring case, surrounding space, BOM and NBSP. Apart from mapping.ts
 * (which validates mapping files with zod) so the ingest worker stays light.
 */
import { FIELDS, FieldName } from '../model/fields.js';

/** Normalise a header cell for matching: case, surrounding space, BOM, NBSP. */
export function headerKey(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/\u00a0/g, ' ').trim().toLowerCase();
}

/**
 * Which column of the header holds each canonical field: the mapping's column name, else the
 * canonical name itself. Returns -1 for fields the export does not have.
 */
export function resolveColumns(header: string[], mapping: { columns: Partial<Record<FieldName, string>> }): Int32Array {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!index.has(k)) index.set(k, i);
  });
  const out = new Int32Array(FIELDS.length).fill(-1);
  FIELDS.forEach((f, fi) => {
    const wanted = mapping.columns[f];
    const i = wanted !== undefined ? index.get(headerKey(wanted)) : index.get(f);
    if (i !== undefined) out[fi] = i;
  });
  return out;
}
