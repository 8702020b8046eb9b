/** `giacheck rules list` and `rules show <id>`: every rule with kind, parameters, source, interpretation. */
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';
import { bundledProfileIds } from '../../src/profile/load.js';

describe('giacheck rules list', () => {
  it('lists every active rule of a profile, one block each, and the inactive ones', async () => {
    const r = await giacheck(['rules', 'list', '--region', 'zuid-limburg']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Profiel Zuid-Limburg (zuid-limburg 2026.11, extends landelijk)');
    const ids = lines.filter((l) => /^\S/.test(l) && !l.startsWith('Profiel') && !l.startsWith('niet actief')).map((l) => l.split(' ')[0]);
    expect(ids).toEqual(['LV-01', 'LV-04', 'ZL-01', 'ZL-02', 'ZL-03', 'ZL-04', 'ZL-05', 'ZL-06', 'ZL-07', 'ZL-08', 'ZL-09', 'ZL-10', 'ZL-11']);
    expect(r.stdout).toContain(
      [
        'ZL-01  termijn · fout · Veiligheidsbeoordeling binnen 5 werkdagen na de melding',
        '       parameters: veiligheidsbeoordeling_datum ≤ melding_datum + 5 werkdagen',
        '       bron: 000 §5.1.1 (Samenwerkingsafspraken Veilig Thuis – gemeenten Zuid-Limburg (werkafspraken 20 januari 2022))',
        '       norm: 90% (LNVT ambitie 2019: 90 % van de meldingen binnen 5 werkdagen beoordeeld; Landelijk Netwerk Veilig Thuis, ambities voor de doorlooptijden (gepubliceerd 2019, bij de cijfers over het vierde kwartaal van 2018))',
        '       vervangt: LV-03',
      ].join('\n'),
    );
    expect(r.stdout).toContain('       parameters: lokaal_team_contact_datum ≤ (eerste aanwezige van warme_overdracht_datum, overdracht_datum) + 5 werkdagen');
    expect(r.stdout).toContain('       parameters: aanwezig moeten zijn: ov_inhoud_melding, ov_contactgegevens_directbetrokkenen, ov_contactgegevens_melder (tenzij melder_anoniem = ja), ov_triagebesluit_onderbouwing, ov_info_veiligheidsbeoordeling');
    expect(r.stdout).toContain('       interpretatie: 000 noemt geen termijn voor de bevestiging;');
    expect(lines.filter(Boolean).at(-1)).toBe('niet actief: LV-03 (vervangen door ZL-01), LV-02 (vervangen door ZL-02)');
  });

  it('without --region lists every bundled profile; json is structured', async () => {
    const r = await giacheck(['rules', 'list', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.map((p: any) => p.profile.id)).toEqual(bundledProfileIds());
    expect(j[0].profile.id).toBe('landelijk'); // the base first
    const nog06 = j.find((p: any) => p.profile.id === 'noord-oost-gelderland').rules.find((x: any) => x.id === 'NOG-06');
    expect(nog06).toMatchObject({
      kind: 'moment',
      origin: 'noord-oost-gelderland',
      parameters: { from: 'warme_overdracht_datum', duration: { months: 12 }, to: 'monitoring_12m_datum', window: { before: 14, after: 0 } },
      source: { document: '001', section: '§4' },
    });
    expect(typeof nog06.interpretation).toBe('string');
  });

  it('moment rules show their window, also when it comes from the profile', async () => {
    const r = await giacheck(['rules', 'list', '--region', 'zuid-limburg', '--lang', 'en']);
    expect(r.stdout).toContain('ZL-08  moment · error · ');
    expect(r.stdout).toContain('       parameters: window: 14 days before to 14 days after (profile setting)');
  });
});

describe('giacheck rules show', () => {
  it('shows one rule in full from the profile that declares it', async () => {
    const r = await giacheck(['rules', 'show', 'nog-11']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Profiel Noord Oost Gelderland (noord-oost-gelderland 2026.11, extends landelijk)');
    expect(r.stdout.split('\n')[2]).toBe('NOG-11 samenhang · waarschuwing · Een anonieme melding wordt niet direct overgedragen');
    expect(r.stdout).toContain('       parameters: vereist: triage_besluit ∉ {overdracht_lokaal_veld}');
    expect(r.stdout).toContain('       wanneer: aanwezig: triage_besluit en melder_anoniem = ja');
    expect(r.stdout).toContain('       bron: 001 §1 (WERKafspraken Noord Oost Gelderland (najaar 2019))\n       citaat: "VT draagt na de veiligheidsbeoordeling');
    expect(r.stdout).toContain('       uit profiel: noord-oost-gelderland');
  });

  it('an inherited rule is shown once; json names the profile', async () => {
    const j = JSON.parse((await giacheck(['rules', 'show', 'LV-01', '--format', 'json'])).stdout);
    expect(j.map((x: any) => [x.profile, x.id, x.kind])).toEqual([['landelijk', 'LV-01', 'deadline']]);
  });

  it('exit 2 with one line for an unknown or inactive rule', async () => {
    const unknown = await giacheck(['rules', 'show', 'ZL-55']);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'giacheck: regel ZL-55 bestaat niet in landelijk, noord-oost-gelderland, zuid-limburg; bedoelde u ZL-05?\n' });
    const inactive = await giacheck(['rules', 'show', 'LV-02', '--region', 'zuid-limburg']);
    expect(inactive).toMatchObject({ code: 2, stderr: 'giacheck: LV-02 is in profiel zuid-limburg niet actief (vervangen door ZL-02)\n' });
  });
});
