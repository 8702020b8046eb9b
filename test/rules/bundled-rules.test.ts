/**
 * Every rule id of SPEC §6 with on time, late, overdue or pending, and not applicable, built from
 * the seed text. Kinds without a term (required_items, consistency) have no "late": their tables
 * show complete/missing or held/violated instead.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRule, CaseInput, profile } from '../helpers/cases.js';
import { bundledProfileIds, loadProfile } from '../../src/profile/load.js';
import { localized, setLang } from '../../src/i18n/index.js';

type Row = [name: string, input: CaseInput, peildatum: string, expected: Record<string, unknown>];

/** region:ruleId of every table below (the meta-test at the end wants one for every bundled rule) */
const tabled = new Set<string>();

function table(region: string, ruleId: string, rows: Row[]) {
  tabled.add(`${region}:${ruleId}`);
  describe(`${ruleId} (${region})`, () => {
    it.each(rows)('%s', (_name, input, peildatum, expected) => {
      expect(evaluateRule(region, ruleId, input, peildatum)).toEqual(expected);
    });
  });
}

const VV = 'voorwaarden_en_vervolg';
const LV = 'overdracht_lokaal_veld';

// ---------- landelijk (004) ----------
table('landelijk', 'LV-01', [
  // beoordeling Mon 9 March 2026 + 10 weeks = Mon 18 May
  ['on time on the due date', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-09', triage_besluit: VV, melder_geinformeerd_datum: '2026-05-18' }, '2026-06-01', { status: 'on_time', due: '2026-05-18', actual: '2026-05-18' }],
  ['late by one day', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-09', triage_besluit: 'onderzoek', melder_geinformeerd_datum: '2026-05-19' }, '2026-06-01', { status: 'late', due: '2026-05-18', actual: '2026-05-19', daysLate: 1 }],
  ['overdue at the peildatum', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-09', triage_besluit: VV }, '2026-06-01', { status: 'overdue', due: '2026-05-18', daysLate: 14 }],
  ['pending when due on the peildatum itself', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-09', triage_besluit: VV }, '2026-05-18', { status: 'pending', due: '2026-05-18' }],
  ['not applicable after a direct handover (case does not stay with VT)', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-09', triage_besluit: LV }, '2026-06-01', { status: 'not_applicable' }],
  ['not applicable without a beoordeling (anchor absent)', { melding_datum: '2026-03-02', triage_besluit: VV }, '2026-06-01', { status: 'not_applicable' }],
]);

table('landelijk', 'LV-02', [
  // melding Fri 24 April 2026 + 5 werkdagen = Mon 4 May (Koningsdag skipped)
  ['on time', { melding_datum: '2026-04-24', directbetrokkenen_geinformeerd_datum: '2026-05-04' }, '2026-06-01', { status: 'on_time', due: '2026-05-04', actual: '2026-05-04' }],
  ['late (on 5 mei)', { melding_datum: '2026-04-24', directbetrokkenen_geinformeerd_datum: '2026-05-05' }, '2026-06-01', { status: 'late', due: '2026-05-04', actual: '2026-05-05', daysLate: 1 }],
  ['overdue', { melding_datum: '2026-04-24' }, '2026-05-06', { status: 'overdue', due: '2026-05-04', daysLate: 2 }],
  ['pending', { melding_datum: '2026-04-24' }, '2026-04-30', { status: 'pending', due: '2026-05-04' }],
  ['not applicable without a melding date', { directbetrokkenen_geinformeerd_datum: '2026-05-04' }, '2026-06-01', { status: 'not_applicable' }],
]);

table('landelijk', 'LV-03', [
  // melding Wed 22 April 2026: Koningsdag Mon 27 April skipped, due Thu 30 April
  ['on time on the due date (Koningsdag between)', { melding_datum: '2026-04-22', veiligheidsbeoordeling_datum: '2026-04-30' }, '2026-06-01', { status: 'on_time', due: '2026-04-30', actual: '2026-04-30' }],
  // melding Thu 30 April: 5 mei (Tue) skipped, due Fri 8 May
  ['late over 5 mei', { melding_datum: '2026-04-30', veiligheidsbeoordeling_datum: '2026-05-11', triage_besluit: VV }, '2026-06-01', { status: 'late', due: '2026-05-08', actual: '2026-05-11', daysLate: 3 }],
  // melding Tue 12 May: Hemelvaart 14 and the gelijkgestelde 15 May skipped, due Thu 21 May
  ['overdue over Hemelvaart', { melding_datum: '2026-05-12', triage_besluit: LV }, '2026-05-26', { status: 'overdue', due: '2026-05-21', daysLate: 5 }],
  ['pending when due on the peildatum itself', { melding_datum: '2026-05-12' }, '2026-05-21', { status: 'pending', due: '2026-05-21' }],
  ['not applicable without a melding date', { veiligheidsbeoordeling_datum: '2026-05-13' }, '2026-06-01', { status: 'not_applicable' }],
]);

table('landelijk', 'LV-04', [
  // beoordeling Thu 5 March 2026 + 10 weeks = Thu 14 May, Hemelvaart: a term in weeks is not moved
  ['on time on Hemelvaart', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-05', triage_besluit: VV, dienst_afgerond_datum: '2026-05-14' }, '2026-06-01', { status: 'on_time', due: '2026-05-14', actual: '2026-05-14' }],
  ['late by one day (the gelijkgestelde 15 May)', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-05', triage_besluit: 'onderzoek', dienst_afgerond_datum: '2026-05-15' }, '2026-06-01', { status: 'late', due: '2026-05-14', actual: '2026-05-15', daysLate: 1 }],
  // beoordeling Mon 16 February + 10 weeks = Mon 27 April, Koningsdag
  ['overdue, due on Koningsdag', { melding_datum: '2026-02-12', veiligheidsbeoordeling_datum: '2026-02-16', triage_besluit: VV }, '2026-05-05', { status: 'overdue', due: '2026-04-27', daysLate: 8 }],
  ['pending when due on the peildatum itself', { melding_datum: '2026-02-12', veiligheidsbeoordeling_datum: '2026-02-16', triage_besluit: 'onderzoek' }, '2026-04-27', { status: 'pending', due: '2026-04-27' }],
  ['not applicable after a direct handover (no service)', { melding_datum: '2026-03-02', veiligheidsbeoordeling_datum: '2026-03-05', triage_besluit: LV }, '2026-06-01', { status: 'not_applicable' }],
  ['not applicable without a beoordeling (anchor absent)', { melding_datum: '2026-03-02', triage_besluit: VV, dienst_afgerond_datum: '2026-05-14' }, '2026-06-01', { status: 'not_applicable' }],
]);

describe('LV-03 and the norms in the regional profiles', () => {
  it('ZL-01 replaces LV-03 and keeps its norm; NOG inherits LV-03 itself', () => {
    expect(profile('zuid-limburg').rules.map((r) => r.id)).not.toContain('LV-03');
    expect(profile('zuid-limburg').inactive).toContainEqual({ id: 'LV-03', reason: 'replaced', by: 'ZL-01', origin: 'zuid-limburg' });
    const zl01 = profile('zuid-limburg').rules.find((r) => r.id === 'ZL-01')!.spec;
    expect([zl01.norm, zl01.norm_source?.document]).toEqual([0.9, 'LNVT']);
    const nog = profile('noord-oost-gelderland').rules.find((r) => r.id === 'LV-03')!;
    expect([nog.origin, nog.spec.norm]).toEqual(['landelijk', 0.9]);
  });
  it('LV-03 90 % and LV-04 80 %, each from the LNVT ambition of 2019, not from the seed', () => {
    const lv = profile('landelijk').rules;
    const norm = (id: string) => lv.find((r) => r.id === id)!.spec;
    expect([norm('LV-03').norm, norm('LV-04').norm, norm('LV-01').norm, norm('LV-02').norm]).toEqual([0.9, 0.8, undefined, undefined]);
    for (const id of ['LV-03', 'LV-04']) {
      expect(norm(id).source.document).toBe('004');
      expect(norm(id).norm_source!.document).toBe('LNVT');
      expect(norm(id).norm_source!.section).toMatch(/2019/);
    }
    expect(profile('landelijk').sources.LNVT.title).toMatch(/Landelijk Netwerk Veilig Thuis.*2019/);
  });
  it('the mean monitoring duration (18 months, 004 "gemiddeld anderhalf jaar") holds for every profile', () => {
    for (const id of bundledProfileIds()) {
      expect([id, profile(id).monitoringDuration?.average_months, profile(id).monitoringDuration?.source]).toEqual([id, 18, { document: '004', section: 'Langer volgen' }]);
    }
  });
});

describe('LV-02 in the regional profiles', () => {
  it('is replaced by ZL-02 and NOG-01 and not evaluated there', () => {
    expect(profile('zuid-limburg').rules.map((r) => r.id)).not.toContain('LV-02');
    expect(profile('noord-oost-gelderland').rules.map((r) => r.id)).not.toContain('LV-02');
    expect(profile('zuid-limburg').inactive).toContainEqual({ id: 'LV-02', reason: 'replaced', by: 'ZL-02', origin: 'zuid-limburg' });
    expect(profile('noord-oost-gelderland').inactive).toContainEqual({ id: 'LV-02', reason: 'replaced', by: 'NOG-01', origin: 'noord-oost-gelderland' });
  });
});

// ---------- Zuid-Limburg (000) ----------
table('zuid-limburg', 'ZL-01', [
  ['melding Friday 24 April, beoordeling Monday 4 May: on time (Koningsdag between)', { melding_datum: '2026-04-24', veiligheidsbeoordeling_datum: '2026-05-04' }, '2026-11-01', { status: 'on_time', due: '2026-05-04', actual: '2026-05-04' }],
  ['beoordeling on 5 mei is late', { melding_datum: '2026-04-24', veiligheidsbeoordeling_datum: '2026-05-05' }, '2026-11-01', { status: 'late', due: '2026-05-04', actual: '2026-05-05', daysLate: 1 }],
  ['overdue', { melding_datum: '2026-04-24' }, '2026-05-06', { status: 'overdue', due: '2026-05-04', daysLate: 2 }],
  ['pending', { melding_datum: '2026-04-24' }, '2026-04-30', { status: 'pending', due: '2026-05-04' }],
  ['not applicable without a melding date', {}, '2026-11-01', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-02', [
  // melding Wed 13 May 2026: Hemelvaart 14, gelijkgesteld 15, weekend; due Fri 22 May
  ['on time', { melding_datum: '2026-05-13', directbetrokkenen_geinformeerd_datum: '2026-05-22' }, '2026-06-10', { status: 'on_time', due: '2026-05-22', actual: '2026-05-22' }],
  ['late', { melding_datum: '2026-05-13', directbetrokkenen_geinformeerd_datum: '2026-05-26' }, '2026-06-10', { status: 'late', due: '2026-05-22', actual: '2026-05-26', daysLate: 4 }],
  ['overdue', { melding_datum: '2026-05-13', triage_besluit: VV }, '2026-06-01', { status: 'overdue', due: '2026-05-22', daysLate: 10 }],
  ['pending', { melding_datum: '2026-05-13' }, '2026-05-20', { status: 'pending', due: '2026-05-22' }],
  ['not applicable without a melding date', { directbetrokkenen_geinformeerd_datum: '2026-05-22' }, '2026-06-10', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-03', [
  // overdracht Mon 4 May + 3 weeks = Mon 25 May, tweede Pinksterdag: the due date is not moved
  ['on time on tweede Pinksterdag', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', lokaal_team_contact_datum: '2026-05-25' }, '2026-06-10', { status: 'on_time', due: '2026-05-25', actual: '2026-05-25' }],
  ['late', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', lokaal_team_contact_datum: '2026-05-26' }, '2026-06-10', { status: 'late', due: '2026-05-25', actual: '2026-05-26', daysLate: 1 }],
  ['overdue', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04' }, '2026-05-26', { status: 'overdue', due: '2026-05-25', daysLate: 1 }],
  ['pending', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04' }, '2026-05-25', { status: 'pending', due: '2026-05-25' }],
  ['not applicable after V&V (that is ZL-05)', { melding_datum: '2026-04-24', triage_besluit: VV, overdracht_datum: '2026-05-04' }, '2026-06-10', { status: 'not_applicable' }],
  ['not applicable before the handover', { melding_datum: '2026-04-24', triage_besluit: LV }, '2026-06-10', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-04', [
  ['confirmed: on time (000 sets no term)', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', overdracht_bevestigd_datum: '2026-05-06' }, '2026-06-10', { status: 'on_time' }],
  ['no confirmation: missing', { melding_datum: '2026-04-24', triage_besluit: 'onderzoek', overdracht_datum: '2026-07-04' }, '2026-07-10', { status: 'missing', missing: ['overdracht_bevestigd_datum'] }],
  ['an empty triagetafel flag counts as not at the triagetafel', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', overdracht_via_triagetafel: false }, '2026-06-10', { status: 'missing', missing: ['overdracht_bevestigd_datum'] }],
  ['not applicable for a handover at the triagetafel (§2 i)', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', overdracht_via_triagetafel: true }, '2026-06-10', { status: 'not_applicable' }],
  ['not applicable before the handover', { melding_datum: '2026-04-24', triage_besluit: LV }, '2026-06-10', { status: 'not_applicable' }],
  ['not applicable for a handover to the GI', { melding_datum: '2026-04-24', triage_besluit: 'overdracht_gi', overdracht_datum: '2026-05-04' }, '2026-06-10', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-05', [
  // warme overdracht Wed 23 Dec 2026 + 5 werkdagen = Thu 31 Dec (Kerstdagen skipped)
  ['on time', { melding_datum: '2026-09-01', triage_besluit: VV, warme_overdracht_datum: '2026-12-23', lokaal_team_contact_datum: '2026-12-31' }, '2027-01-10', { status: 'on_time', due: '2026-12-31', actual: '2026-12-31' }],
  ['late over Nieuwjaarsdag', { melding_datum: '2026-09-01', triage_besluit: 'onderzoek', warme_overdracht_datum: '2026-12-23', lokaal_team_contact_datum: '2027-01-04' }, '2027-01-10', { status: 'late', due: '2026-12-31', actual: '2027-01-04', daysLate: 4 }],
  ['overdue; a written handover is the anchor without a warme overdracht', { melding_datum: '2026-09-01', triage_besluit: VV, overdracht_datum: '2026-12-23' }, '2027-01-05', { status: 'overdue', due: '2026-12-31', daysLate: 5 }],
  ['the warme overdracht wins over the overdracht date', { melding_datum: '2026-09-01', triage_besluit: VV, overdracht_datum: '2026-12-01', warme_overdracht_datum: '2026-12-23' }, '2026-12-30', { status: 'pending', due: '2026-12-31' }],
  ['not applicable after a direct handover (that is ZL-03)', { melding_datum: '2026-09-01', triage_besluit: LV, overdracht_datum: '2026-12-23' }, '2027-01-10', { status: 'not_applicable' }],
  ['not applicable before any handover', { melding_datum: '2026-09-01', triage_besluit: VV }, '2027-01-10', { status: 'not_applicable' }],
]);

const fullDirect = {
  ov_inhoud_melding: true,
  ov_contactgegevens_directbetrokkenen: true,
  ov_contactgegevens_melder: true,
  ov_triagebesluit_onderbouwing: true,
  ov_info_veiligheidsbeoordeling: true,
};
table('zuid-limburg', 'ZL-06', [
  ['complete', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', ...fullDirect }, '2026-06-10', { status: 'on_time' }],
  ['melder details missing', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', ...fullDirect, ov_contactgegevens_melder: false }, '2026-06-10', { status: 'missing', missing: ['ov_contactgegevens_melder'] }],
  ['melder details not needed for an anonymous melder', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', melder_anoniem: true, ...fullDirect, ov_contactgegevens_melder: false }, '2026-06-10', { status: 'on_time' }],
  ['two items missing, in the order of §5.1.3', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', ov_contactgegevens_melder: true, ov_triagebesluit_onderbouwing: true, ov_info_veiligheidsbeoordeling: true }, '2026-06-10', { status: 'missing', missing: ['ov_inhoud_melding', 'ov_contactgegevens_directbetrokkenen'] }],
  ['not applicable after V&V (that is ZL-07)', { melding_datum: '2026-04-24', triage_besluit: VV, overdracht_datum: '2026-05-04' }, '2026-06-10', { status: 'not_applicable' }],
  ['not applicable before the handover', { melding_datum: '2026-04-24', triage_besluit: LV }, '2026-06-10', { status: 'not_applicable' }],
]);

const fullService = {
  ov_inhoud_melding: true,
  ov_contactgegevens_directbetrokkenen: true,
  ov_contactgegevens_melder: true,
  ov_veiligheidsvoorwaarden: true,
  ov_consequenties: true,
  ov_veiligheidsplan: true,
  ov_afspraken_monitoring: true,
};
table('zuid-limburg', 'ZL-07', [
  ['complete after V&V (no oordeel needed)', { melding_datum: '2026-03-02', triage_besluit: VV, warme_overdracht_datum: '2026-06-01', ...fullService }, '2026-07-01', { status: 'on_time' }],
  ['Onderzoek without the oordeel of VT', { melding_datum: '2026-03-02', triage_besluit: 'onderzoek', warme_overdracht_datum: '2026-06-01', ...fullService }, '2026-07-01', { status: 'missing', missing: ['ov_oordeel_vt'] }],
  ['no monitoring agreements needed when monitoring is not needed (§5.2.6)', { melding_datum: '2026-03-02', triage_besluit: VV, overdracht_datum: '2026-06-01', monitoring_niet_nodig: true, ...fullService, ov_afspraken_monitoring: false }, '2026-07-01', { status: 'on_time' }],
  ['monitoring agreements missing otherwise', { melding_datum: '2026-03-02', triage_besluit: VV, overdracht_datum: '2026-06-01', ...fullService, ov_afspraken_monitoring: false }, '2026-07-01', { status: 'missing', missing: ['ov_afspraken_monitoring'] }],
  ['not applicable after a direct handover', { melding_datum: '2026-03-02', triage_besluit: LV, overdracht_datum: '2026-03-09' }, '2026-07-01', { status: 'not_applicable' }],
  ['not applicable while the service runs', { melding_datum: '2026-03-02', triage_besluit: 'onderzoek' }, '2026-07-01', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-08', [
  // warme overdracht 30 Nov 2026 + 3 months = 28 Feb 2027 (clamped); window 14–14: 14 Feb – 14 Mar
  ['on time at the last day of the window', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30', monitoring_3m_datum: '2027-03-14' }, '2027-04-01', { status: 'on_time', due: '2027-02-28', actual: '2027-03-14', windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['on time at the first day of the window', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30', monitoring_3m_datum: '2027-02-14' }, '2027-04-01', { status: 'on_time', due: '2027-02-28', actual: '2027-02-14', windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['early, before the window', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30', monitoring_3m_datum: '2027-02-13' }, '2027-04-01', { status: 'early', due: '2027-02-28', actual: '2027-02-13', windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['late, after the window', { melding_datum: '2026-08-03', triage_besluit: 'onderzoek', warme_overdracht_datum: '2026-11-30', monitoring_3m_datum: '2027-03-15' }, '2027-04-01', { status: 'late', due: '2027-02-28', actual: '2027-03-15', daysLate: 1, windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['pending while the window is open', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30' }, '2027-03-14', { status: 'pending', due: '2027-02-28', windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['overdue once the window has closed', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30' }, '2027-03-15', { status: 'overdue', due: '2027-02-28', daysLate: 1, windowStart: '2027-02-14', windowEnd: '2027-03-14' }],
  ['not applicable when VT decided no monitoring is needed', { melding_datum: '2026-08-03', triage_besluit: VV, warme_overdracht_datum: '2026-11-30', monitoring_niet_nodig: true }, '2027-04-01', { status: 'not_applicable' }],
  ['not applicable after a direct handover', { melding_datum: '2026-08-03', triage_besluit: LV, overdracht_datum: '2026-08-10' }, '2027-04-01', { status: 'not_applicable' }],
]);

describe('ZL-08: the example of SPEC §5', () => {
  // a 3-month moment due on 10 March with a 14-day window
  const kase = { melding_datum: '2026-09-01', triage_besluit: VV, warme_overdracht_datum: '2026-12-10' };
  it('is pending on 20 March', () => expect(evaluateRule('zuid-limburg', 'ZL-08', kase, '2027-03-20').status).toBe('pending'));
  it('is still pending on 24 March, the last day of the window', () => expect(evaluateRule('zuid-limburg', 'ZL-08', kase, '2027-03-24').status).toBe('pending'));
  it('is overdue from 25 March', () => expect(evaluateRule('zuid-limburg', 'ZL-08', kase, '2027-03-25')).toEqual({ status: 'overdue', due: '2027-03-10', daysLate: 1, windowStart: '2027-02-24', windowEnd: '2027-03-24' }));
});

table('zuid-limburg', 'ZL-09', [
  // handover 29 Feb 2024 + 12 months = 28 Feb 2025; window 14 Feb – 14 Mar 2025
  ['on time', { melding_datum: '2023-12-01', triage_besluit: VV, overdracht_datum: '2024-02-29', monitoring_12m_datum: '2025-03-01' }, '2025-04-01', { status: 'on_time', due: '2025-02-28', actual: '2025-03-01', windowStart: '2025-02-14', windowEnd: '2025-03-14' }],
  ['late', { melding_datum: '2023-12-01', triage_besluit: VV, overdracht_datum: '2024-02-29', monitoring_12m_datum: '2025-03-20' }, '2025-04-01', { status: 'late', due: '2025-02-28', actual: '2025-03-20', daysLate: 6, windowStart: '2025-02-14', windowEnd: '2025-03-14' }],
  ['early', { melding_datum: '2023-12-01', triage_besluit: 'onderzoek', overdracht_datum: '2024-02-29', monitoring_12m_datum: '2025-01-31' }, '2025-04-01', { status: 'early', due: '2025-02-28', actual: '2025-01-31', windowStart: '2025-02-14', windowEnd: '2025-03-14' }],
  ['pending', { melding_datum: '2023-12-01', triage_besluit: VV, overdracht_datum: '2024-02-29' }, '2025-03-01', { status: 'pending', due: '2025-02-28', windowStart: '2025-02-14', windowEnd: '2025-03-14' }],
  ['overdue', { melding_datum: '2023-12-01', triage_besluit: VV, overdracht_datum: '2024-02-29' }, '2025-03-15', { status: 'overdue', due: '2025-02-28', daysLate: 1, windowStart: '2025-02-14', windowEnd: '2025-03-14' }],
  ['not applicable after einde bemoeienis', { melding_datum: '2023-12-01', triage_besluit: 'geen_vervolg' }, '2025-04-01', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-10', [
  ['no monitoring after a direct handover: holds', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04' }, '2026-11-01', { status: 'on_time' }],
  ['monitoring registered after a direct handover: violated', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04', monitoring_3m_datum: '2026-08-04' }, '2026-11-01', { status: 'violated' }],
  ['not applicable after V&V', { melding_datum: '2026-04-24', triage_besluit: VV, monitoring_3m_datum: '2026-08-04' }, '2026-11-01', { status: 'not_applicable' }],
]);

table('zuid-limburg', 'ZL-11', [
  ['gezinsvoogd involved and handed to the GI: holds', { melding_datum: '2026-04-24', gi_betrokken: true, triage_besluit: 'overdracht_gi' }, '2026-11-01', { status: 'on_time' }],
  ['gezinsvoogd involved but V&V: violated', { melding_datum: '2026-04-24', gi_betrokken: true, triage_besluit: VV }, '2026-11-01', { status: 'violated' }],
  ['not applicable without a gezinsvoogd', { melding_datum: '2026-04-24', gi_betrokken: false, triage_besluit: VV }, '2026-11-01', { status: 'not_applicable' }],
  ['not applicable before the triage decision', { melding_datum: '2026-04-24', gi_betrokken: true }, '2026-11-01', { status: 'not_applicable' }],
]);

// ---------- Noord Oost Gelderland (001) ----------
table('noord-oost-gelderland', 'NOG-01', [
  // melding Thu 24 Dec 2026: Kerstdagen, weekend, Nieuwjaarsdag → due Mon 4 Jan 2027
  ['on time', { melding_datum: '2026-12-24', contact_gezin_datum: '2027-01-04' }, '2027-02-01', { status: 'on_time', due: '2027-01-04', actual: '2027-01-04' }],
  ['late', { melding_datum: '2026-12-24', contact_gezin_datum: '2027-01-05' }, '2027-02-01', { status: 'late', due: '2027-01-04', actual: '2027-01-05', daysLate: 1 }],
  ['overdue', { melding_datum: '2026-12-24' }, '2027-01-06', { status: 'overdue', due: '2027-01-04', daysLate: 2 }],
  ['pending', { melding_datum: '2026-12-24' }, '2027-01-04', { status: 'pending', due: '2027-01-04' }],
  ['not applicable without a melding date', {}, '2027-02-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-02', [
  // handover Fri 13 Nov 2026 + 5 werkdagen = Fri 20 Nov
  ['on time', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-13', overdracht_bevestigd_datum: '2026-11-20' }, '2026-12-01', { status: 'on_time', due: '2026-11-20', actual: '2026-11-20' }],
  ['late', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-13', overdracht_bevestigd_datum: '2026-11-23' }, '2026-12-01', { status: 'late', due: '2026-11-20', actual: '2026-11-23', daysLate: 3 }],
  ['no confirmation at peildatum 1 December 2026: overdue', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-13' }, '2026-12-01', { status: 'overdue', due: '2026-11-20', daysLate: 11 }],
  ['pending', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-13' }, '2026-11-20', { status: 'pending', due: '2026-11-20' }],
  ['not applicable after V&V', { melding_datum: '2026-11-02', triage_besluit: VV, overdracht_datum: '2026-11-13' }, '2026-12-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-03', [
  ['complete', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-06', ov_inhoud_melding: true, ov_contactgegevens_melder: true, ov_info_veiligheidsbeoordeling: true }, '2026-12-01', { status: 'on_time' }],
  ['information from the beoordeling missing', { melding_datum: '2026-11-02', triage_besluit: LV, overdracht_datum: '2026-11-06', ov_inhoud_melding: true, ov_contactgegevens_melder: true }, '2026-12-01', { status: 'missing', missing: ['ov_info_veiligheidsbeoordeling'] }],
  ['not applicable after Onderzoek (that is NOG-04)', { melding_datum: '2026-11-02', triage_besluit: 'onderzoek', overdracht_datum: '2026-11-06' }, '2026-12-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-04', [
  ['complete after V&V', { melding_datum: '2026-03-02', triage_besluit: VV, warme_overdracht_datum: '2026-06-01', ov_inhoud_melding: true, ov_contactgegevens_melder: true, ov_wat_doet_lt: true, ov_veiligheidsvoorwaarden: true, ov_veiligheidsplan: true, ov_afspraken_monitoring: true, ov_consequenties: true }, '2026-07-01', { status: 'on_time' }],
  ['NOG always monitors: monitoring agreements required even with monitoring_niet_nodig', { melding_datum: '2026-03-02', triage_besluit: 'onderzoek', warme_overdracht_datum: '2026-06-01', monitoring_niet_nodig: true, ov_inhoud_melding: true, ov_contactgegevens_melder: true, ov_oordeel_vt: true, ov_veiligheidsvoorwaarden: true, ov_veiligheidsplan: true, ov_consequenties: true }, '2026-07-01', { status: 'missing', missing: ['ov_wat_doet_lt', 'ov_afspraken_monitoring'] }],
  ['not applicable before the warme overdracht', { melding_datum: '2026-03-02', triage_besluit: VV }, '2026-07-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-05', [
  // warme overdracht 31 Mar 2026 + 3 months = 30 June; window 16 June – 14 July
  ['on time', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-31', monitoring_3m_datum: '2026-07-14' }, '2026-08-01', { status: 'on_time', due: '2026-06-30', actual: '2026-07-14', windowStart: '2026-06-16', windowEnd: '2026-07-14' }],
  ['early', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-31', monitoring_3m_datum: '2026-06-15' }, '2026-08-01', { status: 'early', due: '2026-06-30', actual: '2026-06-15', windowStart: '2026-06-16', windowEnd: '2026-07-14' }],
  ['late', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-31', monitoring_3m_datum: '2026-07-15' }, '2026-08-01', { status: 'late', due: '2026-06-30', actual: '2026-07-15', daysLate: 1, windowStart: '2026-06-16', windowEnd: '2026-07-14' }],
  ['pending', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-31' }, '2026-07-14', { status: 'pending', due: '2026-06-30', windowStart: '2026-06-16', windowEnd: '2026-07-14' }],
  ['overdue, also with monitoring_niet_nodig (001 has no exemption)', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-31', monitoring_niet_nodig: true }, '2026-07-15', { status: 'overdue', due: '2026-06-30', daysLate: 1, windowStart: '2026-06-16', windowEnd: '2026-07-14' }],
  ['not applicable after a direct handover', { melding_datum: '2026-01-05', triage_besluit: LV, overdracht_datum: '2026-01-12' }, '2026-08-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-06', [
  // warme overdracht 20 Nov 2025 + 12 months = 20 Nov 2026; window 14 days before, 0 after
  ['on time on the anniversary', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20', monitoring_12m_datum: '2026-11-20' }, '2026-12-01', { status: 'on_time', due: '2026-11-20', actual: '2026-11-20', windowStart: '2026-11-06', windowEnd: '2026-11-20' }],
  ['late one day after: monitoring lasts at most a year', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20', monitoring_12m_datum: '2026-11-21' }, '2026-12-01', { status: 'late', due: '2026-11-20', actual: '2026-11-21', daysLate: 1, windowStart: '2026-11-06', windowEnd: '2026-11-20' }],
  ['early', { melding_datum: '2025-08-01', triage_besluit: 'onderzoek', warme_overdracht_datum: '2025-11-20', monitoring_12m_datum: '2026-11-05' }, '2026-12-01', { status: 'early', due: '2026-11-20', actual: '2026-11-05', windowStart: '2026-11-06', windowEnd: '2026-11-20' }],
  ['pending on the due date', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20' }, '2026-11-20', { status: 'pending', due: '2026-11-20', windowStart: '2026-11-06', windowEnd: '2026-11-20' }],
  ['overdue the day after', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20' }, '2026-11-21', { status: 'overdue', due: '2026-11-20', daysLate: 1, windowStart: '2026-11-06', windowEnd: '2026-11-20' }],
  ['not applicable without a warme overdracht (NOG counts from it only)', { melding_datum: '2025-08-01', triage_besluit: VV, overdracht_datum: '2025-11-20' }, '2026-12-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-07', [
  ['closed within the year', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20', monitoring_afgesloten_datum: '2026-06-01' }, '2026-12-01', { status: 'on_time', due: '2026-11-20', actual: '2026-06-01' }],
  ['closed too late', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20', monitoring_afgesloten_datum: '2026-12-01' }, '2026-12-10', { status: 'late', due: '2026-11-20', actual: '2026-12-01', daysLate: 11 }],
  ['still open past the year: overdue', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20' }, '2026-11-23', { status: 'overdue', due: '2026-11-20', daysLate: 3 }],
  ['open within the year: pending', { melding_datum: '2025-08-01', triage_besluit: VV, warme_overdracht_datum: '2025-11-20' }, '2026-11-20', { status: 'pending', due: '2026-11-20' }],
  ['not applicable after a direct handover', { melding_datum: '2025-08-01', triage_besluit: LV, overdracht_datum: '2025-08-08' }, '2026-12-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-08', [
  ['no monitoring after a direct handover: holds', { melding_datum: '2026-04-24', triage_besluit: LV, overdracht_datum: '2026-05-04' }, '2026-11-01', { status: 'on_time' }],
  ['monitoring closed after a direct handover: violated', { melding_datum: '2026-04-24', triage_besluit: LV, monitoring_afgesloten_datum: '2026-09-01' }, '2026-11-01', { status: 'violated' }],
  ['not applicable after Onderzoek', { melding_datum: '2026-04-24', triage_besluit: 'onderzoek', monitoring_3m_datum: '2026-08-04' }, '2026-11-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-09', [
  ['warme overdracht registered after the service', { melding_datum: '2026-03-02', triage_besluit: VV, dienst_afgerond_datum: '2026-05-20', warme_overdracht_datum: '2026-05-27' }, '2026-07-01', { status: 'on_time' }],
  ['service completed without a warme overdracht', { melding_datum: '2026-03-02', triage_besluit: 'onderzoek', dienst_afgerond_datum: '2026-05-20' }, '2026-07-01', { status: 'missing', missing: ['warme_overdracht_datum'] }],
  ['not applicable while the service runs', { melding_datum: '2026-03-02', triage_besluit: VV }, '2026-07-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-10', [
  // handover Thu 30 Apr 2026 + 5 werkdagen = Fri 8 May (5 mei skipped)
  ['on time', { melding_datum: '2026-04-22', triage_besluit: LV, overdracht_datum: '2026-04-30', lokaal_team_contact_datum: '2026-05-08' }, '2026-06-01', { status: 'on_time', due: '2026-05-08', actual: '2026-05-08' }],
  ['late', { melding_datum: '2026-04-22', triage_besluit: LV, overdracht_datum: '2026-04-30', lokaal_team_contact_datum: '2026-05-11' }, '2026-06-01', { status: 'late', due: '2026-05-08', actual: '2026-05-11', daysLate: 3 }],
  ['overdue', { melding_datum: '2026-04-22', triage_besluit: LV, overdracht_datum: '2026-04-30' }, '2026-05-12', { status: 'overdue', due: '2026-05-08', daysLate: 4 }],
  ['pending', { melding_datum: '2026-04-22', triage_besluit: LV, overdracht_datum: '2026-04-30' }, '2026-05-08', { status: 'pending', due: '2026-05-08' }],
  ['not applicable after V&V', { melding_datum: '2026-04-22', triage_besluit: VV, overdracht_datum: '2026-04-30' }, '2026-06-01', { status: 'not_applicable' }],
]);

table('noord-oost-gelderland', 'NOG-11', [
  ['anonymous melding to V&V: holds', { melding_datum: '2026-04-22', melder_anoniem: true, triage_besluit: VV }, '2026-06-01', { status: 'on_time' }],
  ['anonymous melding handed over directly: violated', { melding_datum: '2026-04-22', melder_anoniem: true, triage_besluit: LV }, '2026-06-01', { status: 'violated' }],
  ['not applicable for a known melder', { melding_datum: '2026-04-22', melder_anoniem: false, triage_besluit: LV }, '2026-06-01', { status: 'not_applicable' }],
]);

describe('every rule id of SPEC §6 is active where it should be', () => {
  it('zuid-limburg', () => {
    expect(profile('zuid-limburg').rules.map((r) => r.id)).toEqual(['LV-01', 'LV-04', 'ZL-01', 'ZL-02', 'ZL-03', 'ZL-04', 'ZL-05', 'ZL-06', 'ZL-07', 'ZL-08', 'ZL-09', 'ZL-10', 'ZL-11']);
  });
  it('noord-oost-gelderland', () => {
    expect(profile('noord-oost-gelderland').rules.map((r) => r.id)).toEqual(['LV-01', 'LV-03', 'LV-04', 'NOG-01', 'NOG-02', 'NOG-03', 'NOG-04', 'NOG-05', 'NOG-06', 'NOG-07', 'NOG-08', 'NOG-09', 'NOG-10', 'NOG-11']);
  });
  it('every bundled rule cites a seed document and section', () => {
    for (const region of bundledProfileIds()) {
      for (const r of profile(region).rules) {
        expect(['000', '001', '004']).toContain(r.spec.source.document);
        expect(r.spec.source.section.length).toBeGreaterThan(1);
        expect(r.spec.title.nl && r.spec.title.en).toBeTruthy();
      }
    }
  });
  it('NOG rules are warnings or info, never errors ("richtlijnen, dus geen wetten")', () => {
    const sev = profile('noord-oost-gelderland').rules.filter((r) => r.id.startsWith('NOG')).map((r) => r.spec.severity);
    expect(new Set(sev)).toEqual(new Set(['warning', 'info']));
  });
});

describe('dates that cannot be right, and dates after the peildatum (issue 13.2)', () => {
  const melding = { melding_datum: '2026-04-24' };
  it('a beoordeling before its melding is implausible, not on time', () => {
    expect(evaluateRule('zuid-limburg', 'ZL-01', { ...melding, veiligheidsbeoordeling_datum: '2026-01-15' }, '2026-11-01')).toEqual({ status: 'implausible', actual: '2026-01-15', anchor: '2026-04-24' });
  });
  it('a date after the day of the run is implausible, not "late by 764 days"', () => {
    expect(evaluateRule('zuid-limburg', 'ZL-01', { ...melding, veiligheidsbeoordeling_datum: '2028-06-01' }, '2026-11-01', '2026-12-01')).toEqual({ status: 'implausible', actual: '2028-06-01', anchor: '2026-04-24' });
    expect(evaluateRule('zuid-limburg', 'ZL-01', { melding_datum: '2027-03-01' }, '2026-11-01', '2026-12-01')).toEqual({ status: 'implausible', actual: '2027-03-01', anchor: '2027-03-01' });
  });
  it('a beoordeling after the peildatum but before today: judged as of the peildatum (overdue, pending)', () => {
    expect(evaluateRule('zuid-limburg', 'ZL-01', { ...melding, veiligheidsbeoordeling_datum: '2026-11-20' }, '2026-11-01', '2026-12-01')).toEqual({ status: 'overdue', due: '2026-05-04', daysLate: 181 });
    expect(evaluateRule('zuid-limburg', 'ZL-01', { melding_datum: '2026-10-29', veiligheidsbeoordeling_datum: '2026-11-20' }, '2026-11-01', '2026-12-01')).toEqual({ status: 'pending', due: '2026-11-05' });
  });
  it('a melding after the peildatum had not begun: not applicable', () => {
    expect(evaluateRule('zuid-limburg', 'ZL-01', { melding_datum: '2026-11-10', veiligheidsbeoordeling_datum: '2026-11-12' }, '2026-11-01', '2026-12-01')).toEqual({ status: 'not_applicable' });
  });
  it('a monitoring moment before its warme overdracht is implausible, not early', () => {
    expect(evaluateRule('noord-oost-gelderland', 'NOG-06', { melding_datum: '2026-01-05', triage_besluit: VV, warme_overdracht_datum: '2026-03-02', monitoring_12m_datum: '2026-02-20' }, '2026-11-01')).toMatchObject({ status: 'implausible', actual: '2026-02-20', anchor: '2026-03-02' });
  });
});

describe('every bundled rule has its table of cases (as ESLint checks its rule files)', () => {
  it('a table for each rule a bundled profile declares, in the profile that declares it', () => {
    const declared = bundledProfileIds().flatMap((id) => {
      const p = loadProfile({ region: id });
      return [...p.rules, ...p.inactive.map((i) => ({ id: i.id, origin: i.origin }))].filter((r) => 'spec' in r && r.origin === id).map((r) => `${id}:${r.id}`);
    });
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((d) => !tabled.has(d))).toEqual([]);
  });

  it('src/ names no bundled region: regions are data (rules/*.yaml)', () => {
    const names = bundledProfileIds().flatMap((id) => {
      const p = loadProfile({ region: id });
      const out = [id];
      for (const lang of ['nl', 'en'] as const) {
        setLang(lang);
        out.push(localized(p.name).split(' (')[0]);
      }
      setLang('nl');
      return out;
    });
    const src = join(import.meta.dirname, '..', '..', 'src');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const hits = files(src).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...new Set(names)].filter((n) => text.includes(n)).map((n) => `${f.slice(src.length + 1)}: ${n}`);
    });
    expect(hits).toEqual([]);
  });
});
