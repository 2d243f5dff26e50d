// Package workday is the Vietnamese working-day calendar of state
// agencies: Monday to Friday, less public holidays and compensatory days
// off, adjusted each year by the government's official schedule.
//
// Holidays are data, not code. Rules (rules.json, embedded) anchor each
// holiday on a solar or a lunar date and propose the days off of any year.
// A per-year Schedule then adds days off, cancels proposed ones and turns
// Saturdays into working days, as the official notices do. Adding a
// holiday, such as 24 November, means adding a Holiday to the rules.
//
// The built-in Tết rule takes the last day of lunar month 12 (the 29th or
// the 30th) and days 1 to 4 of month 1, the span the government set for
// 2026. Other years' Tết days differ by a day or two, and their official
// schedules correct them. The built-in Quốc khánh rule adds the adjacent
// day that joins 2 September to a weekend, which matches the days off of
// 2024 (3 September) and 2025 (1 September).
package workday

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"sotay/model"
	"sotay/model/lunar"
)

// Kind is the reason a day is off.
type Kind string

const (
	// KindHoliday is a public holiday proposed by a rule.
	KindHoliday Kind = "holiday"
	// KindCompensatory is a day off on the first free weekday after a
	// holiday that fell on a Saturday or Sunday.
	KindCompensatory Kind = "compensatory"
	// KindOfficial is a day off set by a year's official schedule, such
	// as a weekday swapped with a working Saturday.
	KindOfficial Kind = "official"
)

// DayOff is a day on which state agencies do not work, other than an
// ordinary Saturday or Sunday.
type DayOff struct {
	Date model.Date
	Name string
	Kind Kind
}

// Calendar computes the working days of any year from its rules and
// schedules. Each year is computed on first use and kept. A Calendar is
// safe for concurrent use.
type Calendar struct {
	rules     Rules
	schedules map[int]Schedule
	years     sync.Map // year (int) → *yearTable
}

// yearTable is the computed calendar of one Gregorian year.
type yearTable struct {
	jan1        int    // Julian day number of 1 January
	working     []bool // by day of the year, 0 for 1 January
	daysOff     []DayOff
	workingDays []model.Date // Saturdays and Sundays made working days
}

// New returns a calendar built from rules and the official schedules, at
// most one per year. It returns a *ConflictError for a schedule that lists
// a date both as off and as working, and an error wrapping ErrInvalidRules
// for any other invalid holiday or schedule. New keeps its own copy of its
// arguments.
func New(rules Rules, schedules []Schedule) (*Calendar, error) {
	for _, h := range rules.Holidays {
		if err := h.validate(); err != nil {
			return nil, err
		}
	}

	byYear := make(map[int]Schedule, len(schedules))
	for _, s := range schedules {
		if _, dup := byYear[s.Year]; dup {
			return nil, fmt.Errorf("two official schedules for %d: %w", s.Year, ErrInvalidRules)
		}
		if err := s.validate(); err != nil {
			return nil, err
		}
		byYear[s.Year] = s.clone()
	}

	rules.Holidays = slices.Clone(rules.Holidays)
	return &Calendar{rules: rules, schedules: byYear}, nil
}

// Default returns a calendar of the built-in rules and official schedules.
func Default() *Calendar {
	doc := DefaultDocument()
	c, err := New(doc.Rules, doc.Schedules)
	if err != nil {
		panic("workday: invalid built-in rules.json: " + err.Error())
	}
	return c
}

// Document returns a copy of the rules and schedules of c, schedules in
// year order.
func (c *Calendar) Document() Document {
	doc := Document{Rules: c.rules}
	doc.Rules.Holidays = slices.Clone(c.rules.Holidays)
	for _, s := range c.schedules {
		doc.Schedules = append(doc.Schedules, s.clone())
	}
	slices.SortFunc(doc.Schedules, func(a, b Schedule) int { return cmp.Compare(a.Year, b.Year) })
	return doc
}

// Schedule returns the official schedule of year, if c has one.
func (c *Calendar) Schedule(year int) (Schedule, bool) {
	s, ok := c.schedules[year]
	if !ok {
		return Schedule{}, false
	}
	return s.clone(), true
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d model.Date) bool {
	t := c.year(d.Year)
	return t.working[d.JulianDay()-t.jan1]
}

// DaysOff returns the holidays, compensatory days and official days off of
// year in date order. Ordinary weekends are not listed, but a holiday that
// falls on one is.
func (c *Calendar) DaysOff(year int) []DayOff {
	return slices.Clone(c.year(year).daysOff)
}

// WorkingSaturdays returns the weekend days of year that the official
// schedule makes working days, in date order. The built-in schedules have
// only Saturdays, but a working Sunday would be listed too.
func (c *Calendar) WorkingSaturdays(year int) []model.Date {
	return slices.Clone(c.year(year).workingDays)
}

func (c *Calendar) year(y int) *yearTable {
	if t, ok := c.years.Load(y); ok {
		return t.(*yearTable)
	}
	t, _ := c.years.LoadOrStore(y, c.buildYear(y))
	return t.(*yearTable)
}

func (s Schedule) clone() Schedule {
	s.DaysOff = slices.Clone(s.DaysOff)
	s.Cancelled = slices.Clone(s.Cancelled)
	s.WorkingDays = slices.Clone(s.WorkingDays)
	return s
}

// weekdayOf returns the day of the week of Julian day number jd.
func weekdayOf(jd int) time.Weekday { return time.Weekday((jd + 1) % 7) }

func isWeekendDay(jd int) bool {
	wd := weekdayOf(jd)
	return wd == time.Saturday || wd == time.Sunday
}

// dates returns the days off that h proposes for the anchor in year y, or
// nil when h does not apply in y.
func (h Holiday) dates(y int) []model.Date {
	if (h.FirstYear != 0 && y < h.FirstYear) || (h.LastYear != 0 && y > h.LastYear) {
		return nil
	}

	anchor := model.NewDate(y, time.Month(h.Month), h.Day)
	if h.Lunar {
		var err error
		anchor, err = lunar.ToSolar(lunar.Date{Day: h.Day, Month: h.Month, Year: y})
		if err != nil {
			// validate limits lunar days to 1–29, which every month has.
			panic("workday: lunar anchor: " + err.Error())
		}
	}

	first := anchor.AddDays(h.Offset)
	dates := []model.Date{first}
	for i := 1; i < max(h.Days, 1); i++ {
		dates = append(dates, first.AddDays(i))
	}
	if h.AdjacentDay {
		dates = append(dates, adjacentDay(first, dates[len(dates)-1]))
	}
	return dates
}

// adjacentDay picks the day before first or the day after last. A weekday
// next to a weekend wins, because it joins the days off to the weekend.
// Any weekday beats a weekend day, and on a tie the day after wins.
func adjacentDay(first, last model.Date) model.Date {
	score := func(d model.Date) int {
		jd := d.JulianDay()
		switch {
		case isWeekendDay(jd):
			return 0
		case isWeekendDay(jd-1) || isWeekendDay(jd+1):
			return 2
		}
		return 1
	}
	before, after := first.AddDays(-1), last.AddDays(1)
	if score(before) > score(after) {
		return before
	}
	return after
}
