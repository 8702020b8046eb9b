/**
 * Personal identifiers that have no place in an export for a compliance check (AVG art. 5 lid 1
 * sub c, dataminimalisatie): BSN, names, addresses, postcodes, phone numbers, e-mail addresses and
 * dates of birth. A column is judged by its name and by a sample of its values. The detectors
 * return kinds only; no value ever leaves this module, so a report can name the column and the
 * kind without repeating what it found.
 *
 * `woonplaats` is deliberately not a kind: it is at the level of the gemeente, which the check
 * needs anyway (a mapping may point `gemeente` at a Woonplaats column).
 */
import { isBsnLike } from './bsn.js';
import { parseDateText } from '../model/values.js';
import { dayFromYMD } from '../calendar/days.js';

export const PII_KINDS = ['bsn', 'naam', 'adres', 'postcode', 'telefoon', 'email', 'geboortedatum'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** "GeboorteDatum Kind" → ["geboorte", "datum", "kind"]; diacritics and punctuation dropped. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const BSN_TOKENS = new Set(['bsn', 'bsnnummer', 'bsnnr', 'burgerservicenummer', 'sofinummer', 'sofinr', 'sofi', 'ssn']);
const EMAIL_TOKENS = new Set(['email', 'emailadres', 'mail', 'mailadres', 'emailaddress']);
const PHONE_TOKENS = new Set(['tel', 'telnr', 'telefoon', 'telefoonnummer', 'telefoonnr', 'mobiel', 'mobielnummer', 'mobielnr', 'gsm', 'phone', 'mobile', 'telephone', 'phonenumber']);
const DOB_TOKENS = new Set(['geboortedatum', 'geboortedag', 'geboortejaar', 'gebdatum', 'gebdat', 'geboren', 'dob', 'birthdate', 'birthday', 'dateofbirth']);
const POSTCODE_TOKENS = new Set(['postcode', 'zipcode', 'zip', 'postalcode', 'postcodes']);
const ADDRESS_TOKENS = new Set(['adres', 'address', 'straat', 'straatnaam', 'street', 'huisnummer', 'huisnr', 'housenumber', 'huisletter', 'woonadres', 'postadres', 'verblijfadres', 'verblijfsadres']);
const NAME_TOKENS = new Set([
  'naam', 'namen', 'name', 'voornaam', 'voornamen', 'achternaam', 'roepnaam', 'geslachtsnaam', 'familienaam',
  'meisjesnaam', 'initialen', 'voorletters', 'tussenvoegsel', 'firstname', 'lastname', 'surname', 'fullname',
]);
/** "<person>naam" compounds (kindnaam, moedernaam, cliëntnaam) are names; gemeentenaam is not. */
const PERSON_PREFIXES = ['client', 'kind', 'moeder', 'vader', 'ouder', 'melder', 'betrokkene', 'jeugdige', 'slachtoffer', 'pleger', 'partner', 'persoon', 'verzorger', 'contactpersoon', 'volledige'];
/** "Naam gemeente", "Naam team": a name of a thing, not of a person. */
const THING_TOKENS = new Set(['gemeente', 'team', 'organisatie', 'instelling', 'regio', 'deelregio', 'wijk', 'bestand', 'school', 'locatie', 'project', 'rapport', 'regel', 'profiel', 'route', 'dienst', 'file']);

function compound(tokens: string[], suffixes: string[], prefixes: string[]): boolean {
  return tokens.some((t) => suffixes.some((s) => t.endsWith(s) && prefixes.includes(t.slice(0, t.length - s.length))));
}

/** The kind of personal data a column name announces, or undefined. */
export function piiKindOfColumnName(name: string): PiiKind | undefined {
  const tokens = nameTokens(name);
  if (!tokens.length) return undefined;
  const joined = tokens.join('');
  const has = (set: Set<string>) => tokens.some((t) => set.has(t)) || set.has(joined);
  if (has(BSN_TOKENS) || joined.includes('burgerservicenummer') || tokens.some((t) => /^bsn/.test(t))) return 'bsn';
  if (has(EMAIL_TOKENS) || joined.includes('emailadres') || (tokens.includes('e') && tokens.includes('mail'))) return 'email';
  if (has(DOB_TOKENS) || joined.includes('geboortedatum') || (tokens.includes('date') && tokens.includes('birth'))) return 'geboortedatum';
  if (has(PHONE_TOKENS) || joined.includes('telefoon') || joined.includes('mobielnummer')) return 'telefoon';
  if (has(POSTCODE_TOKENS) || joined.includes('postcode')) return 'postcode';
  if (has(ADDRESS_TOKENS) || tokens.some((t) => (t.endsWith('adres') || t.startsWith('adres')) && !/(^|e|ip|web)mailadres$|^(ip|web)adres$/.test(t)) || joined.includes('huisnummer') || joined.includes('straatnaam')) {
    return 'adres';
  }
  const isThing = tokens.some((t) => THING_TOKENS.has(t));
  if (!isThing && (has(NAME_TOKENS) || compound(tokens, ['naam', 'namen'], PERSON_PREFIXES))) return 'naam';
  return undefined;
}

// ---- values -------------------------------------------------------------------------------

const EMAIL_IN_TEXT = /[^\s@<>()",;]+@[^\s@<>()",;]+\.[a-z]{2,}/i;
/** Dutch numbers: 06-12345678, 020 123 4567, (045) 1234567, +31 6 12345678, 0031 45 1234567. */
const PHONE_WHOLE = /^(?:\+31|0031|0)[1-9]\d{8}$/;
const PHONE_IN_TEXT = /(?:^|[^\d+])(?:\+31|0031|0)[\s-]?\(?[1-9](?:[\s\-()]?\d){8}(?!\d)/;
const POSTCODE_WHOLE = /^[1-9]\d{3} ?[a-z]{2}$/i;
const POSTCODE_IN_TEXT = /(?:^|[\s,])[1-9]\d{3} ?[A-Z]{2}(?:$|[\s,])/;
const STREET = /(?:^|\s)\p{L}*(?:straat|weg|laan|plein|singel|gracht|kade|dijk|dreef|hof|pad|steeg|markt|park|baan|ring|wal|haven|boulevard|allee|plantsoen|vaart|dam|kamp|poort|brink|hoeve)\s+\d{1,5}(?:\s?[a-z]{1,2})?\b/iu;
const TUSSENVOEGSELS = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter', 'in', "'s", 'la', 'le', 'du', 'da', 'di', 'von', 'zu', 'el', 'al', 'bin', 'ben', 'op']);
/** A few common first names: with structure alone ("Team Noord") a column is not a name column. */
const FIRST_NAMES = new Set(
  (
    'jan piet kees henk gerrit johan peter willem hans erik mark paul tom bas daan sem lucas levi finn noah liam milan luuk jesse thijs ' +
    'bram lars ruben tim thomas sander jeroen martijn dennis mohamed mohammed ahmed ali omar youssef ibrahim mustafa hamza adam ' +
    'anna emma julia sophie tess zoë zoe sara sarah lisa eva lotte fleur noor saar nina iris anouk femke sanne linda marieke ' +
    'maria marie anne annemarie ingrid petra monique wendy esther karin yvonne fatima fatma aisha amira yasmin samira nadia ' +
    'mila lieke fenna roos isa evi jan-willem jan-peter els mieke ria truus joke ' +
    'klaas wim jaap joost frank koen niels kevin stefan inge ilse hanneke marloes astrid'
  ).split(' '),
);

/** A common first name (lower case), so a message does not quote "jan" as a yes/no typo. */
export function isCommonFirstName(word: string): boolean {
  return FIRST_NAMES.has(word);
}

function looksLikePersonName(s: string): boolean {
  if (s.length < 4 || s.length > 60 || /[\d@/\\:;|]/.test(s)) return false;
  // "Jansen, J." / "Vries, J.P. de"
  if (/^\p{Lu}[\p{L}'-]+, ?(\p{Lu}\.){1,4}( \p{Ll}+)*$/u.test(s)) return true;
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let evidence = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (TUSSENVOEGSELS.has(w.toLowerCase()) && i > 0 && i < words.length - 1) {
      evidence = true;
      continue;
    }
    if (/^(\p{Lu}\.){1,4}$/u.test(w) && i === 0) {
      evidence = true; // initials: "J.P. Jansen"
      continue;
    }
    if (!/^\p{Lu}[\p{Ll}'-]+$/u.test(w)) return false;
    if (i === 0 && FIRST_NAMES.has(w.toLowerCase())) evidence = true;
  }
  return evidence;
}

const DOB_BEFORE = dayFromYMD(2005, 1, 1);

/** What the values of a column may hold; canonical columns are not searched for every kind. */
export interface ValueScope {
  /** the column is not one of ours: names and dates of birth are searched too */
  foreign: boolean;
  /** the column holds gemeenten (names of places look like names of people) */
  places?: boolean;
}

/** The kinds of personal data one cell shows, as a bit set over PII_KINDS. */
export function piiBitsOfValue(v: unknown, scope: ValueScope): number {
  if (v === undefined || v === null || v === '') return 0;
  if (v instanceof Date) {
    return scope.foreign && !Number.isNaN(v.getTime()) && v.getUTCFullYear() < 2005 ? BIT.geboortedatum : 0;
  }
  if (typeof v === 'number') return isBsnLike(v) ? BIT.bsn : 0;
  if (typeof v !== 'string') return 0;
  const s = v.trim();
  if (!s) return 0;
  let bits = 0;
  if (isBsnLike(s)) bits |= BIT.bsn;
  if (s.includes('@') && EMAIL_IN_TEXT.test(s)) bits |= BIT.email;
  const compact = s.replace(/[\s\-().]/g, '');
  if (PHONE_WHOLE.test(compact) || (s.length > 10 && PHONE_IN_TEXT.test(s))) bits |= BIT.telefoon;
  if (POSTCODE_WHOLE.test(s) || (s.length > 7 && POSTCODE_IN_TEXT.test(s))) bits |= BIT.postcode;
  if (!scope.places && STREET.test(s)) bits |= BIT.adres;
  if (scope.foreign) {
    if (!scope.places && looksLikePersonName(s)) bits |= BIT.naam;
    const d = parseDateText(s);
    if (d.ok && d.value !== undefined && d.value < DOB_BEFORE) bits |= BIT.geboortedatum;
  }
  return bits;
}

export const BIT: Record<PiiKind, number> = Object.fromEntries(PII_KINDS.map((k, i) => [k, 1 << i])) as Record<PiiKind, number>;

/**
 * When a column is flagged for a kind: the share of sampled non-empty values that must show it,
 * and how many hits that takes at least. A BSN needs half of the values and two hits: one in
 * eleven random nine-digit numbers passes the elfproef, so numeric case numbers must not pass for
 * BSNs; names and dates of birth are judged as strictly. A phone number or an e-mail address is
 * unmistakable: one is enough in a short column, three in any column (a free-text column with
 * contact details in it).
 */
const RULE: Record<PiiKind, { share: number; minHits: number; anyway?: number }> = {
  bsn: { share: 0.5, minHits: 2 },
  naam: { share: 0.5, minHits: 2 },
  geboortedatum: { share: 0.5, minHits: 2 },
  adres: { share: 0.3, minHits: 1 },
  postcode: { share: 0.5, minHits: 1 },
  telefoon: { share: 0.3, minHits: 1, anyway: 3 },
  email: { share: 0.2, minHits: 1, anyway: 3 },
};

/** Samples the first `limit` non-empty values of one column and tells which kinds it holds. */
export class PiiSampler {
  private seen = 0;
  private readonly hits = new Array<number>(PII_KINDS.length).fill(0);

  constructor(
    readonly scope: ValueScope,
    readonly limit = 1000,
  ) {}

  get full(): boolean {
    return this.seen >= this.limit;
  }

  add(v: unknown): void {
    if (this.seen >= this.limit || v === undefined || v === null || v === '') return;
    if (typeof v === 'string' && v.trim() === '') return;
    this.seen++;
    const bits = piiBitsOfValue(v, this.scope);
    if (!bits) return;
    for (let i = 0; i < PII_KINDS.length; i++) if (bits & (1 << i)) this.hits[i]++;
  }

  kinds(): PiiKind[] {
    if (!this.seen) return [];
    return PII_KINDS.filter((k, i) => {
      const rule = RULE[k];
      const hits = this.hits[i];
      if (rule.anyway !== undefined && hits >= rule.anyway) return true;
      return hits >= Math.min(rule.minHits, this.seen) && hits / this.seen >= rule.share;
    });
  }
}
