// Package ical reads and writes iCalendar data (RFC 5545) and expands
// recurrence rules.
//
// Parse turns an .ics file, as Outlook, Exchange, Google Calendar, Apple
// Calendar, Thunderbird and similar programs export it, into a Calendar of
// Events. It is lenient: a line or property that cannot be read becomes a
// Warning with its physical line number and the rest of the file still
// parses. Only input that contains no VCALENDAR at all is an error.
//
// Timed events carry instants as time.Time in the zone of their DTSTART.
// All-day events carry civil dates (model.Date). Zones are resolved from
// IANA names, from Windows zone names (a table taken from the CLDR
// windowsZones mapping) and from VTIMEZONE blocks in the file, in that
// order of preference. The caller must link zone data into the binary
// (import _ "time/tzdata") on systems without a zone database.
//
// Expand and Calendar.Expand produce the instances of events in a window of
// time, applying RRULE, RDATE, EXDATE and RECURRENCE-ID overrides. Write
// serialises events back to an .ics stream.
//
// The package does no I/O of its own beyond the reader and writer it is
// given, and keeps no global mutable state, so it is safe for concurrent
// use.
package ical
