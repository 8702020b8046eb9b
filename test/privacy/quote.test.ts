/**
 * Issue 16.6: what of a wrong cell a reason may quote (src/privacy/quote.ts). A cell is quoted only
 * in the shape its column expects; a BSN, phone number or e-mail address never.
 */
import { describe, expect, it } from 'vitest';
import { isImplausiblePlace, isShownColumnName, routeWords, scrubText, shownCell, shownIdentifier, shownPlace } from '../../src/privacy/quote.js';
import { ROUTES } from '../../src/model/fields.js';

const words = routeWords([...ROUTES, 'V&V', 'Voorwaarden & Vervolg', 'directe overdracht', 'einde bemoeienis']);

describe('shownCell', () => {
  it('quotes a date-like token in a date column, describes anything else', () => {
    expect(shownCell('31-02-2026', 'date')).toBe('"31-02-2026"');
    expect(shownCell('2026/13/01', 'date')).toBe('"2026/13/01"');
    expect(shownCell('20261301', 'date')).toBe('"20261301"');
    expect(shownCell('2026-02-30T10:00', 'date')).toBe('"2026-02-30T10:00"');
    expect(shownCell(99999999, 'date')).toBe('"99999999"');
    expect(shownCell('Jan Zwanenburg 111222333', 'date')).toBe('waarde die op een burgerservicenummer lijkt, niet getoond');
    expect(shownCell('Jan Zwanenburg', 'date')).toBe('onleesbare waarde, 14 tekens, niet getoond');
    expect(shownCell('123456789', 'date')).toBe('onleesbare waarde, 9 tekens, niet getoond');
    expect(shownCell('gisteren', 'date')).toBe('onleesbare waarde, 8 tekens, niet getoond');
  });

  it('never shows a BSN, phone number or e-mail address, whatever the column', () => {
    for (const shape of ['date', 'bool', 'route'] as const) {
      expect(shownCell('111222333', shape)).toBe('waarde die op een burgerservicenummer lijkt, niet getoond');
      expect(shownCell('111.222.333', shape)).toBe('waarde die op een burgerservicenummer lijkt, niet getoond');
      expect(shownCell(111222333, shape)).toBe('waarde die op een burgerservicenummer lijkt, niet getoond');
      expect(shownCell('06-12345678', shape)).toBe('waarde die op een telefoonnummer lijkt, niet getoond');
      expect(shownCell('045 123 4567', shape)).toBe('waarde die op een telefoonnummer lijkt, niet getoond');
      expect(shownCell('+31 6 12345678', shape)).toBe('waarde die op een telefoonnummer lijkt, niet getoond');
      expect(shownCell('j.jansen@example.nl', shape)).toBe('waarde die op een e-mailadres lijkt, niet getoond');
    }
  });

  it('quotes one short yes/no-like word, not a capitalised word or a first name', () => {
    expect(shownCell('misschien', 'bool')).toBe('"misschien"');
    expect(shownCell('x', 'bool')).toBe('"x"');
    expect(shownCell('ONBEKEND', 'bool')).toBe('"ONBEKEND"');
    expect(shownCell('Zwanenburg', 'bool')).toBe('onleesbare waarde, 10 tekens, niet getoond');
    expect(shownCell('jan', 'bool')).toBe('onleesbare waarde, 3 tekens, niet getoond');
    expect(shownCell('nee hoor', 'bool')).toBe('onleesbare waarde, 8 tekens, niet getoond');
    expect(shownCell(2, 'bool')).toBe('onleesbare waarde, 1 teken, niet getoond');
  });

  it('quotes a route-like token made of route words, not a sentence or a name', () => {
    expect(shownCell('voorwarden en vervolg', 'route', words)).toBe('"voorwarden en vervolg"');
    expect(shownCell('Overdracht LV', 'route', words)).toBe('"Overdracht LV"');
    expect(shownCell('MDA++', 'route', words)).toBe('"MDA++"');
    expect(shownCell('Klaas Zwanenburg vader sloeg kind', 'route', words)).toBe('onleesbare waarde, 33 tekens, niet getoond');
    expect(shownCell('vader sloeg kind', 'route', words)).toBe('onleesbare waarde, 16 tekens, niet getoond');
    expect(shownCell('Jan', 'route', words)).toBe('onleesbare waarde, 3 tekens, niet getoond');
    expect(shownCell('onderzoek 2026', 'route', words)).toBe('onleesbare waarde, 14 tekens, niet getoond');
  });

  it('describes values that are no text by their type, never by String()', () => {
    const sneaky = { toString: () => 'Jan Zwanenburg' };
    expect(shownCell(sneaky, 'date')).toBe('onleesbare waarde (object), niet getoond');
    expect(shownCell(['Jan'], 'bool')).toBe('onleesbare waarde (lijst), niet getoond');
    expect(shownCell(new Date(0), 'bool')).toBe('onleesbare waarde (datum), niet getoond');
    expect(shownCell(new Date(Date.UTC(9999, 11, 31)), 'date')).toBe('"9999-12-31"');
    expect(shownCell(new Date(Number.NaN), 'date')).toBe('onleesbare waarde (datum), niet getoond');
    expect(shownCell('2026-01-01\u202e', 'date')).toBe('onleesbare waarde, 11 tekens, niet getoond');
  });
});

