/** `giacheck triage` as a user runs it (requires `npm run build`). */
import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck, ROOT } from '../helpers/cli.js';

const SCEN = 'fixtures/scenarios';
const tmp = () => mkdtempSync(join(tmpdir(), 'giacheck-triage-'));

describe('giacheck triage --answers (replay)', () => {
  it('prints the outcome screen with route, regie, items and dates, exit 0', async () => {
    const r = await giacheck(['triage', '--answers', `${SCEN}/zl-04-anoniem-triagetafel-lokaal-veld.yaml`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' Uitkomst  directe overdracht lokale veld');
    expect(r.stdout).toContain('▸ Stap: Bespreking op de triagetafel');
    expect(r.stdout).toContain('– contactgegevens melder: niet nodig (melder anoniem)');
    expect(r.stdout).toMatch(/ma 22-06-2026\s+ZL-01 /);
    expect(r.stdout).toMatch(/ma 13-07-2026\s+ZL-03 /);
  });

  it('--format json follows the documented shape', async () => {
    const r = await giacheck(['triage', '--answers', `${SCEN}/nog-01-directe-overdracht.yaml`, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['profile', 'route', 'regie', 'path', 'handover_items', 'timeline']));
    expect(j.profile.id).toBe('noord-oost-gelderland');
    expect(j.route).toBe('overdracht_lokaal_veld');
    expect(j.matches_expected).toBe(true);
    expect(j.path.filter((p: { kind: string }) => p.kind === 'question')).toHaveLength(9);
    expect(j.timeline.slice(0, 2)).toMatchObject([{ rule_id: 'LV-03', due_date: '2026-05-04' }, { rule_id: 'NOG-01', due_date: '2026-05-04' }]);
    expect(j.timeline.at(-1)).toMatchObject({ rule_id: 'NOG-10', relative: '5 werkdagen na overdracht' });
  });

  it('without melding_datum in the file, --as-of is the melding date', async () => {
    const dir = tmp();
    const f = join(dir, 'a.yaml');
    writeFileSync(f, 'answers:\n  crisis: nee\n  gezinsvoogd: ja\n');
    const r = await giacheck(['triage', '--region', 'zuid-limburg', '--answers', f, '--as-of', '2026-12-23', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.melding_datum).toBe('2026-12-23');
    expect(j.timeline.map((i: { due_date: string }) => i.due_date)).toEqual(['2026-12-31', '2026-12-31']);
  });

  it('--lang en', async () => {
    const r = await giacheck(['triage', '--answers', `${SCEN}/zl-01-gezinsvoogd.yaml`, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' Outcome  ');
    expect(r.stdout).toContain('Path taken');
    expect(r.stdout).toMatch(/Mon 2026-03-09\s+ZL-01 /);
  });

  it('a scenario whose expected route differs: outcome printed, one line on stderr, exit 1', async () => {
    const dir = tmp();
    const f = join(dir, 's.yaml');
    writeFileSync(
      f,
      readFileSync(join(ROOT, SCEN, 'zl-01-gezinsvoogd.yaml'), 'utf8').replace('route: overdracht_gi', 'route: onderzoek'),
    );
    const r = await giacheck(['triage', '--answers', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('let op: het scenario verwacht Onderzoek');
    expect(r.stderr).toBe(`giacheck: ${f}: verwachte route Onderzoek, uitkomst overdracht GI (gezinsvoogd)\n`);
  });

  it('--record saves the answers atomically with mode 0600; the recording replays to the same outcome', async () => {
    const dir = tmp();
    const rec = join(dir, 'rec.yaml');
    const a = await giacheck(['triage', '--answers', `${SCEN}/nog-06-ongeboren-kind-vv.yaml`, '--record', rec, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe(`antwoorden bewaard in ${rec}\n`);
    expect(statSync(rec).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['rec.yaml']);
    const text = readFileSync(rec, 'utf8');
    expect(text).toContain('melding_datum: "2026-01-29"');
    expect(text).toContain('ongeboren_kind: ja # Richt het geweld zich (ook) op een ongeboren kind?');
    const b = await giacheck(['triage', '--answers', rec, '--format', 'json']);
    expect(b.code).toBe(0);
    const [ja, jb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    delete ja.expected_route;
    delete ja.matches_expected;
    expect(jb).toEqual(ja);
  });
});

describe('giacheck triage trainer tools', () => {
  it('--explain of both regions', async () => {
    const zl = await giacheck(['triage', '--region', 'zuid-limburg', '--explain']);
    expect(zl.code).toBe(0);
    expect(zl.stdout).toContain('[crisis] Vraag: Is er een vermoeden van een crisissituatie?');
    expect(zl.stdout).toContain('HP 7.5.4');
    const nog = await giacheck(['triage', '--region', 'noord-oost-gelderland', '--explain']);
    expect(nog.code).toBe(0);
    expect(nog.stdout).toContain('Bron: 001 §1, tenzij 9');
    expect(nog.stdout).toContain('stalking');
  });

  it('--format mermaid to a file (--output)', async () => {
    const dir = tmp();
    const out = join(dir, 'zl.mmd');
    const r = await giacheck(['triage', '--region', 'zuid-limburg', '--format', 'mermaid', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const m = readFileSync(out, 'utf8');
    expect(m.startsWith('flowchart TD\n')).toBe(true);
    expect(m).toContain('n_uitkomst_mdt[[');
  });
});

describe('giacheck triage errors (exit 2, one line, no stack)', () => {
  const oneLine = (r: { code: number | null; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('landelijk has no tree', async () => {
    oneLine(await giacheck(['triage', '--region', 'landelijk', '--explain']), /^giacheck: profiel landelijk heeft geen triageboom; kies --region noord-oost-gelderland of zuid-limburg/);
  });

  it('the wizard without a terminal', async () => {
    oneLine(await giacheck(['triage', '--region', 'zuid-limburg'], { input: '' }), /^giacheck: de triagewizard vraagt een terminal; gebruik --answers <yaml>/);
  });

  it('no region and no profile in the answers file', async () => {
    const dir = tmp();
    const f = join(dir, 'a.yaml');
    writeFileSync(f, 'answers:\n  crisis: nee\n');
    oneLine(await giacheck(['triage', '--answers', f]), /^giacheck: geef --region/);
  });

  it('answers of another region', async () => {
    oneLine(
      await giacheck(['triage', '--region', 'zuid-limburg', '--answers', `${SCEN}/nog-02-geen-hulp-nodig.yaml`]),
      /antwoorden horen bij profiel noord-oost-gelderland, niet bij zuid-limburg$/,
    );
  });

  it('an unknown answer names file, line and column', async () => {
    const dir = tmp();
    const f = join(dir, 'a.yaml');
    writeFileSync(f, 'profile: zuid-limburg\nanswers:\n  crisis: misschien\n');
    oneLine(await giacheck(['triage', '--answers', f]), new RegExp(`^giacheck: ${f}:3:11: answers.crisis: onbekend antwoord "misschien"; kies uit: ja, nee$`));
  });

  it('a custom profile whose tree has a dead end names the tree file and line', async () => {
    const dir = tmp();
    const tree = readFileSync(join(ROOT, 'rules/triage/noord-oost-gelderland.yaml'), 'utf8').replace(
      'next: uitkomst_lt }',
      'next: uitkomst_lokaal_team }',
    );
    writeFileSync(join(dir, 'tree.yaml'), tree);
    writeFileSync(join(dir, 'profile.yaml'), 'id: eigen\nversion: "1"\nextends: noord-oost-gelderland\nname: { nl: Eigen, en: Own }\ntriage: tree.yaml\n');
    const line = tree.split('\n').findIndex((l) => l.includes('uitkomst_lokaal_team')) + 1;
    oneLine(
      await giacheck(['triage', '--profile', join(dir, 'profile.yaml'), '--explain']),
      new RegExp(`^giacheck: ${join(dir, 'tree.yaml')}:${line}:\\d+: nodes.maatregelen: doodlopend: volgende knoop "uitkomst_lokaal_team" bestaat niet`),
    );
  });

  it('--format must be table, json or mermaid', async () => {
    const r = await giacheck(['triage', '--region', 'zuid-limburg', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('html');
  });
});
