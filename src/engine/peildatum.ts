/**
 * What a run says about its peildatum, the same for check and agenda (issue 13.11): that today
 * was used when --as-of was not given, and, then, that the export looks stale when its newest date
 * lies more than STALE_AFTER_DAYS before the peildatum. `ExportDates` collects the dates it needs
 * while the rows stream by.
 */
import { Day, todayDay } from '../calendar/days.js';
import { t } from '../i18n/index.js';
import { FIELD_INDEX, fieldsOfType } from '../model/fields.js';
import { EMPTY_CELL, RowRef } from '../model/row.js';
import type { ReportWarning } from '../report/model.js';
import { displayDate } from '../report/messages.js';

const DATE_FIELDS = fieldsOfType('date').map((f) => FIELD_INDEX[f]);

/** More days than this between the export's newest date and the peildatum: is it this month's? */
export const STALE_AFTER_DAYS = 31;

/** The newest and oldest date of the checked rows, and the dates after the peildatum but not after today. */
export class ExportDates {
  private newest = EMPTY_CELL;
  private oldest = EMPTY_CELL;
  /** dates after the peildatum but not after today: judged as of the peildatum */
  afterPeildatum = 0;
  private readonly today: Day;

  constructor(private readonly peildatum: Day) {
    this.today = Math.max(todayDay(), peildatum);
  }

  add(row: RowRef): void {
    const { ints, base } = row;
    for (let k = 0; k < DATE_FIELDS.length; k++) {
      const d = ints[base + DATE_FIELDS[k]];
      if (d === EMPTY_CELL) continue;
      if (d > this.newest) this.newest = d;
      if (this.oldest === EMPTY_CELL || d < this.oldest) this.oldest = d;
      if (d > this.peildatum && d <= this.today) this.afterPeildatum++;
    }
  }

  get newestDate(): Day | undefined {
    return this.newest === EMPTY_CELL ? undefined : this.newest;
  }

  get oldestDate(): Day | undefined {
    return this.oldest === EMPTY_CELL ? undefined : this.oldest;
  }
}

/** "peildatum: vandaag, …" without --as-of, and then the stale-export warning when it applies. */
export function peildatumWarnings(peildatum: Day, given: boolean, newest: Day | undefined): ReportWarning[] {
  if (given) return [];
  const warnings: ReportWarning[] = [{ code: 'peildatum-today', message: t('run.peildatumToday', { peildatum: displayDate(peildatum) }) }];
  if (newest !== undefined && peildatum - newest > STALE_AFTER_DAYS) {
    warnings.push({ code: 'stale-export', message: t('run.staleExport', { newest: displayDate(newest), days: peildatum - newest }) });
  }
  return warnings;
}
