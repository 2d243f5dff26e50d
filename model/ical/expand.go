package ical

import (
	"slices"
	"time"

	"sotay/model"
)

// MaxInstances bounds the instances that one call of Expand returns, so a
// rule such as FREQ=DAILY with a window of centuries cannot exhaust
// memory. Expansion of one series also stops after maxPeriods periods of
// its rule; see the package constants.
const MaxInstances = 100_000

// Instance is one occurrence of an event in a window of time.
type Instance struct {
	// Event is the event whose fields (summary, location…) apply: the
	// series, or the override that replaced this occurrence.
	Event *Event

	AllDay    bool
	Start     time.Time // timed instances
	End       time.Time
	StartDate model.Date // all-day instances; EndDate is the last day, inclusive
	EndDate   model.Date

	// RecurrenceID is the start that the series gives this occurrence
	// before any override moved it; zero for an event that does not recur.
	RecurrenceID DateTime
}

// overlaps reports whether the instance overlaps [from, to). All-day
// instances cover whole days in from's location. An instance of zero
// length overlaps when it starts inside the window.
func (in Instance) overlaps(from, to time.Time) bool {
	start, end := in.Start, in.End
	if in.AllDay {
		loc := from.Location()
		start, end = in.StartDate.In(loc), in.EndDate.AddDays(1).In(loc)
	}
	if !end.After(start) {
		return !start.Before(from) && start.Before(to)
	}
	return start.Before(to) && end.After(from)
}

// sortKey returns the instant at which the instance starts, all-day
// instances at midnight in loc.
func (in Instance) sortKey(loc *time.Location) time.Time {
	if in.AllDay {
		return in.StartDate.In(loc)
	}
	return in.Start
}

// Expand returns the instances of ev that overlap [from, to), in order of
// start: DTSTART, the starts of its RRULE and its RDATEs, less its
// EXDATEs. It ignores overrides, which belong to the calendar; use
// Calendar.Expand for those. A cancelled event still expands: the caller
// decides what to show.
//
// The rule runs on the wall clock of the event's zone, so a 09:00 meeting
// stays at 09:00 across a change of daylight saving time; a wall-clock
// time that the change skips moves forward by the length of the gap, as
// time.Date does. Every instance lasts as long as the event itself.
// All-day instances are matched against the window as whole days in
// from's location. At most MaxInstances instances are returned.
func Expand(ev *Event, from, to time.Time) []Instance {
	if ev.Start.IsZero() && ev.StartDate.IsZero() {
		return nil
	}
	zone := ev.Zone()
	exdates := newOccurrenceSet(ev.ExDates, zone, ev.AllDay)

	var out []Instance
	seen := map[time.Time]bool{}
	add := func(wall time.Time) bool {
		in := ev.instanceAt(wall)
		if seen[wall] || exdates.contains(in) {
			return true
		}
		seen[wall] = true
		if in.overlaps(from, to) {
			if ev.RRule != nil || len(ev.RDates) > 0 {
				in.RecurrenceID = in.occurrence()
			}
			out = append(out, in)
		}
		return len(out) < MaxInstances
	}

	dtstart := ev.wallStart()
	add(dtstart)
	if ev.RRule != nil {
		w := walk{rule: ev.RRule, dtstart: dtstart, afterUntil: ev.untilCheck()}
		slack := ev.span() + 48*time.Hour
		w.run(wallIn(from.In(zone), time.UTC).Add(-slack), wallIn(to.In(zone), time.UTC).Add(48*time.Hour), add)
	}
	for _, rd := range ev.RDates {
		if len(out) >= MaxInstances {
			break
		}
		add(ev.wallOf(rd))
	}

	slices.SortStableFunc(out, func(a, b Instance) int {
		return a.sortKey(time.UTC).Compare(b.sortKey(time.UTC))
	})
	return out
}

