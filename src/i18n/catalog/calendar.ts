/** The werkdagen calendar: years without a Besluit gelijkstelling, and `giacheck kalender`. */
import { registerCatalog } from '../index.js';

const nl = {
  'calendar.noBesluit.one':
    'geen Besluit gelijkstelling dagen bekend voor {years}: termijnen in werkdagen tellen daar alleen de feestdagen van de Algemene termijnenwet art. 3 (lid 1 en 2); een later gepubliceerd Besluit kan dagen toevoegen',
  'calendar.noBesluit.many':
    'geen Besluit gelijkstelling dagen bekend voor de jaren {years}: termijnen in werkdagen tellen daar alleen de feestdagen van de Algemene termijnenwet art. 3 (lid 1 en 2); een later gepubliceerd Besluit kan dagen toevoegen',
  'calendar.noBesluit.report':
    'Kalender: voor {years} is geen Besluit gelijkstelling dagen bekend; daar tellen alleen de feestdagen van Atw art. 3 (lid 1 en 2).',
  'cmd.kalender': 'de gesloten dagen van een jaar met hun grondslag: feestdag (Atw art. 3) of gelijkgesteld bij Besluit',
  'arg.jaar': 'jaartal, bijvoorbeeld 2026',
  'opt.kalenderRegion': 'gebundeld profiel: {regions} (standaard {base})',
  'opt.kalenderFormat': 'uitvoerformaat: table, json of csv',
  'kalender.examples':
    'Voorbeelden:\n  giacheck kalender 2026                        waarom is 15 mei 2026 geen werkdag?\n  giacheck kalender 2017 --region {region}  de dagen van het Besluit 2017–2019\n  giacheck kalender 2029 --format json          een jaar zonder Besluit\n  giacheck kalender 2026 --format csv --output kalender-2026.csv',
  'kalender.badYear': 'ongeldig jaar "{value}": geef een jaartal van {min} tot en met {max}',
  'kalender.title': 'Gesloten dagen {year}, profiel {profile}',
  'kalender.legend': 'Geen werkdag zijn: zaterdag, zondag en de dagen hieronder.',
  'kalender.col.date': 'datum',
  'kalender.col.weekday': 'dag',
  'kalender.col.name': 'naam',
  'kalender.col.basis': 'grondslag',
  'kalender.basis.feestdag': 'feestdag, {source}',
  'kalender.basis.feestdagNoSource': 'feestdag (profiel, zonder bron)',
  'kalender.basis.gelijkgesteld': 'gelijkgesteld: {besluit}',
  'kalender.basis.extra': 'gesloten volgens profiel {origin}',
  'kalender.besluit': 'Besluit gelijkstelling voor {year}: {besluit}',
  'kalender.besluitUrl': 'te vinden op {url}',
  'kalender.noBesluit':
    'Voor {year} is geen Besluit gelijkstelling dagen bekend: alleen de feestdagen van de Algemene termijnenwet art. 3 (lid 1 en 2) tellen. Een later gepubliceerd Besluit kan dagen toevoegen (meestal de vrijdag na Hemelvaartsdag).',
  'kalender.werkdagen': 'Werkdagen in {year}: {count}',
  'kalender.none': 'geen',
};

const en: Record<keyof typeof nl, string> = {
  'calendar.noBesluit.one':
    'no Besluit gelijkstelling dagen known for {years}: werkdagen terms there count only the feestdagen of the Algemene termijnenwet art. 3 (lid 1 and 2); a Besluit published later may add days',
  'calendar.noBesluit.many':
    'no Besluit gelijkstelling dagen known for the years {years}: werkdagen terms there count only the feestdagen of the Algemene termijnenwet art. 3 (lid 1 and 2); a Besluit published later may add days',
  'calendar.noBesluit.report':
    'Calendar: no Besluit gelijkstelling dagen is known for {years}; only the feestdagen of Atw art. 3 (lid 1 and 2) count there.',
  'cmd.kalender': 'the closed days of a year with their legal basis: feestdag (Atw art. 3) or gelijkgesteld by a Besluit',
  'arg.jaar': 'year, for example 2026',
  'opt.kalenderRegion': 'bundled profile: {regions} (default {base})',
  'opt.kalenderFormat': 'output format: table, json or csv',
  'kalender.examples':
    'Examples:\n  giacheck kalender 2026                        why is 15 May 2026 not a werkdag?\n  giacheck kalender 2017 --region {region}  the days of the Besluit 2017–2019\n  giacheck kalender 2029 --format json          a year without a Besluit\n  giacheck kalender 2026 --format csv --output kalender-2026.csv',
  'kalender.badYear': 'invalid year "{value}": give a year from {min} to {max}',
  'kalender.title': 'Closed days {year}, profile {profile}',
  'kalender.legend': 'Not a werkdag: Saturday, Sunday and the days below.',
  'kalender.col.date': 'date',
  'kalender.col.weekday': 'day',
  'kalender.col.name': 'name',
  'kalender.col.basis': 'legal basis',
  'kalender.basis.feestdag': 'feestdag (public holiday), {source}',
  'kalender.basis.feestdagNoSource': 'feestdag (profile, no source)',
  'kalender.basis.gelijkgesteld': 'gelijkgesteld (declared equal): {besluit}',
  'kalender.basis.extra': 'closed by profile {origin}',
  'kalender.besluit': 'Besluit gelijkstelling for {year}: {besluit}',
  'kalender.besluitUrl': 'see {url}',
  'kalender.noBesluit':
    'No Besluit gelijkstelling dagen is known for {year}: only the feestdagen of the Algemene termijnenwet art. 3 (lid 1 and 2) count. A Besluit published later may add days (usually the Friday after Ascension Day).',
  'kalender.werkdagen': 'Werkdagen in {year}: {count}',
  'kalender.none': 'none',
};

export const calendar = { nl, en };
registerCatalog(calendar);
