/**
 * Plausibility of a usable row: dates after the peildatum and dates in an order the work process
 * cannot produce. These are warnings: the row is still checked, but a finding built on such a
 * date deserves a second look.
 */
import type { Day } from '../calendar/days.js';
import { FIELD_INDEX, FieldName, fieldsOfType } from '../model/fields.js';
import { EMPTY_CELL } from '../model/row.js';

const DATE_FIELDS = fieldsOfType('date');

/**
 * Pairs [earlier, later] that the process fixes (SPEC §1 and §3): everything follows the melding;
 * the handover, the end of a service and informing the melder follow the veiligheidsbeoordeling
 * (004); a confirmation follows its handover (000 §2 i); the warme overdracht follows the end of
 * the service (001 §3); monitoring follows the warme overdracht, and 12 months follows 3 months
 * (000 Bijlage 2, 001 §4). Equal dates are fine (same day). For each later field only the first
 * broken pair is reported, so one wrong date gives one warning.
 */
export const DATE_ORDER: readonly [FieldName, FieldName][] = [
  ...DATE_FIELDS.filter((f) => f !== 'melding_datum').map((f) => ['melding_datum', f] as [FieldName, FieldName]),
  ['veiligheidsbeoordeling_datum', 'overdracht_datum'],
  ['veiligheidsbeoordeling_datum', 'dienst_afgerond_datum'],
  ['veiligheidsbeoordeling_datum', 'melder_geinformeerd_datum'],
  ['overdracht_datum', 'overdracht_bevestigd_datum'],
  ['dienst_afgerond_datum', 'warme_overdracht_datum'],
  ['warme_overdracht_datum', 'monitoring_3m_datum'],
  ['warme_overdracht_datum', 'monitoring_12m_datum'],
  ['warme_overdracht_datum', 'monitoring_afgesloten_datum'],
  ['monitoring_3m_datum', 'monitoring_12m_datum'],
];

export type Implausible =
  | { code: 'future-date'; field: FieldName; value: Day }
  | { code: 'date-order'; field: FieldName; value: Day; before: FieldName; beforeValue: Day };

/** The implausible dates of the packed row at ints[base…] (src/model/row.ts). */
export function implausibilities(ints: Int32Array, base: number, peildatum: Day): Implausible[] {
  const out: Implausible[] = [];
  for (const f of DATE_FIELDS) {
    const v = ints[base + FIELD_INDEX[f]];
    if (v !== EMPTY_CELL && v > peildatum) out.push({ code: 'future-date', field: f, value: v });
  }
  const reported = new Set<FieldName>();
  for (const [earlier, later] of DATE_ORDER) {
    if (reported.has(later)) continue;
    const a = ints[base + FIELD_INDEX[earlier]];
    const b = ints[base + FIELD_INDEX[later]];
    if (a !== EMPTY_CELL && b !== EMPTY_CELL && b < a) {
      out.push({ code: 'date-order', field: later, value: b, before: earlier, beforeValue: a });
      reported.add(later);
    }
  }
  return out;
}
