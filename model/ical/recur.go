package ical

import (
	"slices"
	"time"
)

// maxPeriods bounds the number of periods (days, weeks, months or years
// of the rule's FREQ) that one walk of a rule visits, counted from
// DTSTART for a rule with COUNT and from shortly before the window
// otherwise. It stops rules that never match, such as
// FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30, and rules with a huge COUNT.
// 200,000 periods is about 550 years of a daily rule.
const maxPeriods = 200_000

// day is the length of a day on the UTC clock that walks run on.
const day = 24 * time.Hour

// A walk generates the starts of a rule as wall-clock times, in UTC, of
// the event's zone. Times at or before dtstart are left out, because the
// caller emits DTSTART itself.
type walk struct {
	rule    *RRule
	dtstart time.Time // wall clock
	// afterUntil reports whether a wall-clock start is past the UNTIL
	// of the rule; nil when the rule has none.
	afterUntil func(wall time.Time) bool
}

// run calls yield with each start later than dtstart, in order. It starts
// at the period before the one that contains skipTo, or at DTSTART when
// the rule has a COUNT. It stops at the first start after end, at the end
// of the rule, or when yield returns false. The COUNT includes DTSTART.
func (w walk) run(skipTo, end time.Time, yield func(time.Time) bool) {
	r := w.rule
	first := 0
	if r.Count == 0 {
		first = max(0, w.periodsUntil(skipTo)-1)
	}

	count := 1 // DTSTART
	hour, min, sec := w.dtstart.Clock()
	var buf []time.Time
	for k := first; k < first+maxPeriods; k++ {
		dates, ok := w.period(k, buf[:0])
		buf = dates
		if !ok {
			return
		}
		for _, d := range dates {
			start := d.Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute +
				time.Duration(sec)*time.Second)
			if !start.After(w.dtstart) {
				continue
			}
			if start.After(end) || (w.afterUntil != nil && w.afterUntil(start)) {
				return
			}
			if !yield(start) {
				return
			}
			count++
			if r.Count > 0 && count >= r.Count {
				return
			}
		}
	}
}

func (w walk) interval() int { return max(1, w.rule.Interval) }

// periodsUntil returns how many whole periods lie between DTSTART and t.
func (w walk) periodsUntil(t time.Time) int {
	if !t.After(w.dtstart) {
		return 0
	}
	y0, m0, _ := w.dtstart.Date()
	y, m, _ := t.Date()
	var n int
	switch w.rule.Freq {
	case Daily:
		n = daysBetween(w.dtstart, t)
	case Weekly:
		n = daysBetween(w.weekStart(0), t) / 7
	case Monthly:
		n = (y-y0)*12 + int(m-m0)
	case Yearly:
		n = y - y0
	}
	return n / w.interval()
}

