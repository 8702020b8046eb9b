/**
 * `--pseudonymize`: dossier ids in every output become a keyed HMAC-SHA256 (key from
 * GIACHECK_PSEUDO_KEY). The same key gives the same pseudonym every month, so reports stay
 * comparable, while nobody without the key can go back to the case number.
 */
import { createHmac } from 'node:crypto';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

export type Pseudonymizer = (dossierId: string) => string;

/**
 * A key guards the way back to the case numbers: at least 16 characters that are not spaces, of at
 * least 8 different characters, so 16 spaces or "aaaaaaaaaaaaaaaa" are refused.
 */
export function isUsableKey(key: string | undefined): key is string {
  if (!key) return false;
  const chars = [...key].filter((c) => !/\s/.test(c));
  return chars.length >= 16 && new Set(chars).size >= 8;
}

export function makePseudonymizer(key: string | undefined): Pseudonymizer {
  if (!isUsableKey(key)) throw new UserError(t('error.pseudoKey'));
  const cache = new Map<string, string>();
  return (id) => {
    let p = cache.get(id);
    if (p === undefined) {
      p = 'P-' + createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 16);
      if (cache.size > 100_000) cache.clear();
      cache.set(id, p);
    }
    return p;
  };
}
