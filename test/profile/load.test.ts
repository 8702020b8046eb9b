import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile, loadProfileFile, gemeenteResolver, routeResolver } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-profile-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const base = `id: mijn-regio
version: "1"
name: { nl: Mijn regio, en: My region }
extends: zuid-limburg
`;

describe('profiles', () => {
  it('a feestdag rule date-holidays cannot read is a problem with its line, unless the check is left to lint', () => {
    const file = write('feest.yaml', base + 'calendar:\n  feestdagen:\n    - { id: raar, rule: "niet een regel" }\n');
    const checked = loadProfileFile(file);
    expect(checked.profile).toBeUndefined();
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0].path).toEqual(['calendar', 'feestdagen', 0, 'rule']);
    const unchecked = loadProfileFile(file, [], { checkFeestdagen: false });
    expect(unchecked.problems).toEqual([]);
    expect(unchecked.profile?.calendarSpec.feestdagen.map((f) => f.id)).toContain('raar');
  });

  it('a regional profile inherits the landelijk calendar and rules', () => {
    const p = loadProfile({ region: 'zuid-limburg' });
    expect(p.chain).toEqual(['zuid-limburg', 'landelijk']);
    expect(p.calendarSpec.feestdagen.map((f) => f.id)).toContain('goede_vrijdag');
    expect(p.calendarSpec.closedDays).toHaveLength(20);
    expect(p.momentWindow).toEqual({ before: 14, after: 14 });
    expect(Object.values(p.deelregios).flat()).toHaveLength(16);
    expect(Object.values(loadProfile({ region: 'noord-oost-gelderland' }).deelregios).flat()).toHaveLength(22);
  });

  it('matches gemeenten on official name and aliases, ignoring case, hyphens and spaces', () => {
    const nog = gemeenteResolver(loadProfile({ region: 'noord-oost-gelderland' }));
    expect(nog('Oost-Gelre')).toEqual({ gemeente: 'Oost Gelre', deelregio: 'Achterhoek' });
    expect(nog('oost gelre')?.gemeente).toBe('Oost Gelre');
    expect(nog('OUDE IJSSELSTREEK')?.gemeente).toBe('Oude IJsselstreek');
    expect(nog('Hatter')?.gemeente).toBe('Hattem');
    expect(nog('Heerlen')).toBeUndefined();
    const zl = gemeenteResolver(loadProfile({ region: 'zuid-limburg' }));
    expect(zl('Sittard Geleen')?.gemeente).toBe('Sittard-Geleen');
    expect(zl('Valkenburg')?.gemeente).toBe('Valkenburg aan de Geul');
  });

  it('accepts common route spellings from the profile', () => {
    const route = routeResolver(loadProfile({ region: 'landelijk' }));
    expect(route('V&V')).toBe('voorwaarden_en_vervolg');
    expect(route('Voorwaarden & Vervolg')).toBe('voorwaarden_en_vervolg');
    expect(route('directe overdracht')).toBe('overdracht_lokaal_veld');
    expect(route('Einde bemoeienis')).toBe('geen_vervolg');
    expect(route('overdracht_gi')).toBe('overdracht_gi');
    expect(route('Onderzoek')).toBe('onderzoek');
    expect(route('iets anders')).toBeUndefined();
  });

  it('a custom profile may override severity, switch a rule off and replace one', () => {
    const file = write('p.yaml', base + `rules:
  ZL-10: off
  ZL-01: { severity: warning }
  ZL-03: { off: true }
  EIGEN-01:
    kind: deadline
    replaces: ZL-05
    title: { nl: Binnen 10 werkdagen, en: Within 10 werkdagen }
    severity: info
    from: warme_overdracht_datum
    duration: { workdays: 10 }
    to: lokaal_team_contact_datum
    source: { document: eigen, section: "1" }
    norm: 0.9
    norm_source: { document: eigen, section: "2" }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(problems).toEqual([]);
    const ids = profile!.rules.map((r) => r.id);
    expect(ids).not.toContain('ZL-10');
    expect(ids).not.toContain('ZL-03');
    expect(ids).not.toContain('ZL-05');
    expect(ids).toContain('EIGEN-01');
    expect(profile!.rules.find((r) => r.id === 'ZL-01')!.spec.severity).toBe('warning');
    expect(profile!.inactive).toEqual([
      { id: 'LV-03', reason: 'replaced', by: 'ZL-01', origin: 'zuid-limburg' },
      { id: 'LV-02', reason: 'replaced', by: 'ZL-02', origin: 'zuid-limburg' },
      { id: 'ZL-10', reason: 'off', origin: 'mijn-regio' },
      { id: 'ZL-03', reason: 'off', origin: 'mijn-regio' },
      { id: 'ZL-05', reason: 'replaced', by: 'EIGEN-01', origin: 'mijn-regio' },
    ]);
    expect(profile!.chain).toEqual(['mijn-regio', 'zuid-limburg', 'landelijk']);
  });

  it('a regional profile may override an inherited norm, with its own norm_source', () => {
    const file = write('norm.yaml', base + `rules:
  ZL-01: { norm: 0.95, norm_source: { document: eigen, section: "convenant 2026" } }
  LV-04: { severity: error }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(problems).toEqual([]);
    const spec = (id: string) => profile!.rules.find((r) => r.id === id)!.spec;
    expect([spec('ZL-01').norm, spec('ZL-01').norm_source]).toEqual([0.95, { document: 'eigen', section: 'convenant 2026' }]);
    // a severity override keeps the inherited norm and its source
    expect([spec('LV-04').severity, spec('LV-04').norm, spec('LV-04').norm_source?.document]).toEqual(['error', 0.8, 'LNVT']);
  });

  it('a norm without norm_source, or a norm_source without a norm, is a problem with its line', () => {
    const file = write('norm-bad.yaml', base + `rules:
  ZL-01: { norm: 0.95 }
  EIGEN-02:
    kind: deadline
    title: { nl: Eigen, en: Own }
    severity: info
    from: melding_datum
    duration: { workdays: 3 }
    to: contact_gezin_datum
    source: { document: eigen, section: "1" }
    norm_source: { document: eigen, section: "2" }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(profile).toBeUndefined();
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [6, 'rules.ZL-01.norm: zeg met norm_source waar de norm vandaan komt (document en section)'],
      [15, 'rules.EIGEN-02.norm_source: hoort bij een norm; geef ook norm (bijvoorbeeld 0.9)'],
    ]);
  });

  it('names the YAML line and column of every problem', () => {
    const file = write('bad.yaml', base + `rules:
  X-01:
    kind: deadline
    title: { nl: a, en: b }
    severity: error
    from: meldingsdatum
    duration: { workdays: 5 }
    to: veiligheidsbeoordeling_datum
    source: { document: "000", section: x }
  X-02:
    kind: termijn
  ZL-99: { severity: warning }
  X-03:
    kind: moment
    title: { nl: a, en: b }
    severity: error
    from: melding_datum
    duration: { workdays: -1 }
    to: monitoring_3m_datum
    when: { route: [voorwaarden_en_vervolg], flagz: {} }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(profile).toBeUndefined();
    const lines = problems.map((p) => `${p.line}:${p.col} ${p.message.split(':')[0]}`);
    expect(lines).toEqual([
      '10:11 rules.X-01.from',
      '15:11 rules.X-02.kind',
      '18:5 rules.X-03.source',
      '24:53 rules.X-03.when',
      '22:27 rules.X-03.duration.workdays',
      '16:10 rules.ZL-99',
    ]);
    expect(problems[1].message).toContain('onbekende soort regel "termijn"');
  });

  it('rejects duplicate rule ids (YAML duplicate keys) with their line', () => {
    const file = write('dup.yaml', base + `rules:
  ZL-01: { severity: warning }
  ZL-01: { severity: info }
`);
    const { problems } = loadProfileFile(file);
    expect(problems[0]).toMatchObject({ line: 7, col: 3 });
    expect(problems[0].message).toBe('dubbele key: ZL-01');
  });

  it('refuses to redefine an inherited rule without replaces', () => {
    const file = write('redef.yaml', base + `rules:
  ZL-01:
    kind: consistency
    title: { nl: a, en: b }
    severity: error
    source: { document: x, section: y }
    require: { present: [melding_datum] }
`);
    const { problems } = loadProfileFile(file);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[7, expect.stringMatching(/bestaat al in zuid-limburg/)]]);
  });

  it('stops a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const file = write('bomb.yaml', bomb.join('\n') + '\n');
    const t0 = Date.now();
    const { profile, problems } = loadProfileFile(file);
    expect(profile).toBeUndefined();
    expect(problems[0].message).toMatch(/alias/i);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('loadProfile throws one UserError line with the location and a hint at lint', () => {
    const file = write('two.yaml', base + `rules:\n  ZL-01: { severity: loud }\n  ZL-02: { severity: loud }\n`);
    expect(() => loadProfile({ profile: file })).toThrowError(UserError);
    try {
      loadProfile({ profile: file });
    } catch (e) {
      expect((e as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:\\d+: rules\\.ZL-01\\.severity: .* \\(en nog 1; zie giacheck rules lint\\)$`));
    }
  });

  it('detects an extends cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-cycle-'));
    writeFileSync(join(dir, 'a.yaml'), 'id: a\nversion: "1"\nname: { nl: a, en: a }\nextends: ./b.yaml\n');
    writeFileSync(join(dir, 'b.yaml'), 'id: b\nversion: "1"\nname: { nl: b, en: b }\nextends: ./a.yaml\n');
    const { problems } = loadProfileFile(join(dir, 'a.yaml'));
    expect(problems[0].message).toMatch(/kring: a\.yaml → b\.yaml → a\.yaml/);
  });
});
