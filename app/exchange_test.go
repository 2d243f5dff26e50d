package app

import (
	"testing"
)

func TestOverallProgressAcrossPacks(t *testing.T) {
	var got []int64
	progress := overallProgress(2, func(done, total int64) {
		if total != 1000 {
			t.Errorf("total = %d, want 1000", total)
		}
		got = append(got, done)
	})
	for _, done := range []int64{10, 50, 100, 10, 100} {
		progress(done, 100)
	}
	want := []int64{50, 250, 500, 550, 1000}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: %d, want %d", i, got[i], want[i])
		}
	}
}

func TestConflictSides(t *testing.T) {
	const own = "ws-own"
	mine := map[string]any{"workstation": own, "title": "A"}
	theirs := map[string]any{"workstation": "ws-other", "title": "B"}
	third := map[string]any{"workstation": "ws-third", "title": "C"}
	tests := []struct {
		name           string
		current, other map[string]any
		want           ConflictSide
	}{
		{"current mine", mine, theirs, SideCurrentMine},
		{"other mine", theirs, mine, SideOtherMine},
		{"neither mine", theirs, third, SideUnknown},
		{"record gone", nil, theirs, SideUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := conflictSide(own, tc.current, tc.other); got != tc.want {
				t.Errorf("side = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestChangedColumnsSkipBookkeeping(t *testing.T) {
	a := map[string]any{"id": "x", "updated_at": "1", "workstation": "a", "title": "A", "code": "K1",
		"classification": int64(1), "deleted": int64(0)}
	b := map[string]any{"id": "x", "updated_at": "2", "workstation": "b", "title": "B", "code": "K1",
		"classification": float64(2), "deleted": float64(0)}
	got := changedColumns(a, b)
	want := []string{"title", "classification"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("changed = %v, want %v", got, want)
	}
}
