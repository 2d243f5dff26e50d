package ical

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// event reads one VEVENT. ok is false when the event has no usable
// DTSTART.
func (p *parser) event(c *component, zones *zoneResolver) (ev Event, ok bool) {
	ev.Line = c.line
	summary := summaryOf(c)
	var start, end, recurrenceID DateTime
	var duration, endProp *property

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
			endProp = &prop
		case "DURATION":
			duration = &prop
		case "RECURRENCE-ID":
			recurrenceID, err = p.dateTime(prop, zones)
			if err == nil {
				p.checkRange(prop, summary)
			}
		case "RRULE":
			p.rule(&ev, prop, summary)
		case "EXDATE":
			ev.ExDates, err = p.appendDateTimes(ev.ExDates, prop, zones)
		case "RDATE":
			ev.RDates, err = p.appendDateTimes(ev.RDates, prop, zones)
		}
		if err != nil {
			p.warn(Warning{Line: prop.line, Kind: WarnValueInvalid, Name: prop.name,
				Value: clip(strings.TrimSpace(prop.value)), Summary: summary},
				"%s: %v; property skipped", prop.name, err)
		}
	}

	if start.IsZero() {
		p.warn(Warning{Line: c.line, Kind: WarnNoStart, Name: "DTSTART", Summary: summary},
			"event %q has no valid DTSTART; event skipped", clip(ev.Summary))
		return ev, false
	}
	ev.RecurrenceID = recurrenceID
	p.setTimes(&ev, start, end, endProp, duration, summary)
	for _, alarm := range c.children {
		if alarm.name != "VALARM" {
			continue
		}
		if offset, ok := alarmOffset(alarm, ev.Start); ok {
			ev.Alarms = append(ev.Alarms, offset)
		}
	}
	return ev, true
}

// alarmOffset reads the TRIGGER of a VALARM as an offset before start: a
// duration relative to the start (-PT15M is 15 minutes before, P0D at
// the start), or a UTC date-time before a timed start. A trigger after
// the start, one relative to the end, and one that does not parse give
// false: the app's reminders come before an event starts.
func alarmOffset(alarm *component, start time.Time) (time.Duration, bool) {
	for _, prop := range alarm.props {
		if prop.name != "TRIGGER" {
			continue
		}
		value := strings.TrimSpace(prop.value)
		// A duration starts with P, + or -, a date-time with a digit.
		if strings.EqualFold(prop.param("VALUE"), "DATE-TIME") || value != "" && value[0] >= '0' && value[0] <= '9' {
			at, err := time.Parse("20060102T150405Z", value)
			if err != nil || start.IsZero() || at.After(start) {
				return 0, false
			}
			return start.Sub(at), true
		}
		if strings.EqualFold(prop.param("RELATED"), "END") {
			return 0, false
		}
		days, clock, err := parseDuration(value)
		if err != nil {
			return 0, false
		}
		offset := time.Duration(days)*24*time.Hour + clock
		if offset > 0 {
			return 0, false
		}
		return -offset, true
	}
	return 0, false
}

// rule reads an RRULE. An invalid or unsupported rule leaves a single
// event.
func (p *parser) rule(ev *Event, prop property, summary string) {
	w := Warning{Line: prop.line, Name: prop.name, Value: clip(strings.TrimSpace(prop.value)), Summary: summary}
	if ev.RRule != nil {
		w.Kind = WarnSecondRule
		p.warn(w, "RRULE: second rule in one event ignored")
		return
	}
	r, err := ParseRRule(prop.value)
	if err != nil {
		w.Kind = WarnRuleInvalid
		var unsupported *UnsupportedRuleError
		if errors.As(err, &unsupported) {
			w.Kind, w.Reason, w.Name = WarnRuleUnsupported, unsupported.Reason, unsupported.Part
		}
		p.warn(w, "RRULE: %v; the event is read as a single occurrence", err)
		return
	}
	ev.RRule = &r
}

// checkRange warns about a RANGE parameter on a RECURRENCE-ID, because an
// override is applied to its own occurrence only.
func (p *parser) checkRange(prop property, summary string) {
	rangeValue := strings.ToUpper(strings.TrimSpace(prop.param("RANGE")))
	if rangeValue == "" {
		return
	}
	w := Warning{Line: prop.line, Kind: WarnRangeUnsupported, Name: prop.name, Value: clip(rangeValue), Summary: summary}
	switch rangeValue {
	case "THISANDFUTURE":
		w.Reason = ReasonThisAndFuture
	case "THISANDPRIOR":
		w.Reason = ReasonThisAndPrior
	}
	p.warn(w, "RECURRENCE-ID;RANGE=%s is not supported; the change applies to this occurrence only", w.Value)
}

// setTimes fills the start and end of ev from DTSTART and DTEND or
// DURATION. The value type of DTSTART decides whether the event is
// all-day. A missing or inconsistent end gives the RFC 5545 default: one
// day for an all-day event, no length for a timed one. endProp is the
// DTEND property when end is set.
func (p *parser) setTimes(ev *Event, start, end DateTime, endProp, duration *property, summary string) {
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
					p.warn(propertyWarning(WarnEndBeforeStartAllDay, endProp, summary),
						"DTEND %s is before DTSTART %s; the event lasts one day", end.Day(), ev.StartDate)
				}
				last = ev.StartDate
			}
			ev.EndDate = last
		case duration != nil:
			days, _, err := parseDuration(strings.TrimSpace(duration.value))
			if err != nil || days < 1 {
				p.warn(propertyWarning(WarnDurationInvalidAllDay, duration, summary),
					"DURATION %q is not a positive number of days; the event lasts one day", clip(duration.value))
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
			p.warn(propertyWarning(WarnEndBeforeStart, endProp, summary),
				"DTEND is before DTSTART; the event is read as lasting no time")
			ev.End = ev.Start
		}
	case duration != nil:
		days, clock, err := parseDuration(strings.TrimSpace(duration.value))
		if err != nil || days < 0 || clock < 0 {
			p.warn(propertyWarning(WarnDurationInvalid, duration, summary),
				"DURATION %q is invalid or negative; the event is read as lasting no time", clip(duration.value))
			return
		}
		ev.End = ev.Start.AddDate(0, 0, days).Add(clock)
	}
}

// propertyWarning returns a Warning of kind about prop in the event with
// the given summary.
func propertyWarning(kind WarningKind, prop *property, summary string) Warning {
	return Warning{Line: prop.line, Kind: kind, Name: prop.name, Value: clip(strings.TrimSpace(prop.value)), Summary: summary}
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
