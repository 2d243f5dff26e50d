package workday

import (
	"cmp"
	"slices"

	"sotay/model"
)

// EntryKind is the effect of one date of an official schedule. The
// settings form shows a schedule as one list of dates, each with a kind,
// in place of the three lists of a Schedule.
type EntryKind string

// The kinds of schedule entry.
const (
	// EntryOff is an extra day off (Schedule.DaysOff).
	EntryOff EntryKind = "off"
	// EntryWorking is a Saturday or Sunday made a working day
	// (Schedule.WorkingDays).
	EntryWorking EntryKind = "working"
	// EntryCancelled is a day the rules make off, a holiday or a
	// compensatory day, that is not off this year (Schedule.Cancelled).
	EntryCancelled EntryKind = "cancelled"
)

// EntryKinds lists the kinds in the order the form offers them.
var EntryKinds = []EntryKind{EntryOff, EntryWorking, EntryCancelled}

// Entry is one date of an official schedule with its kind, its name and
// the notice that set it (free text, may be empty).
type Entry struct {
	Date   model.Date
	Kind   EntryKind
	Name   string
	Notice string
}

// Entries returns the dates of s as one list in date order. On one date,
// days off come first.
func (s Schedule) Entries() []Entry {
	var out []Entry
	add := func(kind EntryKind, list []ScheduleDay) {
		for _, d := range list {
			out = append(out, Entry{Date: d.Date, Kind: kind, Name: d.Name, Notice: d.Notice})
		}
	}
	add(EntryOff, s.DaysOff)
	add(EntryWorking, s.WorkingDays)
	add(EntryCancelled, s.Cancelled)
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(a.Date.JulianDay(), b.Date.JulianDay()) })
	return out
}

// Problem is the reason an entry of a schedule cannot be saved.
type Problem string

// The problems CheckEntries reports.
const (
	// ProblemNoDate is an entry with no date.
	ProblemNoDate Problem = "no_date"
	// ProblemOtherYear is a date outside the schedule's year.
	ProblemOtherYear Problem = "other_year"
	// ProblemNotWeekend is a working day that is not a Saturday or
	// Sunday, because every other weekday is a working day already.
	ProblemNotWeekend Problem = "not_weekend"
	// ProblemOffAndWorking is a date listed as a day off and also as a
	// working day or a cancelled day off.
	ProblemOffAndWorking Problem = "off_and_working"
	// ProblemDuplicate is a date listed twice with kinds that do not
	// contradict each other.
	ProblemDuplicate Problem = "duplicate"
	// ProblemNoName is an entry with no name or reason.
	ProblemNoName Problem = "no_name"
	// ProblemUnknownKind is an entry whose kind is not in EntryKinds.
	ProblemUnknownKind Problem = "unknown_kind"
)

// EntryProblem is a problem of entries[Index]. Other is the index of the
// entry it clashes with, for ProblemOffAndWorking and ProblemDuplicate,
// and -1 otherwise.
type EntryProblem struct {
	Index   int
	Other   int
	Problem Problem
}

// CheckEntries returns every problem of entries as the official schedule
// of year, in entry order and at most one per entry. A date that clashes
// with an earlier entry is reported on the later one. Names are compared
// after model.Normalize, so a name of spaces is no name.
func CheckEntries(year int, entries []Entry) []EntryProblem {
	var out []EntryProblem
	first := map[model.Date]int{} // date → index of its first entry
	for i, e := range entries {
		p := EntryProblem{Index: i, Other: -1}
		earlier, seen := first[e.Date]
		switch {
		case e.Date.IsZero():
			p.Problem = ProblemNoDate
		case !slices.Contains(EntryKinds, e.Kind):
			p.Problem = ProblemUnknownKind
		case e.Date.Year != year:
			p.Problem = ProblemOtherYear
		case e.Kind == EntryWorking && !isWeekend(e.Date):
			p.Problem = ProblemNotWeekend
		case seen && (e.Kind == EntryOff) != (entries[earlier].Kind == EntryOff):
			p.Problem, p.Other = ProblemOffAndWorking, earlier
		case seen:
			p.Problem, p.Other = ProblemDuplicate, earlier
		case model.Normalize(e.Name) == "":
			p.Problem = ProblemNoName
		}
		if !e.Date.IsZero() && !seen {
			first[e.Date] = i
		}
		if p.Problem != "" {
			out = append(out, p)
		}
	}
	return out
}

// NewSchedule returns the official schedule of year made of entries and
// the year's notice, or the problems CheckEntries finds and no schedule.
// The lists of the schedule are in date order.
func NewSchedule(year int, notice string, entries []Entry) (Schedule, []EntryProblem) {
	if problems := CheckEntries(year, entries); len(problems) > 0 {
		return Schedule{}, problems
	}
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b Entry) int { return cmp.Compare(a.Date.JulianDay(), b.Date.JulianDay()) })
	s := Schedule{Year: year, Notice: notice}
	for _, e := range sorted {
		d := ScheduleDay{Date: e.Date, Name: e.Name, Notice: e.Notice}
		switch e.Kind {
		case EntryOff:
			s.DaysOff = append(s.DaysOff, d)
		case EntryWorking:
			s.WorkingDays = append(s.WorkingDays, d)
		case EntryCancelled:
			s.Cancelled = append(s.Cancelled, d)
		}
	}
	return s, nil
}
