package ical

import (
	"strconv"
	"strings"
	"time"
)

// event reads one VEVENT. ok is false when the event has no usable
// DTSTART.
func (p *parser) event(c *component, zones *zoneResolver) (ev Event, ok bool) {
	ev.Line = c.line
	var start, end, recurrenceID DateTime
	var duration *property
	var endLine int

	for _, prop := range c.props {
		var err error
		switch prop.name {
		case "UID":
			ev.UID = strings.TrimSpace(prop.value)
		case "SUMMARY":
			ev.Summary = unescapeText(prop.value)
		case "DESCRIPTION":
			ev.Description = unescapeText(prop.value)
		case "LOCATION":
			ev.Location = unescapeText(prop.value)
		case "STATUS":
			ev.Status = Status(strings.ToUpper(strings.TrimSpace(prop.value)))
		case "CLASS":
			ev.Class = strings.ToUpper(strings.TrimSpace(prop.value))
		case "SEQUENCE":
			ev.Sequence, err = strconv.Atoi(strings.TrimSpace(prop.value))
		case "LAST-MODIFIED":
			ev.LastModified, err = p.utcValue(prop)
		case "DTSTAMP":
			ev.Stamp, err = p.utcValue(prop)
		case "DTSTART":
			start, err = p.dateTime(prop, zones)
		case "DTEND":
			end, err = p.dateTime(prop, zones)
			endLine = prop.line
		case "DURATION":
			duration = &prop
		case "RECURRENCE-ID":
			recurrenceID, err = p.dateTime(prop, zones)
		case "RRULE":
			p.rule(&ev, prop)
		case "EXDATE":
			ev.ExDates, err = p.appendDateTimes(ev.ExDates, prop, zones)
		case "RDATE":
			ev.RDates, err = p.appendDateTimes(ev.RDates, prop, zones)
		}
		if err != nil {
			p.warn(prop.line, "%s: %v; property skipped", prop.name, err)
		}
	}

	if start.IsZero() {
		p.warn(c.line, "event %q has no valid DTSTART; event skipped", clip(ev.Summary))
		return ev, false
	}
	ev.RecurrenceID = recurrenceID
	p.setTimes(&ev, start, end, duration, endLine)
	return ev, true
}

// rule reads an RRULE. An invalid rule leaves a single event.
func (p *parser) rule(ev *Event, prop property) {
	if ev.RRule != nil {
		p.warn(prop.line, "RRULE: second rule in one event ignored")
		return
	}
	r, err := ParseRRule(prop.value)
	if err != nil {
		p.warn(prop.line, "RRULE: %v; the event is read as a single occurrence", err)
		return
	}
	ev.RRule = &r
}

// setTimes fills the start and end of ev from DTSTART and DTEND or
// DURATION. The value type of DTSTART decides whether the event is
// all-day. A missing or inconsistent end gives the RFC 5545 default: one
// day for an all-day event, no length for a timed one.
func (p *parser) setTimes(ev *Event, start, end DateTime, duration *property, endLine int) {
	ev.AllDay = start.IsDate()
	ev.Floating = start.Floating

	if ev.AllDay {
		ev.StartDate = start.Date
		ev.EndDate = start.Date
		switch {
		case !end.IsZero():
			last := end.Day().AddDays(-1)
			if last.Before(ev.StartDate) {
				if end.Day() != ev.StartDate {
					p.warn(endLine, "DTEND %s is before DTSTART %s; the event lasts one day", end.Day(), ev.StartDate)
				}
				last = ev.StartDate
			}
			ev.EndDate = last
		case duration != nil:
			days, _, err := parseDuration(strings.TrimSpace(duration.value))
			if err != nil || days < 1 {
				p.warn(duration.line, "DURATION %q is not a positive number of days; the event lasts one day", clip(duration.value))
				days = 1
			}
			ev.EndDate = ev.StartDate.AddDays(days - 1)
		}
		return
	}

	ev.Start = start.In(p.local)
	ev.End = ev.Start
	switch {
	case !end.IsZero():
		zone := ev.Start.Location()
		ev.End = end.In(zone).In(zone)
		if ev.End.Before(ev.Start) {
			p.warn(endLine, "DTEND is before DTSTART; the event is read as lasting no time")
			ev.End = ev.Start
		}
	case duration != nil:
		days, clock, err := parseDuration(strings.TrimSpace(duration.value))
		if err != nil || days < 0 || clock < 0 {
			p.warn(duration.line, "DURATION %q is invalid or negative; the event is read as lasting no time", clip(duration.value))
			return
		}
		ev.End = ev.Start.AddDate(0, 0, days).Add(clock)
	}
}

// dateTime reads a DATE or DATE-TIME property value with its TZID.
func (p *parser) dateTime(prop property, zones *zoneResolver) (DateTime, error) {
	value := strings.TrimSpace(prop.value)
	if i := strings.IndexByte(value, ','); i >= 0 {
		value = value[:i]
	}
	return p.parseDateTime(value, prop, zones)
}

func (p *parser) parseDateTime(value string, prop property, zones *zoneResolver) (DateTime, error) {
	if strings.EqualFold(prop.param("VALUE"), "DATE") || len(value) == 8 || isDateZ(value) {
		// A DATE with a trailing Z, as some exporters write it, is
		// still a DATE: a day has no zone.
		d, err := parseDate(strings.TrimRight(value, "Zz"))
		return DateTime{Date: d}, err
	}
	wall, utc, err := parseLocalDateTime(value)
	if err != nil {
		return DateTime{}, err
	}
	if utc {
		return DateTime{Time: wall}, nil
	}
	if tzid := prop.param("TZID"); tzid != "" {
		if loc := zones.resolve(tzid, prop.line); loc != nil {
			return DateTime{Time: wallIn(wall, loc)}, nil
		}
	}
	return DateTime{Time: wall, Floating: true}, nil
}

func isDateZ(s string) bool {
	return len(s) == 9 && (s[8] == 'Z' || s[8] == 'z') && allDigits(s[:8])
}

// appendDateTimes reads a comma list of EXDATE or RDATE values. A PERIOD
// value of RDATE counts by its start.
func (p *parser) appendDateTimes(list []DateTime, prop property, zones *zoneResolver) ([]DateTime, error) {
	for v := range strings.SplitSeq(prop.value, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, "/")
		d, err := p.parseDateTime(v, prop, zones)
		if err != nil {
			return list, err
		}
		list = append(list, d)
	}
	return list, nil
}

// utcValue reads a DATE-TIME that should be in UTC; a floating one is read
// as UTC as well.
func (p *parser) utcValue(prop property) (time.Time, error) {
	t, _, err := parseLocalDateTime(strings.TrimSpace(prop.value))
	return t, err
}
