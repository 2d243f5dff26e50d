package ical

import (
	"fmt"
	"time"
)

// timezone writes a VTIMEZONE for loc with the rules in force in year:
// one STANDARD observance for a zone without daylight saving time, or a
// STANDARD and a DAYLIGHT observance with yearly rules such as
// BYMONTH=3;BYDAY=-1SU.
//
// NOTE: the rules are those of that one year, and a reader applies them
// to earlier and later years too. Events in years with other rules (the
// United States before 2007, say) may be shifted by an hour elsewhere.
func (e *encoder) timezone(loc *time.Location, year int) {
	e.line("BEGIN:VTIMEZONE")
	e.line("TZID:" + loc.String())

	jan1 := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	changes := offsetChanges(jan1, jan1.AddDate(1, 0, 0))

	if len(changes) != 2 {
		name, offset := jan1.Zone()
		e.observance("STANDARD", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), offset, offset, name, "")
		e.line("END:VTIMEZONE")
		return
	}
	for _, c := range changes {
		_, before := c.Add(-time.Second).Zone()
		name, after := c.Zone()
		kind := "STANDARD"
		if c.IsDST() {
			kind = "DAYLIGHT"
		}
		wall := c.UTC().Add(time.Duration(before) * time.Second)
		first := yearlyOnset(1970, wall)
		e.observance(kind, first, before, after, name, yearlyRule(wall))
	}
	e.line("END:VTIMEZONE")
}

// offsetChanges returns the instants in [from, to) at which the offset of
// from's location changes. It probes every day and bisects to the second.
// time.Time.ZoneBounds is not used because in Go 1.26 it returns periods
// that do not contain the time asked about after a zone's last explicit
// transition (Europe/Berlin, 1 January 2045).
func offsetChanges(from, to time.Time) []time.Time {
	var out []time.Time
	loc := from.Location()
	for t := from; t.Before(to); t = t.Add(24 * time.Hour) {
		next := t.Add(24 * time.Hour)
		if offsetOf(t) == offsetOf(next.In(loc)) {
			continue
		}
		lo, hi := t.Unix(), next.Unix() // offset changes in (lo, hi]
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if offsetOf(time.Unix(mid, 0).In(loc)) == offsetOf(t) {
				lo = mid
			} else {
				hi = mid
			}
		}
		out = append(out, time.Unix(hi, 0).In(loc))
	}
	return out
}

func (e *encoder) observance(kind string, start time.Time, from, to int, name, rule string) {
	e.line("BEGIN:" + kind)
	e.line("DTSTART:" + start.Format(layoutLocal))
	e.line("TZOFFSETFROM:" + formatOffset(from))
	e.line("TZOFFSETTO:" + formatOffset(to))
	e.text("TZNAME", name)
	if rule != "" {
		e.line("RRULE:" + rule)
	}
	e.line("END:" + kind)
}

// yearlyRule returns the RRULE that repeats the onset wall every year on
// the same weekday of the month: the n-th, or the last when it falls in
// the month's last seven days.
func yearlyRule(wall time.Time) string {
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s", int(wall.Month()), onsetWeekday(wall))
}

func onsetWeekday(wall time.Time) WeekdayNum {
	last := time.Date(wall.Year(), wall.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	n := (wall.Day()-1)/7 + 1
	if wall.Day()+7 > last {
		n = -1
	}
	return WeekdayNum{N: n, Day: wall.Weekday()}
}

// yearlyOnset returns the onset of the rule of wall in year y.
func yearlyOnset(y int, wall time.Time) time.Time {
	wd := onsetWeekday(wall)
	first := time.Date(y, wall.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	days := appendByDayDates(nil, []WeekdayNum{wd}, first, last)
	h, m, s := wall.Clock()
	return days[0].Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
}

// formatOffset returns a UTC offset in seconds as +HHMM, or +HHMMSS when
// it has seconds.
func formatOffset(offset int) string {
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	h, m, s := offset/3600, offset%3600/60, offset%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
