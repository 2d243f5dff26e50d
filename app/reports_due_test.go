package app

import (
	"testing"

	"sotay/model"
)

func TestReportsInCalendarAndToday(t *testing.T) {
	s := newTestSession(t)
	today := model.NewDate(2026, 12, 4)
	first, last := model.NewDate(2026, 1, 1), model.NewDate(2026, 12, 31)

	items, err := ReportItems(s, first, last, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatal("the default rules put no report in the 2026 calendar")
	}
	for _, it := range items {
		if it.Kind != model.ItemReport || it.StartDate.Before(first) || it.StartDate.After(last) {
			t.Errorf("item %+v is not a 2026 report", it)
		}
	}

	due, err := UpcomingReports(s, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) == 0 {
		t.Fatal("no report overdue or due within two weeks of 4/12/2026")
	}
	for _, r := range due {
		if r.Status == model.ReportSent || r.Due.After(today.AddDays(TodayWindow)) {
			t.Errorf("report %s due %v listed on Hôm nay", r.Rule.Name, r.Due)
		}
	}
}
