/**
 * Findings for a million-row run, fast. A FindingWriter makes a finding of a row's result as an
 * object (table, json, md, html, xlsx), a CSV row or a JSON line written straight into bytes
 * (jsonl): the message from the one compiler (messages.ts), the constant JSON fragments of each
 * rule and status escaped once, dates formatted once per day. jsonLineInto writes the same bytes as
 * findingLine(finding(…)) (test/engine/finding-writer.test.ts compares them on every finding of a
 * generated export).
 */
import type { Day } from '../calendar/days.js';
import type { FieldName } from '../model/fields.js';
import type { Place } from '../model/row.js';
import type { RuleDef } from '../rules/registry.js';
import type { Result, Status } from '../rules/types.js';
import { sourceText } from './aggregate.js';
import { ByteBuffer, utf8Bytes } from './bytes.js';
import { findingCsvRow } from './csv.js';
import { failsAt, Finding, FindingRow } from './findings.js';
import { jsonInner, MessageCompiler, MessageRow } from './messages.js';
import type { Pseudonymizer } from './pseudonymize.js';

/** Where emitFinding puts a finding: one of bytes (jsonl), csv or collect. */
export interface FindingTarget {
  includePassed: boolean;
  failOn: 'error' | 'warning' | 'never';
  pseudo?: Pseudonymizer;
  /** jsonl: every finding as a line of bytes (FindingWriter.jsonLineInto) */
  bytes?: ByteBuffer;
  /** csv: every finding as a row */
  csv?: (row: string) => void;
  /** otherwise: every finding as an object */
  collect?: Finding[];
}

/** Rule i's result as a finding (reported whatever its status); true when it counts for --fail-on. */
export function emitFinding(writer: FindingWriter, rules: RuleDef[], row: FindingRow, i: number, r: Result, to: FindingTarget): boolean {
  const id = to.pseudo ? to.pseudo(row.dossierId) : row.dossierId;
  if (to.bytes) writer.jsonLineInto(to.bytes, row, i, r, id);
  else if (to.csv) to.csv(findingCsvRow(writer.finding(row, i, r, id)));
  else to.collect?.push(writer.finding(row, i, r, id));
  return failsAt(r.status, rules[i].spec.severity, to.failOn);
}

export class FindingWriter {
  private readonly jsonPrefix: Map<Status, string>[];
  private readonly jsonSource: string[];
  private readonly sources: string[];
  private readonly text: MessageCompiler;

  constructor(private readonly defs: RuleDef[]) {
    this.text = new MessageCompiler(defs);
    this.jsonPrefix = defs.map(() => new Map());
    this.sources = defs.map((d) => sourceText(d.spec.source));
    this.jsonSource = this.sources.map((s) => ',"source":' + JSON.stringify(s) + '}\n');
  }

  /** Rule i's result for this row as a Finding (SPEC §8), with another dossier id when pseudonymised. */
  finding(c: FindingRow, ruleIndex: number, r: Result, dossierId: string = c.dossierId): Finding {
    const def = this.defs[ruleIndex];
    return {
      dossier_id: dossierId,
      gemeente: c.place.gemeente,
      deelregio: c.place.deelregio ?? null,
      rule_id: def.id,
      status: r.status,
      severity: def.spec.severity,
      due_date: r.due === undefined ? null : this.text.isoDate(r.due),
      actual_date: r.actual === undefined ? null : this.text.isoDate(r.actual),
      days_late: r.daysLate ?? null,
      message: this.text.message(c, ruleIndex, r),
      source: this.sources[ruleIndex],
    };
  }

