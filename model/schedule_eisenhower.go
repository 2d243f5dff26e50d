package model

// Quadrant is a square of the Eisenhower board.
type Quadrant int

// The quadrants, in the order the board shows them.
const (
	DoNow    Quadrant = iota // urgent and important: làm ngay
	Plan                     // important, not urgent: lên kế hoạch
	Delegate                 // urgent, not important: giao việc
	Drop                     // neither: loại bỏ
)

// Quadrants lists the quadrants in board order.
var Quadrants = []Quadrant{DoNow, Plan, Delegate, Drop}

// DefaultUrgentDays is the number of working days within which a deadline
// makes a task urgent, unless the user set its urgency by hand.
const DefaultUrgentDays = 3

// QuadrantOf returns the quadrant of a task with the given flags.
func QuadrantOf(important, urgent bool) Quadrant {
	switch {
	case important && urgent:
		return DoNow
	case important:
		return Plan
	case urgent:
		return Delegate
	}
	return Drop
}

// Flags returns the important and urgent flags that put a task in q.
func (q Quadrant) Flags() (important, urgent bool) {
	switch q {
	case DoNow:
		return true, true
	case Plan:
		return true, false
	case Delegate:
		return false, true
	}
	return false, false
}

// DeadlineUrgent reports whether deadline falls within n working days of
// today: overdue, today, or no later than the n-th working day after
// today. A task with no deadline is not urgent. isWorkingDay is the
// working-day calendar (weekends and holidays excluded).
func DeadlineUrgent(deadline, today Date, n int, isWorkingDay func(Date) bool) bool {
	if deadline.IsZero() {
		return false
	}
	if !deadline.After(today) {
		return true
	}
	d := today
	for i := 0; i < n; {
		d = d.AddDays(1)
		if isWorkingDay(d) {
			i++
		}
		if !d.Before(deadline) {
			return true
		}
	}
	return false
}

// BoardItem is an open task or to-do as the Eisenhower board places it.
type BoardItem struct {
	Kind     LinkKind // LinkTask or LinkTodo
	ID       string
	Title    string
	Detail   string // the case code of a task
	Assignee string
	Deadline Date

	Important bool
	Urgent    bool
	// UrgentSet is true when the user set Urgent by hand.
	UrgentSet      bool
	Classification Classification
}

// Quadrant returns the square of the board for b on today: its stored
// urgency when the user set it, otherwise urgency from its deadline.
func (b BoardItem) Quadrant(today Date, n int, isWorkingDay func(Date) bool) Quadrant {
	urgent := b.Urgent
	if !b.UrgentSet {
		urgent = DeadlineUrgent(b.Deadline, today, n, isWorkingDay)
	}
	return QuadrantOf(b.Important, urgent)
}
