package ui

import (
	"testing"

	"sotay/model"
)

func TestPlanItemEditKeepsQuarter(t *testing.T) {
	w := newTestWindow(t)
	it := &model.PlanItem{Year: 2027, Kind: model.KindThematicSupervision, Title: "Giám sát chuyên đề chuyển đổi số",
		Subject: "Đảng ủy xã Tân Lập", Quarter: 2, Month: 5}
	if err := w.session.SavePlanItem(it); err != nil {
		t.Fatal(err)
	}
	f := newPlanForm(w, 2027)
	f.existing = it
	w.show("", f.build())
	if !f.quarter.Disabled() || !f.month.Disabled() {
		t.Error("the quarter and month of an existing item are editable outside the move controls")
	}
	f.title.SetText("Giám sát chuyên đề chuyển đổi số năm 2027")
	f.week.SetText("tuần hai")
	f.onSave()
	if f.message.Text != w.t("plans.bad_week", "tuần hai") {
		t.Fatalf("bad week gives %q", f.message.Text)
	}
	f.week.SetText("20")
	f.onSave()

	items, err := w.session.PlanItems(2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items after editing one, want 1", len(items))
	}
	got := items[0]
	if got.Title != "Giám sát chuyên đề chuyển đổi số năm 2027" || got.Week != 20 || got.Quarter != 2 || got.Month != 5 {
		t.Errorf("edited item = %+v", got)
	}
	if err := w.session.DeletePlanItem(got.ID); err != nil {
		t.Fatal(err)
	}
	if items, _ := w.session.PlanItems(2027); len(items) != 0 {
		t.Errorf("%d items after delete", len(items))
	}
}
