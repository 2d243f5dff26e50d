package model

import (
	"fmt"
	"testing"
	"time"
)

// weekCalendar has Monday to Friday as working days, less the days in
// off.
type weekCalendar struct{ off map[Date]bool }

func (c weekCalendar) IsWorkingDay(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !c.off[d]
}

func (c weekCalendar) DistributionDeadline(meeting Date, n int, working bool) (Date, Date) {
	if working {
		d := meeting
		for i := 0; i < n; {
			d = d.AddDays(-1)
			if c.IsWorkingDay(d) {
				i++
			}
		}
		return d, d
	}
	d := meeting.AddDays(-n)
	p := d
	for !c.IsWorkingDay(p) {
		p = p.AddDays(-1)
	}
	return d, p
}

func TestWorkingDaysLeft(t *testing.T) {
	cal := weekCalendar{}
	mon := NewDate(2026, time.December, 7)
	cases := []struct {
		today, practical Date
		want             int
	}{
		{mon, mon, 0},
		{mon, mon.AddDays(2), 2},            // Monday to Wednesday
		{mon.AddDays(4), mon.AddDays(7), 1}, // Friday to next Monday
		{mon.AddDays(5), mon.AddDays(7), 1}, // Saturday to Monday
		{mon.AddDays(2), mon, -2},           // Wednesday, two days after Monday
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s to %s", c.today, c.practical), func(t *testing.T) {
			if got := WorkingDaysLeft(cal, c.today, c.practical); got != c.want {
				t.Errorf("WorkingDaysLeft = %d, want %d", got, c.want)
			}
		})
	}
}

// A meeting on Friday 11/12/2026 has its five-day deadline on Sunday 6/12
// and its practical deadline, the last working day before, on Friday
// 4/12. On the Saturday between them no working day has passed since the
// practical deadline, yet it is behind, so the assessment marks it passed.
// The meeting is late only after the Sunday.
func TestAssessWeekendAfterDeadline(t *testing.T) {
	cal := weekCalendar{}
	p := MeetingProgress{Date: NewDate(2026, time.December, 11), Status: MeetingPlanned, Materials: 1,
		Appraised: 1, Attendees: 2}
	friday := NewDate(2026, time.December, 4)
	cases := []struct {
		today    Date
		daysLeft int
		passed   bool
		want     Readiness
	}{
		{friday, 0, false, AtRisk},
		{friday.AddDays(1), 0, true, AtRisk}, // Saturday
		{friday.AddDays(2), 0, true, AtRisk}, // Sunday, the five-day deadline
		{friday.AddDays(3), -1, true, Late},  // Monday
	}
	for _, c := range cases {
		a := Assess(cal, DefaultDistributionRule, p, c.today)
		if a.Practical != friday || a.Deadline != friday.AddDays(2) {
			t.Fatalf("deadlines %s and %s, want 2026-12-06 and 2026-12-04", a.Deadline, a.Practical)
		}
		if a.DaysLeft != c.daysLeft || a.Passed != c.passed || a.Readiness != c.want {
			t.Errorf("%s: %d days left, passed %v, %s; want %d, %v, %s", c.today, a.DaysLeft, a.Passed,
				a.Readiness, c.daysLeft, c.passed, c.want)
		}
	}
}

func TestAssess(t *testing.T) {
	cal := weekCalendar{}
	rule := DefaultDistributionRule
	// Meeting on Monday 21/12/2026: deadline Wednesday 16/12, a working
	// day, so the practical deadline is the same day.
	meeting := NewDate(2026, time.December, 21)
	deadline := NewDate(2026, time.December, 16)
	base := MeetingProgress{Date: meeting, Status: MeetingPlanned, Materials: 2, Appraised: 2, Attendees: 3}
	with := func(edit func(*MeetingProgress)) MeetingProgress {
		p := base
		edit(&p)
		return p
	}
	allSent := func(p *MeetingProgress) { p.CellsSent, p.LastSent = 6, deadline }
	cases := []struct {
		name  string
		p     MeetingProgress
		today Date
		want  Readiness
	}{
		{"nothing sent, two weeks ahead", base, NewDate(2026, time.December, 1), Preparing},
		{"nothing sent, three working days ahead", base, NewDate(2026, time.December, 11), Preparing},
		{"nothing sent, two working days ahead", base, NewDate(2026, time.December, 14), AtRisk},
		{"nothing sent, on the deadline", base, deadline, AtRisk},
		{"nothing sent, after the deadline", base, deadline.AddDays(1), Late},
		{"all sent on the deadline", with(allSent), deadline, Ready},
		{"all sent, one late", with(func(p *MeetingProgress) { allSent(p); p.LastSent = deadline.AddDays(1) }), deadline.AddDays(2), Late},
		{"appraised after the deadline", with(func(p *MeetingProgress) { allSent(p); p.LastAppraised = deadline.AddDays(1) }), deadline, Late},
		{"no materials", with(func(p *MeetingProgress) { p.Materials, p.Appraised = 0, 0 }), deadline, Ready},
		{"held", with(func(p *MeetingProgress) { p.Status = MeetingHeld }), deadline, ReadyNA},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := Assess(cal, rule, c.p, c.today)
			if a.Readiness != c.want {
				t.Errorf("readiness = %s, want %s (deadline %s, %d days left)", a.Readiness, c.want, a.Deadline, a.DaysLeft)
			}
			if a.Deadline != deadline {
				t.Errorf("deadline = %s, want %s", a.Deadline, deadline)
			}
		})
	}
}

