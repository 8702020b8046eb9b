// (b) giacheck's own reader: decode + CsvParser (src/ingest/csv.ts) to rows of fields, nothing else
import { openInput } from '../../dist/ingest/readers.js';
const input = await openInput(process.argv[2], { encoding: 'auto' });
let rows = 0;
let fields = 0;
for await (const batch of input.batches) {
  rows += batch.length;
  for (const r of batch) fields += r.values.length;
}
process.stdout.write(`${rows} rows, ${fields} fields\n`);
