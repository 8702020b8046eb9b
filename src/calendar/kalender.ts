/**
 * The closed days of one year with their legal basis, for `giacheck kalender <jaar>`: so a
 * coordinator can answer "why is 15 May not a werkdag?" (gelijkgesteld by the Besluit of 2026–2028)
 * and see which years no Besluit covers yet.
 */
import { getLang, localized, t } from '../i18n/index.js';
import '../i18n/catalog/calendar.js';
import { dayFromYMD, isoDate, type Day } from './days.js';
import { besluitCitation, besluitenFor } from './besluiten.js';
import type { Besluit, ClosedDayInfo, WerkdagCalendar } from './werkdagen.js';

/** The years `kalender` accepts: the Algemene termijnenwet is in force since 1 April 1965. */
export const KALENDER_MIN_YEAR = 1965;
export const KALENDER_MAX_YEAR = 2199;

export interface KalenderDay {
  /** yyyy-mm-dd */
  date: string;
  weekday: string;
  name: string;
  kind: ClosedDayInfo['kind'];
  /** the legal basis as one line: "feestdag, Atw art. 3 lid 1" / "gelijkgesteld: …" */
  basis: string;
  /** the profile's source of the day (feestdag: its article; gelijkgesteld: its Besluit) */
  source: string | null;
  /** the Besluit that settles the year of a gelijkgestelde dag */
  besluit: string | null;
}

export interface Kalender {
  year: number;
  profile: { id: string; version: string; name: { nl: string; en: string } };
  besluiten: { years: [number, number]; title: string; stcrt: string | null; url: string | null }[];
  /** a Besluit gelijkstelling is known for the year */
  besluit_known: boolean;
  /** the statement for a year without a Besluit, else null */
  note: string | null;
  werkdagen: number;
  days: KalenderDay[];
}

const dayDate = (d: Day): Date => new Date(d * 86_400_000);

function locale(): string {
  return getLang() === 'en' ? 'en-GB' : 'nl-NL';
}

export function weekdayName(d: Day): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' }).format(dayDate(d));
}

/** "26 mei 2017" / "26 May 2017" */
export function longDate(d: Day): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayDate(d));
}

function basisOf(c: ClosedDayInfo, besluit: Besluit | undefined): string {
  switch (c.kind) {
    case 'feestdag':
      return c.source ? t('kalender.basis.feestdag', { source: c.source }) : t('kalender.basis.feestdagNoSource');
    case 'gelijkgesteld':
      return t('kalender.basis.gelijkgesteld', { besluit: c.source ?? (besluit ? besluitCitation(besluit) : '') });
    case 'extra':
      return t('kalender.basis.extra', { origin: c.origin ?? '' });
  }
}

export function buildKalender(
  calendar: WerkdagCalendar,
  profile: { id: string; version: string; name: { nl: string; en: string } },
  year: number,
): Kalender {
  const besluiten = besluitenFor(calendar, year);
  const lang = getLang();
  const days = calendar.closedDaysInfo(year).map((c): KalenderDay => {
    const besluit = c.kind === 'gelijkgesteld' ? besluiten[0] : undefined;
    return {
      date: isoDate(c.day),
      weekday: weekdayName(c.day),
      name: c.name[lang],
      kind: c.kind,
      basis: basisOf(c, besluit),
      source: c.source ?? null,
      besluit: besluit ? besluitCitation(besluit) : null,
    };
  });
  return {
    year,
    profile: { id: profile.id, version: profile.version, name: profile.name },
    besluiten: besluiten.map((b) => ({ years: [b.from, b.to], title: b.title, stcrt: b.stcrt ?? null, url: b.url ?? null })),
    besluit_known: besluiten.length > 0,
    note: besluiten.length ? null : t('kalender.noBesluit', { year }),
    werkdagen: calendar.werkdagenTussen(dayFromYMD(year - 1, 12, 31), dayFromYMD(year, 12, 31)),
    days,
  };
}

/** The lines above the table: title, what closes a day, the Besluit of the year (or its absence). */
export function kalenderHeadLines(k: Kalender): string[] {
  const out = [t('kalender.title', { year: k.year, profile: localized(k.profile.name) }), t('kalender.legend')];
  if (!k.besluiten.length && k.note) out.push(k.note);
  for (const b of k.besluiten) {
    out.push(t('kalender.besluit', { year: k.year, besluit: b.stcrt ? `${b.title}, ${b.stcrt}` : b.title }));
    if (b.url) out.push('  ' + t('kalender.besluitUrl', { url: b.url }));
  }
  return out;
}
