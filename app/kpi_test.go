package app

import (
	"testing"
	"time"

	"sotay/model"
)

// kpiFixture stores one case of 1–31 March 2026 with four tasks: two done
// on time, one done late and one still open. Its outcome has the notice
// of conclusion 40 days after the decision.
func kpiFixture(t *testing.T, s *Session) *model.Case {
	t.Helper()
	c := &model.Case{Code: "HS-KPI-1", Title: "Kiểm tra mẫu", Kind: model.KindViolationInspection,
		Status: model.StatusInProgress, Start: model.NewDate(2026, 3, 1), End: model.NewDate(2026, 3, 31)}
	if err := s.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	tasks := []model.Task{
		{Title: "a", Deadline: model.NewDate(2026, 3, 5), Status: model.TaskDone, DoneOn: model.NewDate(2026, 3, 5), Assignee: "An"},
		{Title: "b", Deadline: model.NewDate(2026, 3, 10), Status: model.TaskDone, DoneOn: model.NewDate(2026, 3, 9), Assignee: "An"},
		{Title: "c", Deadline: model.NewDate(2026, 3, 12), Status: model.TaskDone, DoneOn: model.NewDate(2026, 3, 20), Assignee: "Bình"},
		{Title: "d", Deadline: model.NewDate(2026, 3, 25), Status: model.TaskOpen, Assignee: "Bình"},
	}
	for i := range tasks {
		tasks[i].CaseID = c.ID
		tasks[i].Phase = model.Execution
		if err := s.AddTask(&tasks[i]); err != nil {
			t.Fatal(err)
		}
	}
	o := model.Outcome{CaseID: c.ID, DecisionDate: model.NewDate(2026, 3, 1), NoticeDate: model.NewDate(2026, 4, 10), Violations: 2}
	if err := s.SaveOutcome(&o); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestKPIFormulasOnFixedData(t *testing.T) {
	s := newTestSession(t)
	kpiFixture(t, s)
	rows, err := LoadKPIs(s, 2026, model.NewDate(2026, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]KPIRow{}
	for _, r := range rows {
		byCode[r.KPI.Code] = r
	}

	march := byCode["NV-DUNGHAN"].Values[time.March-1]
	if !march.Has || march.Count != 2 || march.Total != 4 || march.Value != 50 {
		t.Errorf("tasks on time in March = %+v, want 2 of 4", march)
	}
	if march.Grade != model.GradeNotAchieved {
		t.Errorf("grade = %s, want not achieved", march.Grade)
	}
	if len(march.Basis) != 1 || march.Basis[0] != "HS-KPI-1" {
		t.Errorf("basis = %v", march.Basis)
	}
	if jan := byCode["NV-DUNGHAN"].Values[0]; jan.Has {
		t.Errorf("January has data: %+v", jan)
	}

	q2 := byCode["TB-SONGAY"].Values[1]
	if !q2.Has || q2.Value != 40 || q2.Grade != model.GradeExceeded {
		t.Errorf("notice days in Q2 = %+v, want 40 exceeded (target 60, exceed 45)", q2)
	}
	if q1 := byCode["TB-SONGAY"].Values[0]; q1.Has {
		t.Errorf("Q1 notice days has data: %+v", q1)
	}

	overdue := byCode["QH-CANBO"].Values[time.March-1]
	if !overdue.Has || overdue.Value != 0.5 || overdue.Total != 2 {
		t.Errorf("overdue per officer end of March = %+v, want 1 task over 2 officers", overdue)
	}
	if manual := byCode["DT-THOIHAN"].Values[0]; manual.Has {
		t.Errorf("manual KPI has a value before one is entered: %+v", manual)
	}
}

func TestManualKPIValue(t *testing.T) {
	s := newTestSession(t)
	rows, err := LoadKPIs(s, 2026, model.NewDate(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	var k model.KPI
	for _, r := range rows {
		if r.KPI.Code == "DT-THOIHAN" {
			k = r.KPI
		}
	}
	q := model.KPIPeriods(k.Frequency, 2026)
	for i, v := range []float64{80, 95, 100} {
		if err := s.SetKPIValue(k.ID, q[i], v); err != nil {
			t.Fatal(err)
		}
	}
	rows, _ = LoadKPIs(s, 2026, model.NewDate(2026, 12, 31))
	for _, r := range rows {
		if r.KPI.ID != k.ID {
			continue
		}
		got := []model.Grade{r.Values[0].Grade, r.Values[1].Grade, r.Values[2].Grade, r.Values[3].Grade}
		want := []model.Grade{model.GradeNotAchieved, model.GradeAchieved, model.GradeExceeded, model.GradeNone}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("quarter %d grade = %q, want %q", i+1, got[i], want[i])
			}
		}
		if r.Values[1].Trend != model.TrendBetter {
			t.Errorf("trend = %s, want better", r.Values[1].Trend)
		}
	}
}
