package ical

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sotay/model"
)

const (
	layoutDate  = "20060102"
	layoutLocal = "20060102T150405"
	layoutUTC   = "20060102T150405Z"

	// ProdID is the PRODID that Write puts in every file.
	ProdID = "-//Sotay//So tay Kiem tra//VI"
)

func formatDate(d model.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// Write writes events as one VCALENDAR in the form Outlook and Google
// Calendar import: CRLF line endings, lines folded at 75 octets between
// UTF-8 characters, and a VTIMEZONE for each zone that a timed event uses
// other than UTC. Timed events keep their zone (TZID=Asia/Ho_Chi_Minh),
// UTC events are written with a Z and floating events without a zone.
// stamp is the DTSTAMP of every event; pass the current time.
//
// Every event needs a UID. The error is the first one from w, or one
// naming the index of an event that cannot be written.
func Write(w io.Writer, events []Event, stamp time.Time) error {
	for i := range events {
		ev := &events[i]
		if ev.UID == "" {
			return fmt.Errorf("write calendar: event %d has no UID", i)
		}
		if !ev.AllDay && ev.Start.IsZero() {
			return fmt.Errorf("write calendar: event %d has no start", i)
		}
	}

	e := encoder{w: bufio.NewWriter(w)}
	e.line("BEGIN:VCALENDAR")
	e.line("VERSION:2.0")
	e.line("PRODID:" + ProdID)
	e.line("CALSCALE:GREGORIAN")
	e.line("METHOD:PUBLISH")
	for _, loc := range zonesOf(events) {
		e.timezone(loc, firstYear(events, loc))
	}
	for i := range events {
		e.event(&events[i], stamp)
	}
	e.line("END:VCALENDAR")
	return e.w.Flush()
}

// encoder writes content lines. bufio.Writer keeps the first error and
// Flush returns it.
type encoder struct {
	w *bufio.Writer
}

// line writes one content line folded at 75 octets: the first part holds
// up to 75 octets, each continuation a space and up to 74 more, and no
// UTF-8 character is split.
func (e *encoder) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		e.w.WriteString(s[:cut])
		e.w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	e.w.WriteString(s)
	e.w.WriteString("\r\n")
}

func (e *encoder) text(name, value string) {
	if value != "" {
		e.line(name + ":" + escapeText(value))
	}
}

func (e *encoder) event(ev *Event, stamp time.Time) {
	e.line("BEGIN:VEVENT")
	e.text("UID", ev.UID)
	e.line("DTSTAMP:" + stamp.UTC().Format(layoutUTC))

	if ev.AllDay {
		e.line("DTSTART;VALUE=DATE:" + formatDate(ev.StartDate))
		e.line("DTEND;VALUE=DATE:" + formatDate(ev.EndDate.AddDays(1)))
	} else {
		e.line("DTSTART" + e.timeValue(ev, ev.Start))
		e.line("DTEND" + e.timeValue(ev, ev.End))
	}
	if ev.IsOverride() {
		e.line("RECURRENCE-ID" + e.dateTimeValue(ev, ev.RecurrenceID))
	}
	if ev.RRule != nil {
		e.line("RRULE:" + ev.RRule.String())
	}
	for _, d := range ev.ExDates {
		e.line("EXDATE" + e.dateTimeValue(ev, d))
	}
	for _, d := range ev.RDates {
		e.line("RDATE" + e.dateTimeValue(ev, d))
	}

	e.text("SUMMARY", ev.Summary)
	e.text("DESCRIPTION", ev.Description)
	e.text("LOCATION", ev.Location)
	e.text("STATUS", string(ev.Status))
	e.text("CLASS", ev.Class)
	if ev.Sequence != 0 {
		e.line("SEQUENCE:" + strconv.Itoa(ev.Sequence))
	}
	if !ev.LastModified.IsZero() {
		e.line("LAST-MODIFIED:" + ev.LastModified.UTC().Format(layoutUTC))
	}
	for _, offset := range ev.Alarms {
		e.alarm(ev, offset)
	}
	e.line("END:VEVENT")
}

// alarm writes a display reminder offset before the event's start, in
// whole minutes, with the event's summary as its text (RFC 5545 requires
// a DESCRIPTION for ACTION:DISPLAY).
func (e *encoder) alarm(ev *Event, offset time.Duration) {
	e.line("BEGIN:VALARM")
	e.line("ACTION:DISPLAY")
	if minutes := int64(offset / time.Minute); minutes > 0 {
		e.line("TRIGGER:-PT" + strconv.FormatInt(minutes, 10) + "M")
	} else {
		e.line("TRIGGER:PT0M")
	}
	e.text("DESCRIPTION", ev.Summary)
	e.line("END:VALARM")
}

// timeValue returns the parameters and value of a DATE-TIME of a timed
// event, starting with ';' or ':', in the event's zone.
func (e *encoder) timeValue(ev *Event, t time.Time) string {
	zone := writeZone(ev)
	switch {
	case ev.Floating:
		return ":" + t.In(ev.Start.Location()).Format(layoutLocal)
	case zone == time.UTC:
		return ":" + t.UTC().Format(layoutUTC)
	}
	return ";TZID=" + quoteParam(zone.String()) + ":" + t.In(zone).Format(layoutLocal)
}

// dateTimeValue writes an EXDATE, RDATE or RECURRENCE-ID value in the
// same form as the event's DTSTART.
func (e *encoder) dateTimeValue(ev *Event, d DateTime) string {
	if ev.AllDay || d.IsDate() {
		return ";VALUE=DATE:" + formatDate(d.Day())
	}
	return e.timeValue(ev, d.In(ev.Zone()))
}

// writeZone returns the zone in which a timed event is written: UTC for
// UTC and for the machine's Local zone, whose name means nothing
// elsewhere.
func writeZone(ev *Event) *time.Location {
	loc := ev.Start.Location()
	if loc == time.UTC || loc.String() == "UTC" || loc == time.Local {
		return time.UTC
	}
	return loc
}

// zonesOf returns the zones that need a VTIMEZONE, in order of first use.
func zonesOf(events []Event) []*time.Location {
	var out []*time.Location
	seen := map[string]bool{}
	for i := range events {
		ev := &events[i]
		if ev.AllDay || ev.Floating {
			continue
		}
		loc := writeZone(ev)
		if loc != time.UTC && !seen[loc.String()] {
			seen[loc.String()] = true
			out = append(out, loc)
		}
	}
	return out
}

// firstYear returns the earliest year in which an event in loc starts.
func firstYear(events []Event, loc *time.Location) int {
	year := 0
	for i := range events {
		ev := &events[i]
		if ev.AllDay || ev.Floating || writeZone(ev).String() != loc.String() {
			continue
		}
		if y := ev.Start.In(loc).Year(); year == 0 || y < year {
			year = y
		}
	}
	return year
}

func quoteParam(s string) string {
	if strings.ContainsAny(s, ":;,") {
		return `"` + strings.ReplaceAll(s, `"`, "'") + `"`
	}
	return s
}

var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11).
func escapeText(s string) string { return textEscaper.Replace(s) }
