/**
 * `agenda --ics <file>`: one all-day event per agenda item on its due date (ical-generator). No
 * personal data: the summary holds the rule id, the dossier id (or its pseudonym) and what has to
 * be registered; the description the rule, its source, the status and the window. UIDs are a hash
 * of dossier and rule, so importing next month's calendar updates events instead of doubling them.
 */
import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { isoDate, type Day } from '../calendar/days.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { displayDate, fieldLabel } from '../report/messages.js';
import type { AgendaItem } from './agenda.js';

export function eventUid(dossierId: string, ruleId: string): string {
  return createHash('sha256').update(`${dossierId}\u0000${ruleId}`, 'utf8').digest('hex').slice(0, 32) + '@giacheck';
}

const utcDate = (d: Day): Date => new Date(d * 86_400_000);

export function eventSummary(item: AgendaItem): string {
  return t('agenda.ics.summary', { rule: item.rule_id, dossier: item.dossier_id, field: fieldLabel(item.field) }) +
    (item.status === 'overdue' ? ' ' + t('agenda.ics.overdueSince', { date: displayDate(item.due) }) : '');
}

/**
 * The day an event stands on: its due date, but an overdue item on the peildatum (a calendar
 * that shows it months in the past is one nobody sees); the summary says since when.
 */
export function eventDay(item: AgendaItem, peildatum: Day): Day {
  return item.status === 'overdue' ? Math.max(item.due, peildatum) : item.due;
}

export function eventDescription(item: AgendaItem): string {
  const lines = [
    `${item.rule_id}: ${localized(item.title)}`,
    `${t('col.source')}: ${item.source}`,
    `${t('col.status')}: ${t(`status.${item.status}`)}` + (item.days_late !== undefined ? ` (${t('agenda.daysLate', { days: item.days_late })})` : ''),
    `${t('col.due')}: ${displayDate(item.due)}`,
  ];
  if (item.window_start !== undefined && item.window_end !== undefined) {
    lines.push(t('agenda.window', { start: displayDate(item.window_start), end: displayDate(item.window_end) }));
  }
  lines.push(`${t('col.gemeente')}: ${item.gemeente}`);
  if (item.deelregio) lines.push(`${t('col.deelregio')}: ${item.deelregio}`);
  return lines.join('\n');
}

/**
 * RFC 5545 §3.1 line folding at 75 octets, the same rule ical-generator applies. ical-generator
 * folds the finished calendar with a TextEncoder per character, which takes seconds for a large
 * agenda; the events are still rendered by the library, only folded here.
 */
export function foldIcsLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      let out = '';
      let octets = 0;
      for (const ch of line) {
        const cp = ch.codePointAt(0)!;
        const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        octets += size;
        if (octets > 74) {
          out += '\r\n ';
          octets = size;
        }
        out += ch;
      }
      return out;
    })
    .join('\r\n');
}

/**
 * `notes`: what the printed agenda opens with (today as peildatum, a stale export); a calendar
 * shows no header, so they go into the calendar's description (X-WR-CALDESC), joined by " · "
 * (ical-generator writes a newline there unescaped, which would break the line structure).
 */
export function agendaIcs(items: AgendaItem[], opts: { profileName: string; peildatum: Day; now?: Date; notes?: string[] }): string {
  const calendarOptions = {
    name: t('agenda.ics.name', { profile: opts.profileName, date: isoDate(opts.peildatum) }),
    ...(opts.notes?.length ? { description: opts.notes.join(' · ') } : {}),
    prodId: { company: 'giacheck', product: 'giacheck-agenda', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
  };
  const cal = ical(calendarOptions);
  const stamp = opts.now ?? new Date();
  for (const item of items) {
    cal.createEvent({
      id: eventUid(item.dossier_id, item.rule_id),
      start: utcDate(eventDay(item, opts.peildatum)),
      end: utcDate(eventDay(item, opts.peildatum) + 1),
      allDay: true,
      stamp,
      summary: eventSummary(item),
      description: eventDescription(item),
    });
  }
  // the calendar's own lines from the library (with no events), the events folded here
  const shell = ical(calendarOptions).toString();
  const end = 'END:VCALENDAR';
  if (!shell.endsWith(end)) return cal.toString();
  return shell.slice(0, -end.length) + cal.events().map((e) => foldIcsLines(e.toString())).join('') + end;
}
