package ical

import (
	"time"

	"sotay/model"
)

// Calendar is the result of Parse: the events of every VCALENDAR in the
// input, in file order, and what could not be read.
type Calendar struct {
	Events   []Event
	Warnings []Warning
}

// Status is the STATUS of an event. The empty Status means the file gave
// none.
type Status string

const (
	StatusTentative Status = "TENTATIVE"
	StatusConfirmed Status = "CONFIRMED"
	StatusCancelled Status = "CANCELLED"
)

// Event is one VEVENT. A recurring series is one Event with an RRule or
// RDates. Each changed occurrence is a separate Event with the same UID
// and a non-zero RecurrenceID.
//
// A timed event has AllDay false and its Start and End set. An all-day
// event has AllDay true and StartDate and EndDate set; EndDate is the last
// day of the event, so a one-day event has EndDate == StartDate (the
// DTEND of the file, which is exclusive, is the day after EndDate).
type Event struct {
	UID          string
	Summary      string
	Description  string
	Location     string
	Status       Status
	Class        string // PUBLIC, PRIVATE, CONFIDENTIAL or an x-name; "" when absent
	Sequence     int
	LastModified time.Time // zero when absent
	Stamp        time.Time // DTSTAMP; zero when absent

	AllDay    bool
	Start     time.Time // in the event's zone; see Zone
	End       time.Time
	StartDate model.Date
	EndDate   model.Date

	// Floating is true for a timed event whose DTSTART has no zone (or a
	// zone that could not be resolved): its wall-clock time was read in
	// the zone passed to Parse.
	Floating bool

	// RRule is the recurrence rule, or nil for none or an invalid one.
	RRule   *RRule
	ExDates []DateTime
	// RDates are extra starts. NOTE: an RDATE;VALUE=PERIOD keeps only
	// its start, so that instance lasts as long as the event.
	RDates []DateTime

	// RecurrenceID is set on an override: the original start of the
	// occurrence of the series with the same UID that this event replaces.
	RecurrenceID DateTime

	// Alarms are the reminders of the event's VALARM components, as
	// offsets before its start (0 at the start), in file order. A trigger
	// after the start, or relative to the end, is left out.
	Alarms []time.Duration

	// Line is the physical line of the BEGIN:VEVENT.
	Line int
}

// Zone returns the location in which the event recurs: the zone of a
// timed event's start, and UTC for an all-day event, whose dates have no
// zone.
func (e *Event) Zone() *time.Location {
	if e.AllDay {
		return time.UTC
	}
	return e.Start.Location()
}

// IsOverride reports whether e replaces one occurrence of a series.
func (e *Event) IsOverride() bool { return !e.RecurrenceID.IsZero() }

// DateTime is an iCalendar DATE or DATE-TIME value, as EXDATE, RDATE,
// RECURRENCE-ID and the UNTIL of a rule use it. Exactly one of Date and
// Time is set.
type DateTime struct {
	Date model.Date // a DATE value
	Time time.Time  // a DATE-TIME value, in its zone

	// Floating is true for a DATE-TIME without zone. Time then holds the
	// wall-clock time in UTC, and Expand reads it in the event's zone.
	Floating bool
}

// IsZero reports whether d holds no value.
func (d DateTime) IsZero() bool { return d.Date.IsZero() && d.Time.IsZero() }

// IsDate reports whether d is a DATE value.
func (d DateTime) IsDate() bool { return !d.Date.IsZero() }

// In returns the instant of d for an event in loc: floating times are
// read in loc and dates start at midnight in loc.
func (d DateTime) In(loc *time.Location) time.Time {
	switch {
	case d.IsDate():
		return d.Date.In(loc)
	case d.Floating:
		return wallIn(d.Time, loc)
	default:
		return d.Time
	}
}

// Day returns the civil date of d as written: its date, or the date of
// its wall-clock time in its own zone.
func (d DateTime) Day() model.Date {
	if d.IsDate() {
		return d.Date
	}
	return model.DateOf(d.Time)
}

// wallIn returns the instant at which loc's clocks show t's wall-clock
// time. Where time.Date leaves the choice open, it follows RFC 5545
// section 3.3.5. A time that a change of daylight saving time repeats is
// its first occurrence, and a time that a change skips is read with the
// offset from before the change (02:30 becomes 03:30).
func wallIn(t time.Time, loc *time.Location) time.Time {
	y, m, day := t.Date()
	h, min, s := t.Clock()
	naive := time.Date(y, m, day, h, min, s, t.Nanosecond(), time.UTC)
	if loc == time.UTC {
		return naive
	}

	// The offsets half a day before and after. This assumes that the zone
	// changes its offset at most once in that day. A one-off scan of every
	// zone in Go 1.26's tz database, 1970 to 2040, found no exception.
	_, before := naive.Add(-12 * time.Hour).In(loc).Zone()
	_, after := naive.Add(12 * time.Hour).In(loc).Zone()
	early := naive.Add(-time.Duration(before) * time.Second).In(loc)
	late := naive.Add(-time.Duration(after) * time.Second).In(loc)
	earlyOK := offsetOf(early) == before
	lateOK := offsetOf(late) == after

	switch {
	case earlyOK && lateOK && late.Before(early):
		return late
	case earlyOK:
		return early
	case lateOK:
		return late
	}
	return early // in a gap: the offset from before it
}

func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}
