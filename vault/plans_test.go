package vault

import (
	"errors"
	"testing"

	"sotay/model"
)

func TestPlanItemMoveKeepsHistory(t *testing.T) {
	v, _ := newTestVault(t)
	it := &model.PlanItem{Year: 2026, Kind: model.KindThematicSupervision, Title: "Giám sa\u0301t chuyên đề", Quarter: 2}
	if err := v.SavePlanItem(it); err != nil {
		t.Fatal(err)
	}
	if err := v.MovePlanItem(it.ID, 3, 8, model.NewDate(2026, 6, 1), "Trùng lịch đại hội"); err != nil {
		t.Fatal(err)
	}
	items, err := v.PlanItems(2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Quarter != 3 || items[0].Month != 8 {
		t.Fatalf("items after move = %+v", items)
	}
	if items[0].Title != "Giám sát chuyên đề" {
		t.Errorf("title not NFC: %q", items[0].Title)
	}
	moves, err := v.PlanMoves(it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(moves) != 1 || moves[0].FromQuarter != 2 || moves[0].ToMonth != 8 || moves[0].Reason != "Trùng lịch đại hội" {
		t.Errorf("moves = %+v", moves)
	}
}

func TestPlanItemValidation(t *testing.T) {
	v, _ := newTestVault(t)
	for _, it := range []model.PlanItem{
		{Year: 2026, Kind: model.KindOther, Quarter: 1},
		{Year: 2026, Kind: model.KindOther, Title: "x", Quarter: 5},
		{Year: 2026, Kind: model.KindOther, Title: "x", Month: 13},
		{Year: 2026, Kind: "bad", Title: "x", Quarter: 1},
	} {
		if err := v.SavePlanItem(&it); !errors.Is(err, ErrInvalid) {
			t.Errorf("SavePlanItem(%+v) = %v, want ErrInvalid", it, err)
		}
	}
}

func TestCopyPlanUnlinks(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	it := &model.PlanItem{Year: 2026, Kind: model.KindOther, Title: "Mục A", Month: 5}
	if err := v.SavePlanItem(it); err != nil {
		t.Fatal(err)
	}
	if err := v.LinkPlanItem(it.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	n, err := v.CopyPlan(2026, 2027)
	if err != nil || n != 1 {
		t.Fatalf("CopyPlan = %d, %v", n, err)
	}
	next, _ := v.PlanItems(2027)
	if len(next) != 1 || next[0].CaseID != "" || next[0].Month != 5 || next[0].Quarter != 2 {
		t.Errorf("copied items = %+v", next)
	}
	prog, err := v.CaseProgress([]string{c.ID}, c.End.AddDays(1))
	if err != nil {
		t.Fatal(err)
	}
	if p := prog[c.ID]; p == nil || p.TasksTotal == 0 || p.OverdueTasks != p.TasksTotal {
		t.Errorf("progress = %+v", p)
	}
}
