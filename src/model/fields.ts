/**
 * The canonical fields of a case export (SPEC §3). Everything else in an export is ignored and
 * never echoed. A field's position in FIELDS is its index in `Case.values`, so rules compiled
 * against a profile read values by index, not by name.
 */

export type FieldType = 'text' | 'date' | 'bool' | 'route' | 'item';

export const ROUTES = [
  'overdracht_lokaal_veld',
  'voorwaarden_en_vervolg',
  'onderzoek',
  'overdracht_lopende_hulpverlening',
  'overdracht_multidisciplinair',
  'overdracht_directbetrokkene',
  'overdracht_gi',
  'geen_vervolg',
] as const;
export type RouteCode = (typeof ROUTES)[number];

export const FIELD_TYPES = {
  dossier_id: 'text',
  gemeente: 'text',
  melding_datum: 'date',
  melder_anoniem: 'bool',
  gi_betrokken: 'bool',
  veiligheidsbeoordeling_datum: 'date',
  contact_gezin_datum: 'date',
  directbetrokkenen_geinformeerd_datum: 'date',
  melder_geinformeerd_datum: 'date',
  triage_besluit: 'route',
  overdracht_datum: 'date',
  overdracht_via_triagetafel: 'bool',
  overdracht_bevestigd_datum: 'date',
  lokaal_team_contact_datum: 'date',
  dienst_afgerond_datum: 'date',
  warme_overdracht_datum: 'date',
  monitoring_3m_datum: 'date',
  monitoring_12m_datum: 'date',
  monitoring_afgesloten_datum: 'date',
  monitoring_niet_nodig: 'bool',
  ov_inhoud_melding: 'item',
  ov_contactgegevens_melder: 'item',
  ov_contactgegevens_directbetrokkenen: 'item',
  ov_triagebesluit_onderbouwing: 'item',
  ov_info_veiligheidsbeoordeling: 'item',
  ov_oordeel_vt: 'item',
  ov_wat_doet_lt: 'item',
  ov_veiligheidsvoorwaarden: 'item',
  ov_veiligheidsplan: 'item',
  ov_afspraken_monitoring: 'item',
  ov_consequenties: 'item',
} as const satisfies Record<string, FieldType>;

export type FieldName = keyof typeof FIELD_TYPES;
export const FIELDS = Object.keys(FIELD_TYPES) as FieldName[];
export const FIELD_INDEX: Record<FieldName, number> = Object.fromEntries(
  FIELDS.map((f, i) => [f, i]),
) as Record<FieldName, number>;

export const REQUIRED_FIELDS: FieldName[] = ['dossier_id', 'gemeente', 'melding_datum'];

export function fieldsOfType(...types: FieldType[]): FieldName[] {
  return FIELDS.filter((f) => (types as string[]).includes(FIELD_TYPES[f]));
}

/**
 * A value as the engine sees it: a date is a day number, a bool is a boolean, a handover item is
 * `true` when present (empty or "nee" is missing), a route is its code, text is text.
 * `undefined` means the cell was empty (unknown).
 */
export type Value = number | boolean | string | undefined;

export interface Case {
  dossierId: string;
  /** official name from the profile (or the value as written when the profile lists none) */
  gemeente: string;
  deelregio: string | undefined;
  route: RouteCode | undefined;
  meldingDatum: number;
  values: Value[];
  file: string;
  row: number;
}