  /** The same line as findingLine(finding(…)) of src/report/jsonl.ts. */
  jsonLine(c: FindingRow, ruleIndex: number, r: Result, dossierId: string = c.dossierId): string {
    let prefix = this.jsonPrefix[ruleIndex].get(r.status);
    if (prefix === undefined) {
      const def = this.defs[ruleIndex];
      prefix = ',"rule_id":' + JSON.stringify(def.id) + ',"status":' + JSON.stringify(r.status) + ',"severity":' + JSON.stringify(def.spec.severity) + ',"due_date":';
      this.jsonPrefix[ruleIndex].set(r.status, prefix);
    }
    const { parts, json, safe } = this.text.compiled(ruleIndex, r.status);
    let line = '{"type":"finding","dossier_id":' + JSON.stringify(dossierId) + this.placeJson(c.place) + prefix;
    line += r.due === undefined ? 'null' : '"' + this.text.isoDate(r.due) + '"';
    line += ',"actual_date":' + (r.actual === undefined ? 'null' : '"' + this.text.isoDate(r.actual) + '"');
    line += ',"days_late":' + (r.daysLate === undefined ? 'null' : JSON.stringify(r.daysLate)) + ',"message":"';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      line += typeof p === 'string' ? json[i]! : safe[i] ? p(c, r) : jsonInner(p(c, r));
    }
    return line + '"' + this.jsonSource[ruleIndex];
  }

  /**
   * jsonLine, written as UTF-8 straight into `out`: the constant fragments are encoded once,
   * dates once per day, so a finding costs a few small copies instead of a string built from
   * twenty pieces that the output then has to flatten and encode again (half the cost of a
   * million-row jsonl run; see docs/performance.md). Same bytes as jsonLine.
   */
  jsonLineInto(out: ByteBuffer, c: FindingRow, ruleIndex: number, r: Result, dossierId: string = c.dossierId): void {
    const key = ruleIndex * 9 + STATUS_SLOT[r.status];
    let pre = this.bytePieces[key];
    if (pre === undefined) {
      this.jsonLine(c, ruleIndex, r, dossierId); // fills jsonPrefix and the compiled message
      const { parts, json } = this.text.compiled(ruleIndex, r.status);
      pre = {
        prefix: utf8Bytes(this.jsonPrefix[ruleIndex].get(r.status)!),
        parts: parts.map((p, i) => (typeof p === 'string' ? utf8Bytes(json[i]!) : undefined)),
        source: utf8Bytes('"' + this.jsonSource[ruleIndex]),
      };
      this.bytePieces[key] = pre;
    }
    out.bytes(OPEN_FINDING);
    out.jsonString(dossierId);
    out.bytes(this.placeBytes(c.place));
    // Everything after the dossier id depends only on the rule, the status and the result's
    // dates, days and items (and the route for `violated`): 583k findings of the million-row
    // export have 54k different tails. A cache of recent tails (bounded, see TailCache) turns
    // most findings into one copy instead of a dozen pieces and a few lookups (~0.5 s).
    const tails = this.tails;
    // an implausible finding names its anchor date too, which the cache does not compare
    const slot = r.status === 'implausible' ? -1 : tails.slot(key, r);
    if (slot >= 0) {
      const route = r.status === 'violated' ? c.route : undefined; // only `violated` names it
      const full = TailCache.key(key, r);
      if (tails.has(slot, full, r, route)) {
        out.copyFrom(tails.arena, tails.start(slot), tails.end(slot));
        return;
      }
      const start = out.length;
      this.tailInto(out, pre, c, ruleIndex, r);
      tails.set(slot, full, r, route, out, start);
      return;
    }
    this.tailInto(out, pre, c, ruleIndex, r);
  }

  private readonly tails = new TailCache();
  private readonly places = new Map<Place, { json: string; bytes: Uint8Array }>();

  /** `,"gemeente":…,"deelregio":…` of a place (one object per place for a whole run). */
  private placeJson(place: Place): string {
    return this.placeEntry(place).json;
  }

  private placeBytes(place: Place): Uint8Array {
    return this.placeEntry(place).bytes;
  }

  private placeEntry(place: Place): { json: string; bytes: Uint8Array } {
    let e = this.places.get(place);
    if (e === undefined) {
      const json = ',"gemeente":' + JSON.stringify(place.gemeente) + ',"deelregio":' + JSON.stringify(place.deelregio ?? null);
      this.places.set(place, (e = { json, bytes: utf8Bytes(json) }));
    }
    return e;
  }

  /** jsonLineInto after the dossier id. */
  private tailInto(
    out: ByteBuffer,
    pre: { prefix: Uint8Array; parts: (Uint8Array | undefined)[]; source: Uint8Array },
    c: FindingRow,
    ruleIndex: number,
    r: Result,
  ): void {
    out.bytes(pre.prefix);
    if (r.due === undefined) out.bytes(NULL);
    else out.bytes(this.isoBytes(r.due));
    out.bytes(ACTUAL);
    if (r.actual === undefined) out.bytes(NULL);
    else out.bytes(this.isoBytes(r.actual));
    out.bytes(DAYS_LATE);
    if (r.daysLate === undefined) out.bytes(NULL);
    else out.ascii(String(r.daysLate));
    out.bytes(MESSAGE);
    const { parts, safe } = this.text.compiled(ruleIndex, r.status);
    for (let i = 0; i < parts.length; i++) {
      const b = pre.parts[i];
      if (b !== undefined) out.bytes(b);
      else if (safe[i]) out.ascii((parts[i] as (c: MessageRow, r: Result) => string)(c, r));
      else out.utf8(jsonInner((parts[i] as (c: MessageRow, r: Result) => string)(c, r)));
    }
    out.bytes(pre.source);
  }

  private readonly bytePieces: ({ prefix: Uint8Array; parts: (Uint8Array | undefined)[]; source: Uint8Array } | undefined)[] = [];
  private readonly isoCache = new Map<Day, Uint8Array>();

  private isoBytes(d: Day): Uint8Array {
    let b = this.isoCache.get(d);
    if (b === undefined) this.isoCache.set(d, (b = utf8Bytes('"' + this.text.isoDate(d) + '"')));
    return b;
  }
}


