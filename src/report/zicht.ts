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
import { EMPTY_CELL, type Place as RowPlace, type RowRef } from '../model/row.js';
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

/** Holder codes in the counters: the index in ZICHT_HOLDERS. */
const H = Object.fromEntries(ZICHT_HOLDERS.map((h, i) => [h, i])) as Record<ZichtHolder, number>;
const HOLDERS = ZICHT_HOLDERS.length;

/** A group's counters: cases at [HOLDERS], each holder at its code. */
const newCounters = () => new Int32Array(HOLDERS + 1);

function countsOf(c: Int32Array): ZichtCounts {
  const out = emptyCounts();
  out.cases = c[HOLDERS];
  ZICHT_HOLDERS.forEach((h, i) => (out[h] = c[i]));
  return out;
}

/** The counters a row's place adds to: its gemeente's and (when it has one) its deelregio's. */
interface PlaceCounters {
  gemeente: Int32Array;
  deelregio: Int32Array | undefined;
}

export class ZichtCounter {
  private readonly totals = newCounters();
  private readonly gemeenten = new Map<string, { counts: Int32Array; deelregio?: string }>();
  private readonly deelregios = new Map<string, Int32Array>();
  /** one entry per place object of the ingest (a gemeente with its deelregio): one lookup per row */
  private readonly places = new Map<RowPlace, PlaceCounters>();
  private readonly unclear: UnclearCase[] = [];
  private readonly melding = FIELD_INDEX.melding_datum;
  private readonly beoordeling = FIELD_INDEX.veiligheidsbeoordeling_datum;
  private readonly route = FIELD_INDEX.triage_besluit;
  private readonly triagetafel = FIELD_INDEX.overdracht_via_triagetafel;
  private readonly sent: number[];
  private readonly confirmed: number[];
  /** per route code: the receiver's holder code, or −1 where the block names none */
  private readonly receiver: Int32Array;
  private readonly needsConfirmation: boolean[];
  /** set by holderOf when it returns onduidelijk: why, and the last day of the term that ran out */
  private reason: UnclearReason = 'geen_triagebesluit';
  private termEnd: Day = 0;

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
    this.receiver = Int32Array.from(ROUTES, (r) => {
      const h = spec.receivers[r as RouteCode];
      return h === undefined ? -1 : H[h];
    });
    this.needsConfirmation = ROUTES.map((r) => spec.confirm_for.includes(r as RouteCode));
    for (const [deelregio, gemeenten] of Object.entries(profile.deelregios)) {
      this.deelregios.set(deelregio, newCounters());
      for (const g of gemeenten) this.gemeenten.set(g, { counts: newCounters(), deelregio });
    }
  }

  /** A date of the row as of the peildatum: EMPTY_CELL when absent or still to come. */
  private at(ints: Int32Array, base: number, field: number): number {
    const d = ints[base + field];
    return d === EMPTY_CELL || d > this.peildatum ? EMPTY_CELL : d;
  }

  private first(ints: Int32Array, base: number, fields: number[]): number {
    for (let i = 0; i < fields.length; i++) {
      const d = this.at(ints, base, fields[i]);
      if (d !== EMPTY_CELL) return d;
    }
    return EMPTY_CELL;
  }

  /** Who holds the zicht op veiligheid of this row at the peildatum (a holder code); for onduidelijk, this.reason and this.termEnd say why. */
  private holderOf(ints: Int32Array, base: number): number {
    const melding = this.at(ints, base, this.melding);
    const beoordeling = ints[base + this.beoordeling];
    const route = ints[base + this.route];
    // a decision taken after the peildatum had not been taken at the peildatum
    const decided = route !== EMPTY_CELL && (beoordeling === EMPTY_CELL || beoordeling <= this.peildatum);
    if (!decided) {
      if (melding === EMPTY_CELL) return H.vt;
      const due = this.calendar.addWerkdagen(melding, this.spec.triage_term.workdays);
      // due on the peildatum itself is still within the term
      return due < this.peildatum ? this.unclearFor('geen_triagebesluit', due) : H.vt;
    }
    const receiver = this.receiver[route];
    // a route the block names no receiver for stays with Veilig Thuis; einde bemoeienis: nobody
    if (receiver < 0) return H.vt;
    if (receiver === H.geen) return H.geen;
    const sent = this.first(ints, base, this.sent);
    // decided, not yet handed over: still Veilig Thuis (during a service, or before the handover)
    if (sent === EMPTY_CELL) return H.vt;
    if (!this.needsConfirmation[route]) return receiver;
    const confirmed = this.first(ints, base, this.confirmed) !== EMPTY_CELL || (this.spec.triagetafel_confirms && ints[base + this.triagetafel] === 1);
    if (confirmed) return receiver;
    const due = this.calendar.addWerkdagen(sent, this.spec.confirm_term.workdays);
    return due < this.peildatum ? this.unclearFor('overdracht_niet_bevestigd', due) : H.vt;
  }

  private unclearFor(reason: UnclearReason, termEnd: Day): number {
    this.reason = reason;
    this.termEnd = termEnd;
    return H.onduidelijk;
  }

  private countersOf(place: RowPlace): PlaceCounters {
    const { gemeente, deelregio } = place;
    let g = this.gemeenten.get(gemeente);
    if (!g) this.gemeenten.set(gemeente, (g = { counts: newCounters(), ...(deelregio ? { deelregio } : {}) }));
    const c = { gemeente: g.counts, deelregio: deelregio ? this.deelregios.get(deelregio) : undefined };
    this.places.set(place, c);
    return c;
  }

  add(row: RowRef): void {
    if (this.missing.length) return;
    const h = this.holderOf(row.ints, row.base);
    const c = this.places.get(row.place) ?? this.countersOf(row.place);
    this.totals[HOLDERS]++;
    this.totals[h]++;
    c.gemeente[HOLDERS]++;
    c.gemeente[h]++;
    if (c.deelregio !== undefined) {
      c.deelregio[HOLDERS]++;
      c.deelregio[h]++;
    }
    if (h === H.onduidelijk) {
      const { gemeente } = row.place;
      const id = row.dossierId;
      // an own copy of the id: the row's is a slice of its batch's ids and would keep the whole
      // batch in memory as long as the list lives (one batch per unclear case on a large export)
      const dossier_id = this.pseudo ? this.pseudo(id) : Buffer.from(id, 'utf8').toString('utf8');
      this.unclear.push({ dossier_id, gemeente, reason: this.reason, term_end: isoDate(this.termEnd) });
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
      totals: countsOf(this.totals),
      by_gemeente: Object.fromEntries(
        keys.map((k) => {
          const g = this.gemeenten.get(k)!;
          return [k, { ...countsOf(g.counts), ...(g.deelregio ? { deelregio: g.deelregio } : {}) }];
        }),
      ),
      by_deelregio: Object.fromEntries([...this.deelregios].map(([k, c]) => [k, countsOf(c)])),
      unclear,
      interpretation: this.spec.interpretation ? localized(this.spec.interpretation) : null,
      quotes: this.spec.quotes.map((q) => ({ document: q.document, section: q.section, text: q.text.trim() })),
    };
  }
}
