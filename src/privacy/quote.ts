/**
 * What of a cell or a file may appear in a message: the one policy for every rejected-row reason
 * (check, validate, agenda, every format), every problem of a YAML file (profile, mapping, triage
 * tree, answers) and every error text that may carry a piece of input (--debug, "interne fout").
 *
 * A careless export puts a name and a BSN in `melding_datum`, a phone number in `melder_anoniem`,
 * a sentence about the family in `triage_besluit` (issue 16.6). A message quotes such a cell only
 * when it has the shape of what the column should hold, so the quote helps to fix a typo and
 * cannot be a person:
 * - date: a token of digits and separators (`31-02-2026`, `2026/13/01`, an Excel serial), no run
 *   of more than eight digits;
 * - bool: one short word (`misschien`, `x`, `J.`), not capitalised like a name, not a first name;
 * - route: at most 30 characters without a run of digits, whose words are those of route codes
 *   and their spellings (`voorwarden en vervolg`, `Overdracht LV`) or short abbreviations;
 * and never when it passes the elfproef or looks like a phone number or an e-mail address.
 * Anything else is described ("onleesbare waarde, 24 tekens, niet getoond").
 *
 * YAML keys and values are quoted only when they look like an identifier (issue 16.8): letters,
 * digits, `_` and `-`, at most 40 characters.
 */
import { t } from '../i18n/index.js';
import { elfproef, isBsnLike } from './bsn.js';
import { BIT, isCommonFirstName, piiBitsOfValue } from './pii.js';

/** The shape a column expects, deciding what of a wrong value may be shown. */
export type CellShape = 'date' | 'bool' | 'route';

const IDENTIFIER = /^[A-Za-z0-9_-]{1,40}$/;

/** A key or value of a YAML file that may be quoted: it looks like an identifier. */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** The text itself when it looks like an identifier, else "(niet getoond)". */
export function shownIdentifier(text: string): string {
  return isIdentifier(text) ? text : t('quote.notShown');
}

/** `"text"` when it looks like an identifier, else "(niet getoond)". */
export function quotedIdentifier(text: string): string {
  return isIdentifier(text) ? `"${text}"` : t('quote.notShown');
}

const ROUTE_MAX = 30;
const DATE_LIKE = /^\d{1,4}(?:[-/. ]\d{1,4}){0,2}(?:[T ]\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?Z?)?$/;
/** a number as a spreadsheet or JSON writes it (an Excel serial, `1e400`) */
const DIGITS_ONLY = /^\d{1,8}(?:[.,]\d+)?(?:e[+-]?\d{1,4})?$/i;
const BOOL_LIKE = /^[\p{L}\d?!./-]{1,10}$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}{2,}/u;
const NINE_DIGITS_IN_TEXT = /(?<!\d)(\d{3})[ .]?(\d{3})[ .]?(\d{3})(?!\d)/g;
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/;
const SECRET_BITS = BIT.bsn | BIT.telefoon | BIT.email;

/** The kind of identifier a text holds anywhere in it (a BSN, a phone number, an e-mail address), or undefined. */
export function secretKind(s: string): 'bsn' | 'telefoon' | 'email' | undefined {
  const bits = piiBitsOfValue(s, { foreign: false }) & SECRET_BITS;
  if (bits & BIT.bsn) return 'bsn';
  for (const m of s.matchAll(NINE_DIGITS_IN_TEXT)) if (elfproef(m[1] + m[2] + m[3])) return 'bsn';
  if (bits & BIT.email || EMAIL_LIKE.test(s)) return 'email';
  if (bits & BIT.telefoon) return 'telefoon';
  return undefined;
}

/** Lower case, diacritics dropped: how route words are compared. */
function wordKey(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The words of route codes and spellings (`voorwaarden_en_vervolg`, `V&V`), for shownCell's route shape. */
export function routeWords(spellings: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const s of spellings) for (const w of wordKey(s).split(/[^\p{L}]+/u)) if (w.length > 3) words.add(w);
  return words;
}

