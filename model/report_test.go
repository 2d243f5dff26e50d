package model_test

import (
	"errors"
	"testing"

	"sotay/model"
	"sotay/model/workday"
)

func d(y, m, day int) model.Date { return model.NewDate(y, timeMonth(m), day) }

func TestDueDates(t *testing.T) {
	cal := workday.Default()
	tests := []struct {
		name   string
		rule   model.DueRule
		period model.Period
		want   model.Date
	}{
		// 30/09/2028 is a Saturday: two working days after it are Tue 3/10 (Mon 2/10 is the first).
		{"quarter ends on Saturday, working days", model.DueRule{Kind: model.DueWorkingDaysAfter, N: 2},
			model.Period{Start: d(2028, 7, 1), End: d(2028, 9, 30)}, d(2028, 10, 3)},
		// 31/03/2024 is a Sunday; ten calendar days later is Wed 10/04.
		{"quarter ends on Sunday, calendar days", model.DueRule{Kind: model.DueDaysAfter, N: 10},
			model.Period{Start: d(2024, 1, 1), End: d(2024, 3, 31)}, d(2024, 4, 10)},
		// 20/06/2026 is a Saturday: moved back to Friday 19/06.
		{"day 20 on a Saturday moves back", model.DueRule{Kind: model.DueDayOfLastMonth, N: 20},
			model.Period{Start: d(2026, 1, 1), End: d(2026, 6, 30)}, d(2026, 6, 19)},
		{"day 20 on a Saturday moves later", model.DueRule{Kind: model.DueDayOfLastMonth, N: 20, Later: true},
			model.Period{Start: d(2026, 1, 1), End: d(2026, 6, 30)}, d(2026, 6, 22)},
		// Tết 2026 is off from Sat 14/02 to Sun 22/02: the working days
		// after Thu 12/02 are Fri 13/02, Mon 23/02, Tue 24/02.
		{"Tết inside the period, working days", model.DueRule{Kind: model.DueWorkingDaysAfter, N: 3},
			model.Period{Start: d(2026, 2, 1), End: d(2026, 2, 12)}, d(2026, 2, 24)},
		{"due day inside Tết moves before it", model.DueRule{Kind: model.DueDayOfLastMonth, N: 18},
			model.Period{Start: d(2026, 2, 1), End: d(2026, 2, 28)}, d(2026, 2, 13)},
		{"31st in February is the last day", model.DueRule{Kind: model.DueDayOfLastMonth, N: 31},
			model.Period{Start: d(2027, 2, 1), End: d(2027, 2, 28)}, d(2027, 2, 26)},
		{"31st in April is the 30th", model.DueRule{Kind: model.DueDayOfNextMonth, N: 31},
			model.Period{Start: d(2026, 3, 1), End: d(2026, 3, 31)}, d(2026, 4, 29)},
		{"31st in a leap February", model.DueRule{Kind: model.DueDayOfLastMonth, N: 31},
			model.Period{Start: d(2028, 2, 1), End: d(2028, 2, 29)}, d(2028, 2, 29)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rule.DueDate(tt.period, cal)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DueDate = %s (%s), want %s", got.Display(), got.Weekday(), tt.want.Display())
			}
		})
	}
}

func TestRuleWithoutPeriodRejected(t *testing.T) {
	r := model.ReportRule{Name: "x", Kind: model.ReportPeriodic, Due: model.DueRule{Kind: model.DueDaysAfter}}
	if err := r.Validate(); !errors.Is(err, model.ErrNoPeriod) {
		t.Errorf("Validate = %v, want ErrNoPeriod", err)
	}
	if _, err := r.Periods(2026, model.Term{}); !errors.Is(err, model.ErrNoPeriod) {
		t.Errorf("Periods = %v, want ErrNoPeriod", err)
	}
	r.Period, r.Due.Kind = model.PeriodMonthly, "someday"
	if err := r.Validate(); !errors.Is(err, model.ErrBadDueRule) {
		t.Errorf("Validate unknown due kind = %v, want ErrBadDueRule", err)
	}
}

func TestPeriodsWithCutoff(t *testing.T) {
	r := model.ReportRule{Period: model.PeriodQuarterly, Cutoff: 15}
	ps, err := r.Periods(2026, model.Term{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 4 || ps[0].Start != d(2025, 12, 15) || ps[0].End != d(2026, 3, 14) || ps[0].Label != "Quý I/2026" {
		t.Errorf("first quarter = %+v", ps[0])
	}
	weekly, _ := model.ReportRule{Period: model.PeriodWeekly}.Periods(2026, model.Term{})
	if len(weekly) != 52 || weekly[0].End != d(2026, 1, 4) {
		t.Errorf("weeks = %d, first ends %s", len(weekly), weekly[0].End)
	}
	term := model.Term{Label: "2025-2030", Start: d(2025, 10, 1), End: d(2030, 9, 30)}
	if ps, _ := (model.ReportRule{Period: model.PeriodTerm}).Periods(2030, term); len(ps) != 1 {
		t.Errorf("term periods in 2030 = %d, want 1", len(ps))
	}
}

func TestReportLate(t *testing.T) {
	r := model.Report{Due: d(2026, 3, 20), Status: model.ReportSent, SentOn: d(2026, 3, 23)}
	if !r.Late(d(2026, 3, 1)) {
		t.Error("sent after due not late")
	}
	r.SentOn = d(2026, 3, 20)
	if r.Late(d(2026, 12, 1)) {
		t.Error("sent on the due date is late")
	}
	r = model.Report{Due: d(2026, 3, 20), Status: model.ReportDrafting}
	if r.Late(d(2026, 3, 20)) || !r.Late(d(2026, 3, 21)) {
		t.Error("unsent report late on the wrong day")
	}
}
