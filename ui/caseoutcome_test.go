package ui

import (
	"testing"

	"sotay/model"
)

func TestOutcomePanelSaves(t *testing.T) {
	w := newTestWindow(t)
	c := &model.Case{Title: "Hồ sơ có kết luận", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, 9, 1), End: model.NewDate(2026, 11, 30)}
	if err := w.session.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	screen, err := newCaseScreen(w, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	w.show("", screen.build())
	p := newOutcomePanel(screen)
	w.show("", p.build())

	p.findings.SetText("Chi sai mục đích 120 triệu đồng")
	p.violations.SetText("hai")
	p.onSave()
	if p.message.Text != w.t("outcome.bad_violations", "hai") {
		t.Fatalf("bad count gives %q", p.message.Text)
	}
	p.violations.SetText("2")
	p.decision.SetText("10/09/2026")
	p.notice.SetText("01/09/2026")
	p.onSave()
	if p.message.Text != w.t("outcome.notice_before_decision") {
		t.Fatalf("notice before decision gives %q", p.message.Text)
	}
	if o, _ := w.session.Outcome(c.ID); o.Findings != "" {
		t.Fatal("a rejected outcome was stored")
	}

	p.notice.SetText("25/11/2026")
	p.proposed.SetText("Khiển trách")
	p.onSave()
	o, err := w.session.Outcome(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Violations != 2 || o.DisciplineProposed != "Khiển trách" || o.NoticeDate != model.NewDate(2026, 11, 25) {
		t.Errorf("stored outcome %+v", o)
	}
	if p.findings.Text != "Chi sai mục đích 120 triệu đồng" {
		t.Error("the findings were lost on the way")
	}
}
