/**
 * Burgerservicenummer (BSN): nine digits passing the elfproef (Besluit BSN / Wet algemene
 * bepalingen burgerservicenummer): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11, and the
 * number is not 000000000. Only used to recognise identifiers that must not be in an export;
 * giacheck never stores or prints them.
 */

/** The elfproef on a string of exactly nine digits. */
export function elfproef(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  let allZero = true;
  for (let i = 0; i < 9; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) allZero = false;
    sum += i === 8 ? -d : (9 - i) * d;
  }
  return !allZero && sum % 11 === 0;
}

/**
 * A value that looks like a BSN: nine digits, optionally grouped as `123 456 789` or
 * `123.456.789`, passing the elfproef. Eight-digit numbers (a BSN whose leading zero a
 * spreadsheet dropped) are not accepted on their value alone: too many other numbers (yyyymmdd
 * dates among them) pass the proef; a column *named* bsn is caught by its name.
 */
export function isBsnLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e8 && value < 1e9 && elfproef(String(value));
  if (typeof value !== 'string') return false;
  const digits = nineDigits(value);
  return digits !== undefined && elfproef(digits);
}

/** The nine digits of a value written the way a BSN is (`123456789`, `123 456 789`, `123.456.789`), else undefined. */
export function nineDigits(value: string): string | undefined {
  const s = value.trim();
  if (s.length < 9 || s.length > 11) return undefined;
  const m = /^(\d{3})([ .]?)(\d{3})\2(\d{3})$/.exec(s);
  return m === null ? undefined : m[1] + m[3] + m[4];
}
