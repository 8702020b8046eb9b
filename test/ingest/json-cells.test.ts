/**
 * JSON and JSON Lines cells that are not plain values (issue 16.9): an object with `toString` or a
 * 10,000-deep array in a date or yes/no cell gave "interne fout" for the whole file; a route given
 * as an object was dropped without a word; long numeric dossier ids lost digits and collided as
 * duplicates; 1e400 became Infinity; a key named like one of Object's methods read the method.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInput, quoteUnsafeNumbers } from '../../src/ingest/readers.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import { STRIDE } from '../../src/model/row.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { loadProfile } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';
import type { RowError } from '../../src/ingest/normalize.js';

const zl = loadProfile({ region: 'zuid-limburg' });
const dir = mkdtempSync(join(tmpdir(), 'giacheck-json-'));

async function readAll(name: string, text: string, chunkSize?: number) {
  const f = join(dir, name);
  writeFileSync(f, text);
  const input = await openInput(f, { encoding: 'auto', chunkSize });
  const n = new Normalizer(zl, EMPTY_MAPPING);
  n.begin(input);
  const row = new Int32Array(STRIDE);
  const ids: string[] = [];
  const rejected: Pick<RowError, 'row' | 'column' | 'code' | 'reason'>[] = [];
  for await (const batch of input.batches) {
    for (const rec of batch) {
      const c = n.normalize(rec, row, 0);
      if (c === true) ids.push(n.spanRow.dossierId);
      else rejected.push(...c.map(({ row, column, code, reason }) => ({ row, column, code, reason })));
    }
  }
  return { ids, rejected };
}

const base = '"gemeente":"Heerlen","melding_datum":"2026-04-28"';
const deep = '['.repeat(10_000) + ']'.repeat(10_000);

describe('JSON cells that are not values', () => {
  for (const [format, name, join] of [
    ['JSON', 'cells.json', (lines: string[]) => '[' + lines.join(',\n') + ']'],
    ['JSON Lines', 'cells.jsonl', (lines: string[]) => lines.join('\n')],
  ] as const) {
    it(`${format}: objects and arrays in date, yes/no, route and id cells reject their row by name; the other rows are read`, async () => {
      const r = await readAll(
        name,
        join([
          `{"dossier_id":"A-1",${base},"melder_anoniem":"","triage_besluit":"","gi_betrokken":""}`,
          `{"dossier_id":"A-2","gemeente":"Heerlen","melding_datum":{"toString":"x"}}`,
          `{"dossier_id":"A-3",${base},"melder_anoniem":${deep}}`,
          `{"dossier_id":"A-4",${base},"triage_besluit":{"code":"veilig_thuis"}}`,
          `{"dossier_id":["A-5"],${base}}`,
          `{"dossier_id":"A-6",${base},"gi_betrokken":{"valueOf":1,"toString":2}}`,
          `{"dossier_id":"A-7",${base}}`,
        ]),
      );
      expect(r.ids).toEqual(['A-1', 'A-7']);
      expect(r.rejected).toEqual([
        { row: 2, column: 'melding_datum', code: 'type-error', reason: 'een JSON-object in plaats van een waarde (niet getoond)' },
        { row: 3, column: 'melder_anoniem', code: 'type-error', reason: 'een JSON-lijst in plaats van een waarde (niet getoond)' },
        { row: 4, column: 'triage_besluit', code: 'type-error', reason: 'een JSON-object in plaats van een waarde (niet getoond)' },
        { row: 5, column: 'dossier_id', code: 'type-error', reason: 'een JSON-lijst in plaats van een waarde (niet getoond)' },
        { row: 6, column: 'gi_betrokken', code: 'type-error', reason: 'een JSON-object in plaats van een waarde (niet getoond)' },
      ]);
    });
  }

  it('long numeric dossier ids keep every digit and do not collide; 1e400 is shown as written', async () => {
    const r = await readAll(
      'numbers.jsonl',
      [
        `{"dossier_id":123456789012345678901,${base}}`,
        `{"dossier_id":123456789012345678902,${base}}`,
        `{"dossier_id":9007199254740993,${base}}`,
        `{"dossier_id":42,${base}}`,
        `{"dossier_id":"A-1","gemeente":"Heerlen","melding_datum":1e400}`,
        `{"dossier_id":1E+400,${base}}`,
      ].join('\n'),
    );
    expect(r.ids).toEqual(['123456789012345678901', '123456789012345678902', '9007199254740993', '42', '1E+400']);
    expect(r.rejected).toEqual([
      { row: 5, column: 'melding_datum', code: 'invalid-date', reason: 'geen datum: "1e400" (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)' },
    ]);
  });

  it('a key named like an Object method that a row lacks is empty in that row, not the method', async () => {
    // the header comes from every element; A-2 has no "toString", "valueOf" or "constructor"
    const r = await readAll('methods.json', `[{"dossier_id":"A-1",${base},"toString":"x","constructor":1},{"dossier_id":"A-2",${base}}]`);
    expect(r.ids).toEqual(['A-1', 'A-2']);
    expect(r.rejected).toEqual([]);
  });

  it('NUL escaped inside a string is a value; raw NUL makes a JSON file binary', async () => {
    const ok = await readAll('nul.jsonl', `{"dossier_id":"A-1","gemeente":"Heerlen","melding_datum":"2026-04-28\\u0000"}`);
    expect(ok.ids).toEqual([]);
    expect(ok.rejected).toEqual([{ row: 1, column: 'melding_datum', code: 'invalid-date', reason: 'geen datum: onleesbare waarde, 11 tekens, niet getoond (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)' }]);
    const e = await readAll('nul.json', `[\n{"dossier_id":"A-\u00001"}]`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(`${join(dir, 'nul.json')}: dit lijkt een binair bestand, geen CSV/JSON-export`);
  });

  it('the error position is that of the file as written, also after a long number was quoted', async () => {
    const e = await readAll('pos.json', `[{"dossier_id":123456789012345678901, x}]`).catch((x: unknown) => x);
    expect((e as Error).message).toBe(`${join(dir, 'pos.json')}:1:39: geen geldige JSON: Expected double-quoted property name in JSON at position 38`);
  });

  it('a long JSON Lines line read in small chunks is read whole (joined once, not copied again with every chunk)', async () => {
    const long = `{"dossier_id":"A-1",${base},"Opmerking":"${'x'.repeat(4_000_000)}"}\n{"dossier_id":"A-2",${base}}\n`;
    const r = await readAll('long.jsonl', long, 64 * 1024);
    expect(r.ids).toEqual(['A-1', 'A-2']);
    const cut = await readAll('long-end.jsonl', long.trimEnd(), 1000);
    expect(cut.ids).toEqual(['A-1', 'A-2']);
  });
});

describe('quoteUnsafeNumbers', () => {
  it('quotes only numbers outside strings that JSON.parse cannot keep', () => {
    expect(quoteUnsafeNumbers('{"a":123456789012345678901,"b":"123456789012345678901","c":1e400,"d":1.5e3,"e":9007199254740991}')).toBe(
      '{"a":"123456789012345678901","b":"123456789012345678901","c":"1e400","d":1.5e3,"e":9007199254740991}',
    );
    expect(quoteUnsafeNumbers('["\\"1234567890123456789\\"",-98765432109876543210]')).toBe('["\\"1234567890123456789\\"","-98765432109876543210"]');
    const plain = '[{"a":1,"b":"x"}]';
    expect(quoteUnsafeNumbers(plain)).toBe(plain);
  });
});
