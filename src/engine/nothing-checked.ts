/**
 * A run that checked no row is a failed run (exit 2): say why and the way out. When the gemeenten
 * belong to another bundled region, name it; when most rejections share one cause, name it and
 * its fix.
 */
import { localized, t } from '../i18n/index.js';
import { resolveColumns } from '../ingest/columns.js';
import type { Mapping } from '../ingest/mapping.js';
import type { RowError } from '../ingest/normalize.js';
import { openInput, ReadOptions } from '../ingest/readers.js';
import { FIELD_INDEX } from '../model/fields.js';
import { cellText } from '../model/values.js';
import { gemeenteResolver, loadProfile, Profile, regionalProfileIds } from '../profile/load.js';

/** The first problem of each rejected row, by what it is about. */
export type RejectionCause = 'two-digit-year' | 'invalid-date' | 'unknown-route' | 'gemeente' | 'missing-required' | 'column-count' | 'other';

export function causeOf(e: RowError): RejectionCause {
  if (e.code === 'invalid-date' && e.cause === 'two-digit-year') return 'two-digit-year';
  if (e.code === 'invalid-date' || e.code === 'impossible-date') return 'invalid-date';
  if (e.code === 'unknown-route') return 'unknown-route';
  if (e.code === 'unknown-gemeente' || e.code === 'gemeente-outside-region') return 'gemeente';
  if (e.code === 'missing-required') return 'missing-required';
  if (e.code === 'column-count') return 'column-count';
  return 'other';
}

/** The bundled region (other than the run's) that knows the most distinct gemeenten of the inputs. */
async function likelyRegion(inputs: string[], mapping: Mapping, read: ReadOptions, current: Profile): Promise<{ profile: Profile; hits: number; total: number } | undefined> {
  const seen = new Set<string>();
  for (const path of inputs) {
    const input = await openInput(path, read);
    const col = resolveColumns(input.header, mapping)[FIELD_INDEX.gemeente];
    if (col < 0) continue;
    for await (const batch of input.batches) {
      for (const rec of batch) {
        const g = cellText(rec.values[col]);
        if (g !== undefined) seen.add(g);
      }
    }
  }
  if (!seen.size) return undefined;
  let best: { profile: Profile; hits: number; total: number } | undefined;
  for (const id of regionalProfileIds()) {
    if (id === current.id) continue;
    const profile = loadProfile({ region: id });
    const known = gemeenteResolver(profile);
    const hits = [...seen].filter((g) => known(g)).length;
    if (hits && (!best || hits > best.hits)) best = { profile, hits, total: seen.size };
  }
  return best;
}

/** The one-line reason and next step for a run in which every row was rejected. */
export async function nothingCheckedReason(
  causes: Map<RejectionCause, number>,
  rowsRead: number,
  run: { inputs: string[]; mapping: Mapping; read: ReadOptions; profile: Profile },
): Promise<string> {
  if (rowsRead === 0) return t('run.nothing.noRows');
  const [top, n] = [...causes.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['other', 0];
  const share = { count: n, total: rowsRead };
  if (top === 'gemeente') {
    const other = await likelyRegion(run.inputs, run.mapping, run.read, run.profile);
    if (other) return t('run.nothing.otherRegion', { region: localized(other.profile.name).split(' (')[0], id: other.profile.id, hits: other.hits, total: other.total });
  }
  if (n * 2 >= rowsRead) return t(`run.nothing.${top}`, share);
  return t('run.nothing.mixed', share);
}
