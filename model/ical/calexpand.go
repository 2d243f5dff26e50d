package ical

import (
	"slices"
	"time"
)

// Expand returns the instances of every event of c that overlap
// [from, to), in order of start, with changed occurrences applied: an
// override (an event with a RECURRENCE-ID) replaces the occurrence of its
// series that it names, and a cancelled override removes it. A cancelled
// series has no instances. An override whose series is not in the
// calendar, or whose RECURRENCE-ID matches no occurrence, stands as an
// instance of its own, as other calendar programs show it.
//
// All-day instances sort at midnight in from's location. At most
// MaxInstances instances come from each series.
func (c *Calendar) Expand(from, to time.Time) []Instance {
	overrides := map[string][]*Event{}
	masters := map[string]bool{}
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.IsOverride() {
			overrides[ev.UID] = append(overrides[ev.UID], ev)
		} else if ev.UID != "" {
			masters[ev.UID] = true
		}
	}

	var out []Instance
	for i := range c.Events {
		ev := &c.Events[i]
		switch {
		case ev.IsOverride():
			if !masters[ev.UID] && ev.Status != StatusCancelled {
				out = appendOwn(out, ev, from, to)
			}
		case ev.Status != StatusCancelled:
			out = append(out, expandSeries(ev, overrides[ev.UID], from, to)...)
		}
	}

	loc := from.Location()
	slices.SortStableFunc(out, func(a, b Instance) int {
		return a.sortKey(loc).Compare(b.sortKey(loc))
	})
	return out
}

// expandSeries returns the instances of series ev in the window with its
// overrides applied.
func expandSeries(ev *Event, overrides []*Event, from, to time.Time) []Instance {
	if len(overrides) == 0 {
		return Expand(ev, from, to)
	}
	ids := make([]DateTime, len(overrides))
	for i, o := range overrides {
		ids[i] = o.RecurrenceID
	}
	replaced := newOccurrenceSet(ids, ev.Zone(), ev.AllDay)

	var out []Instance
	for _, in := range Expand(ev, from, to) {
		if !replaced.contains(in) {
			out = append(out, in)
		}
	}
	for _, o := range overrides {
		if o.Status != StatusCancelled {
			out = appendOwn(out, o, from, to)
		}
	}
	return out
}

// appendOwn appends the single instance of an override if it overlaps
// the window. An override that carries its own RRULE still counts as one
// occurrence, because RANGE=THISANDFUTURE is not supported.
func appendOwn(out []Instance, ev *Event, from, to time.Time) []Instance {
	if ev.Start.IsZero() && ev.StartDate.IsZero() {
		return out
	}
	in := ev.instanceAt(ev.wallStart())
	in.RecurrenceID = ev.RecurrenceID
	if in.overlaps(from, to) {
		out = append(out, in)
	}
	return out
}
