/**
 * Zicht op veiligheid per case at the peildatum: who holds the responsibility for the zicht op de
 * veiligheid according to the profile's `zicht_op_veiligheid` block (the seeds it quotes):
 *
 * - Veilig Thuis from the melding until a handover is confirmed (000 Bijlage 1; §5.1.1, §5.2.1;
 *   001 §1 and §3 "Met de bevestiging door LT is de overdracht van VT naar LT een feit");
 * - the receiving party once the handover is confirmed (on the routes `confirm_for` names: the
 *   direct handover to the lokale veld and the handover after V&V / Onderzoek), or once it is made
 *   (lopende hulpverlening, multidisciplinair team, GI, the directbetrokkenen themselves); nobody
 *   after "geen vervolg" (einde bemoeienis);
 * - **unclear** where a handover was sent but not confirmed within its term, or where a case has no
 *   triage decision after its term (000 Bijlage 1 makes Veilig Thuis responsible from the moment the
 *   term is exceeded, but the export shows nobody acting on it: the case is listed to be followed up).
 *
 * A date after the peildatum had not happened yet at the peildatum and counts as absent (SPEC §5).
 * Counts per gemeente and deelregio; the unclear dossiers by id only (pseudonymised with
 * --pseudonymize), the oldest first. Memory: six counters per gemeente and one entry per unclear case.
 */
import type { Day } from '../calendar/days.js';
import { isoDate } from '../calendar/days.js';
import { localized } from '../i18n/index.js';
import type { WerkdagCalendar } from '../calendar/werkdagen.js';
import { FIELD_INDEX, ROUTES, type FieldName, type RouteCode } from '../model/fields.js';
import { EMPTY_CELL, type RowRef } from '../model/row.js';
import type { Profile } from '../profile/profile.js';
import type { ZichtSpec } from '../profile/schema.js';

export const ZICHT_HOLDERS = ['vt', 'lokaal_veld', 'gi', 'directbetrokkene', 'geen', 'onduidelijk'] as const;
export type ZichtHolder = (typeof ZICHT_HOLDERS)[number];
export type UnclearReason = 'geen_triagebesluit' | 'overdracht_niet_bevestigd';

export type ZichtCounts = { cases: number } & Record<ZichtHolder, number>;

export interface UnclearCase {
  dossier_id: string;
  gemeente: string;
  reason: UnclearReason;
  /** the last day of the term that ran out (yyyy-mm-dd): unclear from the day after */
  term_end: string;
}

export interface ZichtSummary {
  peildatum: string;
  /** false when the export lacks a field the block reads: no counts */
  assessable: boolean;
  missing_fields: FieldName[];
  triage_term_workdays: number;
  confirm_term_workdays: number;
  totals: ZichtCounts;
  by_gemeente: Record<string, ZichtCounts & { deelregio?: string }>;
  by_deelregio: Record<string, ZichtCounts>;
  unclear: UnclearCase[];
  /** the reading of the block, in the run's language */
  interpretation: string | null;
  /** the seed quotes the block rests on */
  quotes: { document: string; section: string; text: string }[];
}

/** The fields the block reads (a missing column makes the section not assessable). */
export function zichtFields(spec: ZichtSpec): FieldName[] {
  const f = new Set<FieldName>(['melding_datum', 'veiligheidsbeoordeling_datum', 'triage_besluit', ...spec.sent_by, ...spec.confirmed_by]);
  if (spec.triagetafel_confirms) f.add('overdracht_via_triagetafel');
  return [...f];
}

const emptyCounts = (): ZichtCounts => ({ cases: 0, vt: 0, lokaal_veld: 0, gi: 0, directbetrokkene: 0, geen: 0, onduidelijk: 0 });

export class ZichtCounter {
  private readonly totals = emptyCounts();
  private readonly gemeenten = new Map<string, ZichtCounts & { deelregio?: string }>();
  private readonly deelregios = new Map<string, ZichtCounts>();
  private readonly unclear: UnclearCase[] = [];
  private readonly melding = FIELD_INDEX.melding_datum;
  private readonly beoordeling = FIELD_INDEX.veiligheidsbeoordeling_datum;
  private readonly route = FIELD_INDEX.triage_besluit;
  private readonly triagetafel = FIELD_INDEX.overdracht_via_triagetafel;
  private readonly sent: number[];
  private readonly confirmed: number[];
  private readonly receiver: (ZichtHolder | undefined)[];
  private readonly needsConfirmation: boolean[];

