package vault

import (
	"errors"
	"testing"

	"sotay/model"
)

func TestReportRuleWithoutPeriodRejected(t *testing.T) {
	v, _ := newTestVault(t)
	r := &model.ReportRule{Name: "Báo cáo quý", Kind: model.ReportPeriodic,
		Due: model.DueRule{Kind: model.DueDayOfLastMonth, N: 20}}
	err := v.SaveReportRule(r)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != FieldRule {
		t.Fatalf("SaveReportRule = %v, want a rule ValidationError", err)
	}
	if rules, _ := v.ReportRules(); len(rules) != 0 {
		t.Errorf("rejected rule stored: %+v", rules)
	}
}

func TestMergeReportsKeepsStatus(t *testing.T) {
	v, _ := newTestVault(t)
	r := &model.ReportRule{Name: "Báo cáo quý", Kind: model.ReportPeriodic, Period: model.PeriodQuarterly,
		Due: model.DueRule{Kind: model.DueDayOfLastMonth, N: 20}, Active: true}
	if err := v.SaveReportRule(r); err != nil {
		t.Fatal(err)
	}
	p := model.Period{Start: model.NewDate(2026, 1, 1), End: model.NewDate(2026, 3, 31), Label: "Quý I/2026"}
	first := []model.Report{{RuleID: r.ID, Year: 2026, Period: p, Due: model.NewDate(2026, 3, 20)}}
	if err := v.MergeReports(first); err != nil {
		t.Fatal(err)
	}
	all, _ := v.Reports(model.NewDate(2026, 1, 1), model.NewDate(2026, 12, 31))
	if len(all) != 1 {
		t.Fatalf("reports = %d, want 1", len(all))
	}
	if err := v.SetReportStatus(all[0].ID, model.ReportSent, model.NewDate(2026, 3, 19)); err != nil {
		t.Fatal(err)
	}
	again := []model.Report{{RuleID: r.ID, Year: 2026, Period: p, Due: model.NewDate(2026, 3, 19)}}
	if err := v.MergeReports(again); err != nil {
		t.Fatal(err)
	}
	all, _ = v.Reports(model.NewDate(2026, 1, 1), model.NewDate(2026, 12, 31))
	if len(all) != 1 || all[0].Status != model.ReportSent || all[0].Due != model.NewDate(2026, 3, 19) {
		t.Errorf("after second merge = %+v", all)
	}
	if err := v.SetReportStatus(all[0].ID, model.ReportSent, model.Date{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("sent without a date = %v, want ErrInvalid", err)
	}
}
