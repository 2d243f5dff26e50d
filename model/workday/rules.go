package workday

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sotay/model"
)

//go:embed rules.json
var defaultDocument []byte

// Document is the JSON form of a working-day calendar, with the holiday
// rules and the official schedules of some years. It is the form in which
// a user's edits can be stored, exported and imported.
type Document struct {
	Rules     Rules      `json:"rules"`
	Schedules []Schedule `json:"schedules"`
}

// Rules propose the days off of any year.
type Rules struct {
	// Compensatory gives a compensatory day off on the next working day
	// for each holiday that falls on a Saturday or Sunday, as Article 111
	// of the Labour Code 2019 does for weekly rest days.
	Compensatory bool      `json:"compensatory"`
	Holidays     []Holiday `json:"holidays"`
}

// Holiday is a public holiday anchored on a day of the solar or the lunar
// calendar. Its days off run from the anchor plus Offset for Days days,
// plus one adjacent day when AdjacentDay is set.
type Holiday struct {
	Name  string `json:"name"`
	Lunar bool   `json:"lunar,omitempty"`
	Month int    `json:"month"`
	// Day is the anchor's day of the month. A lunar anchor is limited to
	// 1–29 because month 12 and others may have 29 days. The last day of
	// a month is day 1 of the next with Offset -1.
	Day int `json:"day"`
	// Offset is the number of days from the anchor to the first day off,
	// negative for a day before it.
	Offset int `json:"offset,omitempty"`
	// Days is the number of consecutive days off, 1 when zero.
	Days int `json:"days,omitempty"`
	// AdjacentDay adds the day before or after the span, the way the
	// government picks one for Quốc khánh: a weekday is preferred to a
	// weekend day, then a weekday next to a weekend, then the day after.
	AdjacentDay bool `json:"adjacent_day,omitempty"`
	// FirstYear and LastYear bound the years in which the holiday applies.
	// Zero leaves that side open. For a lunar anchor the year is the lunar
	// year.
	FirstYear int `json:"first_year,omitempty"`
	LastYear  int `json:"last_year,omitempty"`
}

// Schedule is the official schedule of one year, which overrides the
// rules for the dates it lists.
type Schedule struct {
	Year int `json:"year"`
	// Notice is the text of, or a reference to, the notice that set the
	// schedule.
	Notice string `json:"notice"`
	// DaysOff are extra days off, such as a weekday swapped with a
	// working Saturday.
	DaysOff []ScheduleDay `json:"days_off,omitempty"`
	// Cancelled are days that the rules make days off, holidays or
	// compensatory days, but that are not off this year. A cancelled
	// holiday brings no compensatory day. A date no rule proposes has no
	// effect.
	Cancelled []ScheduleDay `json:"cancelled,omitempty"`
	// WorkingDays are Saturdays or Sundays that are working days.
	WorkingDays []ScheduleDay `json:"working_days,omitempty"`
}

// ScheduleDay is a date of an official schedule with a short reason and,
// optionally, the notice that set that date. In JSON the date is in ISO
// form, YYYY-MM-DD.
type ScheduleDay struct {
	Date   model.Date
	Name   string
	Notice string
}

type scheduleDayJSON struct {
	Date   string `json:"date"`
	Name   string `json:"name,omitempty"`
	Notice string `json:"notice,omitempty"`
}

// MarshalJSON encodes d as {"date": "YYYY-MM-DD", "name": …, "notice": …}.
func (d ScheduleDay) MarshalJSON() ([]byte, error) {
	return json.Marshal(scheduleDayJSON{Date: d.Date.String(), Name: d.Name, Notice: d.Notice})
}

// UnmarshalJSON decodes the form MarshalJSON writes.
func (d *ScheduleDay) UnmarshalJSON(data []byte) error {
	var raw scheduleDayJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	date, err := model.ParseDate(raw.Date)
	if err != nil {
		return err
	}
	*d = ScheduleDay{Date: date, Name: raw.Name, Notice: raw.Notice}
	return nil
}

// DefaultDocument returns a fresh copy of the built-in rules and official
// schedules.
func DefaultDocument() Document {
	doc, err := ParseDocument(defaultDocument)
	if err != nil {
		panic("workday: invalid built-in rules.json: " + err.Error())
	}
	return doc
}

// ParseDocument decodes a JSON document. It checks only the JSON form; New
// validates the content.
func ParseDocument(data []byte) (Document, error) {
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return Document{}, fmt.Errorf("parse working-day calendar: %w", err)
	}
	return doc, nil
}

// ErrInvalidRules is wrapped by the errors New returns for a holiday rule
// or a schedule that cannot be used. A date listed both as off and as
// working is reported as a *ConflictError instead.
var ErrInvalidRules = errors.New("invalid working-day calendar")

// ConflictError reports a date that a schedule lists both as a day off and
// as a working day or a cancelled day off.
type ConflictError struct {
	Year int
	Date model.Date
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("official schedule %d lists %s both as a day off and as a working day; keep only one",
		e.Year, e.Date)
}

func (h Holiday) validate() error {
	if h.Name == "" {
		return fmt.Errorf("holiday on %d/%d has no name: %w", h.Day, h.Month, ErrInvalidRules)
	}
	if h.Month < 1 || h.Month > 12 {
		return fmt.Errorf("holiday %q: invalid month %d, expected 1 to 12: %w", h.Name, h.Month, ErrInvalidRules)
	}
	if h.Lunar && (h.Day < 1 || h.Day > 29) {
		return fmt.Errorf("holiday %q: invalid lunar day %d, expected 1 to 29 (use day 1 of the next month with offset -1 for the last day): %w",
			h.Name, h.Day, ErrInvalidRules)
	}
	if !h.Lunar && model.NewDate(2001, time.Month(h.Month), h.Day).Day != h.Day {
		return fmt.Errorf("holiday %q: invalid day %d/%d: %w", h.Name, h.Day, h.Month, ErrInvalidRules)
	}
	if h.Days < 0 || h.Days > 31 || h.Offset < -31 || h.Offset > 31 {
		return fmt.Errorf("holiday %q: days %d and offset %d must lie within 31 days of the anchor: %w",
			h.Name, h.Days, h.Offset, ErrInvalidRules)
	}
	if h.LastYear != 0 && h.LastYear < h.FirstYear {
		return fmt.Errorf("holiday %q: last year %d is before first year %d: %w",
			h.Name, h.LastYear, h.FirstYear, ErrInvalidRules)
	}
	return nil
}

func (s Schedule) validate() error {
	lists := [][]ScheduleDay{s.DaysOff, s.Cancelled, s.WorkingDays}
	for _, list := range lists {
		for _, d := range list {
			if d.Date.Year != s.Year {
				return fmt.Errorf("official schedule %d lists %s, which is in another year: %w",
					s.Year, d.Date, ErrInvalidRules)
			}
		}
	}
	for _, d := range s.WorkingDays {
		if !isWeekend(d.Date) {
			return fmt.Errorf("official schedule %d lists %s (%s) as a working day, but only a Saturday or Sunday can be made one: %w",
				s.Year, d.Date, d.Date.Weekday(), ErrInvalidRules)
		}
	}

	off := make(map[model.Date]bool, len(s.DaysOff))
	for _, d := range s.DaysOff {
		off[d.Date] = true
	}
	for _, list := range lists[1:] {
		for _, d := range list {
			if off[d.Date] {
				return &ConflictError{Year: s.Year, Date: d.Date}
			}
		}
	}
	return nil
}

func isWeekend(d model.Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
