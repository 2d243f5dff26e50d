package ical

import (
	"cmp"
	"slices"
	"time"
)

// Expand returns the instances of every event of c that overlap
// [from, to), in order of start, with changed occurrences applied. An
// override (an event with a RECURRENCE-ID) replaces the occurrence of its
// series that it names, and a cancelled override removes it. A cancelled
// series has no instances. An override whose series is not in the
// calendar, or whose RECURRENCE-ID matches no occurrence, is kept as an
// instance of its own, so that no event of the file is lost.
//
// All-day instances sort at midnight in from's location. At most
// MaxInstances instances come from each series.
func (c *Calendar) Expand(from, to time.Time) []Instance {
	overrides := map[string][]*Event{}
	masters := map[string]bool{}
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.IsOverride() && ev.UID != "" {
			overrides[ev.UID] = append(overrides[ev.UID], ev)
		} else if ev.UID != "" {
			masters[ev.UID] = true
		}
	}

	var hits []hit
	for i := range c.Events {
		ev := &c.Events[i]
		switch {
		case ev.IsOverride():
			if (ev.UID == "" || !masters[ev.UID]) && ev.Status != StatusCancelled {
				hits = appendOwn(hits, ev, from, to)
			}
		case ev.Status != StatusCancelled:
			var own []*Event
			if ev.UID != "" {
				own = overrides[ev.UID]
			}
			hits = appendSeries(hits, ev, own, from, to)
		}
	}
	sortHits(hits, from.Location())
	return materialize(hits)
}

// materialize builds the instances of hits.
func materialize(hits []hit) []Instance {
	if len(hits) == 0 {
		return nil
	}
	out := make([]Instance, len(hits))
	for i, h := range hits {
		out[i] = h.instance()
	}
	return out
}

// sortKey returns the Unix nanoseconds at which h starts, all-day hits at
// midnight in loc.
func (h hit) sortKey(loc *time.Location) int64 {
	if h.ev.AllDay {
		y, m, d := h.start.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, loc).UnixNano()
	}
	return h.start.UnixNano()
}

// sortHits sorts hits by start, all-day hits at midnight in loc, and
// keeps the order of equal starts.
func sortHits(hits []hit, loc *time.Location) {
	type ref struct {
		key   int64
		index int
	}
	refs := make([]ref, len(hits))
	sorted := true
	for i := range hits {
		refs[i] = ref{hits[i].sortKey(loc), i}
		if i > 0 && refs[i].key < refs[i-1].key {
			sorted = false
		}
	}
	if sorted {
		return
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return a.index - b.index
	})
	moved := make([]hit, len(hits))
	for i, r := range refs {
		moved[i] = hits[r.index]
	}
	copy(hits, moved)
}

// appendSeries appends the instances of series ev in the window with its
// overrides applied.
func appendSeries(hits []hit, ev *Event, overrides []*Event, from, to time.Time) []hit {
	first := len(hits)
	hits = appendHits(hits, ev, from, to)
	if len(overrides) == 0 {
		return hits
	}

	ids := make([]DateTime, len(overrides))
	for i, o := range overrides {
		ids[i] = o.RecurrenceID
	}
	replaced := newOccurrenceSet(ids, ev.Zone(), ev.AllDay)
	remaining := hits[:first]
	for _, h := range hits[first:] {
		if !replaced.contains(h.instance()) {
			remaining = append(remaining, h)
		}
	}
	hits = remaining
	for _, o := range overrides {
		if o.Status != StatusCancelled {
			hits = appendOwn(hits, o, from, to)
		}
	}
	return hits
}

// appendOwn appends the single instance of an override if it overlaps
// the window. An override that carries its own RRULE still counts as one
// occurrence, because RANGE=THISANDFUTURE is not supported.
func appendOwn(hits []hit, ev *Event, from, to time.Time) []hit {
	if ev.Start.IsZero() && ev.StartDate.IsZero() {
		return hits
	}
	in := ev.instanceAt(ev.wallStart(), nil)
	if in.overlaps(from, to) {
		hits = append(hits, hit{ev: ev, start: in.sortKey(time.UTC), own: true})
	}
	return hits
}