// wallStart returns the event's start as a wall-clock time in UTC.
func (e *Event) wallStart() time.Time {
	if e.AllDay {
		return e.StartDate.In(time.UTC)
	}
	return wallIn(e.Start, time.UTC)
}

// wallOf returns the wall clock of d in the event's zone.
func (e *Event) wallOf(d DateTime) time.Time {
	switch {
	case e.AllDay:
		return d.Day().In(time.UTC)
	case d.IsDate():
		h, m, s := e.wallStart().Clock()
		return time.Date(d.Date.Year, d.Date.Month, d.Date.Day, h, m, s, 0, time.UTC)
	}
	return wallIn(d.In(e.Zone()), time.UTC)
}

// span returns the length of the event: exact for timed events, whole
// days for all-day ones.
func (e *Event) span() time.Duration {
	if e.AllDay {
		return time.Duration(e.StartDate.DaysUntil(e.EndDate)+1) * 24 * time.Hour
	}
	return e.End.Sub(e.Start)
}

// instanceAt returns the instance of e that starts at the wall-clock time
// wall of its zone.
func (e *Event) instanceAt(wall time.Time) Instance {
	in := Instance{Event: e, AllDay: e.AllDay}
	if e.AllDay {
		in.StartDate = model.DateOf(wall)
		in.EndDate = in.StartDate.AddDays(e.StartDate.DaysUntil(e.EndDate))
		return in
	}
	in.Start = wallIn(wall, e.Zone())
	in.End = in.Start.Add(e.span())
	return in
}

// occurrence returns the instance's start as a RECURRENCE-ID value.
func (in Instance) occurrence() DateTime {
	if in.AllDay {
		return DateTime{Date: in.StartDate}
	}
	return DateTime{Time: in.Start}
}

// untilCheck returns a function that reports whether a wall-clock start
// is past the rule's UNTIL, or nil when the rule has none.
func (e *Event) untilCheck() func(time.Time) bool {
	u := e.RRule.Until
	switch {
	case u.IsZero():
		return nil
	case u.IsDate():
		last := u.Date.In(time.UTC)
		return func(wall time.Time) bool { return model.DateOf(wall).In(time.UTC).After(last) }
	case u.Floating:
		return func(wall time.Time) bool { return wall.After(u.Time) }
	case e.AllDay:
		// NOTE: RFC 5545 wants a DATE UNTIL for all-day events, but
		// Exchange writes the local midnight of the last day in UTC
		// (20260817T220000Z for 18 August in Berlin). A day counts as
		// within UNTIL when it has begun at UTC+12 by then, which keeps
		// that last day for senders from UTC-11 to UTC+12.
		lastDay := model.DateOf(u.Time.UTC().Add(12 * time.Hour))
		return func(wall time.Time) bool { return model.DateOf(wall).After(lastDay) }
	}
	zone := e.Zone()
	return func(wall time.Time) bool { return wallIn(wall, zone).After(u.Time) }
}

// An occurrenceSet matches instances against EXDATE or RECURRENCE-ID
// values: by instant, or by day for DATE values and all-day events.
type occurrenceSet struct {
	instants map[int64]bool
	days     map[model.Date]bool
}

func newOccurrenceSet(values []DateTime, zone *time.Location, allDay bool) occurrenceSet {
	s := occurrenceSet{}
	for _, v := range values {
		s.add(v, zone, allDay)
	}
	return s
}

func (s *occurrenceSet) add(v DateTime, zone *time.Location, allDay bool) {
	if allDay || v.IsDate() {
		if s.days == nil {
			s.days = map[model.Date]bool{}
		}
		s.days[v.Day()] = true
		return
	}
	if s.instants == nil {
		s.instants = map[int64]bool{}
	}
	s.instants[v.In(zone).Unix()] = true
}

func (s occurrenceSet) contains(in Instance) bool {
	if in.AllDay {
		return s.days[in.StartDate]
	}
	return s.instants[in.Start.Unix()] || s.days[model.DateOf(in.Start)]
}
