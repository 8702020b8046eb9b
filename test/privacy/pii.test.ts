import { describe, expect, it } from 'vitest';
import { elfproef, isBsnLike } from '../../src/privacy/bsn.js';
import { BIT, piiBitsOfValue, piiKindOfColumnName, PiiSampler, PII_KINDS } from '../../src/privacy/pii.js';

/** The kinds one value shows, by name. */
function kinds(v: unknown, foreign = true): string[] {
  const bits = piiBitsOfValue(v, { foreign });
  return PII_KINDS.filter((k) => bits & BIT[k]);
}

describe('BSN: nine digits passing the elfproef', () => {
  it.each([
    ['111222333', true], // invented, passes: 9+8+7+12+10+8+9+6-3 = 66
    ['123456782', true],
    ['100000009', true],
    ['123456789', false], // sum 156, not a multiple of 11
    ['000000000', false], // all zeros is never a BSN
    ['11122233', false], // eight digits
    ['1112223334', false],
    ['11122233a', false],
  ])('elfproef(%s) = %s', (digits, ok) => {
    expect(elfproef(digits)).toBe(ok);
  });

  it('accepts grouping with spaces or dots, and numbers from XLSX/JSON', () => {
    expect(isBsnLike('111 222 333')).toBe(true);
    expect(isBsnLike('111.222.333')).toBe(true);
    expect(isBsnLike(' 111222333 ')).toBe(true);
    expect(isBsnLike(111222333)).toBe(true);
    expect(isBsnLike('111.222 333')).toBe(false); // mixed grouping
    expect(isBsnLike(11122233)).toBe(false);
    expect(isBsnLike('20260428')).toBe(false); // a yyyymmdd date passes the proef as 020260428, but has 8 digits
  });
});

describe('column names that announce personal data', () => {
  it.each([
    ['BSN', 'bsn'],
    ['bsn_kind', 'bsn'],
    ['Burgerservicenummer moeder', 'bsn'],
    ['Sofinummer', 'bsn'],
    ['Naam', 'naam'],
    ['Voornaam', 'naam'],
    ['achternaam', 'naam'],
    ['Naam kind', 'naam'],
    ['Kindnaam', 'naam'],
    ['Cliëntnaam', 'naam'],
    ['Voorletters', 'naam'],
    ['lastName', 'naam'],
    ['Adres', 'adres'],
    ['Woonadres', 'adres'],
    ['Straat', 'adres'],
    ['Huisnummer', 'adres'],
    ['Postcode', 'postcode'],
    ['zip_code', 'postcode'],
    ['Telefoon', 'telefoon'],
    ['Telefoonnummer melder', 'telefoon'],
    ['Mobiel', 'telefoon'],
    ['tel', 'telefoon'],
    ['E-mail', 'email'],
    ['email', 'email'],
    ['E-mailadres ouder', 'email'],
    ['Geboortedatum', 'geboortedatum'],
    ['geb_datum', 'geboortedatum'], // the usual abbreviation
    ['Date of birth', 'geboortedatum'],
  ])('%s → %s', (name, kind) => {
    expect(piiKindOfColumnName(name)).toBe(kind);
  });

  it.each(['dossier_id', 'gemeente', 'melding_datum', 'ov_contactgegevens_melder', 'Gemeentenaam', 'Naam gemeente', 'Teamnaam', 'Opmerkingen', 'Woonplaats', 'Datum melding', 'Behandelteam'])(
    '%s is not personal data by its name',
    (name) => {
      expect(piiKindOfColumnName(name)).toBeUndefined();
    },
  );
});

describe('values that are personal data', () => {
  it('recognises each kind in a cell', () => {
    expect(kinds('111222333')).toEqual(['bsn']);
    expect(kinds('j.jansen@example.nl')).toEqual(['email']);
    expect(kinds('Bel moeder via m.devries@example.org of later')).toEqual(['email']);
    expect(kinds('06-12345678')).toEqual(['telefoon']);
    expect(kinds('+31 6 1234 5678')).toEqual(['telefoon']);
    expect(kinds('(045) 123 4567')).toEqual(['telefoon']);
    expect(kinds('bereikbaar op 06 12345678 na 17 uur')).toEqual(['telefoon']);
    expect(kinds('6411 AB')).toEqual(['postcode']);
    expect(kinds('6411ab')).toEqual(['postcode']);
    expect(kinds('Hoofdstraat 12a')).toEqual(['adres']);
    expect(kinds('Markt 1, 6211 CK Maastricht')).toEqual(['adres', 'postcode']);
    expect(kinds('Jan Jansen')).toEqual(['naam']);
    expect(kinds('J.P. de Vries')).toEqual(['naam']);
    expect(kinds('Vries, J. de')).toEqual(['naam']);
    expect(kinds('Fatima el Amrani')).toEqual(['naam']);
    expect(kinds('14-03-1985')).toEqual(['geboortedatum']);
    expect(kinds(new Date(Date.UTC(1990, 4, 1)))).toEqual(['geboortedatum']);
  });

  it('leaves the values of an ordinary export alone', () => {
    for (const v of ['ZL-0001', '2026-04-24', '24-04-2026', 'ja', 'nee', 'V&V', 'directe overdracht', 'Team Noord', 'Wijkteam Heerlen Zuid', 'zie bijlage', '123456789', 'Valkenburg aan de Geul', 42, true]) {
      expect(kinds(v), String(v)).toEqual([]);
    }
  });

  it('does not look for names or dates of birth in giacheck’s own columns', () => {
    expect(kinds('Jan Jansen', false)).toEqual([]);
    expect(kinds('14-03-1985', false)).toEqual([]);
    expect(kinds('111222333', false)).toEqual(['bsn']); // a BSN as dossier_id is still found
  });

  it('a gemeente column is never taken for names or addresses', () => {
    const bits = piiBitsOfValue('Jan van Dijk', { foreign: true, places: true });
    expect(bits).toBe(0);
  });
});

describe('sampling a column', () => {
  it('flags a kind only when enough of the sampled values show it', () => {
    const s = new PiiSampler({ foreign: true });
    for (const v of ['j@example.nl', 'k@example.nl', 'geen', 'geen', 'geen']) s.add(v);
    expect(s.kinds()).toEqual(['email']); // 2 of 5 ≥ 20 %
    const bsn = new PiiSampler({ foreign: false });
    // numeric case numbers: about one in eleven passes the elfproef by chance
    for (let i = 0; i < 110; i++) bsn.add(String(100000000 + i * 7919));
    expect(bsn.kinds()).toEqual([]);
  });

  it('ignores empty cells and stops after the sample size', () => {
    const s = new PiiSampler({ foreign: true }, 3);
    for (const v of ['', '  ', undefined, null, '111222333', '123456782', '100000009']) s.add(v);
    expect(s.full).toBe(true);
    s.add('x@example.nl'); // beyond the sample: not counted
    expect(s.kinds()).toEqual(['bsn']);
  });

  it('one value is enough in a one-row export', () => {
    const s = new PiiSampler({ foreign: true });
    s.add('06-12345678');
    expect(s.kinds()).toEqual(['telefoon']);
  });
});