// period appends to dates the sorted dates (midnight, UTC) of period k of
// the rule, after BYSETPOS. ok is false when the period lies beyond the
// year 9999.
func (w walk) period(k int, dates []time.Time) (_ []time.Time, ok bool) {
	r := w.rule
	step := k * w.interval()
	y0, m0, d0 := w.dtstart.Date()
	if w.periodYear(step) > 9999 {
		return nil, false
	}

	switch r.Freq {
	case Daily:
		d := time.Date(y0, m0, d0+step, 0, 0, 0, 0, time.UTC)
		if w.matchesDay(d) {
			dates = append(dates, d)
		}
	case Weekly:
		ws := w.weekStart(step)
		for i := range 7 {
			if !w.onWeekday(time.Weekday((int(r.WeekStart) + i) % 7)) {
				continue
			}
			d := ws.Add(time.Duration(i) * day)
			if inMonths(r.ByMonth, d.Month()) {
				dates = append(dates, d)
			}
		}
	case Monthly:
		first := time.Date(y0, m0+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
		if inMonths(r.ByMonth, first.Month()) {
			dates = w.monthDates(dates, first.Year(), first.Month(), d0)
		}
	case Yearly:
		dates = w.yearDates(dates, y0+step, m0, d0)
	}
	return applySetPos(dates, r.BySetPos), true
}

// periodYear returns the year in which the period step units after
// DTSTART begins, roughly enough to stop before the year 10000.
func (w walk) periodYear(step int) int {
	y := w.dtstart.Year()
	switch w.rule.Freq {
	case Daily:
		return y + step/366
	case Weekly:
		return y + step/53
	case Monthly:
		return y + step/12
	}
	return y + step
}

// weekStart returns the first day (WKST) of the week step weeks after the
// week of DTSTART.
func (w walk) weekStart(step int) time.Time {
	y, m, d := w.dtstart.Date()
	back := (int(w.dtstart.Weekday()) - int(w.rule.WeekStart) + 7) % 7
	return time.Date(y, m, d-back+7*step, 0, 0, 0, 0, time.UTC)
}

// matchesDay applies BYMONTH, BYMONTHDAY and BYDAY as filters, which is
// their role in a DAILY rule.
func (w walk) matchesDay(d time.Time) bool {
	r := w.rule
	if len(r.ByMonth) == 0 && len(r.ByMonthDay) == 0 && len(r.ByDay) == 0 {
		return true
	}
	return inMonths(r.ByMonth, d.Month()) &&
		(len(r.ByMonthDay) == 0 || matchesMonthDay(r.ByMonthDay, d)) &&
		w.matchesWeekDay(d)
}

// matchesWeekDay reports whether d is on a BYDAY weekday, or on the
// weekday of DTSTART when the rule has no BYDAY.
func (w walk) matchesWeekDay(d time.Time) bool {
	if len(w.rule.ByDay) == 0 && w.rule.Freq != Weekly {
		return true
	}
	return w.onWeekday(d.Weekday())
}

// onWeekday reports whether weekday is in BYDAY, or is the weekday of
// DTSTART when the rule has no BYDAY.
func (w walk) onWeekday(weekday time.Weekday) bool {
	if len(w.rule.ByDay) == 0 {
		return weekday == w.dtstart.Weekday()
	}
	for _, wd := range w.rule.ByDay {
		if wd.Day == weekday {
			return true
		}
	}
	return false
}

// monthDates returns the days of month y-m selected by BYMONTHDAY and
// BYDAY, or day d0 when the rule has neither. A day that the month does
// not have (the 31st of April) is no instance, as RFC 5545 requires.
func (w walk) monthDates(out []time.Time, y int, m time.Month, d0 int) []time.Time {
	r := w.rule
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)

	switch {
	case len(r.ByMonthDay) > 0:
		var days uint64 // bit n set: day n is selected
		for _, md := range r.ByMonthDay {
			if md < 0 {
				md += last.Day() + 1
			}
			if md >= 1 && md <= last.Day() {
				days |= 1 << md
			}
		}
		for n := 1; n <= last.Day(); n++ {
			d := first.Add(time.Duration(n-1) * day)
			if days&(1<<n) != 0 && (len(r.ByDay) == 0 || byDayMatches(r.ByDay, d, first, last)) {
				out = append(out, d)
			}
		}
		return out
	case len(r.ByDay) > 0:
		return appendByDayDates(out, r.ByDay, first, last)
	case d0 <= last.Day():
		return append(out, time.Date(y, m, d0, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// yearDates returns the days of year y that a YEARLY rule selects.
func (w walk) yearDates(out []time.Time, y int, m0 time.Month, d0 int) []time.Time {
	r := w.rule
	months := r.ByMonth
	if len(months) == 0 && (len(r.ByMonthDay) > 0) {
		months = allMonths
	}

	if len(months) == 0 && len(r.ByDay) > 0 {
		first := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return appendByDayDates(out, r.ByDay, first, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	if len(months) == 0 {
		months = []time.Month{m0}
	}

	for _, m := range sortedMonths(months) {
		out = w.monthDates(out, y, m, d0)
	}
	return out
}

var allMonths = []time.Month{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}

func sortedMonths(ms []time.Month) []time.Month {
	out := slices.Clone(ms)
	slices.Sort(out)
	return slices.Compact(out)
}

func inMonths(ms []time.Month, m time.Month) bool {
	return len(ms) == 0 || slices.Contains(ms, m)
}

// matchesMonthDay reports whether d is on one of days, which count from
// the start of the month, or from its end when negative.
func matchesMonthDay(days []int, d time.Time) bool {
	y, m, n := d.Date()
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return slices.Contains(days, n) || slices.Contains(days, n-last-1)
}

// appendByDayDates appends the days from first to last, inclusive,
// selected by BYDAY entries: every such weekday, or the n-th (from the end
// when n is negative) within that span.
func appendByDayDates(out []time.Time, byDay []WeekdayNum, first, last time.Time) []time.Time {
	for d := first; !d.After(last); d = d.Add(day) {
		if byDayMatches(byDay, d, first, last) {
			out = append(out, d)
		}
	}
	return out
}

// byDayMatches reports whether d is selected by a BYDAY entry, ordinals
// counted within first..last.
func byDayMatches(byDay []WeekdayNum, d, first, last time.Time) bool {
	for _, wd := range byDay {
		if wd.Day != d.Weekday() {
			continue
		}
		if wd.N == 0 {
			return true
		}
		fromStart := daysBetween(first, d)/7 + 1
		fromEnd := -(daysBetween(d, last)/7 + 1)
		if wd.N == fromStart || wd.N == fromEnd {
			return true
		}
	}
	return false
}

// applySetPos keeps the BYSETPOS positions of a period's sorted dates.
func applySetPos(dates []time.Time, setPos []int) []time.Time {
	if len(setPos) == 0 || len(dates) == 0 {
		return dates
	}
	var out []time.Time
	for _, p := range setPos {
		i := p - 1
		if p < 0 {
			i = len(dates) + p
		}
		if i >= 0 && i < len(dates) {
			out = append(out, dates[i])
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// daysBetween returns the whole days from a to b, for times on the same
// clock.
func daysBetween(a, b time.Time) int {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	ta := time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC).Unix()
	tb := time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC).Unix()
	return int((tb - ta) / 86400)
}
