/**
 * iCalendar (RFC 5545) as calendar programs subscribe to it: CRLF line ends, content lines folded
 * at 75 octets (a continuation starts with one space, never splitting a UTF-8 character), TEXT
 * values escaped (`\\`, `;`, `,`, newlines), every event with a UID and a DTSTAMP.
 */

export interface CalendarEvent {
  /** Stable across downloads, so a calendar program updates the event instead of adding another. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** A moment (DTSTART in UTC) … */
  start: Date;
  /** … with its end, or, when absent, an event of that instant. */
  end?: Date | null;
  /** Last change of the thing behind the event. */
  lastModified?: Date | null;
}

const PRODID = '-//Diaspora Nexus//Calendar feed//EN';

/** TEXT escaping of RFC 5545 §3.3.11. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** 20260129T101500Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets per line, continuations begin with a
 * space (which counts in their 75), split only between characters.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A VCALENDAR of the events, ready to serve as text/calendar. */
export function toIcs(name: string, events: readonly CalendarEvent[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${icsDateTime(now)}`);
    lines.push(`DTSTART:${icsDateTime(event.start)}`);
    if (event.end && event.end.getTime() > event.start.getTime()) lines.push(`DTEND:${icsDateTime(event.end)}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${icsDateTime(event.lastModified)}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
