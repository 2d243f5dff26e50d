package workday

import (
	"cmp"
	"slices"
	"time"

	"sotay/model"
)

// buildYear computes the calendar of year y. It works over a window from
// 1 December of the year before to 31 January of the year after. That way
// a holiday late in one year moves a compensatory day into the next year
// the same way in both years' tables.
func (c *Calendar) buildYear(y int) *yearTable {
	from := model.NewDate(y-1, time.December, 1).JulianDay()
	to := model.NewDate(y+1, time.January, 31).JulianDay()
	inWindow := func(jd int) bool { return jd >= from && jd <= to }

	cancelled := make(map[int]bool)
	working := make(map[int]bool)
	off := make(map[int]DayOff)
	for sy := y - 1; sy <= y+1; sy++ {
		s := c.schedules[sy]
		for _, d := range s.Cancelled {
			cancelled[d.Date.JulianDay()] = true
		}
		for _, d := range s.WorkingDays {
			working[d.Date.JulianDay()] = true
		}
	}

	// Rule holidays, less those a schedule cancels or makes working days.
	// When two holidays share a date the one listed first names it.
	for _, h := range c.ruleHolidays(y-1, y+1) {
		jd := h.Date.JulianDay()
		if !inWindow(jd) || cancelled[jd] || working[jd] {
			continue
		}
		if _, taken := off[jd]; !taken {
			off[jd] = h
		}
	}

	for sy := y - 1; sy <= y+1; sy++ {
		for _, d := range c.schedules[sy].DaysOff {
			jd := d.Date.JulianDay()
			if _, taken := off[jd]; !taken {
				off[jd] = DayOff{Date: d.Date, Name: d.Name, Kind: KindOfficial}
			}
		}
	}

	if c.rules.Compensatory {
		addCompensatoryDays(off, cancelled)
	}
	return newYearTable(y, off, working)
}

// ruleHolidays returns the days off that the rules propose for the anchor
// years first to last, in date order.
func (c *Calendar) ruleHolidays(first, last int) []DayOff {
	var days []DayOff
	for y := first; y <= last; y++ {
		for _, h := range c.rules.Holidays {
			for _, d := range h.dates(y) {
				days = append(days, DayOff{Date: d, Name: h.Name, Kind: KindHoliday})
			}
		}
	}
	slices.SortStableFunc(days, func(a, b DayOff) int { return a.Date.Compare(b.Date) })
	return days
}

// addCompensatoryDays gives each holiday in off that falls on a Saturday or
// Sunday the next weekday that is not yet off. Holidays are served in date
// order, so two weekend days of Tết take the first two free weekdays after
// it. A compensatory day that the schedule cancels is dropped.
func addCompensatoryDays(off map[int]DayOff, cancelled map[int]bool) {
	var weekendHolidays []int
	for jd, d := range off {
		if d.Kind == KindHoliday && isWeekendDay(jd) {
			weekendHolidays = append(weekendHolidays, jd)
		}
	}
	slices.Sort(weekendHolidays)

	next := 0 // the first day a compensatory day may take
	for _, jd := range weekendHolidays {
		day := max(next, jd+1)
		for isWeekendDay(day) || hasKey(off, day) {
			day++
		}
		next = day + 1
		if cancelled[day] {
			continue
		}
		off[day] = DayOff{
			Date: model.DateFromJulianDay(day),
			Name: "Nghỉ bù " + off[jd].Name,
			Kind: KindCompensatory,
		}
	}
}

func hasKey(m map[int]DayOff, k int) bool {
	_, ok := m[k]
	return ok
}

func newYearTable(y int, off map[int]DayOff, working map[int]bool) *yearTable {
	jan1 := model.NewDate(y, time.January, 1).JulianDay()
	n := model.NewDate(y+1, time.January, 1).JulianDay() - jan1

	t := &yearTable{jan1: jan1, working: make([]bool, n)}
	for i := range n {
		jd := jan1 + i
		_, isOff := off[jd]
		switch {
		case working[jd]:
			t.working[i] = true
			t.workingDays = append(t.workingDays, model.DateFromJulianDay(jd))
		case !isWeekendDay(jd) && !isOff:
			t.working[i] = true
		}
		if isOff {
			t.daysOff = append(t.daysOff, off[jd])
		}
	}
	slices.SortFunc(t.daysOff, func(a, b DayOff) int { return cmp.Compare(a.Date.JulianDay(), b.Date.JulianDay()) })
	return t
}
