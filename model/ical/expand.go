package ical

import (
	"time"

	"sotay/model"
)

// MaxInstances is the maximum number of instances that Expand returns,
// and that Calendar.Expand takes from one series, so that a rule such as
// FREQ=DAILY with a window of centuries cannot exhaust memory. A walk of
// one rule also stops after 200,000 periods (days, weeks, months or
// years), which stops rules that never match. Such a rule costs up to
// about 0.12 s, measured on a 2-core AMD EPYC for a weekly rule with a
// COUNT and DTSTART in the year 1.
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
// instances cover whole days in from's location.
func (in Instance) overlaps(from, to time.Time) bool {
	start, end := in.Start, in.End
	if in.AllDay {
		loc := from.Location()
		start, end = in.StartDate.In(loc), in.EndDate.AddDays(1).In(loc)
	}
	return overlaps(start, end, from, to)
}

// overlaps reports whether [start, end) overlaps [from, to). An empty
// span overlaps when it starts inside the window.
func overlaps(start, end, from, to time.Time) bool {
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
// EXDATEs. It ignores overrides, which belong to the calendar, so use
// Calendar.Expand for those. A cancelled event still expands: the caller
// decides what to show.
//
// The rule runs on the wall clock of the event's zone, so a 09:00 meeting
// stays at 09:00 across a change of daylight saving time. A wall-clock
// time that the change skips or repeats is read by the rule of RFC 5545
// (see wallIn). Every instance lasts as long as the event itself. All-day
// instances are matched against the window as whole days in from's
// location. At most MaxInstances instances are returned.
func Expand(ev *Event, from, to time.Time) []Instance {
	return materialize(appendHits(nil, ev, from, to))
}

// A hit is an instance before it is built: the event and the start, an
// instant for timed events and midnight UTC of the day for all-day ones.
// Hits are small, so expansion collects and sorts them, and builds each
// Instance once.
type hit struct {
	ev    *Event
	start time.Time
	own   bool // an override's own start; RecurrenceID comes from the event
}

// instance builds the Instance of h.
func (h hit) instance() Instance {
	ev := h.ev
	in := Instance{Event: ev, AllDay: ev.AllDay}
	if ev.AllDay {
		in.StartDate = model.DateOf(h.start)
		in.EndDate = in.StartDate
		if ev.EndDate != ev.StartDate {
			in.EndDate = in.StartDate.AddDays(ev.StartDate.DaysUntil(ev.EndDate))
		}
	} else {
		in.Start = h.start
		in.End = h.start.Add(ev.End.Sub(ev.Start))
	}
	switch {
	case h.own:
		in.RecurrenceID = ev.RecurrenceID
	case ev.RRule != nil || len(ev.RDates) > 0:
		in.RecurrenceID = in.occurrence()
	}
	return in
}

// appendHits appends the instances of Expand to hits, in order of start.
func appendHits(hits []hit, ev *Event, from, to time.Time) []hit {
	if ev.Start.IsZero() && ev.StartDate.IsZero() {
		return hits
	}
	zone := ev.Zone()
	exdates := newOccurrenceSet(ev.ExDates, zone, ev.AllDay)
	conv := wallConverter{loc: zone}
	first := len(hits)

	span := ev.span()
	loc := from.Location()
	add := func(wall time.Time) bool {
		start, end := wall, wall
		if ev.AllDay {
			if exdates.days[model.DateOf(wall)] {
				return true
			}
			y, m, d := wall.Date()
			start = time.Date(y, m, d, 0, 0, 0, 0, loc)
			end = time.Date(y, m, d+int(span/day), 0, 0, 0, 0, loc)
		} else {
			start = conv.convert(wall)
			if exdates.excludes(start) {
				return true
			}
			end = start.Add(span)
			wall = start
		}
		if overlaps(start, end, from, to) {
			hits = append(hits, hit{ev: ev, start: wall})
		}
		return len(hits)-first < MaxInstances
	}

	// The rule gives starts after DTSTART in increasing order, so only
	// RDATEs can repeat a start.
	dtstart := ev.wallStart()
	add(dtstart)
	if ev.RRule != nil {
		w := walk{rule: ev.RRule, dtstart: dtstart, afterUntil: ev.untilCheck()}
		slack := ev.span() + 48*time.Hour
		w.run(wallIn(from.In(zone), time.UTC).Add(-slack), wallIn(to.In(zone), time.UTC).Add(48*time.Hour), add)
	}
	if len(ev.RDates) > 0 {
		for _, wall := range ev.newRDates(hits[first:]) {
			if !add(wall) {
				break
			}
		}
		sortHits(hits[first:], time.UTC)
	}
	return hits
}

// newRDates returns the wall-clock starts of the RDATEs that are neither
// DTSTART nor in hits already, without repeats.
func (e *Event) newRDates(hits []hit) []time.Time {
	key := func(wall time.Time) int64 { return e.instanceAt(wall, nil).sortKey(time.UTC).UnixNano() }
	seen := map[int64]bool{key(e.wallStart()): true}
	for _, h := range hits {
		seen[h.start.UnixNano()] = true
	}
	var out []time.Time
	for _, rd := range e.RDates {
		wall := e.wallOf(rd)
		if k := key(wall); !seen[k] {
			seen[k] = true
			out = append(out, wall)
		}
	}
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
// wall of its zone. conv may be nil.
func (e *Event) instanceAt(wall time.Time, conv *wallConverter) Instance {
	in := Instance{Event: e, AllDay: e.AllDay}
	if e.AllDay {
		in.StartDate = model.DateOf(wall)
		in.EndDate = in.StartDate.AddDays(e.StartDate.DaysUntil(e.EndDate))
		return in
	}
	if conv != nil {
		in.Start = conv.convert(wall)
	} else {
		in.Start = wallIn(wall, e.Zone())
	}
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

// A wallConverter does the work of wallIn for many times in one zone. It
// remembers the zone period (ZoneBounds) of the last result: a wall-clock
// time that falls well inside that period has one reading, with the
// period's offset, and needs no further lookup.
type wallConverter struct {
	loc        *time.Location
	start, end int64 // Unix seconds; 0 for no bound
	offset     int
	valid      bool
}

// margin is more than the largest difference between two UTC offsets, so
// a time this far inside a zone period cannot be in a gap or an overlap.
const margin = 30 * 3600

func (c *wallConverter) convert(wall time.Time) time.Time {
	if c.valid {
		x := wall.Unix() - int64(c.offset)
		if (c.start == 0 || x >= c.start+margin) && (c.end == 0 || x < c.end-margin) {
			return time.Unix(x, int64(wall.Nanosecond())).In(c.loc)
		}
	}
	t := wallIn(wall, c.loc)
	start, end := t.ZoneBounds()
	// Go 1.26 may return a period that does not contain t after the
	// zone's last explicit transition, so such a period is not kept.
	c.valid = !t.Before(start) && (end.IsZero() || t.Before(end))
	c.start, c.end, c.offset = 0, 0, offsetOf(t)
	if !start.IsZero() {
		c.start = start.Unix()
	}
	if !end.IsZero() {
		c.end = end.Unix()
	}
	return t
}

// untilCheck returns a function that reports whether a wall-clock start
// is past the rule's UNTIL, or nil when the rule has none.
func (e *Event) untilCheck() func(time.Time) bool {
	u := e.RRule.Until
	switch {
	case u.IsZero():
		return nil
	case u.IsDate():
		next := u.Date.AddDays(1).In(time.UTC)
		return func(wall time.Time) bool { return !wall.Before(next) }
	case u.Floating:
		return func(wall time.Time) bool { return wall.After(u.Time) }
	case e.AllDay:
		// NOTE: RFC 5545 wants a DATE UNTIL for all-day events, but
		// Exchange writes the local midnight of the last day in UTC
		// (20260817T220000Z for 18 August in Berlin). A day counts as
		// within UNTIL when it has begun at UTC+12 by then, which keeps
		// that last day for senders from UTC-11 to UTC+12.
		next := model.DateOf(u.Time.UTC().Add(12 * time.Hour)).AddDays(1).In(time.UTC)
		return func(wall time.Time) bool { return !wall.Before(next) }
	}

	// Comparing wall-clock times is exact except within a few hours of
	// UNTIL, where a change of offset can reorder them.
	zone := e.Zone()
	untilWall := wallIn(u.Time.In(zone), time.UTC)
	const near = 3 * time.Hour
	return func(wall time.Time) bool {
		switch {
		case wall.Before(untilWall.Add(-near)):
			return false
		case wall.After(untilWall.Add(near)):
			return true
		}
		return wallIn(wall, zone).After(u.Time)
	}
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
	return s.excludes(in.Start)
}

// excludes reports whether the set matches a timed start.
func (s occurrenceSet) excludes(start time.Time) bool {
	if s.instants == nil && s.days == nil {
		return false
	}
	return s.instants[start.Unix()] || s.days[model.DateOf(start)]
}
