/** Messages of the fill rates in `validate` (issue 16.5): how full each canonical field is. */
import { registerCatalog } from '../index.js';

const nl = {
  'fill.title': 'Vulgraad per veld ({rows} bruikbare rijen)',
  'fill.col.field': 'Veld',
  'fill.col.filled': 'Gevuld',
  'fill.col.lowGemeente': 'Laagst per gemeente',
  'fill.col.lowMonth': 'Laagst per maand',
  'fill.note': 'Alleen velden onder 100 %; {full} van de {present} velden met een kolom zijn in elke bruikbare rij gevuld. Per gemeente en per maand volledig: --format md, json, xlsx of csv --csv-rows fill.',
  'fill.allFull': 'Vulgraad: alle {present} velden met een kolom zijn in elke bruikbare rij gevuld ({rows} rijen).',
  'fill.noColumn': 'Zonder kolom in de export (vulgraad onbekend, niet 0 %): {fields}.',
  'fill.byGemeente': 'Vulgraad per gemeente',
  'fill.byMonth': 'Vulgraad per maand van melding',
  'fill.total': 'Totaal',
  'fill.rows': 'rijen',
  'fill.other': 'overige',
  'fill.col.scope': 'Niveau',
  'fill.col.group': 'Groep',
  'fill.col.rate': 'Vulgraad',
  'fill.rows.header': 'Rijen',
  'fill.scope.total': 'totaal',
  'fill.scope.gemeente': 'gemeente',
  'fill.scope.month': 'maand',
  'fill.mdNote': 'Over de bruikbare rijen (rijen met een fout tellen niet mee). Gevuld: een bruikbare datum, ja/nee-waarde, triagebesluit of overdrachtsonderdeel. – = geen kolom in de export.',
};

const en: Record<keyof typeof nl, string> = {
  'fill.title': 'Fill rate per field ({rows} usable rows)',
  'fill.col.field': 'Field',
  'fill.col.filled': 'Filled',
  'fill.col.lowGemeente': 'Lowest gemeente',
  'fill.col.lowMonth': 'Lowest month',
  'fill.note': 'Only fields below 100 %; {full} of the {present} fields with a column are filled in every usable row. Per gemeente and per month in full: --format md, json, xlsx or csv --csv-rows fill.',
  'fill.allFull': 'Fill rate: all {present} fields with a column are filled in every usable row ({rows} rows).',
  'fill.noColumn': 'No column in the export (fill rate unknown, not 0 %): {fields}.',
  'fill.byGemeente': 'Fill rate per gemeente',
  'fill.byMonth': 'Fill rate per month of melding',
  'fill.total': 'Total',
  'fill.rows': 'rows',
  'fill.other': 'other',
  'fill.col.scope': 'Scope',
  'fill.col.group': 'Group',
  'fill.col.rate': 'Fill rate',
  'fill.rows.header': 'Rows',
  'fill.scope.total': 'total',
  'fill.scope.gemeente': 'gemeente',
  'fill.scope.month': 'month',
  'fill.mdNote': 'Over the usable rows (rows with an error are not counted). Filled: a usable date, yes/no value, triage decision or handover item. – = no column in the export.',
};

registerCatalog({ nl, en });
