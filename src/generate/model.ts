/**
 * Synthetic case exports: invented dossiers that walk the chain the way the werkafspraken describe
 * it (melding → veiligheidsbeoordeling → route → handover → monitoring), mostly on time, with a
 * tail of late, forgotten and not-yet-due steps, so every rule of a profile meets every status.
 * Nothing here is a real person: dossier ids are sequence numbers, gemeenten come from the
 * profile, everything else is dates and ja/nee.
 *
 * Determinism: one seeded stream (random.ts) is consumed in a fixed order per case, and cases are
 * produced one at a time (constant memory), so `--seed` alone fixes every byte of the output.
 *
 * The proportions are plausible, not official statistics; they are chosen so a demo shows a
 * realistic mix (most cases on time, a tail of each failure) rather than to model one region.
 */
import { addMonths, Day, ymdFromDay } from '../calendar/days.js';
import type { WerkdagCalendar } from '../calendar/werkdagen.js';
import { FIELD_INDEX, FIELDS, RouteCode, Value } from '../model/fields.js';
import { allGemeenten, calendarOf, Profile } from '../profile/load.js';
import { cumulative, Random } from './random.js';

export interface SynthesisOptions {
  profile: Profile;
  /** number of rows */
  cases: number;
  seed: string;
  /** the export date: the last possible melding date; nothing after it is registered */
  until: Day;
  /** meldingen are spread over this many months up to `until` */
  months: number;
  /** share of rows (0–1) that get one data fault (bad date, unknown gemeente, duplicate id, …) */
  invalid: number;
}

export interface SyntheticRow {
  /** FIELDS order: dates as day numbers, flags and handover items as booleans, text as text */
  values: Value[];
  /** a data fault: the text written in that column instead of the value (sparse) */
  raw?: (string | undefined)[];
}

/**
 * Route mix after the veiligheidsbeoordeling. Most meldingen leave VT straight away (the lokale
 * veld, a professional already involved); V&V and Onderzoek together are about a fifth (003, 004).
 */
const ROUTE_WEIGHTS: [RouteCode, number][] = [
  ['overdracht_lokaal_veld', 34],
  ['voorwaarden_en_vervolg', 13],
  ['onderzoek', 7],
  ['overdracht_lopende_hulpverlening', 18],
  ['overdracht_multidisciplinair', 4],
  ['overdracht_directbetrokkene', 6],
  ['overdracht_gi', 5],
  ['geen_vervolg', 13],
];
const ROUTE_CUM = cumulative(ROUTE_WEIGHTS.map(([, w]) => w));

const I = FIELD_INDEX;

/** A stable weight per gemeente (1–4) from its name: not population figures, just not uniform. */
function gemeenteWeight(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return 1 + ((h >>> 0) % 4);
}

export class CaseSynthesizer {
  private readonly rng: Random;
  private readonly cal: WerkdagCalendar;
  private readonly gemeenten: string[];
  private readonly gemeenteCum: Float64Array;
  /** other spellings of a gemeente seen in exports: profile aliases, hyphen/space, capitals */
  private readonly gemeenteVariants: Map<string, string[]>;
  private readonly routeSpellings: Map<RouteCode, string[]>;
  private readonly start: Day;
  private readonly span: number;
  private readonly seqByYear = new Map<number, number>();
  private i = 0;
  private previousId: string | undefined;
  private faults = 0;