const DAY_SPAN = 1 << 18; // day numbers in [-131072, 131071) (years ~1611–2328) fit a key
const NO_DAY = DAY_SPAN - 1;
const dayKey = (d: Day | undefined): number => (d === undefined ? NO_DAY : d >= -DAY_SPAN / 2 && d < DAY_SPAN / 2 - 1 ? d + DAY_SPAN / 2 : -1);
/** an absent number in TailCache.nums (a real one is an int32 other than this) */
const ABSENT = -2147483648;
const numKey = (v: number | undefined): number => (v === undefined ? ABSENT : (v | 0) === v && v !== ABSENT ? v : NaN);

/**
 * Recently written finding tails (everything after the dossier id). Direct-mapped: a slot per
 * hash of (rule/status, due date, actual date) holds the last tail written there, in a fixed
 * arena, with the other fields that shape a tail (days late, window, missing items, route) to
 * compare on a hit. Fixed size (~2.6 MB) and no object per entry: a Map of entries was as fast
 * but its promoted garbage raised the peak RSS by ~30 MB. Exports in order of melding date bring
 * the same due dates together, so even a small table hits most of the time.
 */
class TailCache {
  static readonly SLOTS = 4096;
  static readonly SLOT_BYTES = 640;
  readonly arena = Buffer.allocUnsafe(TailCache.SLOTS * TailCache.SLOT_BYTES);
  private readonly keys = new Float64Array(TailCache.SLOTS).fill(-1);
  private readonly lengths = new Int32Array(TailCache.SLOTS);
  /** days late, window start, window end per slot (ABSENT when undefined) */
  private readonly nums = new Int32Array(TailCache.SLOTS * 3);
  private readonly missing: (FieldName[] | undefined)[] = Array.from({ length: TailCache.SLOTS }, () => undefined);
  private readonly routes: (string | undefined)[] = Array.from({ length: TailCache.SLOTS }, () => undefined);

  /**
   * The slot for rule/status slot k0 and this result, or -1 when it cannot be cached (a date out
   * of range, a number that is not an int32).
   */
  slot(k0: number, r: Result): number {
    const due = dayKey(r.due);
    const actual = dayKey(r.actual);
    if (due < 0 || actual < 0) return -1;
    const h = Math.imul(k0, 0x9e3779b1) ^ Math.imul(due, 0x85ebca6b) ^ Math.imul(actual, 0xc2b2ae35);
    return (h ^ (h >>> 15)) & (TailCache.SLOTS - 1);
  }

  static key(k0: number, r: Result): number {
    return (k0 * DAY_SPAN + dayKey(r.due)) * DAY_SPAN + dayKey(r.actual);
  }

  /** Does `slot` hold the tail of exactly this finding? */
  has(slot: number, key: number, r: Result, route: string | undefined): boolean {
    if (this.keys[slot] !== key || this.routes[slot] !== route) return false;
    const nums = this.nums;
    const i = slot * 3;
    if (nums[i] !== numKey(r.daysLate) || nums[i + 1] !== numKey(r.windowStart) || nums[i + 2] !== numKey(r.windowEnd)) return false;
    const a = this.missing[slot];
    const b = r.missing;
    if (a !== b) {
      if (a === undefined || b === undefined || a.length !== b.length) return false;
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    }
    return true;
  }

  start(slot: number): number {
    return slot * TailCache.SLOT_BYTES;
  }

  end(slot: number): number {
    return slot * TailCache.SLOT_BYTES + this.lengths[slot];
  }

  /** Remember in `slot` the tail just written to out from `from` to its end. */
  set(slot: number, key: number, r: Result, route: string | undefined, out: ByteBuffer, from: number): void {
    const n = out.length - from;
    const d = numKey(r.daysLate);
    const ws = numKey(r.windowStart);
    const we = numKey(r.windowEnd);
    if (n > TailCache.SLOT_BYTES || d !== d || ws !== ws || we !== we) {
      this.keys[slot] = -1; // NaN: not an int32, not cached
      return;
    }
    out.copyTo(this.arena, from, out.length, slot * TailCache.SLOT_BYTES);
    this.keys[slot] = key;
    this.lengths[slot] = n;
    const i = slot * 3;
    this.nums[i] = d;
    this.nums[i + 1] = ws;
    this.nums[i + 2] = we;
    this.missing[slot] = r.missing;
    this.routes[slot] = route;
  }
}

const STATUS_SLOT: Record<Status, number> = {
  on_time: 0,
  late: 1,
  overdue: 2,
  pending: 3,
  missing: 4,
  early: 5,
  violated: 6,
  not_applicable: 7,
  implausible: 8,
};
const OPEN_FINDING = utf8Bytes('{"type":"finding","dossier_id":');
const NULL = utf8Bytes('null');
const ACTUAL = utf8Bytes(',"actual_date":');
const DAYS_LATE = utf8Bytes(',"days_late":');
const MESSAGE = utf8Bytes(',"message":"');
