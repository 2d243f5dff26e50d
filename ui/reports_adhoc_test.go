package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

func TestAdHocReportAdded(t *testing.T) {
	w := newTestWindow(t)
	s := newReportScreen(w, 2026)
	w.show("", s.build())
	s.showAdHocForm()

	var label, due *widget.Entry
	var add *widget.Button
	walk(s.detail, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			if x.PlaceHolder == w.t("reports.adhoc_label_hint") {
				label = x
			} else if due == nil {
				due = x
			}
		case *widget.Button:
			if x.Text == w.t("reports.adhoc_add") {
				add = x
			}
		}
	})
	if label == nil || due == nil || add == nil {
		t.Fatal("the ad hoc form is incomplete")
	}
	test.Tap(add)
	if !labelShown(s.detail, w.t("reports.adhoc_missing")) {
		t.Fatal("an empty subject gives no message")
	}
	label.SetText("Báo cáo vụ việc tại xã Tân Lập")
	due.SetText("18/12/2026")
	test.Tap(add)

	rows, err := app.ReportsDue(w.session, model.NewDate(2026, 12, 18), model.NewDate(2026, 12, 18), w.today())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r.Period.Label == "Báo cáo vụ việc tại xã Tân Lập" && r.Rule.Kind != model.ReportPeriodic {
			found = true
		}
	}
	if !found {
		t.Errorf("the ad hoc report is not in the calendar: %+v", rows)
	}
}

func labelShown(o fyne.CanvasObject, text string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Text == text {
			found = true
		}
	})
	return found
}
