// Reads an .ics file with ical.js and prints what a client would see, as JSON.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
// A client knows a zone only from the file's VTIMEZONE; register it before reading any time.
for (const tz of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(tz);
}
const vevent = calendar.getFirstSubcomponent('vevent');
const event = new ICAL.Event(vevent);
const start = vevent.getFirstPropertyValue('dtstart');
const end = vevent.getFirstPropertyValue('dtend');
console.log(JSON.stringify({
  method: calendar.getFirstPropertyValue('method'),
  uid: event.uid,
  sequence: event.sequence,
  summary: event.summary,
  location: event.location,
  status: vevent.getFirstPropertyValue('status'),
  tzid: vevent.getFirstProperty('dtstart').getParameter('tzid'),
  startUtc: start.toJSDate().toISOString(),
  endUtc: end.toJSDate().toISOString(),
}));
