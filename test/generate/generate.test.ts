/**
 * `giacheck generate`: deterministic bytes, the Dutch-Excel CSV dialect, every gemeente of the
 * region, plausible route proportions, nothing after --until, faults that check rejects, and the
 * same cases in CSV, JSON Lines and XLSX.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isoDate, parseIsoDay } from '../../src/calendar/days.js';
import { writeSynthetic, resolveGenerateOptions, ByteSink, SynthesisOptions } from '../../src/generate/index.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { FIELDS, FIELD_INDEX, ROUTES } from '../../src/model/fields.js';
import { allGemeenten, loadProfile, lookupKey, regionalProfileIds } from '../../src/profile/load.js';
import { giacheck } from '../helpers/cli.js';

class MemorySink implements ByteSink {
  chunks: Buffer[] = [];
  write(chunk: string | Uint8Array): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  async drain(): Promise<void> {}
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

const ZL = loadProfile({ region: 'zuid-limburg' });
const NOG = loadProfile({ region: 'noord-oost-gelderland' });
const UNTIL = parseIsoDay('2026-10-31')!;

function opts(over: Partial<SynthesisOptions> = {}): SynthesisOptions {
  return { profile: ZL, cases: 500, seed: '2026', until: UNTIL, months: 24, invalid: 0, ...over };
}

async function bytes(o: SynthesisOptions, format: 'csv' | 'jsonl' | 'xlsx' = 'csv'): Promise<Buffer> {
  const sink = new MemorySink();
  expect(await writeSynthetic(o, format, sink)).toBe(o.cases);
  return sink.bytes;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-generate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism', () => {
  it('same seed, same bytes; another seed, other bytes (csv and jsonl)', async () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const a = await bytes(opts(), format);
      const b = await bytes(opts(), format);
      expect(a.equals(b)).toBe(true);
      const c = await bytes(opts({ seed: '2027' }), format);
      expect(a.equals(c)).toBe(false);
    }
  });

  it('xlsx: same bytes even though the zip library stamps the current time', async () => {
    const a = await bytes(opts({ cases: 50 }), 'xlsx');
    // the second run 2.1 s later by the clock (zip times have a 2-second resolution), without
    // waiting for it: only Date is faked, timers and I/O run as usual
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2100 });
    let b: Buffer;
    try {
      b = await bytes(opts({ cases: 50 }), 'xlsx');
    } finally {
      vi.useRealTimers();
    }
    expect(a.subarray(0, 2).toString()).toBe('PK');
    expect(a.equals(b)).toBe(true);
  });

  it('a prefix of a longer run is not required, but the count is exact and rows are sorted by melding', () => {
    const rows = [...new CaseSynthesizer(opts({ cases: 2000 })).rows()];
    expect(rows).toHaveLength(2000);
    const ids = rows.map((r) => r.values[FIELD_INDEX.dossier_id] as string);
    expect(new Set(ids).size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^VT-20(24|25|26)-\d{6}$/);
  });
});

describe('the CSV dialect of Dutch Excel', () => {
  it('BOM, canonical header with ;, CRLF, dd-mm-yyyy dates and ja/nee', async () => {
    const text = (await bytes(opts({ cases: 200 }))).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe(FIELDS.join(';'));
    expect(text.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines.slice(1)) {
      const cells = line.split(';');
      expect(cells).toHaveLength(FIELDS.length);
      FIELDS.forEach((f, i) => {
        if (!cells[i]) return;
        if (f.endsWith('_datum')) expect(cells[i]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
        if (f === 'melder_anoniem' || f.startsWith('ov_')) expect(['ja', 'nee']).toContain(cells[i]);
      });
    }
  });
});

describe('realism', () => {
  const rows = [...new CaseSynthesizer(opts({ cases: 5000, seed: 'realism' })).rows()];

  it('every gemeente of the region appears, and only those (spellings resolve to them)', () => {
    const official = new Map(allGemeenten(ZL).map((g) => [lookupKey(g), g]));
    for (const [alias, target] of Object.entries(ZL.gemeenteAliases)) official.set(lookupKey(alias), target);
    const seen = new Set<string>();
    for (const r of rows) {
      const g = official.get(lookupKey(r.values[FIELD_INDEX.gemeente] as string));
      expect(g).toBeDefined();
      seen.add(g!);
    }
    expect([...seen].sort()).toEqual([...allGemeenten(ZL)].sort());
  });

  it('routes in plausible proportions: most leave VT at once, about a fifth get a VT service', () => {
    const codeOf = (text: string) => (ROUTES as readonly string[]).includes(text) ? text : ZL.routeAliases[text];
    const counts = new Map<string, number>();
    let decided = 0;
    for (const r of rows) {
      const t = r.values[FIELD_INDEX.triage_besluit] as string | undefined;
      if (t === undefined) continue;
      decided++;
      const code = codeOf(t);
      expect(ROUTES).toContain(code);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    expect(decided / rows.length).toBeGreaterThan(0.95);
    const share = (c: string) => (counts.get(c) ?? 0) / decided;
    for (const route of ROUTES) expect(share(route)).toBeGreaterThan(0.02);
    expect(share('overdracht_lokaal_veld')).toBeGreaterThan(0.25);
    expect(share('overdracht_lokaal_veld')).toBeLessThan(0.4);
    expect(share('voorwaarden_en_vervolg') + share('onderzoek')).toBeGreaterThan(0.15);
    expect(share('voorwaarden_en_vervolg') + share('onderzoek')).toBeLessThan(0.3);
  });

  it('services (LV-04) end in a spread: median about 8 weeks, a tail over 10 weeks, some still open; handovers without confirmation or warme overdracht', () => {
    const codeOf = (text: string) => ((ROUTES as readonly string[]).includes(text) ? text : ZL.routeAliases[text]);
    const v = (r: (typeof rows)[number], f: keyof typeof FIELD_INDEX) => r.values[FIELD_INDEX[f]];
    const services = rows.filter((r) => ['voorwaarden_en_vervolg', 'onderzoek'].includes(codeOf(String(v(r, 'triage_besluit')))) && v(r, 'veiligheidsbeoordeling_datum') !== undefined);
    const days = services.filter((r) => v(r, 'dienst_afgerond_datum') !== undefined).map((r) => (v(r, 'dienst_afgerond_datum') as number) - (v(r, 'veiligheidsbeoordeling_datum') as number));
    days.sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)];
    expect(median).toBeGreaterThanOrEqual(45);
    expect(median).toBeLessThanOrEqual(60);
    const over = days.filter((d) => d > 70).length / days.length;
    expect(over).toBeGreaterThan(0.05);
    expect(over).toBeLessThan(0.2);
    expect(days.at(-1)!).toBeGreaterThan(100);
    // services that began shortly before --until are still running: LV-04 pending or overdue
    expect(services.length - days.length).toBeGreaterThan(0);
    const handedOver = services.filter((r) => v(r, 'overdracht_datum') !== undefined);
    const unconfirmed = handedOver.filter((r) => v(r, 'overdracht_bevestigd_datum') === undefined).length / handedOver.length;
    const noWarm = handedOver.filter((r) => v(r, 'warme_overdracht_datum') === undefined).length / handedOver.length;
    expect(unconfirmed).toBeGreaterThan(0.03);
    expect(unconfirmed).toBeLessThan(0.2);
    expect(noWarm).toBeGreaterThan(0.02);
    expect(noWarm).toBeLessThan(0.1);
  });

  it('some anonymous melders and GI cases; nothing is dated after --until, nothing before the span', () => {
    const anon = rows.filter((r) => r.values[FIELD_INDEX.melder_anoniem] === true).length / rows.length;
    const gi = rows.filter((r) => r.values[FIELD_INDEX.gi_betrokken] === true).length / rows.length;
    expect(anon).toBeGreaterThan(0.04);
    expect(anon).toBeLessThan(0.12);
    expect(gi).toBeGreaterThan(0.02);
    expect(gi).toBeLessThan(0.08);
    const first = parseIsoDay('2024-11-01')!;
    for (const r of rows) {
      r.values.forEach((v, i) => {
        if (FIELDS[i].endsWith('_datum') && v !== undefined) {
          expect(v as number).toBeLessThanOrEqual(UNTIL);
          expect(v as number).toBeGreaterThanOrEqual(first);
        }
      });
    }
    expect(isoDate(rows[0].values[FIELD_INDEX.melding_datum] as number) >= '2024-11-01').toBe(true);
  });
});

describe('giacheck generate → giacheck check', () => {
  async function summary(file: string, region: string) {
    const r = await giacheck(['check', file, '--region', region, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  }

  it('csv, jsonl and xlsx of one seed are the same cases: identical summaries', async () => {
    const files: string[] = [];
    for (const format of ['csv', 'jsonl', 'xlsx'] as const) {
      const file = join(dir, `nog.${format}`);
      const r = await giacheck(['generate', '--cases', '300', '--seed', 'three', '--region', 'noord-oost-gelderland', '--format', format, '--output', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`giacheck: 300 synthetische meldingen (noord-oost-gelderland, seed three, 01-11-2024 t/m 31-10-2026) geschreven naar ${file}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      files.push(file);
    }
    const summaries = [];
    for (const f of files) summaries.push(await summary(f, 'noord-oost-gelderland'));
    const [csv, jsonl, xlsx] = summaries;
    expect(csv.input.rows_read).toBe(300);
    expect(csv.input.rows_rejected).toBe(0);
    expect(jsonl.summary).toEqual(csv.summary);
    expect(xlsx.summary).toEqual(csv.summary);
    expect(jsonl.findings).toEqual(csv.findings);
    expect(xlsx.findings).toEqual(csv.findings);
  });

  it('every rule of both regions meets on-time cases and failures; most cases are on time', async () => {
    for (const [region, profile] of [['zuid-limburg', ZL], ['noord-oost-gelderland', NOG]] as const) {
      const file = join(dir, `${region}-2000.csv`);
      expect((await giacheck(['generate', '--cases', '2000', '--seed', '11', '--region', region, '--output', file, '--quiet'])).code).toBe(0);
      const report = await summary(file, region);
      expect(report.summary.rules.map((r: { rule_id: string }) => r.rule_id)).toEqual(profile.rules.map((r) => r.id));
      for (const rule of report.summary.rules) {
        expect(rule.on_time, rule.rule_id).toBeGreaterThan(0);
        expect(rule.late + rule.overdue + rule.missing + rule.violated + rule.early, rule.rule_id).toBeGreaterThan(0);
        expect(rule.compliance, rule.rule_id).toBeGreaterThan(0.5);
        expect(rule.compliance, rule.rule_id).toBeLessThan(0.995);
      }
      const statuses = new Set(report.findings.map((f: { status: string }) => f.status));
      expect([...statuses].sort()).toEqual(['early', 'late', 'missing', 'overdue', 'pending', 'violated']);
    }
  });

  it('--invalid: every spoilt row is rejected with file, row and column; the rest is checked', async () => {
    const file = join(dir, 'faults.csv');
    expect((await giacheck(['generate', '--cases', '1000', '--seed', 'faults', '--region', 'zuid-limburg', '--invalid', '0.03', '--output', file, '--quiet'])).code).toBe(0);
    const faults = [...new CaseSynthesizer(opts({ cases: 1000, seed: 'faults', invalid: 0.03 })).rows()].filter((r) => r.raw).length;
    expect(faults).toBeGreaterThan(15);
    const report = await summary(file, 'zuid-limburg');
    expect(report.input.rows_rejected).toBe(faults);
    expect(report.input.rows_checked).toBe(1000 - faults);
    const columns = new Set(report.rejected.map((r: { column: string }) => r.column));
    expect([...columns].sort()).toEqual(['dossier_id', 'gemeente', 'gi_betrokken', 'melding_datum', 'triage_besluit']);
    for (const r of report.rejected) {
      expect(r.file).toBe('faults.csv'); // reports name a file by its base name
      expect(r.row).toBeGreaterThan(1);
    }
  });

  it('the demo fixtures are exactly what their documented command writes', async () => {
    for (const region of regionalProfileIds()) {
      const file = join(dir, `${region}-demo.csv`);
      expect((await giacheck(['generate', '--cases', '400', '--seed', '2026', '--region', region, '--until', '2026-10-31', '--invalid', '0.02', '--output', file, '--quiet'])).code).toBe(0);
      const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'demo', `${region}-demo.csv`));
      expect(readFileSync(file).equals(fixture)).toBe(true);
    }
  });

  it('to stdout by default; one-line errors with exit 2', async () => {
    const out = await giacheck(['generate', '--cases', '3', '--seed', 'x', '--region', 'zuid-limburg', '--format', 'jsonl', '--quiet']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0])).toEqual(FIELDS);
    expect(out.stderr).toBe('');
    const cases = [
      [['--cases', 'veel', '--region', 'zuid-limburg'], 'giacheck: --cases "veel": verwacht een geheel getal van 0 tot en met 50000000\n'],
      [['--cases', '5'], 'giacheck: geef --region (noord-oost-gelderland of zuid-limburg) of --profile: de gemeenten komen uit het profiel\n'],
      [['--region', 'landelijk'], 'giacheck: profiel landelijk noemt geen gemeenten; kies een regio met deelregio\'s: noord-oost-gelderland of zuid-limburg\n'],
      [['--region', 'zuid-limburg', '--until', '2026-02-30'], 'giacheck: --until "2026-02-30": verwacht een bestaande datum als jjjj-mm-dd\n'],
      [['--region', 'zuid-limburg', '--invalid', '2'], 'giacheck: --invalid "2": verwacht een aandeel van 0 tot en met 1 (bijv. 0.01)\n'],
      [['--region', 'zuid-limburg', '--format', 'xlsx'], 'giacheck: --format xlsx schrijft een binair bestand; geef --output <bestand>\n'],
    ] as const;
    for (const [args, message] of cases) {
      const r = await giacheck(['generate', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--lang en', async () => {
    const r = await giacheck(['generate', '--cases', '2', '--region', 'zuid-limburg', '--lang', 'en', '--output', join(dir, 'en.csv')]);
    expect(r.stderr).toBe(`giacheck: 2 synthetic meldingen (zuid-limburg, seed 1, 2024-11-01 to 2026-10-31) written to ${join(dir, 'en.csv')}\n`);
  });
});

describe('option checking (pure)', () => {
  it('defaults: 1000 cases, seed 1, until 2026-10-31, 24 months, csv', () => {
    const { synthesis, format } = resolveGenerateOptions({ region: 'zuid-limburg' });
    expect(format).toBe('csv');
    expect(synthesis.cases).toBe(1000);
    expect(synthesis.seed).toBe('1');
    expect(isoDate(synthesis.until)).toBe('2026-10-31');
    expect(synthesis.months).toBe(24);
    expect(resolveGenerateOptions({ region: 'zuid-limburg', cases: '1_000_000' }).synthesis.cases).toBe(1_000_000);
  });
});
