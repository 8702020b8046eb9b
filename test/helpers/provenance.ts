import type { Provenance } from '../../src/report/model.js';

/** A provenance for hand-made reports in format tests. */
export function sampleProvenance(over: Partial<Provenance> = {}): Provenance {
  return {
    giacheck: { version: '0.1.0' },
    inputs: [{ file: 'e.csv', format: 'csv', bytes: 120, sha256: 'a'.repeat(64) }],
    profile: { id: 'zuid-limburg', version: '2026.11', sha256: 'b'.repeat(64), canonical: 'rfc8785-chain', documents: [{ id: 'zuid-limburg', file: 'zuid-limburg.yaml', sha256: 'c'.repeat(64) }] },
    mapping: null,
    peildatum: '2026-07-01',
    peildatum_given: true,
    options: { encoding: 'auto', delimiter: null, sheet: null, gemeenten: null, from: null, to: null, period: 'month', include_passed: false, pseudonymized: false, min_cell: null, aggregate_only: false, lang: 'nl' },
    ...over,
  };
}
