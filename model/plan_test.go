package model

import "testing"

func TestRollUpPlan(t *testing.T) {
	today := NewDate(2026, 6, 15)
	items := []PlanItem{
		{Record: Record{ID: "a"}, Quarter: 1, Month: 2},
		{Record: Record{ID: "b"}, Quarter: 2, CaseID: "c1", Week: 20},
		{Record: Record{ID: "c"}, Quarter: 2, Month: 6, CaseID: "c2"},
		{Record: Record{ID: "d"}, Quarter: 3, CaseID: "c3"},
		{Record: Record{ID: "e"}, Quarter: 4, CaseID: "c4"},
	}
	cases := map[string]*CaseProgress{
		"c1": {Status: StatusInProgress, End: today.AddDays(10)},
		"c2": {Status: StatusInProgress, End: today.AddDays(10), OverdueTasks: 2},
		"c3": {Status: StatusClosed},
		"c4": {Status: StatusDraft},
	}
	r := RollUpPlan(items, cases, today)
	want := RollUp{Planned: 5, Started: 3, OnTime: 1, Late: 1, Done: 1}
	if r.Year != want {
		t.Errorf("year = %+v, want %+v", r.Year, want)
	}
	if q2 := r.Quarters[1]; q2.Planned != 2 || q2.OnTime != 1 || q2.Late != 1 {
		t.Errorf("quarter II = %+v", q2)
	}
	if m := r.Months[5]; m.Planned != 1 || m.Late != 1 {
		t.Errorf("June = %+v", m)
	}
	if w := r.Weeks[20]; w.Planned != 1 || w.OnTime != 1 {
		t.Errorf("week 20 = %+v", w)
	}
	if r.States["e"] != PlanNotStarted {
		t.Errorf("draft case state = %s", r.States["e"])
	}
}

func TestCaseEndPassedIsLate(t *testing.T) {
	it := PlanItem{Quarter: 1}
	c := &CaseProgress{Status: StatusInProgress, End: NewDate(2026, 3, 1)}
	if s := it.State(c, NewDate(2026, 3, 2)); s != PlanLate {
		t.Errorf("state = %s, want late", s)
	}
}
