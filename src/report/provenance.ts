/**
 * The provenance section as the readable formats show it (issue 16.1): md, html and xlsx list it
 * (hashes in groups of four hex digits), the table prints one line with short hashes, csv one
 * line on standard error, json and jsonl the object itself.
 */
import { formatNumber, t } from '../i18n/index.js';
import '../i18n/catalog/provenance.js';
import type { Provenance } from './model.js';

/** "3a5f9c01…" → "3a5f 9c01 …": a hash a person can compare by eye, four hex digits at a time. */
export function hashGroups(hex: string | null): string {
  return hex === null ? t('prov.notRead') : (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** The first 12 hex digits (48 bits): enough to tell two runs apart on a terminal. */
export function shortHash(hex: string | null): string {
  return hex === null ? t('prov.notRead') : hex.slice(0, 12);
}

/** yyyy-mm-dd → dd-mm-yyyy in Dutch, as the reports show dates. */
function shownDate(iso: string, lang: 'nl' | 'en'): string {
  return lang === 'nl' ? iso.split('-').reverse().join('-') : iso;
}

/** The options as a user would type them: `--encoding auto --lang nl --min-cell 5`. */
export function optionsText(p: Provenance): string {
  const o = p.options;
  const parts = [`--encoding ${o.encoding}`];
  if (o.delimiter !== null) parts.push(`--delimiter ${o.delimiter}`);
  if (o.sheet !== null) parts.push(`--sheet ${o.sheet}`);
  for (const g of o.gemeenten ?? []) parts.push(`--gemeente ${g}`);
  if (o.from) parts.push(`--from ${o.from}`);
  if (o.to) parts.push(`--to ${o.to}`);
  if (o.period && o.period !== 'month') parts.push(`--period ${o.period}`);
  if (o.include_passed) parts.push('--include-passed');
  if (o.pseudonymized) parts.push('--pseudonymize');
  if (o.min_cell !== null) parts.push(`--min-cell ${o.min_cell}`);
  if (o.aggregate_only) parts.push('--aggregate-only');
  parts.push(`--lang ${o.lang}`);
  return parts.join(' ');
}

export interface ProvenanceRow {
  what: string;
  /** a SHA-256 in groups of four, or a plain value */
  value: string;
  /** the value is a hash (monospace in html) */
  hash: boolean;
}

/** The rows of the "Herkomst" section of md, html and xlsx. */
export function provenanceRows(p: Provenance): ProvenanceRow[] {
  const lang = p.options.lang;
  const rows: ProvenanceRow[] = [{ what: t('prov.giacheck'), value: p.giacheck.version, hash: false }];
  for (const i of p.inputs) {
    rows.push({ what: t('prov.input', { file: i.file, bytes: formatNumber(i.bytes), format: i.format }), value: hashGroups(i.sha256), hash: i.sha256 !== null });
  }
  rows.push({ what: t('prov.profile', { id: p.profile.id, version: p.profile.version }), value: hashGroups(p.profile.sha256), hash: true });
  for (const d of p.profile.documents) rows.push({ what: t('prov.document', { file: d.file, id: d.id }), value: hashGroups(d.sha256), hash: true });
  rows.push(
    p.mapping
      ? { what: t('prov.mapping', { file: p.mapping.file }), value: hashGroups(p.mapping.sha256), hash: true }
      : { what: t('prov.mappingNone'), value: t('prov.none'), hash: false },
  );
  const date = shownDate(p.peildatum, lang);
  rows.push({ what: t('prov.peildatum'), value: t(p.peildatum_given ? 'prov.peildatumGiven' : 'prov.peildatumDefault', { date }), hash: false });
  rows.push({ what: t('prov.options'), value: optionsText(p), hash: false });
  return rows;
}

/** The table's footer line: version, each input's and the profile's short hash, mapping, peildatum, options. */
export function provenanceLine(p: Provenance): string {
  const parts = [
    `giacheck ${p.giacheck.version}`,
    ...p.inputs.map((i) => `${t('prov.inputShort', { file: i.file })} ${shortHash(i.sha256)}`),
    `${t('prov.profileShort', { id: p.profile.id })} ${shortHash(p.profile.sha256)}`,
    p.mapping ? t('prov.lineMapping', { file: p.mapping.file, hash: shortHash(p.mapping.sha256) }) : t('prov.lineNoMapping'),
    t('prov.linePeildatum', { date: shownDate(p.peildatum, p.options.lang), how: t(p.peildatum_given ? 'prov.given' : 'prov.defaulted') }),
    optionsText(p),
  ];
  return t('prov.line', { parts: parts.join(' · ') });
}
