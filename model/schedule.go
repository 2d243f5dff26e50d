package model

import "time"

// EventKind is the kind of a calendar event: an ordinary event or a time
// block.
type EventKind string

// The kinds of event.
const (
	KindEvent EventKind = "event"
	// KindBlock is time reserved for a task or a kind of work. The week
	// view sums its hours against the hours logged by Pomodoro.
	KindBlock EventKind = "block"
)

// LinkKind names what an event or a Pomodoro session is linked to.
type LinkKind string

// The kinds of link.
const (
	LinkNone    LinkKind = ""
	LinkCase    LinkKind = "case"
	LinkMeeting LinkKind = "meeting"
	LinkTask    LinkKind = "task"
	LinkTodo    LinkKind = "todo"
)

// Event is an entry of the personal calendar: a single event, a
// recurring series (RRule set), or a changed occurrence of a series
// (RecurrenceID set, same UID as the series).
//
// A timed event has Start and End as instants and Zone as the IANA zone
// its rule runs in. An all-day event has StartDate and EndDate, EndDate
// inclusive.
type Event struct {
	Record
	UID   string
	Kind  EventKind
	Title string

	Location string
	Notes    string

	AllDay    bool
	Start     time.Time
	End       time.Time
	Zone      string
	StartDate Date
	EndDate   Date

	// RRule is an RFC 5545 RRULE value such as "FREQ=WEEKLY;BYDAY=MO",
	// "" for none.
	RRule string
	// ExDates are the original starts of removed occurrences.
	ExDates []Occurrence
	// RecurrenceID is the original start of the occurrence this event
	// replaces, and zero for a series or a single event.
	RecurrenceID Occurrence
	// Cancelled removes the occurrence (on an override) or the whole
	// event, as STATUS:CANCELLED does.
	Cancelled bool

	LinkKind LinkKind
	LinkID   string
	// WorkKind is the kind of work a block is reserved for when it has
	// no task, such as "Đọc hồ sơ".
	WorkKind       string
	Classification Classification
	// Reminders are offsets before the start.
	Reminders []time.Duration
	// Imported is set for events read from an .ics file.
	Imported bool
	Sequence int
}

// IsOverride reports whether e replaces one occurrence of a series.
func (e *Event) IsOverride() bool { return !e.RecurrenceID.IsZero() }

// Recurs reports whether e is a recurring series.
func (e *Event) Recurs() bool { return e.RRule != "" && !e.IsOverride() }

// Duration returns the length of a timed event.
func (e *Event) Duration() time.Duration { return e.End.Sub(e.Start) }

// Occurrence names one occurrence of a series by its original start: an
// instant for timed series, a date for all-day ones. Exactly one is set,
// or neither for the zero Occurrence.
type Occurrence struct {
	Time time.Time
	Date Date
}

// IsZero reports whether o names no occurrence.
func (o Occurrence) IsZero() bool { return o.Time.IsZero() && o.Date.IsZero() }

// String returns o as stored: RFC 3339 in UTC, or YYYY-MM-DD.
func (o Occurrence) String() string {
	if !o.Date.IsZero() {
		return o.Date.String()
	}
	if o.Time.IsZero() {
		return ""
	}
	return o.Time.UTC().Format(time.RFC3339)
}

// ParseOccurrence reads a value written by Occurrence.String.
func ParseOccurrence(s string) (Occurrence, error) {
	if s == "" {
		return Occurrence{}, nil
	}
	if len(s) == len("2006-01-02") {
		d, err := ParseDate(s)
		return Occurrence{Date: d}, err
	}
	t, err := time.Parse(time.RFC3339, s)
	return Occurrence{Time: t.UTC()}, err
}

// Todo is a personal to-do: work of the officer outside any case. Its
// Status takes the values of a task's.
type Todo struct {
	Record
	Title     string
	Notes     string
	Assignee  string
	Deadline  Date
	Important bool
	Urgent    bool
	// UrgentSet is true when the user set Urgent by hand. Otherwise the
	// board works urgency out from the deadline.
	UrgentSet bool
	Status    TaskStatus
	DoneOn    Date
}

// PomodoroSession is one logged Pomodoro phase.
type PomodoroSession struct {
	Record
	TaskKind  LinkKind
	TaskID    string
	Phase     PomodoroPhase
	StartedAt time.Time
	EndedAt   time.Time
	// Worked is the time the timer ran, pauses excluded.
	Worked time.Duration
	// Completed is false for a phase stopped before its end.
	Completed bool
}
