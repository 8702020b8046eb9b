#!/usr/bin/env node
/**
 * `npm run bench`: how fast and how lean `giacheck check` streams a large export, next to the
 * floor (reading the file), giacheck's own CSV parser alone, and DuckDB.
 *
 * 1. Generates 100k- and 1M-row Zuid-Limburg exports once (`giacheck generate`, cached in the
 *    temp dir under a key that changes with the generator's output).
 * 2. Times, each as a separate process, best of --repeat runs (default 3):
 *      (a) read + UTF-8 decode only                 scripts/bench/read.mjs
 *      (b) giacheck's CSV reader to rows only       scripts/bench/parse.mjs
 *      (c) DuckDB: read_csv + ZL-01 and ZL-03 in SQL scripts/bench/duckdb.mjs
 *      (d) giacheck check --region zuid-limburg --format jsonl > /dev/null
 *    and, for the record, (d1) the same check on one thread (GIACHECK_WORKER=0) and (b') csv-parse.
 * 3. Start-up: `giacheck --version` against `node -e 0`, in this environment and under env -i.
 * 4. Prints wall time, rows/s and peak RSS (GNU time), the ratios against their targets, and a
 *    cross-check that DuckDB and giacheck count the same statuses for ZL-01 and ZL-03.
 *
 * Options: --repeat N, --sizes 100000,1000000, --no-extras (skip d1 and b'), --json <file>,
 *          --baseline <checkout>: another checkout of giacheck, built (its dist/), to compare with:
 *          (d) on the largest export alternating baseline / this build, best of --repeat each, with
 *          the ratio and both peak RSS; then the outputs of both builds compared byte for byte (the
 *          largest export as jsonl, the demo exports in every format). Where they differ only in
 *          fields the baseline does not have (JSON formats), that is said apart.
 * Not part of `npm test`: timings are measured here, never asserted in tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const REPEAT = Number(opt('--repeat', '3'));
const SIZES = opt('--sizes', '100000,1000000').split(',').map(Number);
const EXTRAS = !argv.includes('--no-extras');
const JSON_OUT = opt('--json', undefined);
const BASELINE = opt('--baseline', undefined);
const AS_OF = '2026-11-01';
const BIN = join(root, 'bin', 'giacheck.js');
const log = (s) => process.stderr.write(s + '\n');

// --- build, so dist/ is what src/ says -------------------------------------------------------
log('bench: build');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

// --- peak RSS needs GNU time -------------------------------------------------------------------
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((t) => {
  try {
    return spawnSync(t, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
});
if (!GNU_TIME) log('bench: GNU time not found; peak RSS is not measured');

/** Run one command; wall time from hrtime, peak RSS (KB) from GNU time. */
function measure(cmd, args, { env = process.env, stdout = 'ignore' } = {}) {
  const out = stdout === 'devnull' ? openSync('/dev/null', 'w') : 'pipe';
  const full = GNU_TIME ? [GNU_TIME, ['-f', '@@RSS %M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { env, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof out === 'number') closeSync(out);
  const m = /@@RSS (\d+)/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/@@RSS \d+\n?/, '');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${stderr}`);
  return { wall, rssMb: m ? Number(m[1]) / 1024 : null, stdout: r.stdout, stderr };
}

function best(label, cmd, args, opts, repeat = REPEAT) {
  let wall = Infinity;
  let rss = 0;
  let last;
  for (let i = 0; i < repeat; i++) {
    last = measure(cmd, args, opts);
    wall = Math.min(wall, last.wall);
    if (last.rssMb !== null) rss = Math.max(rss, last.rssMb);
  }
  log(`bench:   ${label.padEnd(28)} ${wall.toFixed(2)} s  ${rss ? rss.toFixed(0) + ' MB' : ''}`);
  return { wall, rssMb: rss || null, out: last };
}

// --- the exports -------------------------------------------------------------------------------
const sample = execFileSync(process.execPath, [BIN, 'generate', '--cases', '2000', '--seed', 'bench', '--region', 'zuid-limburg', '--quiet']);
const key = createHash('sha256').update(sample).digest('hex').slice(0, 12);
const cacheDir = join(tmpdir(), 'giacheck-bench', key);
mkdirSync(cacheDir, { recursive: true });
const files = {};
for (const n of SIZES) {
  const file = join(cacheDir, `zuid-limburg-${n}.csv`);
  if (!existsSync(file)) {
    log(`bench: generating ${n} rows → ${file}`);
    const tmp = file + '.part';
    execFileSync(process.execPath, [BIN, 'generate', '--cases', String(n), '--seed', 'bench', '--region', 'zuid-limburg', '--until', '2026-10-31', '--output', tmp, '--quiet']);
    renameSync(tmp, file);
  }
  files[n] = file;
}

// --- what DuckDB needs to know: the closed days and the spellings of a direct handover --------
const { loadProfile, calendarOf } = await import(join(root, 'dist', 'profile', 'load.js'));
const zl = loadProfile({ region: 'zuid-limburg' });
const cal = calendarOf(zl);
const closed = [];
for (let y = 2000; y <= 2060; y++) for (const c of cal.closedDaysOfYear(y)) closed.push(c.date);
const direct = ['overdracht_lokaal_veld', ...Object.entries(zl.routeAliases).filter(([, code]) => code === 'overdracht_lokaal_veld').map(([alias]) => alias)];

// --- timings -----------------------------------------------------------------------------------
const results = {};
const checkArgs = (file) => [BIN, 'check', file, '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'jsonl', '--fail-on', 'never', '--quiet'];
for (const n of SIZES) {
  const file = files[n];
  log(`bench: ${n} rows (${(statSync(file).size / 1e6).toFixed(0)} MB), best of ${REPEAT}`);
  const r = {};
  r.read = best('(a) read + decode', process.execPath, [join(root, 'scripts', 'bench', 'read.mjs'), file]);
  r.parse = best('(b) giacheck CSV parser', process.execPath, [join(root, 'scripts', 'bench', 'parse.mjs'), file]);
  r.duckdb = best('(c) DuckDB, 2 rules in SQL', process.execPath, [join(root, 'scripts', 'bench', 'duckdb.mjs'), file, AS_OF, closed.join(','), direct.join(',')]);
  r.check = best('(d) giacheck check → jsonl', process.execPath, checkArgs(file), { stdout: 'devnull' });
  if (EXTRAS) {
    r.checkOneThread = best('(d1) check, one thread', process.execPath, checkArgs(file), { stdout: 'devnull', env: { ...process.env, GIACHECK_WORKER: '0' } });
    r.csvParse = best("(b') csv-parse 7", process.execPath, [join(root, 'scripts', 'bench', 'csv-parse.mjs'), file], {}, 1);
  }
  // cross-check: DuckDB and giacheck count the same statuses for the two rules
  const check = spawnSync(process.execPath, checkArgs(file), { encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines = check.stdout.trimEnd().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]);
  const ours = Object.fromEntries(summary.rules.filter((x) => x.rule_id === 'ZL-01' || x.rule_id === 'ZL-03').map((x) => [x.rule_id, `on_time ${x.on_time} late ${x.late} overdue ${x.overdue} pending ${x.pending}`]));
  const theirs = Object.fromEntries(r.duckdb.out.stdout.trim().split('\n').map((l) => [l.slice(0, 5), l.slice(6)]));
  r.crossCheck = { giacheck: ours, duckdb: theirs, equal: JSON.stringify(ours) === JSON.stringify(theirs) };
  r.findings = lines.length - 1;
  results[n] = r;
}

// --- start-up ----------------------------------------------------------------------------------
function startup(env) {
  const t = (args) => {
    let min = Infinity;
    for (let i = 0; i < 15; i++) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, args, { env, stdio: 'ignore' });
      min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return min;
  };
  // interleave-free but alternating order keeps both under the same conditions
  const node = t(['-e', '0']);
  const version = t([BIN, '--version']);
  const node2 = t(['-e', '0']);
  return { nodeMs: Math.min(node, node2), versionMs: version };
}
const startEnv = startup(process.env);
const startClean = startup({ PATH: process.env.PATH ?? '' });

// --- against a baseline build (before/after claims) ----------------------------------------------
/** Drop, recursively, the keys of `now` that `then` does not have (fields added since the baseline). */
function withoutAdded(now, then) {
  if (Array.isArray(now) && Array.isArray(then)) return now.map((v, i) => withoutAdded(v, then[i]));
  if (now && then && typeof now === 'object' && typeof then === 'object') {
    const o = {};
    for (const k of Object.keys(now)) if (k in then) o[k] = withoutAdded(now[k], then[k]);
    return o;
  }
  return now;
}
/** 'identical' | 'identical apart from added fields' | 'different' */
function sameOutput(now, then, json) {
  if (now.equals(then)) return 'identical';
  if (!json) return 'different';
  try {
    // a whole JSON document, or JSON Lines
    const parse = (b) => {
      const text = b.toString('utf8');
      try {
        return [JSON.parse(text)];
      } catch {
        return text.trimEnd().split('\n').map((l) => JSON.parse(l));
      }
    };
    const a = parse(now);
    const b = parse(then);
    if (a.length !== b.length) return 'different';
    for (let i = 0; i < a.length; i++) if (JSON.stringify(withoutAdded(a[i], b[i])) !== JSON.stringify(b[i])) return 'different';
    return 'identical apart from added fields';
  } catch {
    return 'different';
  }
}
let baseline;
if (BASELINE) {
  const OLD = join(resolve(BASELINE), 'bin', 'giacheck.js');
  if (!existsSync(OLD)) throw new Error(`--baseline ${BASELINE}: no bin/giacheck.js there`);
  const file = files[Math.max(...SIZES)];
  const args = (bin) => [bin, ...checkArgs(file).slice(1)];
  log(`bench: baseline ${BASELINE}, (d) alternating, ${REPEAT} pairs`);
  const pairs = [];
  for (let i = 0; i < REPEAT; i++) {
    const then = measure(process.execPath, args(OLD), { stdout: 'devnull' });
    const now = measure(process.execPath, args(BIN), { stdout: 'devnull' });
    pairs.push({ baseline: then.wall, build: now.wall, baselineRss: then.rssMb, buildRss: now.rssMb });
    log(`bench:   pair ${i + 1}: baseline ${then.wall.toFixed(2)} s, this build ${now.wall.toFixed(2)} s (${(now.wall / then.wall).toFixed(2)})`);
  }
  const minOf = (k) => Math.min(...pairs.map((p) => p[k]));
  const maxOf = (k) => Math.max(...pairs.map((p) => p[k] ?? 0));
  const outputs = [];
  const run = (bin, a) => spawnSync(process.execPath, [bin, ...a], { maxBuffer: 1 << 30 }).stdout;
  const big1 = ['check', file, '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'jsonl', '--fail-on', 'never', '--quiet'];
  outputs.push({ what: `${Math.max(...SIZES).toLocaleString('en')} rows, jsonl`, result: sameOutput(run(BIN, big1), run(OLD, big1), true) });
  const demos = [['zuid-limburg', 'fixtures/demo/zuid-limburg-demo.csv'], ['noord-oost-gelderland', 'fixtures/demo/noord-oost-gelderland-demo.csv']];
  for (const [region, demo] of demos) {
    for (const format of ['table', 'json', 'jsonl', 'csv', 'md', 'html']) {
      const a = ['check', join(root, demo), '--region', region, '--as-of', AS_OF, '--format', format, '--fail-on', 'never', '--quiet', '--width', '120'];
      outputs.push({ what: `${region} demo, ${format}`, result: sameOutput(run(BIN, a), run(OLD, a), format === 'json' || format === 'jsonl') });
    }
  }
  baseline = { dir: BASELINE, pairs, best: { baseline: minOf('baseline'), build: minOf('build') }, rss: { baseline: maxOf('baselineRss'), build: maxOf('buildRss') }, outputs };
}

// --- report ------------------------------------------------------------------------------------
const big = Math.max(...SIZES);
const small = Math.min(...SIZES);
const fmtRate = (n, s) => `${(n / s / 1e3).toFixed(0)}k/s`;
const rows = [];
for (const n of SIZES) {
  const r = results[n];
  const add = (label, m) => m && rows.push([`${n.toLocaleString('en')}`, label, `${m.wall.toFixed(2)} s`, fmtRate(n, m.wall), m.rssMb ? `${m.rssMb.toFixed(0)} MB` : 'n/a']);
  add('(a) read + UTF-8 decode', r.read);
  add('(b) giacheck CSV parser → rows', r.parse);
  add("(b') csv-parse 7 → rows", r.csvParse);
  add('(c) DuckDB read_csv + 2 rules', r.duckdb);
  add('(d) giacheck check → jsonl', r.check);
  add('(d1) same, one thread', r.checkOneThread);
}
const widths = [9, 32, 9, 9, 8];
const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const out = [];
out.push(`giacheck bench — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, best of ${REPEAT}`);
out.push('');
out.push(line(['rows', 'what', 'wall', 'rows/s', 'peak RSS']));
for (const r of rows) out.push(line(r));
out.push('');
const B = results[big];
const ratio = (a, b) => a / b;
const targets = [
  ['d/c (check vs DuckDB), 1M', ratio(B.check.wall, B.duckdb.wall), '≤ 3', (v) => v <= 3],
  ['d/b (check vs parser alone), 1M', ratio(B.check.wall, B.parse.wall), '≤ 1.3', (v) => v <= 1.3],
  ['peak RSS of check, 1M (MB)', B.check.rssMb, '≤ 150', (v) => v !== null && v <= 150],
  [`RSS 1M / RSS ${small.toLocaleString('en')}`, B.check.rssMb && results[small].check.rssMb ? B.check.rssMb / results[small].check.rssMb : null, '≤ 1.5', (v) => v !== null && v <= 1.5],
  ['--version / node -e 0 (this env)', startEnv.versionMs / startEnv.nodeMs, '≤ 1.5', (v) => v <= 1.5],
  ['--version / node -e 0 (env -i)', startClean.versionMs / startClean.nodeMs, '≤ 1.5', (v) => v <= 1.5],
];
if (B.checkOneThread) targets.push(['one thread / worker (check), 1M', ratio(B.checkOneThread.wall, B.check.wall), '> 1: worker pays', (v) => v > 1]);
out.push(line(['', 'target', 'value', 'goal', '']).replace(/\s+$/, ''));
for (const [label, v, goal, ok] of targets) {
  out.push(`${''.padEnd(widths[0])}  ${label.padEnd(widths[1])}  ${(v === null ? 'n/a' : v.toFixed(2)).padStart(widths[2])}  ${goal.padStart(widths[3])}  ${v !== null && ok(v) ? 'met' : 'MISSED'}`);
}
out.push('');
out.push(`start-up: node -e 0 ${startEnv.nodeMs.toFixed(0)} ms, giacheck --version ${startEnv.versionMs.toFixed(0)} ms; under env -i ${startClean.nodeMs.toFixed(0)} / ${startClean.versionMs.toFixed(0)} ms`);
for (const n of SIZES) {
  const c = results[n].crossCheck;
  out.push(`cross-check ${n.toLocaleString('en')} rows, ZL-01 and ZL-03 status counts, giacheck = DuckDB: ${c.equal ? 'yes' : 'NO'}${c.equal ? '' : `\n  giacheck ${JSON.stringify(c.giacheck)}\n  duckdb   ${JSON.stringify(c.duckdb)}`}; ${results[n].findings.toLocaleString('en')} findings written`);
}
if (baseline) {
  const b = baseline;
  out.push('');
  out.push(`against the baseline ${b.dir} (alternating, best of ${b.pairs.length} each):`);
  out.push(`  (d) baseline ${b.best.baseline.toFixed(2)} s, this build ${b.best.build.toFixed(2)} s: ratio ${(b.best.build / b.best.baseline).toFixed(2)} (≤ 1: not slower)`);
  out.push(`  pairs: ${b.pairs.map((p) => (p.build / p.baseline).toFixed(2)).join(', ')}`);
  out.push(`  peak RSS: baseline ${b.rss.baseline.toFixed(0)} MB, this build ${b.rss.build.toFixed(0)} MB`);
  for (const o of b.outputs) out.push(`  output ${o.what}: ${o.result}`);
}
process.stdout.write(out.join('\n') + '\n');
if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify({ baseline, results, startup: { env: startEnv, clean: startClean }, targets: targets.map(([label, value, goal]) => ({ label, value, goal })) }, null, 2));
}