/** Levenshtein distance of at most `max`, else max + 1 (words of a route spelling are short). */
function near(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

function routeLike(s: string, words: ReadonlySet<string>): boolean {
  if (s.length > ROUTE_MAX || /\d{2}/.test(s) || !/^[\p{L}\d\s&/+_.,()-]+$/u.test(s)) return false;
  const parts = s.split(/[\s&/+_.,()-]+/).filter(Boolean);
  if (!parts.length) return false;
  let known = false;
  for (const p of parts) {
    const k = wordKey(p);
    if (isCommonFirstName(k)) return false;
    if (k.length <= 3) {
      // an abbreviation (LV, VT, MDA) or a connector (en, na); "Jan", "Ali" are not shown
      if (p !== p.toUpperCase() && p !== p.toLowerCase()) return false;
      continue;
    }
    const max = k.length >= 7 ? 2 : 1;
    let hit = words.has(k);
    if (!hit) for (const w of words) if (near(k, w, max)) { hit = true; break; }
    if (!hit) return false;
    known = true;
  }
  return known || s.length <= 6;
}

function boolLike(s: string): boolean {
  return BOOL_LIKE.test(s) && !CAPITALISED.test(s) && !isCommonFirstName(wordKey(s));
}

function dateLike(s: string): boolean {
  return DATE_LIKE.test(s) || DIGITS_ONLY.test(s);
}

function described(s: string): string {
  const n = [...s].length;
  return n === 1 ? t('quote.hiddenOne') : t('quote.hidden', { n });
}

/** A description of a cell that shows nothing of it (a dossier id or gemeente that is no such thing). */
export function describedCell(value: string): string {
  const kind = secretKind(value);
  return kind ? t('quote.hiddenKind', { kind: t(`quote.kind.${kind}`) }) : described(value);
}

/**
 * A dossier id that is no case number but free text: a capitalised word or a first name without
 * a digit, words (a name, a sentence), an e-mail address or a phone number. A nine-digit id is not judged here: one random number in eleven
 * passes the elfproef, so a file of BSNs as dossier ids is recognised by its share (normalize.ts).
 */
export function isFreeTextId(id: string): boolean {
  // a capitalised word without a digit is a name, not a case number ("A", "X-B" may be ids)
  if (/^\p{Lu}\p{Ll}{3,}$/u.test(id) || (!/\d/.test(id) && isCommonFirstName(wordKey(id)))) return true;
  if (/\s/.test(id) && (id.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2) return true;
  const kind = secretKind(id);
  return kind === 'email' || kind === 'telefoon';
}

/**
 * A gemeente as typed that cannot be the name of a place (for a profile without a list of
 * gemeenten, which then takes any name): digits, an e-mail address, a person's name, more than
 * 40 characters or 5 words.
 */
export function isImplausiblePlace(text: string): boolean {
  const s = text.trim();
  if (s.length > 40 || !/^['’]?\p{L}[\p{L}\s'’.()-]*$/u.test(s) || s.split(/\s+/).length > 5) return true;
  return (piiBitsOfValue(s, { foreign: true }) & BIT.naam) !== 0;
}

const NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** Text without control, format or direction characters (ESC, CSI U+009B, CR, U+202E, zero-width space). */
export function isPrintable(text: string): boolean {
  return !NOT_PRINTABLE.test(text);
}

const COLUMN_NAME_MAX = 40;
const COLUMN_NAME_WORDS = 5;
const COLUMN_NAME_CHARS = /^[\p{L}\p{N} _\-()./#:&'+%?]+$/u;

/**
 * A column or sheet name of an export that a message may repeat: printable, at most 40 characters
 * and five words of letters, digits and the punctuation of headers (`Datum melding (VT)`,
 * `ov_inhoud_melding`, `Contact na 3 mnd.`), no run of five digits, no comma or quote (a sentence,
 * a list), nothing that looks like a value (a date, a number) and nothing that looks like a person:
 * a BSN, phone number, e-mail address, postcode, name (`Jan Zwanenburg`, `Klaas`). An export
 * without a header row makes its first data row the header, and a header may be typed over.
 */
export function isShownColumnName(name: string): boolean {
  const s = name.replace(/^\uFEFF/, '').trim();
  if (!s || s.length > COLUMN_NAME_MAX || !isPrintable(s) || !COLUMN_NAME_CHARS.test(s)) return false;
  if (s.split(/\s+/).length > COLUMN_NAME_WORDS || /\d{5}/.test(s) || /^[\d\s.,:/+-]+$/.test(s) || DATE_LIKE.test(s)) return false;
  if (secretKind(s) || piiBitsOfValue(s, { foreign: true })) return false;
  // a first name as a word of its own, capitalised as names are ("Contact Jan"; "jan." as an abbreviation is kept)
  for (const w of s.split(/[\s_()./#:&+-]+/)) if (/^\p{Lu}\p{Ll}+$/u.test(w) && isCommonFirstName(wordKey(w))) return false;
  return true;
}

/** `"name"` when isShownColumnName, else "(niet getoond)". */
export function quotedColumnName(name: string): string {
  return isShownColumnName(name) ? `"${name.replace(/^\uFEFF/, '').trim()}"` : t('quote.notShown');
}

/** The column or sheet name itself when isShownColumnName, else `hidden` (a catalogue text naming its position). */
export function shownColumnName(name: string, hidden: string): string {
  return isShownColumnName(name) ? name.replace(/^\uFEFF/, '').trim() : hidden;
}

/** A gemeente as typed (a cell, --gemeente) for a message: `"Heerlen"` when it may be a place's name, else described. */
export function shownPlace(text: string): string {
  const s = text.trim();
  if (!s) return t('quote.empty');
  return isPrintable(s) && !secretKind(s) && !isImplausiblePlace(s) ? `"${s}"` : describedCell(s);
}

/**
 * A cell for a message: `"value"` when it has the shape `shape` expects (see the top of this
 * file), else a description that shows nothing of it. `words` are the route words (routeWords)
 * for the route shape.
 */
export function shownCell(value: unknown, shape: CellShape, words: ReadonlySet<string> = new Set()): string {
  if (value === null || value === undefined) return t('quote.empty');
  if (typeof value === 'number') {
    if (isBsnLike(value)) return t('quote.hiddenKind', { kind: t('quote.kind.bsn') });
    return shape === 'date' && Number.isFinite(value) && dateLike(String(value)) ? `"${value}"` : described(String(value));
  }
  if (typeof value === 'boolean') return shape === 'bool' ? `"${value}"` : t('quote.hiddenType', { type: t('quote.type.bool') });
  if (value instanceof Date) {
    // a date cell of a workbook in a date column is what the column expects: its day (9999-12-31)
    const y = value.getUTCFullYear();
    if (shape === 'date' && y >= 1 && y <= 9999) return `"${value.toISOString().slice(0, 10)}"`;
    return t('quote.hiddenType', { type: t('quote.type.date') });
  }
  if (typeof value !== 'string') return t('quote.hiddenType', { type: t(Array.isArray(value) ? 'quote.type.list' : 'quote.type.object') });
  const s = value.trim();
  if (!s) return t('quote.empty');
  const kind = secretKind(s);
  if (kind) return t('quote.hiddenKind', { kind: t(`quote.kind.${kind}`) });
  if (!isPrintable(s)) return described(s);
  const fits = shape === 'date' ? dateLike(s) : shape === 'bool' ? boolLike(s) : routeLike(s, words);
  return fits ? `"${s}"` : described(s);
}

/**
 * A free text that may hold a piece of input (an error message of a library, a stack trace for
 * --debug): every quoted part that is no identifier, and every BSN, phone number or e-mail
 * address outside quotes, replaced by "(niet getoond)".
 */
export function scrubText(text: string): string {
  const hidden = t('quote.notShown');
  return text
    .replace(/"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`/g, (m, a?: string, b?: string, c?: string) => {
      const inner = a ?? b ?? c ?? '';
      return isIdentifier(inner) || inner === '' ? m : hidden;
    })
    .replace(/[^\s@"'`]+@[^\s@"'`]+\.[^\s@"'`]{2,}/g, hidden)
    .replace(/(?<![\w])(?:\+31|0031|0)[\s-]?\(?[1-9](?:[\s\-()]?\d){8}(?!\d)/g, hidden)
    .replace(NINE_DIGITS_IN_TEXT, (m, x: string, y: string, z: string) => (elfproef(x + y + z) ? hidden : m));
}
