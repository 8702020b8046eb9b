/**
 * `--region` missing: read the gemeente column of every input once and pick the bundled regional
 * profile all recognised gemeenten belong to (SPEC §2). Rows with an unknown gemeente do not
 * decide anything here; they are rejected later by the chosen profile, so nothing is lost.
 */
import { UserError } from '../errors.js';
import { t, localized } from '../i18n/index.js';
import { FIELD_INDEX } from '../model/fields.js';
import type { Mapping } from '../ingest/mapping.js';
import { resolveColumns } from '../ingest/columns.js';
import { openInput, ReadOptions } from '../ingest/readers.js';
import { cellText } from '../model/values.js';
import { bundledProfileIds, gemeenteResolver, loadProfile, Profile } from '../profile/load.js';

export async function inferRegion(inputs: string[], mapping: Mapping, read: ReadOptions): Promise<Profile> {
  const regional = bundledProfileIds()
    .map((id) => loadProfile({ region: id }))
    .filter((p) => Object.keys(p.deelregios).length > 0);
  const resolvers = regional.map((p) => gemeenteResolver(p));
  const hits = new Set<number>();
  for (const path of inputs) {
    const input = await openInput(path, read);
    const col = resolveColumns(input.header, mapping)[FIELD_INDEX.gemeente];
    if (col < 0) continue; // the engine reports the missing column with its own message
    const seen = new Set<string>();
    for await (const batch of input.batches) {
      for (const rec of batch) {
        const g = cellText(rec.values[col]);
        if (g === undefined || seen.has(g)) continue;
        seen.add(g);
        resolvers.forEach((resolve, i) => {
          if (resolve(g)) hits.add(i);
        });
      }
    }
  }
  if (hits.size === 1) return regional[[...hits][0]];
  const regions = regional.map((p) => p.id).join(', ');
  const reason =
    hits.size === 0
      ? t('error.regionNone')
      : t('error.regionMixed', { regions: [...hits].map((i) => localized(regional[i].name)).join(', ') });
  throw new UserError(t('error.regionUnknown', { reason, regions }));
}
