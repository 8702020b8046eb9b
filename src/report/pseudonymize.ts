/**
 * `--pseudonymize`: dossier ids in every output become a keyed HMAC-SHA256 (key from
 * GIACHECK_PSEUDO_KEY). The same key gives the same pseudonym every month, so reports stay
 * comparable, while nobody without the key can go back to the case number.
 */
import { createHmac } from 'node:crypto';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

export type Pseudonymizer = (dossierId: string) => string;

export function makePseudonymizer(key: string | undefined): Pseudonymizer {
  if (!key || key.length < 16) throw new UserError(t('error.pseudoKey'));
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
