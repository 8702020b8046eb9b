/**
 * Finding messages: the one compiler every format uses. Per rule and status, the message template
 * of the rule's kind (src/rules/kinds/*.ts `messages`) is split once into literal and parameter
 * parts in the language of the run; dates are formatted once per day. t()'s regular expression per
 * message cost ~3 µs per finding on a million-row run.
 */
import { Day, dutchDate, isoDate } from '../calendar/days.js';
import { getLang, localized, t } from '../i18n/index.js';
import type { FieldName, RouteCode } from '../model/fields.js';
import { messageKey, RuleDef } from '../rules/registry.js';
import type { Result, Status } from '../rules/types.js';

export function fieldLabel(field: FieldName): string {
  return t(`field.${field}`);
}

/** A date for a message: dd-mm-yyyy in Dutch, yyyy-mm-dd in English. */
export function displayDate(d: Day): string {
  return getLang() === 'nl' ? dutchDate(d) : isoDate(d);
}

export function routeLabel(route: string | undefined): string {
  return route ? t(`route.${route}`) : t('route.none');
}

/** What a message may name of its row besides the result: the route (for `violated`). */
export interface MessageRow {
  readonly route: RouteCode | undefined;
}

export type MessagePart = string | ((row: MessageRow, r: Result) => string);

export interface CompiledMessage {
  parts: MessagePart[];
  /** JSON-escaped literal parts (same positions; undefined for parameters) */
  json: (string | undefined)[];
  /** parameters whose text never needs JSON escaping (dates, numbers) */
  safe: boolean[];
}

const jsonInner = (s: string): string => JSON.stringify(s).slice(1, -1);
export { jsonInner };

export class MessageCompiler {
  private readonly messages: Map<Status, CompiledMessage>[];
  private readonly iso = new Map<Day, string>();
  private readonly display = new Map<Day, string>();
  private readonly routeLabels = new Map<string | undefined, string>();
  private readonly itemLabels = new Map<string, string>();

  constructor(private readonly defs: RuleDef[]) {
    this.messages = defs.map(() => new Map());
  }

  isoDate(d: Day): string {
    let s = this.iso.get(d);
    if (s === undefined) this.iso.set(d, (s = isoDate(d)));
    return s;
  }

  private displayDate(d: Day | undefined): string {
    if (d === undefined) return '';
    let s = this.display.get(d);
    if (s === undefined) this.display.set(d, (s = displayDate(d)));
    return s;
  }

  private compile(ruleIndex: number, status: Status): CompiledMessage {
    const spec = this.defs[ruleIndex].spec;
    const template = t(messageKey(spec, status));
    const to = 'to' in spec ? fieldLabel(spec.to) : '';
    const title = localized(spec.title);
    const param = (name: string): MessagePart | undefined => {
      switch (name) {
        case 'to':
          return status === 'missing' || status === 'violated' ? undefined : to;
        case 'due':
          return (_c, x) => this.displayDate(x.due);
        case 'actual':
          return (_c, x) => this.displayDate(x.actual);
        case 'start':
          return (_c, x) => this.displayDate(x.windowStart);
        case 'end':
          return (_c, x) => this.displayDate(x.windowEnd);
        case 'anchor':
          return (_c, x) => this.displayDate(x.anchor);
        case 'days':
          return (_c, x) => String(x.daysLate ?? 0);
        case 'items':
          return (_c, x) => this.items(x.missing);
        case 'title':
          return status === 'violated' ? title : undefined;
        case 'route':
          return status === 'violated' ? (k) => this.routeLabel(k.route) : undefined;
        default:
          return undefined;
      }
    };
    const parts: MessagePart[] = [];
    const safeParams = new Set<MessagePart>();
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      const p = param(m[1]);
      // a placeholder without a value stays as written, as t() leaves it
      parts.push(template.slice(last, m.index) + (p === undefined ? m[0] : ''));
      if (p !== undefined) parts.push(p);
      if (typeof p === 'function' && ['due', 'actual', 'start', 'end', 'days', 'anchor'].includes(m[1])) safeParams.add(p);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    // merge neighbouring literals (constant parameters such as `to`)
    const merged: MessagePart[] = [];
    for (const p of parts) {
      const prev = merged[merged.length - 1];
      if (typeof p === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + p;
      else merged.push(p);
    }
    return {
      parts: merged,
      json: merged.map((p) => (typeof p === 'string' ? jsonInner(p) : undefined)),
      safe: merged.map((p) => safeParams.has(p)),
    };
  }

  private routeLabel(route: string | undefined): string {
    let s = this.routeLabels.get(route);
    if (s === undefined) this.routeLabels.set(route, (s = routeLabel(route)));
    return s;
  }

  private items(missing: FieldName[] | undefined): string {
    const key = missing ? missing.join(',') : '';
    let s = this.itemLabels.get(key);
    if (s === undefined) this.itemLabels.set(key, (s = (missing ?? []).map(fieldLabel).join(', ')));
    return s;
  }

  compiled(ruleIndex: number, status: Status): CompiledMessage {
    const map = this.messages[ruleIndex];
    let m = map.get(status);
    if (m === undefined) map.set(status, (m = this.compile(ruleIndex, status)));
    return m;
  }

  /** The message of rule i's result for this row. */
  message(row: MessageRow, ruleIndex: number, r: Result): string {
    const { parts } = this.compiled(ruleIndex, r.status);
    let s = '';
    for (const p of parts) s += typeof p === 'string' ? p : p(row, r);
    return s;
  }
}