describe('scrubText and shownIdentifier', () => {
  it('keeps identifiers and drops quoted text, BSNs, phone numbers and e-mail addresses', () => {
    expect(scrubText(`Unexpected token 'J', "Jan Zwanenburg" is not valid JSON`)).toBe(
      `Unexpected token 'J', (niet getoond) is not valid JSON`,
    );
    expect(scrubText('kapot bij 111222333 of 06-12345678 en a@b.nl')).toBe('kapot bij (niet getoond) of (niet getoond) en (niet getoond)');
    expect(scrubText('rij 123456789 positie 12')).toBe('rij 123456789 positie 12');
    expect(shownIdentifier('ZL-01')).toBe('ZL-01');
    expect(shownIdentifier('Jan Zwanenburg 111222333')).toBe('(niet getoond)');
  });
});

describe('isShownColumnName and shownPlace', () => {
  it('repeats a header as exports name columns, not a person, a sentence or a control character', () => {
    for (const ok of ['Datum beoordeling', 'ov_contactgegevens_directbetrokkenen', 'Melding datum (VT)', 'Contact na 3 mnd.', 'Nummer', 'BSN moeder', 'Telefoon moeder', 'jan. t/m mrt.']) {
      expect(isShownColumnName(ok), ok).toBe(true);
    }
    for (const no of [
      'Jan Zwanenburg',
      'Klaas',
      'Contact Petra',
      'Jan Zwanenburg 111222333',
      'Telefoon 0612345678',
      'j.jansen@example.nl',
      'moeder drinkt, kinderen alleen thuis',
      'Klaas Zwanenburg vader sloeg kind met riem',
      '2026-09-01',
      '12345',
      '\u001b[2Jwis',
      'Opmerking\u202eZwanenburg',
      'zero\u200bwidth',
      '\u009b31m',
      'regel\rterug',
      'a'.repeat(41),
      '"opmerking"',
      '',
    ]) {
      expect(isShownColumnName(no), JSON.stringify(no)).toBe(false);
    }
  });

  it('quotes a gemeente as typed only when it may be a place', () => {
    expect(shownPlace('Amsterdam')).toBe('"Amsterdam"');
    expect(shownPlace("'s-Hertogenbosch")).toBe('"\'s-Hertogenbosch"');
    // a profile without gemeenten (landelijk) takes any place, also one spelled with an apostrophe first
    expect(isImplausiblePlace("'s-Hertogenbosch")).toBe(false);
    expect(isImplausiblePlace('’s-Gravenhage')).toBe(false);
    expect(isImplausiblePlace("'t Zandt")).toBe(false);
    expect(shownPlace('Jan Zwanenburg 111222333')).toBe('waarde die op een burgerservicenummer lijkt, niet getoond');
    expect(shownPlace('Petra Zwanenburg')).toBe('onleesbare waarde, 16 tekens, niet getoond');
    expect(shownPlace('Heer\u001b[2Jlen')).toBe('onleesbare waarde, 11 tekens, niet getoond');
  });
});
