/**
 * The outcome screen's content: route, regie, handover items from the profile's required_items
 * rules, and the timeline of due dates in werkdagen (Atw calendar of the profile).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isoDate, parseIsoDay } from '../../src/calendar/days.js';
import { setLang } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { treeOf } from '../../src/triage/load.js';
import { buildOutcome, evalCondition, Outcome } from '../../src/triage/outcome.js';
import { outcomeJson, renderOutcome } from '../../src/triage/render.js';
import { replay } from '../../src/triage/walk.js';

afterEach(() => setLang('nl'));

function outcome(region: string, melding: string, answers: Record<string, string>): Outcome {
  const profile = loadProfile({ region });
  const tree = treeOf(profile);
  const { walk, problems } = replay(tree, answers);
  expect(problems).toEqual([]);
  return buildOutcome(profile, tree, walk!, parseIsoDay(melding) as number);
}

const dates = (o: Outcome) =>
  o.timeline.map((i) => [i.rule_id ?? `${i.node}/${i.entry}`, i.due !== undefined ? isoDate(i.due) : i.relative]);
const items = (o: Outcome) => o.handover.map((i) => [i.rule_id, i.field, i.status, i.condition]);

const ZL_DIRECT = { crisis: 'nee', gezinsvoogd: 'nee', anoniem: 'nee', vermoeden: 'ja', onveiligheid: 'nee', directbetrokkene: 'nee', lokaal_veld: 'ja' };
const ZL_VV_CRISIS_AVOND = {
  crisis: 'ja',
  crisis_kantoortijd: 'buiten',
  gezinsvoogd: 'nee',
  anoniem: 'nee',
  vermoeden: 'ja',
  onveiligheid: 'ja',
  lopende_hulpverlening: 'nee',
  multidisciplinair: 'nee',
  lokaal_veld: 'nee',
  bevestigen: 'nee',
  medewerking: 'ja',
};
const NOG_NONE = {
  geen_hulp: 'nee',
  anoniem: 'nee',
  onveilig: 'nee',
  onduidelijk: 'nee',
  geen_hulp_gewenst: 'nee',
  letsel: 'nee',
  ongeboren_kind: 'nee',
  acute_psychiatrie: 'nee',
  maatregelen: 'nee',
};

describe('Zuid-Limburg outcomes', () => {
  it('direct handover from Monday 2 March 2026: beoordeling and letter on 9 March, handover the same day (§5.1.1), lokale veld within 3 weeks', () => {
    const o = outcome('zuid-limburg', '2026-03-02', ZL_DIRECT);
    expect(o.route).toBe('overdracht_lokaal_veld');
    expect(o.regie).toBe('Het lokale veld / lokaal team (de regie op veiligheid gaat over met de overdracht)');
    expect(dates(o)).toEqual([
      ['ZL-01', '2026-03-09'],
      ['ZL-02', '2026-03-09'],
      ['uitkomst_lv/overdracht', '2026-03-09'],
      ['ZL-03', '2026-03-30'],
    ]);
    expect(o.timeline[2].note).toBe('aanname: direct aansluitend op de veiligheidsbeoordeling (000 §5.1.1)');
    expect(items(o)).toEqual([
      ['ZL-04', 'overdracht_bevestigd_datum', 'conditional', 'tenzij overdracht via de triagetafel'],
      ['ZL-06', 'ov_inhoud_melding', 'required', undefined],
      ['ZL-06', 'ov_contactgegevens_directbetrokkenen', 'required', undefined],
      ['ZL-06', 'ov_contactgegevens_melder', 'required', undefined],
      ['ZL-06', 'ov_triagebesluit_onderbouwing', 'required', undefined],
      ['ZL-06', 'ov_info_veiligheidsbeoordeling', 'required', undefined],
    ]);
  });

  it('an anonymous melder drops the melder item (tenzij anoniem)', () => {
    const o = outcome('zuid-limburg', '2026-03-02', { ...ZL_DIRECT, anoniem: 'ja' });
    expect(o.path.map((p) => p.node)).toContain('triagetafel');
    expect(o.handover.find((i) => i.field === 'ov_contactgegevens_melder')).toMatchObject({
      status: 'not_required',
      condition: 'melder anoniem',
    });
  });

  it('V&V after a crisis on Friday evening 24 April 2026: gemeente on Tuesday 28 April (Koningsdag), beoordeling by 4 May (5 mei closed)', () => {
    const o = outcome('zuid-limburg', '2026-04-24', ZL_VV_CRISIS_AVOND);
    expect(o.route).toBe('voorwaarden_en_vervolg');
    expect(o.regie).toBe('Veilig Thuis, tot en met de warme overdracht; daarna het lokale veld');
    expect(dates(o)).toEqual([
      ['crisis_buiten/crisishulp_jeugd', '2026-04-24'],
      ['crisis_buiten/gemeente', '2026-04-28'],
      ['ZL-01', '2026-05-04'],
      ['ZL-02', '2026-05-04'],
      ['LV-01', '2026-07-13'],
      ['LV-04', '2026-07-13'],
      ['ZL-05', '5 werkdagen na warme overdracht of overdracht'],
      ['ZL-08', '3 maanden na warme overdracht of overdracht'],
      ['ZL-09', '12 maanden na warme overdracht of overdracht'],
    ]);
    expect(o.timeline.find((i) => i.rule_id === 'ZL-08')?.condition).toBe('tenzij monitoring niet nodig');
    const zl07 = o.handover.filter((i) => i.rule_id === 'ZL-07');
    expect(zl07.find((i) => i.field === 'ov_oordeel_vt')).toMatchObject({ status: 'not_required', condition: 'alleen bij Onderzoek' });
    expect(zl07.find((i) => i.field === 'ov_afspraken_monitoring')).toMatchObject({ status: 'conditional', condition: 'tenzij monitoring niet nodig' });
    expect(zl07.filter((i) => i.status === 'required').map((i) => i.field)).toEqual([
      'ov_inhoud_melding',
      'ov_contactgegevens_directbetrokkenen',
      'ov_contactgegevens_melder',
      'ov_veiligheidsvoorwaarden',
      'ov_consequenties',
      'ov_veiligheidsplan',
    ]);
  });

  it('Onderzoek requires the oordeel VT', () => {
    const { crisis_kantoortijd: _k, medewerking: _m, ...rest } = ZL_VV_CRISIS_AVOND;
    const o = outcome('zuid-limburg', '2026-03-03', { ...rest, crisis: 'nee', bevestigen: 'ja' });
    expect(o.route).toBe('onderzoek');
    expect(o.handover.find((i) => i.field === 'ov_oordeel_vt')?.status).toBe('required');
  });

  it('the GI route: no handover items in the rules, only the melding-anchored deadlines', () => {
    const o = outcome('zuid-limburg', '2026-12-23', { crisis: 'nee', gezinsvoogd: 'ja' });
    expect(o.route).toBe('overdracht_gi');
    expect(o.handover).toEqual([]);
    // 25, 26 December and the weekends are not werkdagen
    expect(dates(o)).toEqual([
      ['ZL-01', '2026-12-31'],
      ['ZL-02', '2026-12-31'],
    ]);
    expect(o.walk.facts).toEqual({ gi_betrokken: true });
  });
});

describe('Noord Oost Gelderland outcomes', () => {
  it('direct handover from Friday 24 April 2026: phone call by 4 May; the LT terms stay relative to the overdracht', () => {
    const o = outcome('noord-oost-gelderland', '2026-04-24', NOG_NONE);
    expect(o.route).toBe('overdracht_lokaal_veld');
    expect(o.regie).toContain('Het lokaal team');
    expect(dates(o)).toEqual([
      ['LV-03', '2026-05-04'],
      ['NOG-01', '2026-05-04'],
      ['telefonisch_contact/veiligheidsbeoordeling', '2026-05-04'],
      ['NOG-02', '5 werkdagen na overdracht'],
      ['NOG-10', '5 werkdagen na overdracht'],
    ]);
    expect(items(o)).toEqual([
      ['NOG-03', 'ov_inhoud_melding', 'required', undefined],
      ['NOG-03', 'ov_contactgegevens_melder', 'required', undefined],
      ['NOG-03', 'ov_info_veiligheidsbeoordeling', 'required', undefined],
    ]);
  });

  it('V&V for an anonymous melder from Wednesday 13 May 2026 (Hemelvaart and the Friday after closed): monitoring relative to the warme overdracht', () => {
    const o = outcome('noord-oost-gelderland', '2026-05-13', { geen_hulp: 'nee', anoniem: 'ja', dienst: 'nee' });
    expect(o.route).toBe('voorwaarden_en_vervolg');
    expect(dates(o)).toEqual([
      ['LV-03', '2026-05-22'],
      ['NOG-01', '2026-05-22'],
      ['telefonisch_contact/veiligheidsbeoordeling', '2026-05-22'],
      ['LV-04', '2026-07-31'],
      ['LV-01', '2026-07-31'],
      ['NOG-05', '3 maanden na warme overdracht'],
      ['NOG-06', '12 maanden na warme overdracht'],
      ['NOG-07', '12 maanden na warme overdracht'],
    ]);
    expect(items(o)).toEqual([
      ['NOG-04', 'ov_inhoud_melding', 'required', undefined],
      ['NOG-04', 'ov_contactgegevens_melder', 'not_required', 'melder anoniem'],
      ['NOG-04', 'ov_oordeel_vt', 'not_required', 'alleen bij Onderzoek'],
      ['NOG-04', 'ov_wat_doet_lt', 'required', undefined],
      ['NOG-04', 'ov_veiligheidsvoorwaarden', 'required', undefined],
      ['NOG-04', 'ov_veiligheidsplan', 'required', undefined],
      ['NOG-04', 'ov_afspraken_monitoring', 'required', undefined],
      ['NOG-04', 'ov_consequenties', 'required', undefined],
      ['NOG-09', 'warme_overdracht_datum', 'required', undefined],
    ]);
  });
});

describe('conditions on a path that has not happened yet', () => {
  const k = { route: 'onderzoek' as const, facts: { melder_anoniem: true } };
  it.each([
    [{ route: ['onderzoek' as const] }, true],
    [{ route: ['voorwaarden_en_vervolg' as const] }, false],
    [{ route_not: ['onderzoek' as const] }, false],
    [{ flags: { melder_anoniem: true } }, true],
    [{ flags: { monitoring_niet_nodig: false } }, undefined],
    [{ present: ['overdracht_datum' as const] }, true],
    [{ absent: ['monitoring_3m_datum' as const] }, undefined],
    [{ any: [{ route: ['geen_vervolg' as const] }, { flags: { melder_anoniem: true } }] }, true],
    [{ not: { flags: { gi_betrokken: true } } }, undefined],
    [{ route: ['voorwaarden_en_vervolg' as const], flags: { gi_betrokken: true } }, false],
  ])('%j → %s', (spec, expected) => {
    expect(evalCondition(spec, k)).toBe(expected);
  });
});

describe('rendering', () => {
  it('the screen names route, regie, path with sources, items and dated timeline (nl)', () => {
    const text = renderOutcome(outcome('zuid-limburg', '2026-03-02', ZL_DIRECT), { color: false });
    expect(text).toContain(' Uitkomst  directe overdracht lokale veld');
    expect(text).toContain('Zuid-Limburg · triageboom 2026.11 · melding ma 02-03-2026');
    expect(text).toContain('Regie op veiligheid\n  Het lokale veld / lokaal team');
    expect(text).toContain('→ Ja  · 000 §5.1 (HP 7.5.2 Overdracht aan het lokale veld); §4.1');
    expect(text).toContain('? bevestiging van de overdracht (tenzij overdracht via de triagetafel)');
    expect(text).toContain('✓ contactgegevens melder');
    expect(text).toMatch(/ma 09-03-2026\s+ZL-01 Veiligheidsbeoordeling binnen 5 werkdagen na de melding/);
    expect(text).toMatch(/ma 30-03-2026\s+ZL-03 /);
    expect(text).not.toContain('\u001b[');
  });

  it('English screen and dates', () => {
    setLang('en');
    const text = renderOutcome(outcome('noord-oost-gelderland', '2026-04-24', NOG_NONE), { color: false });
    expect(text.split('\n')[0]).toBe(' Outcome  direct handover to the lokale veld');
    expect(text).toContain('Path taken');
    expect(text).toMatch(/Mon 2026-05-04\s+NOG-01 VT phones the family within 5 werkdagen of the melding/);
    expect(text).toContain('5 werkdagen after handover');
    expect(text).toContain('Cannot be dated yet');
  });

  it('a scenario whose expected route differs is flagged on screen', () => {
    const text = renderOutcome(outcome('zuid-limburg', '2026-03-02', ZL_DIRECT), { color: false, expected: 'onderzoek' });
    expect(text).toContain('let op: het scenario verwacht Onderzoek');
  });

  it('JSON carries route, regie, path with sources, handover items and timeline with due_date or relative', () => {
    const j = outcomeJson(outcome('zuid-limburg', '2026-03-02', ZL_DIRECT)) as Record<string, any>;
    expect(j.profile).toEqual({ id: 'zuid-limburg', version: '2026.11' });
    expect(j.route).toBe('overdracht_lokaal_veld');
    expect(j.melding_datum).toBe('2026-03-02');
    expect(j.path[0]).toMatchObject({ node: 'crisis', kind: 'question', answer: 'nee', answer_label: 'Nee', source: { document: '000', section: 'Bijlage 3a.2–3' } });
    expect(j.handover_items[0]).toEqual({ rule_id: 'ZL-04', field: 'overdracht_bevestigd_datum', label: 'bevestiging van de overdracht', status: 'conditional', condition: 'tenzij overdracht via de triagetafel' });
    expect(j.timeline.map((i: any) => i.due_date ?? i.relative)).toEqual(['2026-03-09', '2026-03-09', '2026-03-09', '2026-03-30']);
    expect(j.answers).toEqual(ZL_DIRECT);
  });
});
