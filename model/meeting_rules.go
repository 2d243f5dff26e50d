package model

// WorkCalendar is the part of a working-day calendar the meeting rules
// use. *workday.Calendar implements it.
type WorkCalendar interface {
	IsWorkingDay(d Date) bool
	DistributionDeadline(meeting Date, n int, working bool) (deadline, practical Date)
}

// DistributionRule is how long before a meeting its materials must reach
// the members: Days days, counted as calendar days unless Working is set.
type DistributionRule struct {
	Days    int
	Working bool
}

// DefaultDistributionRule is five calendar days.
var DefaultDistributionRule = DistributionRule{Days: 5}

// MaxDistributionDays bounds DistributionRule.Days.
const MaxDistributionDays = 60

// AtRiskWorkingDays is how many working days before the practical
// deadline a meeting with unsent materials counts as at risk.
const AtRiskWorkingDays = 2

// Deadlines are the two distribution deadlines of a meeting. Deadline is
// the last day the rule allows, and materials sent on it are on time.
// Practical is the last working day on or before Deadline, the day by
// which the secretary must have sent them.
type Deadlines struct {
	Deadline  Date
	Practical Date
}

// MeetingDeadlines returns the distribution deadlines of a meeting held
// on date.
func MeetingDeadlines(cal WorkCalendar, rule DistributionRule, date Date) Deadlines {
	d, p := cal.DistributionDeadline(date, rule.Days, rule.Working)
	return Deadlines{Deadline: d, Practical: p}
}

// LateOn reports whether something done on day is past the deadline.
func (d Deadlines) LateOn(day Date) bool {
	return !day.IsZero() && day.After(d.Deadline)
}

// WorkingDaysLeft returns the number of working days after today up to
// and including the practical deadline: 0 when the practical deadline is
// today, negative (the working days since) when it has passed.
func WorkingDaysLeft(cal WorkCalendar, today, practical Date) int {
	n := 0
	switch {
	case today.Before(practical):
		for d := today.AddDays(1); !d.After(practical); d = d.AddDays(1) {
			if cal.IsWorkingDay(d) {
				n++
			}
		}
	case today.After(practical):
		for d := practical.AddDays(1); !d.After(today); d = d.AddDays(1) {
			if cal.IsWorkingDay(d) {
				n--
			}
		}
	}
	return n
}

// Readiness is where the distribution of a meeting's materials stands.
type Readiness string

// The readiness states, worst last.
const (
	// ReadyNA is a meeting that is held or cancelled.
	ReadyNA Readiness = "none"
	// Ready means every material is appraised and sent to every
	// attendee, all on time.
	Ready Readiness = "ready"
	// Preparing means something is still unsent and the practical
	// deadline is more than AtRiskWorkingDays working days away.
	Preparing Readiness = "preparing"
	// AtRisk means something is still unsent and the practical deadline
	// is at most AtRiskWorkingDays working days away, or today.
	AtRisk Readiness = "at_risk"
	// Late means the deadline passed with something unsent, or a
	// material was appraised or sent after it.
	Late Readiness = "late"
)

// MeetingProgress counts the distribution of one meeting, over the
// latest version of each live material and each attendee. A cell is one
// material for one attendee.
type MeetingProgress struct {
	Date          Date
	Status        MeetingStatus
	Materials     int
	Appraised     int // latest versions that are appraised
	Attendees     int
	CellsSent     int // cells with a send on record
	LastSent      Date
	LastAppraised Date
}

// Cells returns the number of cells, materials times attendees.
func (p MeetingProgress) Cells() int { return p.Materials * p.Attendees }

// Unsent returns the number of cells with no send on record.
func (p MeetingProgress) Unsent() int { return p.Cells() - p.CellsSent }

// Assessment is the readiness of a meeting on a given day.
type Assessment struct {
	Deadlines
	Readiness Readiness
	// DaysLeft is WorkingDaysLeft from that day to the practical deadline.
	DaysLeft int
	// Passed is true once the practical deadline is behind that day. On a
	// weekend or holiday right after it DaysLeft is still 0.
	Passed bool
	Unsent int
}

// Assess returns the readiness of a meeting on today.
func Assess(cal WorkCalendar, rule DistributionRule, p MeetingProgress, today Date) Assessment {
	a := Assessment{Deadlines: MeetingDeadlines(cal, rule, p.Date), Unsent: p.Unsent()}
	a.DaysLeft = WorkingDaysLeft(cal, today, a.Practical)
	a.Passed = today.After(a.Practical)
	switch {
	case p.Status != MeetingPlanned:
		a.Readiness = ReadyNA
	case a.LateOn(p.LastSent) || a.LateOn(p.LastAppraised):
		a.Readiness = Late
	case a.Unsent == 0:
		a.Readiness = Ready
	case today.After(a.Deadline):
		a.Readiness = Late
	case a.DaysLeft <= AtRiskWorkingDays:
		a.Readiness = AtRisk
	default:
		a.Readiness = Preparing
	}
	return a
}

// CellState is the state of one material for one attendee.
type CellState string

// The states of a cell of the distribution matrix.
const (
	CellNotAppraised CellState = "not_appraised" // the latest version awaits appraisal
	CellUnsent       CellState = "unsent"
	CellOnTime       CellState = "on_time"
	CellLate         CellState = "late"
	CellReceived     CellState = "received" // sent on time and receipt confirmed
)

// StateOfCell returns the state of a cell from the latest version and its
// current distribution to the attendee, nil when there is none.
func StateOfCell(v *MaterialVersion, d *Distribution, dl Deadlines) CellState {
	switch {
	case v == nil || !v.Appraised():
		return CellNotAppraised
	case d == nil || d.SentOn.IsZero():
		return CellUnsent
	case dl.LateOn(d.SentOn):
		return CellLate
	case !d.ReceivedOn.IsZero():
		return CellReceived
	}
	return CellOnTime
}

// AgendaMinutes returns the total planned duration of items, in minutes.
func AgendaMinutes(items []AgendaItem) int {
	total := 0
	for _, it := range items {
		total += it.Duration
	}
	return total
}

// CellKey names a cell of the distribution matrix.
type CellKey struct {
	VersionID string
	MemberID  string
}

// CurrentDistributions returns the current row of each cell among rows,
// the full record of a meeting: the rows no other row corrects. When two
// workstations recorded a send of the same cell independently, the
// earliest send wins, as it is the one that counts for the deadline.
func CurrentDistributions(rows []Distribution) map[CellKey]Distribution {
	corrected := make(map[string]bool)
	for _, d := range rows {
		if d.Corrects != "" {
			corrected[d.Corrects] = true
		}
	}
	out := make(map[CellKey]Distribution)
	for _, d := range rows {
		if corrected[d.ID] {
			continue
		}
		k := CellKey{d.VersionID, d.MemberID}
		prev, seen := out[k]
		if !seen || prev.SentOn.IsZero() || (!d.SentOn.IsZero() && d.SentOn.Before(prev.SentOn)) {
			out[k] = d
		}
	}
	return out
}
