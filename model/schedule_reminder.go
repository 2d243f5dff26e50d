package model

import (
	"cmp"
	"slices"
	"time"
)

// DeadlineReminderTime is the time of day, in the user's zone, at which a
// deadline reminds: 07:30 on the day it falls due, before office hours.
const DeadlineReminderTime = 7*time.Hour + 30*time.Minute

// Reminder is a reminder that falls due at At for an item.
type Reminder struct {
	At   time.Time
	Item *CalendarItem
}

// RemindersBetween returns the reminders of items that fall due in
// (after, upto], earliest first. An event reminds at each of its
// Reminders offsets before its start, and an all-day event counts from
// midnight in loc. A deadline of a task or to-do reminds at
// DeadlineReminderTime on its day in loc.
func RemindersBetween(items []CalendarItem, after, upto time.Time, loc *time.Location) []Reminder {
	var out []Reminder
	in := func(t time.Time) bool { return t.After(after) && !t.After(upto) }
	for i := range items {
		it := &items[i]
		switch it.Kind {
		case ItemTask, ItemTodo:
			if at := it.StartDate.In(loc).Add(DeadlineReminderTime); in(at) {
				out = append(out, Reminder{At: at, Item: it})
			}
		case ItemEvent, ItemBlock:
			start := it.Start
			if it.AllDay {
				start = it.StartDate.In(loc)
			}
			for _, off := range it.Reminders {
				if at := start.Add(-off); in(at) {
					out = append(out, Reminder{At: at, Item: it})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Reminder) int { return cmp.Compare(a.At.UnixNano(), b.At.UnixNano()) })
	return out
}
