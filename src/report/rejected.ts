import { t } from '../i18n/index.js';
import type { Rejected } from './model.js';

/** A rejected row in one line: "file: rij 12, kolom melding_datum: reason". */
export function rejectedText(r: Rejected): string {
  return `${r.file}: ${t('col.row').toLowerCase()} ${r.row}${r.column ? `, ${t('col.column').toLowerCase()} ${r.column}` : ''}: ${r.reason}`;
}