  constructor(private readonly opts: SynthesisOptions) {
    this.rng = new Random(opts.seed);
    this.cal = calendarOf(opts.profile);
    this.gemeenten = allGemeenten(opts.profile);
    this.gemeenteCum = cumulative(this.gemeenten.map(gemeenteWeight));
    this.gemeenteVariants = new Map(this.gemeenten.map((g) => [g, [] as string[]]));
    for (const [alias, target] of Object.entries(opts.profile.gemeenteAliases)) {
      this.gemeenteVariants.get(target)?.push(alias);
    }
    for (const [g, variants] of this.gemeenteVariants) {
      if (g.includes('-')) variants.push(g.replace(/-/g, ' '));
      variants.push(g.toUpperCase());
    }
    this.routeSpellings = new Map();
    for (const [alias, code] of Object.entries(opts.profile.routeAliases)) {
      const list = this.routeSpellings.get(code) ?? [];
      list.push(alias);
      this.routeSpellings.set(code, list);
    }
    this.start = addMonths(opts.until, -opts.months) + 1;
    this.span = opts.until - this.start + 1;
  }

  /** Rows in order of melding date; stops after `cases` rows. */
  *rows(): Generator<SyntheticRow> {
    while (this.i < this.opts.cases) yield this.next();
  }

  next(): SyntheticRow {
    const r = this.rng;
    const cal = this.cal;
    const until = this.opts.until;
    const v: Value[] = new Array(FIELDS.length);
    const at = (d: Day | undefined): Day | undefined => (d !== undefined && d <= until ? d : undefined);
    /** n werkdagen after d: mostly within `max`, with probability pLate up to `lateMax` */
    const werkdagen = (d: Day, min: number, max: number, pLate: number, lateMax: number): Day =>
      cal.addWerkdagen(d, r.chance(pLate) ? r.int(max + 1, lateMax) : r.int(min, max));

    // Melding dates are spread evenly over the span (the i-th case in the i-th slice, so rows come
    // out sorted without holding them); VT is reachable day and night, but most meldingen that
    // arrive in a weekend are registered on the next werkdag.
    const i = this.i++;
    let melding = this.start + Math.floor(((i + r.float()) * this.span) / this.opts.cases);
    if (!cal.isWerkdag(melding) && r.chance(0.8)) {
      const next = cal.nextWerkdag(melding);
      if (next <= until) melding = next;
    }
    v[I.melding_datum] = melding;
    const year = ymdFromDay(melding).year;
    const seq = (this.seqByYear.get(year) ?? 0) + 1;
    this.seqByYear.set(year, seq);
    const dossierId = `VT-${year}-${String(seq).padStart(6, '0')}`;
    v[I.dossier_id] = dossierId;

    const gemeente = this.gemeenten[r.weighted(this.gemeenteCum)];
    const variants = this.gemeenteVariants.get(gemeente)!;
    v[I.gemeente] = r.chance(0.03) ? r.pick(variants) : gemeente;

    const anoniem = r.chance(0.08);
    v[I.melder_anoniem] = anoniem;
    let route = ROUTE_WEIGHTS[r.weighted(ROUTE_CUM)][0];
    // an anonymous melding is rarely handed over directly (001 §1 tenzij, 000 Bijlage 3a.8)
    if (anoniem && route === 'overdracht_lokaal_veld' && r.chance(0.75)) route = 'voorwaarden_en_vervolg';
    // a gezinsvoogd involved goes to the GI (000 Bijlage 3a.1); a few exports disagree
    const gi = route === 'overdracht_gi' ? r.chance(0.97) : r.chance(0.002);
    v[I.gi_betrokken] = gi;

    // informing the family: letter (000 §5.1) and phone call (001 §1) within 5 werkdagen
    if (!r.chance(0.03)) v[I.directbetrokkenen_geinformeerd_datum] = at(werkdagen(melding, 1, 5, 0.07, 14));
    if (!r.chance(0.03)) v[I.contact_gezin_datum] = at(werkdagen(melding, 0, 5, 0.07, 12));

    // veiligheidsbeoordeling within 5 werkdagen (000 §5.1.1); a few are never registered
    const vb = r.chance(0.015) ? undefined : at(werkdagen(melding, 0, 5, 0.08, 12));
    v[I.veiligheidsbeoordeling_datum] = vb;
    if (vb === undefined) return this.finish(v, dossierId);

    const spellings = this.routeSpellings.get(route);
    v[I.triage_besluit] = spellings && r.chance(0.1) ? r.pick(spellings) : route;
    const item = (p = 0.975): boolean => r.chance(p);

    if (route === 'overdracht_lokaal_veld') {
      const o = at(werkdagen(vb, 0, 2, 0.05, 8));
      v[I.overdracht_datum] = o;
      if (o !== undefined) {
        // at the triagetafel no separate confirmation is needed (000 §2 i); some register one anyway
        const viaTafel = r.chance(0.1);
        v[I.overdracht_via_triagetafel] = viaTafel;
        if (viaTafel ? r.chance(0.5) : !r.chance(0.06)) v[I.overdracht_bevestigd_datum] = at(werkdagen(o, 0, 4, 0.1, 15));
        if (!r.chance(0.03)) v[I.lokaal_team_contact_datum] = at(werkdagen(o, 1, 5, 0.15, 22));
        v[I.ov_inhoud_melding] = item();
        v[I.ov_contactgegevens_directbetrokkenen] = item();
        v[I.ov_contactgegevens_melder] = anoniem ? false : item();
        v[I.ov_triagebesluit_onderbouwing] = item();
        v[I.ov_info_veiligheidsbeoordeling] = item();
        // monitoring after a direct handover is not VT's task (000 §5.1.5); rarely registered anyway
        if (r.chance(0.02)) v[I.monitoring_3m_datum] = at(addMonths(o, 3));
      }
    } else if (route === 'voorwaarden_en_vervolg' || route === 'onderzoek') {
      this.service(v, vb, route, anoniem, at, werkdagen, item);
    } else if (route !== 'geen_vervolg') {
      // lopende hulpverlening, multidisciplinair, directbetrokkene, GI: a handover date only
      if (!r.chance(0.05)) v[I.overdracht_datum] = at(werkdagen(vb, 0, 3, 0.05, 10));
    }
    return this.finish(v, dossierId);
  }

