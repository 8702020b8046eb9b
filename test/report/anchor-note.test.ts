/** The anchor-missing note (issue 16.5) asks the report's small-count policy like every aggregate. */
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { anchorMissingNote } from '../../src/report/overview.js';
import type { Report } from '../../src/report/model.js';

const rule = (rule_id: string, n: number, anchor_fields: string[]) => ({ rule_id, not_applicable_anchor_missing: n, anchor_fields });

function report(minCell: number | null): Report {
  return {
    options: { include_passed: false, pseudonymized: false, lang: 'nl', min_cell: minCell },
    summary: { rules: [rule('LV-04', 0, ['veiligheidsbeoordeling_datum']), rule('ZL-05', 8, ['warme_overdracht_datum', 'overdracht_datum']), rule('ZL-08', 1234, ['overdracht_datum'])] },
  } as unknown as Report;
}

describe('anchorMissingNote', () => {
  it('lists the rules with a count, with their anchor fields; none without', () => {
    setLang('nl');
    expect(anchorMissingNote(report(null))).toBe(
      'Niet van toepassing omdat de ankerdatum leeg is: ZL-05 8 (warme_overdracht_datum / overdracht_datum); ZL-08 1.234 (overdracht_datum). Deze dossiers tellen niet mee in de naleving.',
    );
    const none = report(null);
    none.summary.rules = [];
    expect(anchorMissingNote(none)).toBeNull();
  });

  it('--min-cell 10: a count from 1 to 9 is "<10", larger counts stay', () => {
    setLang('nl');
    expect(anchorMissingNote(report(10))).toContain('ZL-05 <10 (warme_overdracht_datum / overdracht_datum); ZL-08 1.234');
  });

  it('in English', () => {
    setLang('en');
    try {
      expect(anchorMissingNote(report(null))).toBe(
        'Not applicable because the anchor date is empty: ZL-05 8 (warme_overdracht_datum / overdracht_datum); ZL-08 1,234 (overdracht_datum). These cases do not count in the compliance.',
      );
    } finally {
      setLang('nl');
    }
  });
});
