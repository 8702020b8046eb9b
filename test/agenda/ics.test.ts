import ical, { ICalCalendarMethod } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../src/calendar/days.js';
import type { AgendaItem } from '../../src/agenda/agenda.js';
import { agendaIcs, eventDescription, eventSummary, eventUid, foldIcsLines } from '../../src/agenda/ics.js';

const item = (i: number): AgendaItem => ({
  dossier_id: `D-é€😀-${i}`,
  gemeente: 'Valkenburg aan de Geul',
  rule_id: `ZL-0${i % 9}`,
  title: { nl: 'Überlange omschrijving met een ë, een € en een 😀 '.repeat(3), en: 'x' },
  kind: i % 2 ? 'moment' : 'deadline',
  field: 'monitoring_3m_datum',
  status: i % 3 ? 'pending' : 'overdue',
  ...(i % 3 ? {} : { days_late: i }),
  severity: 'error',
  source: '000 §5.2.6; Bijlage 2',
  due: dayFromYMD(2026, 11, 1) + i,
  ...(i % 2 ? { window_start: dayFromYMD(2026, 10, 20), window_end: dayFromYMD(2026, 11, 30) } : {}),
});

describe('agenda ICS', () => {
  it('is byte for byte what ical-generator itself writes (only the folding is done faster)', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i));
    const now = new Date(Date.UTC(2026, 10, 1, 12));
    const peildatum = dayFromYMD(2026, 11, 1);
    const ours = agendaIcs(items, { profileName: 'Zuid-Limburg', peildatum, now });
    const cal = ical({ name: 'giacheck agenda Zuid-Limburg (2026-11-01)', prodId: { company: 'giacheck', product: 'giacheck-agenda', language: 'NL' }, method: ICalCalendarMethod.PUBLISH });
    for (const it of items) {
      cal.createEvent({
        id: eventUid(it.dossier_id, it.rule_id),
        // an overdue item stands on the peildatum
        start: new Date(Math.max(it.due, it.status === 'overdue' ? peildatum : it.due) * 86_400_000),
        end: new Date((Math.max(it.due, it.status === 'overdue' ? peildatum : it.due) + 1) * 86_400_000),
        allDay: true,
        stamp: now,
        summary: eventSummary(it),
        description: eventDescription(it),
      });
    }
    expect(ours).toBe(cal.toString());
  });

  it('folds at 75 octets, counting UTF-8 bytes, never inside a character', () => {
    const line = 'DESCRIPTION:' + '€'.repeat(40);
    const folded = foldIcsLines(line);
    const parts = folded.split('\r\n');
    expect(parts[0]).toBe('DESCRIPTION:' + '€'.repeat(20)); // 12 + 60 = 72 octets; one more € would be 75
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldIcsLines('A:😀😀')).toBe('A:😀😀');
  });
});