  /** A VT service (V&V or Onderzoek), the warme overdracht and monitoring (000 §5.2, 001 §3–4). */
  private service(
    v: Value[],
    vb: Day,
    route: RouteCode,
    anoniem: boolean,
    at: (d: Day | undefined) => Day | undefined,
    werkdagen: (d: Day, min: number, max: number, pLate: number, lateMax: number) => Day,
    item: (p?: number) => boolean,
  ): void {
    const r = this.rng;
    // Onderzoek takes at most 10 weeks (004), V&V about as long; a tail of services runs longer
    const days = r.chance(0.1) ? r.int(71, 130) : route === 'onderzoek' ? r.int(42, 66) : r.int(35, 66);
    const afgerond = at(vb + days);
    v[I.dienst_afgerond_datum] = afgerond;
    // the melder hears who takes over around the end of the service (LV-01: 10 weeks after the vb)
    if (afgerond !== undefined && !r.chance(0.04)) v[I.melder_geinformeerd_datum] = at(werkdagen(afgerond, 0, 3, 0.1, 10));
    if (afgerond === undefined) return;
    // handover document first, the warme overdracht conversation within a few werkdagen
    const o = at(werkdagen(afgerond, 0, 2, 0.05, 6));
    v[I.overdracht_datum] = o;
    if (o === undefined) return;
    const wo = r.chance(0.05) ? undefined : at(werkdagen(o, 0, 3, 0.08, 10));
    v[I.warme_overdracht_datum] = wo;
    v[I.overdracht_via_triagetafel] = r.chance(0.03);
    if (v[I.overdracht_via_triagetafel] === false && !r.chance(0.05)) v[I.overdracht_bevestigd_datum] = at(werkdagen(o, 0, 4, 0.1, 15));
    const anchor = wo ?? o;
    if (!r.chance(0.03)) v[I.lokaal_team_contact_datum] = at(werkdagen(anchor, 0, 5, 0.1, 20));
    const nietNodig = r.chance(0.1);
    v[I.monitoring_niet_nodig] = nietNodig;
    v[I.ov_inhoud_melding] = item();
    v[I.ov_contactgegevens_directbetrokkenen] = item();
    v[I.ov_contactgegevens_melder] = anoniem ? false : item();
    if (route === 'onderzoek') v[I.ov_oordeel_vt] = item();
    v[I.ov_wat_doet_lt] = item();
    v[I.ov_veiligheidsvoorwaarden] = item();
    v[I.ov_veiligheidsplan] = item(0.96);
    v[I.ov_afspraken_monitoring] = nietNodig ? false : item();
    v[I.ov_consequenties] = item(0.97);
    if (nietNodig) return;
    // monitoring at 3 and 12 months (000 §5.2.6, Bijlage 2; 001 §4), mostly inside the window
    const due3 = addMonths(anchor, 3);
    const x3 = r.float();
    if (x3 >= 0.06) {
      const offset = x3 < 0.13 ? -r.int(15, 35) : x3 < 0.2 ? r.int(15, 45) : r.int(-14, 14);
      v[I.monitoring_3m_datum] = at(due3 + offset);
    }
    const due12 = addMonths(anchor, 12);
    const x12 = r.float();
    let m12: Day | undefined;
    if (x12 >= 0.06) {
      const offset = x12 < 0.1 ? -r.int(15, 40) : x12 < 0.16 ? r.int(15, 45) : x12 < 0.26 ? r.int(1, 14) : r.int(-14, 0);
      m12 = at(due12 + offset);
      v[I.monitoring_12m_datum] = m12;
    }
    // closing: most at the 12-month contact, within the year (001 §4: monitoring lasts at most a
    // year), the rest monitored longer (000 Bijlage 2: on average 18 months)
    if (m12 !== undefined) {
      v[I.monitoring_afgesloten_datum] = at(r.chance(0.75) ? Math.max(m12, Math.min(m12 + r.int(0, 7), due12)) : m12 + r.int(30, 240));
    }
  }