func TestAssessPracticalDeadlineBeforeWeekend(t *testing.T) {
	// Meeting on Thursday 24/12/2026: five calendar days before is
	// Saturday 19/12, so the practical deadline is Friday 18/12.
	cal := weekCalendar{}
	p := MeetingProgress{Date: NewDate(2026, time.December, 24), Status: MeetingPlanned, Materials: 1, Attendees: 1}
	a := Assess(cal, DefaultDistributionRule, p, NewDate(2026, time.December, 18))
	if a.Deadline != NewDate(2026, time.December, 19) || a.Practical != NewDate(2026, time.December, 18) {
		t.Errorf("deadlines = %s, %s, want 2026-12-19, 2026-12-18", a.Deadline, a.Practical)
	}
	if a.Readiness != AtRisk || a.DaysLeft != 0 {
		t.Errorf("on the practical deadline: %s with %d days left, want at_risk with 0", a.Readiness, a.DaysLeft)
	}
	// Sending on the Saturday deadline itself is still on time.
	if a.LateOn(a.Deadline) {
		t.Error("a send on the deadline counts as late")
	}
}

func TestStateOfCell(t *testing.T) {
	dl := Deadlines{Deadline: NewDate(2026, 12, 16), Practical: NewDate(2026, 12, 16)}
	draft := &MaterialVersion{}
	appraised := &MaterialVersion{AppraisedOn: NewDate(2026, 12, 10)}
	cases := []struct {
		name string
		v    *MaterialVersion
		d    *Distribution
		want CellState
	}{
		{"draft", draft, nil, CellNotAppraised},
		{"unsent", appraised, nil, CellUnsent},
		{"withdrawn", appraised, &Distribution{}, CellUnsent},
		{"on time", appraised, &Distribution{SentOn: NewDate(2026, 12, 16)}, CellOnTime},
		{"late", appraised, &Distribution{SentOn: NewDate(2026, 12, 17)}, CellLate},
		{"received", appraised, &Distribution{SentOn: NewDate(2026, 12, 12), ReceivedOn: NewDate(2026, 12, 13)}, CellReceived},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := StateOfCell(c.v, c.d, dl); got != c.want {
				t.Errorf("StateOfCell = %s, want %s", got, c.want)
			}
		})
	}
}

func TestCurrentDistributions(t *testing.T) {
	k := CellKey{"v1", "m1"}
	rows := []Distribution{
		{Record: Record{ID: "a"}, VersionID: "v1", MemberID: "m1", SentOn: NewDate(2026, 12, 10)},
		{Record: Record{ID: "b"}, VersionID: "v1", MemberID: "m1", SentOn: NewDate(2026, 12, 11), Corrects: "a"},
		{Record: Record{ID: "c"}, VersionID: "v1", MemberID: "m2", SentOn: NewDate(2026, 12, 12)},
		{Record: Record{ID: "d"}, VersionID: "v1", MemberID: "m2", SentOn: NewDate(2026, 12, 9)},
	}
	cur := CurrentDistributions(rows)
	if cur[k].ID != "b" {
		t.Errorf("current row of a corrected cell = %q, want the correction b", cur[k].ID)
	}
	if got := cur[CellKey{"v1", "m2"}].ID; got != "d" {
		t.Errorf("current row of a cell sent twice = %q, want the earliest send d", got)
	}
}
