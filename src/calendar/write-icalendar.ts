// Events as an iCalendar feed (RFC 5545), written by ical-generator rather than by hand: folding, escaping
// and the all-day forms Outlook and Google read are its job. SEQUENCE comes from the feed's memory
// (calendar-feeds.ts), DTSTAMP is when the feed is served; clients are asked to fetch it twice a day.
import ical, { ICalAlarmType } from 'ical-generator';
import type { CalendarEvent } from './calendar-events.js';

const DAY_SECONDS = 24 * 60 * 60;
const REFRESH_SECONDS = 12 * 60 * 60;

export function writeICalendar(
  name: string,
  events: readonly CalendarEvent[],
  sequences: ReadonlyMap<string, number>,
  servedAt: Date,
): string {
  const calendar = ical({
    name,
    prodId: { company: 'eolwatch', product: 'eolwatch', language: 'EN' },
    // How often a subscribed client should fetch again (REFRESH-INTERVAL for Apple and RFC 7986,
    // X-PUBLISHED-TTL for Outlook): counts change with each import and dates with the daily catalogue.
    ttl: REFRESH_SECONDS,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: event.date,
      allDay: true,
      summary: event.summary,
      description: event.description,
      url: event.url,
      sequence: sequences.get(event.uid) ?? 0,
      stamp: servedAt,
      alarms: event.alarmDays.map((days) => ({ type: ICalAlarmType.display, trigger: days * DAY_SECONDS })),
    });
  }
  return calendar.toString();
}