  /** Optionally spoil the row with one data fault, the kind validate and check must reject. */
  private finish(v: Value[], dossierId: string): SyntheticRow {
    const r = this.rng;
    const row: SyntheticRow = { values: v };
    if (this.opts.invalid > 0 && r.chance(this.opts.invalid)) {
      const raw: (string | undefined)[] = [];
      const { year, month } = ymdFromDay(v[I.melding_datum] as Day);
      // the kinds take turns, so even a small file shows each of them
      switch (this.faults++ % 7) {
        case 0: { // a date that does not exist
          const short = r.pick(['02', '04', '06', '09', '11']);
          raw[I.melding_datum] = `${short === '02' ? 30 : 31}-${short}-${year}`;
          break;
        }
        case 1: // a two-digit year
          raw[I.melding_datum] = `${r.int(1, 28)}-${month}-${String(year % 100).padStart(2, '0')}`;
          break;
        case 2: { // a typo in the gemeente
          const g = String(v[I.gemeente]);
          const k = r.int(1, g.length - 1);
          raw[I.gemeente] = g.slice(0, k) + g.slice(k + 1);
          break;
        }
        case 3: // an unknown route
          if (v[I.triage_besluit] !== undefined) raw[I.triage_besluit] = 'doorverwezen naar politie';
          else raw[I.melder_anoniem] = 'onbekend';
          break;
        case 4: // a duplicate dossier id
          if (this.previousId) raw[I.dossier_id] = this.previousId;
          else raw[I.dossier_id] = '';
          break;
        case 5: // a required value left empty
          raw[I.dossier_id] = '';
          break;
        default: // a flag that is not ja/nee
          raw[I.gi_betrokken] = 'misschien';
      }
      row.raw = raw;
    }
    this.previousId = dossierId;
    return row;
  }
}
