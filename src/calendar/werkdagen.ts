/**
 * Werkdagen: days that are not a Saturday, Sunday or a closed day of the profile's calendar
 * (Algemene termijnenwet art. 3 feestdagen, the days of the Besluiten gelijkstelling, and any
 * extra days a region closes). The profile decides which days are closed; date-holidays only
 * evaluates the date rules ("easter -2", "04-27 if sunday then previous saturday since 2014"), so
 * its own notion of "public" holidays (which leaves out Goede Vrijdag and 5 mei) never applies.
 *
 * All lookups are O(1) on a precomputed day index: `cum[i]` counts the werkdagen up to and
 * including day `base + i`, and `rank[k]` is the offset of the k-th werkdag. Checking a million
 * cases therefore never loops day by day.
 */
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { Day, dayFromYMD, isoDate, weekday, addMonths, ymdFromDay } from './days.js';
import { FEESTDAGEN_TABLE, FeestdagTable } from './feestdagen-table.js';

export interface Feestdag {
  id: string;
  /** a date-holidays rule, e.g. "12-25", "easter 39" */
  rule: string;
  name?: { nl?: string; en?: string };
  /** legal basis, e.g. "Atw art. 3 lid 1" */
  source?: string;
}

export interface ClosedDay {
  day: Day;
  reason: string;
  /** gelijkgesteld by a Besluit (Atw art. 3 lid 3), or closed by the profile itself */
  kind?: 'gelijkgesteld' | 'extra';
  /** where the day comes from (the profile's `source` of a gelijkgestelde dag) */
  source?: string;
  /** id of the profile that declared the day */
  origin?: string;
}

/**
 * A published Besluit gelijkstelling dagen (Atw art. 3 lid 3): the years it settles. For a year
 * outside every Besluit nobody knows yet which days will be gelijkgesteld, so only the feestdagen
 * of art. 3 lid 1 and 2 count there (see besluiten.ts).
 */
export interface Besluit {
  from: number;
  to: number;
  title: string;
  /** the Staatscourant publication, e.g. "Stcrt. 2016, 58653" */
  stcrt?: string;
  url?: string;
}

export interface CalendarSpec {
  feestdagen: Feestdag[];
  closedDays: ClosedDay[];
  /** Atw art. 1: move a calendar-day/week/month due date off a closed day. Default false. */
  extendCalendarTerms: boolean;
  /** the Besluiten gelijkstelling the profile knows; none means: no year is settled */
  besluiten?: Besluit[];
}

/** One closed day with why it is closed (for `giacheck kalender`). */
export interface ClosedDayInfo {
  day: Day;
  name: { nl: string; en: string };
  kind: 'feestdag' | 'gelijkgesteld' | 'extra';
  /** the feestdag's legal basis or the gelijkgestelde dag's source */
  source?: string;
  /** the profile that closed an extra day */
  origin?: string;
}

export type Duration =
  | { workdays: number }
  | { days: number }
  | { weeks: number }
  | { months: number };

/**
 * date-holidays (with date-holidays-parser and moment-timezone) takes ~0.2 s and ~20 MB to load.
 * For the feestdag rules of the bundled profiles its answers are written down, year by year, in
 * feestdagen-table.ts (scripts/feestdagen-table.mjs; a test holds them to the library), so a run
 * loads the library only for other rules or a year outside FEESTDAG_YEARS. The literal require()
 * is what the standalone binary's bundle (esbuild, CommonJS) takes in; the dist/ modules are ESM
 * and have no `require`.
 */
let holidaysClass: typeof HolidaysClass | undefined;
function newHolidays(): HolidaysClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the literal require() is what the binary's bundle takes in (above)
  holidaysClass ??= (typeof require === 'function' ? require('date-holidays') : createRequire(import.meta.url)('date-holidays')) as typeof HolidaysClass;
  return new holidaysClass();
}

/** The years feestdagen-table.ts covers. */
export const FEESTDAG_YEARS = { from: 2000, to: 2050 } as const;

