package model

import "time"

// PlanItem is one planned inspection or supervision of a yearly plan (kế
// hoạch kiểm tra, giám sát năm). Quarter is 1 to 4; Month, when not 0,
// is a month of that quarter; Week, when not 0, is the ISO week in which
// the item should start. CaseID links the case once it starts.
type PlanItem struct {
	Record
	Year     int
	Kind     Kind
	Title    string
	Subject  string
	Lead     string
	Quarter  int
	Month    int
	Week     int
	CaseID   string
	Notes    string
	Position int
}

// PlanMove is one change of an item's planned quarter or month, kept so
// that a moved item shows where it was first planned.
type PlanMove struct {
	Record
	ItemID      string
	FromQuarter int
	FromMonth   int
	ToQuarter   int
	ToMonth     int
	On          Date
	Reason      string
}

// QuarterOf returns the quarter, 1 to 4, of month m.
func QuarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

// QuarterBounds returns the first and last day of quarter q of year y.
func QuarterBounds(y, q int) (Date, Date) {
	first := NewDate(y, time.Month(3*q-2), 1)
	return first, NewDate(y, time.Month(3*q+1), 1).AddDays(-1)
}

// MonthBounds returns the first and last day of month m of year y.
func MonthBounds(y int, m time.Month) (Date, Date) {
	return NewDate(y, m, 1), NewDate(y, m+1, 1).AddDays(-1)
}

// ISOWeek returns the ISO year and week of d.
func (d Date) ISOWeek() (int, int) { return d.utc().ISOWeek() }

// Due returns the last day of the item's planned period: its month when
// set, else its quarter.
func (p PlanItem) Due() Date {
	if p.Month != 0 {
		_, last := MonthBounds(p.Year, time.Month(p.Month))
		return last
	}
	_, last := QuarterBounds(p.Year, p.Quarter)
	return last
}

// PlanState is the progress of a plan item, judged from its linked case.
type PlanState string

// The states of a plan item.
const (
	PlanNotStarted PlanState = "not_started" // no case yet, or the case is a draft
	PlanOnTime     PlanState = "on_time"     // started, nothing overdue
	PlanLate       PlanState = "late"        // started with overdue tasks, or past its end
	PlanDone       PlanState = "done"        // the case is closed
)

// CaseProgress is the part of a linked case that the roll-up needs: its
// status, its last day, its open tasks past their deadline and its tasks
// done after their deadline.
type CaseProgress struct {
	Code         string
	Status       Status
	End          Date
	TasksTotal   int
	TasksDone    int
	OverdueTasks int
	DoneLate     int
}

// State judges an item from its linked case on today. A case that is
// not found counts as not started.
func (p PlanItem) State(c *CaseProgress, today Date) PlanState {
	switch {
	case c == nil || c.Status == StatusDraft:
		return PlanNotStarted
	case c.Status == StatusClosed:
		return PlanDone
	case c.OverdueTasks > 0 || c.End.Before(today):
		return PlanLate
	}
	return PlanOnTime
}

// DoneOnTime reports whether the item's case is closed with every task
// done by its deadline.
func (p PlanItem) DoneOnTime(c *CaseProgress) bool {
	return c != nil && c.Status == StatusClosed && c.DoneLate == 0 && c.OverdueTasks == 0
}

// RollUp counts the items of one level of a plan. Started counts every
// item whose case has started, done ones included; OnTime, Late and Done
// split Started.
type RollUp struct {
	Planned int
	Started int
	OnTime  int
	Late    int
	Done    int
}

// Add counts one item in state s.
func (r *RollUp) Add(s PlanState) {
	r.Planned++
	switch s {
	case PlanOnTime:
		r.Started++
		r.OnTime++
	case PlanLate:
		r.Started++
		r.Late++
	case PlanDone:
		r.Started++
		r.Done++
	}
}

// PlanRollUp is the roll-up of a year's plan at every level: the year,
// each quarter, each month and each ISO week with items in it.
type PlanRollUp struct {
	Year     RollUp
	Quarters [4]RollUp
	Months   [12]RollUp
	Weeks    map[int]RollUp
	States   map[string]PlanState
}

// RollUpPlan computes the roll-up of items from their linked cases,
// keyed by case id, on today. Items planned by quarter only count in no
// month; items with no week count in no week.
func RollUpPlan(items []PlanItem, cases map[string]*CaseProgress, today Date) PlanRollUp {
	r := PlanRollUp{Weeks: map[int]RollUp{}, States: map[string]PlanState{}}
	for _, it := range items {
		s := it.State(cases[it.CaseID], today)
		r.States[it.ID] = s
		r.Year.Add(s)
		if it.Quarter >= 1 && it.Quarter <= 4 {
			r.Quarters[it.Quarter-1].Add(s)
		}
		if it.Month >= 1 && it.Month <= 12 {
			r.Months[it.Month-1].Add(s)
		}
		if it.Week > 0 {
			w := r.Weeks[it.Week]
			w.Add(s)
			r.Weeks[it.Week] = w
		}
	}
	return r
}