  constructor(
    readonly spec: ZichtSpec,
    profile: Profile,
    private readonly calendar: WerkdagCalendar,
    private readonly peildatum: Day,
    private readonly missing: FieldName[],
    private readonly pseudo?: (id: string) => string,
  ) {
    this.sent = spec.sent_by.map((f) => FIELD_INDEX[f]);
    this.confirmed = spec.confirmed_by.map((f) => FIELD_INDEX[f]);
    this.receiver = ROUTES.map((r) => spec.receivers[r as RouteCode]);
    this.needsConfirmation = ROUTES.map((r) => spec.confirm_for.includes(r as RouteCode));
    for (const [deelregio, gemeenten] of Object.entries(profile.deelregios)) {
      this.deelregios.set(deelregio, emptyCounts());
      for (const g of gemeenten) this.gemeenten.set(g, { ...emptyCounts(), deelregio });
    }
  }

  /** A date of the row as of the peildatum: EMPTY_CELL when absent or still to come. */
  private at(ints: Int32Array, base: number, field: number): number {
    const d = ints[base + field];
    return d === EMPTY_CELL || d > this.peildatum ? EMPTY_CELL : d;
  }

  private first(ints: Int32Array, base: number, fields: number[]): number {
    for (const f of fields) {
      const d = this.at(ints, base, f);
      if (d !== EMPTY_CELL) return d;
    }
    return EMPTY_CELL;
  }

  /** Who holds the zicht op veiligheid of this row at the peildatum (and why, when unclear). */
  classify(ints: Int32Array, base: number): { holder: ZichtHolder; reason?: UnclearReason; termEnd?: Day } {
    const melding = this.at(ints, base, this.melding);
    const beoordeling = ints[base + this.beoordeling];
    const route = ints[base + this.route];
    // a decision taken after the peildatum had not been taken at the peildatum
    const decided = route !== EMPTY_CELL && (beoordeling === EMPTY_CELL || beoordeling <= this.peildatum);
    if (!decided) {
      if (melding === EMPTY_CELL) return { holder: 'vt' };
      const due = this.calendar.addWerkdagen(melding, this.spec.triage_term.workdays);
      // due on the peildatum itself is still within the term
      return due < this.peildatum ? { holder: 'onduidelijk', reason: 'geen_triagebesluit', termEnd: due } : { holder: 'vt' };
    }
    const receiver = this.receiver[route];
    // a route the block names no receiver for stays with Veilig Thuis; einde bemoeienis: nobody
    if (receiver === undefined) return { holder: 'vt' };
    if (receiver === 'geen') return { holder: 'geen' };
    const sent = this.first(ints, base, this.sent);
    // decided, not yet handed over: still Veilig Thuis (during a service, or before the handover)
    if (sent === EMPTY_CELL) return { holder: 'vt' };
    if (!this.needsConfirmation[route]) return { holder: receiver };
    const confirmed = this.first(ints, base, this.confirmed) !== EMPTY_CELL || (this.spec.triagetafel_confirms && ints[base + this.triagetafel] === 1);
    if (confirmed) return { holder: receiver };
    const due = this.calendar.addWerkdagen(sent, this.spec.confirm_term.workdays);
    return due < this.peildatum ? { holder: 'onduidelijk', reason: 'overdracht_niet_bevestigd', termEnd: due } : { holder: 'vt' };
  }

  add(row: RowRef): void {
    if (this.missing.length) return;
    const c = this.classify(row.ints, row.base);
    const { gemeente, deelregio } = row.place;
    let g = this.gemeenten.get(gemeente);
    if (!g) this.gemeenten.set(gemeente, (g = { ...emptyCounts(), ...(deelregio ? { deelregio } : {}) }));
    const d = deelregio ? this.deelregios.get(deelregio) : undefined;
    for (const counts of [this.totals, g, d]) {
      if (!counts) continue;
      counts.cases++;
      counts[c.holder]++;
    }
    if (c.holder === 'onduidelijk') {
      this.unclear.push({ dossier_id: this.pseudo ? this.pseudo(row.dossierId) : row.dossierId, gemeente, reason: c.reason!, term_end: isoDate(c.termEnd!) });
    }
  }

  summary(): ZichtSummary {
    const unclear = [...this.unclear].sort((a, b) => a.term_end.localeCompare(b.term_end) || a.dossier_id.localeCompare(b.dossier_id));
    const keys = [...this.gemeenten.keys()].sort((a, b) => a.localeCompare(b, 'nl'));
    return {
      peildatum: isoDate(this.peildatum),
      assessable: this.missing.length === 0,
      missing_fields: this.missing,
      triage_term_workdays: this.spec.triage_term.workdays,
      confirm_term_workdays: this.spec.confirm_term.workdays,
      totals: this.totals,
      by_gemeente: Object.fromEntries(keys.map((k) => [k, this.gemeenten.get(k)!])),
      by_deelregio: Object.fromEntries(this.deelregios),
      unclear,
      interpretation: this.spec.interpretation ? localized(this.spec.interpretation) : null,
      quotes: this.spec.quotes.map((q) => ({ document: q.document, section: q.section, text: q.text.trim() })),
    };
  }
}