/** A date-holidays instance that knows these feestdagen and nothing else; throws on a rule it cannot read. */
export function holidaysOf(feestdagen: readonly Feestdag[]): HolidaysClass {
  const hd = newHolidays();
  for (const f of feestdagen) {
    const ok = hd.setHoliday(f.rule, {
      name: { nl: f.name?.nl ?? f.id, en: f.name?.en ?? f.name?.nl ?? f.id },
      type: 'public',
    });
    if (!ok) throw new Error(`calendar: cannot read feestdag rule "${f.rule}" (${f.id})`);
  }
  return hd;
}

/** The written-down days of this list of rules (per year from FEESTDAG_YEARS.from), if it is one of the table's. */
function tableFor(feestdagen: readonly Feestdag[]): FeestdagTable['lists'][number]['years'] | undefined {
  const t = FEESTDAGEN_TABLE;
  if (t.from !== FEESTDAG_YEARS.from || t.to !== FEESTDAG_YEARS.to) return undefined;
  return t.lists.find((l) => l.rules.length === feestdagen.length && l.rules.every((r, i) => r === feestdagen[i].rule))?.years;
}

/**
 * The initial index covers the years exports are about; `ensure()` widens it when a date falls
 * outside (for years outside the table that means loading date-holidays, ~2 ms per year after).
 */
const FIRST_YEAR = 2015;
const LAST_YEAR = 2032;

/** Throws when a feestdag rule cannot be read; the profile loader turns this into a YAML error. */
export function checkFeestdagRule(rule: string): boolean {
  const hd = newHolidays();
  return Boolean(hd.setHoliday(rule, { name: { en: 'x' }, type: 'public' }));
}

export class WerkdagCalendar {
  private base = 0;
  private closed = new Uint8Array(0);
  private cum = new Int32Array(0);
  private rank = new Int32Array(0);
  private firstYear = 0;
  private lastYear = 0;
  private readonly info = new Map<Day, ClosedDayInfo>();
  private readonly byRule = new Map<string, Feestdag>();
  /** the days of the rules as written down (feestdagen-table.ts), when they are a bundled profile's */
  private readonly table: FeestdagTable['lists'][number]['years'] | undefined;
  /** date-holidays itself, for other rules or years outside the table (loaded on first need) */
  private live: HolidaysClass | undefined;

  constructor(readonly spec: CalendarSpec) {
    for (const f of spec.feestdagen) this.byRule.set(f.rule, f);
    this.table = tableFor(spec.feestdagen);
    // rules the table does not know are read now, so that one that cannot be read fails here
    if (!this.table) this.live = holidaysOf(spec.feestdagen);
    this.build(FIRST_YEAR, LAST_YEAR);
  }

  /** The feestdagen of one year: ISO date and rule, in the order date-holidays gives them. */
  private feestdagenOf(year: number): { date: string; rule: string; name?: string }[] {
    if (this.table && year >= FEESTDAG_YEARS.from && year <= FEESTDAG_YEARS.to) {
      return this.table[year - FEESTDAG_YEARS.from].map(([date, i]) => ({ date, rule: this.spec.feestdagen[i].rule }));
    }
    this.live ??= holidaysOf(this.spec.feestdagen);
    return this.live.getHolidays(year).map((h) => ({ date: h.date.slice(0, 10), rule: h.rule, name: h.name }));
  }

