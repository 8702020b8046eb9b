/**
 * The zicht-op-veiligheid section (src/report/zicht.ts) in the readable formats: the same texts,
 * counts and list of unclear dossiers (ids only) in table, md, html and xlsx; json and jsonl carry
 * `summary.zicht_op_veiligheid` as it is.
 */
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/zicht.js';
import { parseIsoDay } from '../calendar/days.js';
import { displayDate } from './messages.js';
import type { ZichtSpec } from '../profile/schema.js';
import { ZICHT_HOLDERS, type UnclearCase, type ZichtCounts, type ZichtSummary } from './zicht.js';
import { ALL_CELLS, type CellPolicy } from './cells.js';

const display = (iso: string): string => {
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
};

export const holderLabel = (h: string): string => t(`zicht.holder.${h}`);

export function zichtIntro(z: ZichtSummary): string {
  return t('zicht.intro', { date: display(z.peildatum), confirm: z.confirm_term_workdays, triage: z.triage_term_workdays });
}

export function notAssessableText(z: ZichtSummary): string {
  return t('zicht.notAssessable', { fields: z.missing_fields.join(', ') });
}

/** Head and rows of the count table: one row per gemeente (and the total), one column per holder. */
export function zichtCountTable(z: ZichtSummary, policy: CellPolicy = ALL_CELLS): { head: string[]; rows: string[][] } {
  const cells = (c: ZichtCounts) => [policy.count(c.cases), ...ZICHT_HOLDERS.map((h) => policy.count(c[h]))];
  return {
    head: [t('col.gemeente'), t('col.cases'), ...ZICHT_HOLDERS.map(holderLabel)],
    rows: [...Object.entries(z.by_gemeente).map(([g, c]) => [g, ...cells(c)]), [t('zicht.total'), ...cells(z.totals)]],
  };
}

/** --aggregate-only: the unclear dossiers are a list of dossier ids; only their number is said. */
export function unclearLeftOutText(z: ZichtSummary, policy: CellPolicy): string {
  return t('zicht.unclearLeftOut', { count: policy.count(z.unclear.length) });
}

export function reasonText(u: UnclearCase, z: ZichtSummary): string {
  return t(`zicht.reason.${u.reason}`, { n: u.reason === 'geen_triagebesluit' ? z.triage_term_workdays : z.confirm_term_workdays });
}

export function zichtUnclearTable(z: ZichtSummary, limit: number): { head: string[]; rows: string[][] } {
  const list = limit > 0 ? z.unclear.slice(0, limit) : z.unclear;
  return {
    head: [t('col.dossier'), t('col.gemeente'), t('zicht.col.reason'), t('zicht.col.termEnd')],
    rows: list.map((u) => [u.dossier_id, u.gemeente, reasonText(u, z), display(u.term_end)]),
  };
}

/** The seed quotes of the block, one line each: "000 Bijlage 1: “…”". */
export function zichtQuotes(quotes: { document: string; section: string; text: string }[]): string[] {
  return quotes.map((q) => `${q.document} ${q.section}: “${q.text.trim()}”`);
}

/** `rules show zicht`: the block as configured, its reading and its quotes. */
export function zichtBlockLines(spec: ZichtSpec, profile: string): string[] {
  const out = [
    t('zicht.show.title', { profile }),
    t('zicht.show.triageTerm', { n: spec.triage_term.workdays }),
    t('zicht.show.confirmTerm', { n: spec.confirm_term.workdays }),
    t('zicht.show.sentBy', { fields: spec.sent_by.join(', ') }),
    t('zicht.show.confirmedBy', { fields: spec.confirmed_by.join(', '), triagetafel: spec.triagetafel_confirms ? t('zicht.show.triagetafel') : '' }),
    t('zicht.show.confirmFor', { routes: spec.confirm_for.join(', ') }),
    t('zicht.show.receivers'),
    ...Object.entries(spec.receivers).map(([route, holder]) => `  ${route} → ${holderLabel(holder)}`),
  ];
  if (spec.interpretation) out.push(t('zicht.show.interpretation', { text: localized(spec.interpretation) }));
  out.push(t('zicht.sources') + ':', ...zichtQuotes(spec.quotes).map((q) => `  ${q}`));
  return out;
}
