/**
 * Generated export rows for comparing a fast path with the general one: each cell is a clean
 * value of its column's kind, up to two cells are spoilt with a tricky value, and some rows are
 * short, long or blank. Each test brings its own lists of clean and tricky values.
 */
import fc from 'fast-check';
import { FIELDS } from '../../src/model/fields.js';

export type CellKind = 'date' | 'bool' | 'item' | 'route' | 'dossier' | 'gemeente' | 'free';
export type CellValues = Record<CellKind, string[]>;

/** The kind of the column at `i` of a header that is FIELDS followed by free columns. */
export function kindOf(i: number): CellKind {
  const f = FIELDS[i];
  if (f === undefined) return 'free';
  if (f === 'dossier_id') return 'dossier';
  if (f === 'gemeente') return 'gemeente';
  if (f === 'triage_besluit') return 'route';
  return f.endsWith('_datum') ? 'date' : f.startsWith('ov_') ? 'item' : 'bool';
}

export function spoiltRows(header: string[], clean: CellValues, tricky: CellValues): fc.Arbitrary<string[]> {
  const cleanRow = fc.tuple(...header.map((_h, i) => fc.constantFrom(...clean[kindOf(i)])));
  const spoil = fc.array(fc.tuple(fc.nat({ max: header.length - 1 }), fc.nat()), { maxLength: 2 });
  const shape = fc.constantFrom('same', 'same', 'same', 'same', 'short', 'long', 'blank');
  return fc.tuple(cleanRow, spoil, shape).map(([cells, spoilt, how]) => {
    const out = [...cells];
    for (const [i, k] of spoilt) out[i] = tricky[kindOf(i)][k % tricky[kindOf(i)].length];
    if (how === 'short') out.pop();
    if (how === 'long') out.push('extra');
    return how === 'blank' ? out.map(() => '') : out;
  });
}
