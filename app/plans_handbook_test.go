package app

import (
	"errors"
	"testing"

	"sotay/model"
)

func TestTimeLimitSetsDeadline(t *testing.T) {
	s := newTestSession(t)
	c := &model.Case{Code: "TC-1", Title: "Giải quyết tố cáo", Kind: model.KindDenunciation,
		Status: model.StatusInProgress, Start: model.NewDate(2026, 1, 5), End: model.NewDate(2026, 8, 31)}
	if err := s.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	n, err := ApplyTimeLimits(s, c.ID)
	if err != nil || n != 1 {
		t.Fatalf("ApplyTimeLimits = %d, %v; want one task moved", n, err)
	}
	tasks, _ := s.Tasks(c.ID)
	// 90 working days after Mon 05/01/2026: 20 in January (with the
	// working Saturday 10/01), 15 in February (Tết off 16–20/02), 22 in
	// March, 20 in April (27/04 and 30/04 off), then 01/05 off and 13 in May.
	want := model.NewDate(2026, 5, 20)
	for _, task := range tasks {
		if task.Title == "Hoàn chỉnh thông báo kết luận hoặc quyết định kỷ luật" && task.Deadline != want {
			t.Errorf("deadline = %s, want %s", task.Deadline, want)
		}
	}

	phase, entries, err := CaseHandbook(s, c.ID, model.NewDate(2026, 1, 6))
	if err != nil {
		t.Fatal(err)
	}
	if phase != model.Preparation || len(entries) == 0 || !entries[0].Found || entries[0].Entry.Guidance == "" {
		t.Errorf("handbook of the first phase = %v, %+v", phase, entries)
	}

	short := &model.Case{Code: "TC-2", Title: "Tố cáo ngắn", Kind: model.KindDenunciation,
		Status: model.StatusInProgress, Start: model.NewDate(2026, 1, 5), End: model.NewDate(2026, 3, 31)}
	if err := s.CreateCase(short, true); err != nil {
		t.Fatal(err)
	}
	if _, err := ApplyTimeLimits(s, short.ID); !errors.Is(err, ErrLimitPastEnd) {
		t.Errorf("limit past the end = %v, want ErrLimitPastEnd", err)
	}
}
