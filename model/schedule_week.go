package model

import (
	"cmp"
	"slices"
	"time"
)

// ItemKind is the source of an item in the calendar views.
type ItemKind string

// The kinds of calendar item.
const (
	ItemEvent        ItemKind = "event"
	ItemBlock        ItemKind = "block"
	ItemTask         ItemKind = "task"         // a case task deadline
	ItemTodo         ItemKind = "todo"         // a personal to-do deadline
	ItemMeeting      ItemKind = "meeting"      // a commission meeting
	ItemDistribution ItemKind = "distribution" // the distribution deadline of a meeting
	ItemReport       ItemKind = "report"       // the due date of a periodic report
)

// CalendarItem is one thing shown in the day, week or month view: an
// occurrence of an event, or a deadline or meeting from elsewhere in the
// vault. Timed items have Start and End; all-day items and deadlines
// have StartDate and EndDate (inclusive).
type CalendarItem struct {
	Kind   ItemKind
	Title  string
	Detail string

	AllDay    bool
	Start     time.Time
	End       time.Time
	StartDate Date
	EndDate   Date

	Classification Classification
	// EventID and Occurrence name the event row and the occurrence of
	// an event or block; Recurring is set when it belongs to a series.
	EventID    string
	Occurrence Occurrence
	Recurring  bool
	// Ref is the id of the case of a task deadline, or of the to-do or
	// meeting of other kinds.
	Ref string
	// Reminders are the offsets before the start at which an event
	// reminds.
	Reminders []time.Duration
}

// Editable reports whether the item is an event the user can move.
func (it *CalendarItem) Editable() bool {
	return it.Kind == ItemEvent || it.Kind == ItemBlock
}

// PlacedItem is a timed item on one day's column: From and To are
// offsets from midnight, clipped to the day; Lane of Lanes is its
// horizontal slot among the items it overlaps.
type PlacedItem struct {
	Item  *CalendarItem
	From  time.Duration
	To    time.Duration
	Lane  int
	Lanes int
}

// DayColumn is one day of a day or week view.
type DayColumn struct {
	Date Date
	// Off is true for weekends and holidays.
	Off    bool
	AllDay []*CalendarItem
	Timed  []PlacedItem
	// Planned is the time of the day's blocks; Logged the Pomodoro work.
	Planned time.Duration
	Logged  time.Duration
}

// BuildDays lays out items over days days from first, in loc: all-day
// items and deadlines on each day they cover, timed items clipped to
// each day they touch and given lanes so that overlapping items sit
// side by side. logged adds the work sessions to each day's Logged.
// Items keep pointers into items, which must not change while the
// result is in use.
func BuildDays(first Date, days int, items []CalendarItem, logged []PomodoroSession,
	loc *time.Location, isWorkingDay func(Date) bool) []DayColumn {
	cols := make([]DayColumn, days)
	for i := range cols {
		d := first.AddDays(i)
		cols[i] = DayColumn{Date: d, Off: !isWorkingDay(d)}
	}
	last := first.AddDays(days - 1)

	for i := range items {
		it := &items[i]
		if it.AllDay || !it.StartDate.IsZero() && it.Start.IsZero() {
			placeAllDay(cols, first, last, it)
			continue
		}
		placeTimed(cols, first, loc, it)
	}
	for i := range cols {
		assignLanes(cols[i].Timed)
	}
	for _, s := range logged {
		if s.Phase != PhaseWork {
			continue
		}
		if i := first.DaysUntil(DateOf(s.StartedAt.In(loc))); i >= 0 && i < days {
			cols[i].Logged += s.Worked
		}
	}
	return cols
}

func placeAllDay(cols []DayColumn, first, last Date, it *CalendarItem) {
	end := it.EndDate
	if end.IsZero() {
		end = it.StartDate
	}
	from, to := it.StartDate, end
	if from.Before(first) {
		from = first
	}
	if to.After(last) {
		to = last
	}
	for d := from; !d.After(to); d = d.AddDays(1) {
		i := first.DaysUntil(d)
		cols[i].AllDay = append(cols[i].AllDay, it)
	}
}

func placeTimed(cols []DayColumn, first Date, loc *time.Location, it *CalendarItem) {
	start, end := it.Start.In(loc), it.End.In(loc)
	if !end.After(start) {
		end = start.Add(15 * time.Minute)
	}
	i := max(first.DaysUntil(DateOf(start)), 0)
	for ; i < len(cols); i++ {
		midnight := cols[i].Date.In(loc)
		next := cols[i].Date.AddDays(1).In(loc)
		if !start.Before(next) {
			continue
		}
		if !end.After(midnight) {
			break
		}
		from, to := later(start, midnight), earlier(end, next)
		cols[i].Timed = append(cols[i].Timed, PlacedItem{Item: it, From: from.Sub(midnight), To: to.Sub(midnight)})
		if it.Kind == ItemBlock {
			cols[i].Planned += to.Sub(from)
		}
	}
}

// assignLanes sorts the items of a day by start and gives each group of
// overlapping items as many lanes as it needs at once.
func assignLanes(items []PlacedItem) {
	slices.SortStableFunc(items, func(a, b PlacedItem) int {
		if c := cmp.Compare(a.From, b.From); c != 0 {
			return c
		}
		return cmp.Compare(b.To, a.To)
	})
	group := 0
	var laneEnds []time.Duration
	var groupEnd time.Duration
	for i := range items {
		if i > 0 && items[i].From >= groupEnd {
			finishGroup(items[group:i], len(laneEnds))
			group, laneEnds = i, laneEnds[:0]
		}
		lane := slices.IndexFunc(laneEnds, func(end time.Duration) bool { return end <= items[i].From })
		if lane < 0 {
			lane = len(laneEnds)
			laneEnds = append(laneEnds, 0)
		}
		laneEnds[lane] = items[i].To
		items[i].Lane = lane
		groupEnd = max(groupEnd, items[i].To)
	}
	finishGroup(items[group:], len(laneEnds))
}

func finishGroup(items []PlacedItem, lanes int) {
	for i := range items {
		items[i].Lanes = lanes
	}
}

// WeekStart returns the Monday on or before d; weeks start on Monday.
func WeekStart(d Date) Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