  private build(firstYear: number, lastYear: number): void {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.base = dayFromYMD(firstYear, 1, 1);
    const end = dayFromYMD(lastYear, 12, 31);
    const length = end - this.base + 1;
    const closed = new Uint8Array(length);
    this.info.clear();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const h of this.feestdagenOf(year)) {
        const [y, m, d] = h.date.split('-').map(Number);
        const day = dayFromYMD(y, m, d);
        closed[day - this.base] = 1;
        const f = this.byRule.get(h.rule);
        const name = f ? { nl: f.name?.nl ?? f.id, en: f.name?.en ?? f.name?.nl ?? f.id } : { nl: h.name ?? h.rule, en: h.name ?? h.rule };
        this.info.set(day, { day, name, kind: 'feestdag', source: f?.source });
      }
    }
    for (const c of this.spec.closedDays) {
      if (c.day >= this.base && c.day <= end) {
        closed[c.day - this.base] = 1;
        if (!this.info.has(c.day)) {
          this.info.set(c.day, { day: c.day, name: { nl: c.reason, en: c.reason }, kind: c.kind ?? 'extra', source: c.source, origin: c.origin });
        }
      }
    }
    const cum = new Int32Array(length);
    const rank: number[] = [];
    let count = 0;
    for (let i = 0; i < length; i++) {
      const wd = weekday(this.base + i);
      if (wd === 0 || wd === 6) closed[i] = 1;
      if (!closed[i]) {
        rank.push(i);
        count++;
      }
      cum[i] = count;
    }
    this.closed = closed;
    this.cum = cum;
    this.rank = Int32Array.from(rank);
  }

  /** Widen the index when a date (plus a margin for the longest term) falls outside it. */
  private ensure(d: Day): void {
    const margin = 800;
    if (d - margin >= this.base && d + margin < this.base + this.closed.length) return;
    const { year } = ymdFromDay(d);
    this.build(Math.min(this.firstYear, year - 3), Math.max(this.lastYear, year + 3));
  }

  isWerkdag(d: Day): boolean {
    this.ensure(d);
    return this.closed[d - this.base] === 0;
  }

  /** Why a day is not a werkdag: the feestdag's name (weekends are left to the caller). */
  closedReason(d: Day, lang: 'nl' | 'en' = 'nl'): string | undefined {
    this.ensure(d);
    return this.info.get(d)?.name[lang];
  }

  /**
   * "Binnen n werkdagen na X": counting starts the day after X, so the due date is the n-th
   * werkdag after X (SPEC §4). n = 0 gives X itself.
   */
  addWerkdagen(x: Day, n: number): Day {
    if (n <= 0) return x;
    this.ensure(x);
    const k = this.cum[x - this.base] + n - 1;
    if (k >= this.rank.length) {
      this.build(this.firstYear, this.lastYear + Math.ceil(n / 200) + 3);
      return this.addWerkdagen(x, n);
    }
    return this.base + this.rank[k];
  }

  /** Werkdagen in (a, b]: how many werkdagen later b is than a (negative when b < a). */
  werkdagenTussen(a: Day, b: Day): number {
    this.ensure(a);
    this.ensure(b);
    return this.cum[b - this.base] - this.cum[a - this.base];
  }

  /** The first werkdag on or after d. */
  nextWerkdag(d: Day): Day {
    let day = d;
    while (!this.isWerkdag(day)) day++;
    return day;
  }

  /**
   * Due date of a term. Calendar terms (days, weeks, months) are agreements, not statutory terms:
   * Atw art. 1 does not move them off a weekend or feestdag unless the profile says so.
   */
  addDuration(x: Day, duration: Duration): Day {
    if ('workdays' in duration) return this.addWerkdagen(x, duration.workdays);
    let due: Day;
    if ('days' in duration) due = x + duration.days;
    else if ('weeks' in duration) due = x + 7 * duration.weeks;
    else due = addMonths(x, duration.months);
    return this.spec.extendCalendarTerms ? this.nextWerkdag(due) : due;
  }

  /** The closed days (feestdagen and gelijkgestelde days, no weekends) of one year. */
  closedDaysOfYear(year: number, lang: 'nl' | 'en' = 'nl'): { date: string; reason: string }[] {
    return this.closedDaysInfo(year).map((c) => ({ date: isoDate(c.day), reason: c.name[lang] }));
  }

  /**
   * The closed days of one year with why each is closed, in date order. A day closed for two
   * reasons is listed once, under the feestdag (art. 3 lid 1/2 comes before a Besluit or the
   * profile). Feestdagen on a Saturday or Sunday are listed too: they are closed all the same.
   */
  closedDaysInfo(year: number): ClosedDayInfo[] {
    this.ensure(dayFromYMD(year, 7, 1));
    const out: ClosedDayInfo[] = [];
    for (const [day, info] of this.info) if (ymdFromDay(day).year === year) out.push(info);
    return out.sort((p, q) => p.day - q.day);
  }
}
