package model

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return NewDate(y, m, day) }

func TestSplitPhases(t *testing.T) {
	tests := []struct {
		start, end       Date
		prepEnd, execEnd Date
	}{
		// 30 days: 3 + 22 + 5 (4.5 rounds to 5).
		{d(2026, 3, 1), d(2026, 3, 30), d(2026, 3, 3), d(2026, 3, 25)},
		// 100 days: 10 + 75 + 15.
		{d(2026, 1, 1), d(2026, 4, 10), d(2026, 1, 10), d(2026, 3, 26)},
		// 3 days: one day each.
		{d(2026, 5, 1), d(2026, 5, 3), d(2026, 5, 1), d(2026, 5, 2)},
		// 10 days: 1 + 7 + 2 (1.5 rounds to 2).
		{d(2026, 6, 1), d(2026, 6, 10), d(2026, 6, 1), d(2026, 6, 8)},
		// Across a year end.
		{d(2026, 12, 15), d(2027, 2, 12), d(2026, 12, 20), d(2027, 2, 3)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v..%v", tt.start, tt.end), func(t *testing.T) {
			ph, err := SplitPhases(tt.start, tt.end, DefaultShares)
			if err != nil {
				t.Fatal(err)
			}
			if ph[0].End != tt.prepEnd {
				t.Errorf("preparation ends %v, want %v", ph[0].End, tt.prepEnd)
			}
			if ph[1].End != tt.execEnd {
				t.Errorf("execution ends %v, want %v", ph[1].End, tt.execEnd)
			}
			if ph[2].End != tt.end || ph[0].Start != tt.start {
				t.Errorf("phases span %v..%v", ph[0].Start, ph[2].End)
			}
			if ph[1].Start != ph[0].End.AddDays(1) || ph[2].Start != ph[1].End.AddDays(1) {
				t.Errorf("phases leave a gap: %+v", ph)
			}
		})
	}
}

func TestSplitPhasesRejects(t *testing.T) {
	if _, err := SplitPhases(d(2026, 5, 2), d(2026, 5, 1), DefaultShares); !errors.Is(err, ErrPeriodReversed) {
		t.Errorf("reversed period: err = %v", err)
	}
	if _, err := SplitPhases(d(2026, 5, 1), d(2026, 5, 2), DefaultShares); !errors.Is(err, ErrPeriodTooShort) {
		t.Errorf("two-day period: err = %v", err)
	}
	if _, err := PhasesWithBounds(d(2026, 5, 1), d(2026, 5, 30), d(2026, 5, 10), d(2026, 5, 10)); !errors.Is(err, ErrBoundsOutside) {
		t.Errorf("empty execution: err = %v", err)
	}
}

func TestCheckShares(t *testing.T) {
	usual, _ := PhasesWithBounds(d(2026, 1, 1), d(2026, 4, 10), d(2026, 1, 10), d(2026, 3, 26))
	if w := CheckShares(usual); len(w) != 0 {
		t.Errorf("10/75/15 split warns: %+v", w)
	}
	// 30 % preparation, 55 % execution, 15 % closing.
	long, _ := PhasesWithBounds(d(2026, 1, 1), d(2026, 4, 10), d(2026, 1, 30), d(2026, 3, 26))
	w := CheckShares(long)
	if len(w) != 2 || w[0].Phase != Preparation || w[1].Phase != Execution {
		t.Errorf("30/55/15 split warnings = %+v, want preparation and execution", w)
	}
}

func TestDefaultSplitNeverWarns(t *testing.T) {
	start := d(2026, 1, 1)
	for days := 10; days <= 730; days++ {
		ph, err := SplitPhases(start, start.AddDays(days-1), DefaultShares)
		if err != nil {
			t.Fatal(err)
		}
		if w := CheckShares(ph); len(w) != 0 {
			t.Errorf("%d-day case: default split %d/%d/%d warns %+v", days, ph[0].Days(), ph[1].Days(), ph[2].Days(), w)
		}
	}
}

func TestTemplateTasks(t *testing.T) {
	ph, _ := SplitPhases(d(2026, 1, 1), d(2026, 4, 10), DefaultShares)
	tasks := TemplateTasks(ph)
	if len(tasks) != len(StandardTasks) {
		t.Fatalf("got %d tasks, want %d", len(tasks), len(StandardTasks))
	}
	last := map[PhaseKind]Date{}
	for _, task := range tasks {
		p := ph[task.Phase]
		if task.Deadline.Before(p.Start) || task.Deadline.After(p.End) {
			t.Errorf("%q due %v outside its phase %v..%v", task.Title, task.Deadline, p.Start, p.End)
		}
		if task.Deadline.Before(last[task.Phase]) {
			t.Errorf("%q due %v before the task listed above it", task.Title, task.Deadline)
		}
		last[task.Phase] = task.Deadline
	}
	for _, p := range ph {
		if last[p.Kind] != p.End {
			t.Errorf("last task of phase %d due %v, want the phase end %v", p.Kind, last[p.Kind], p.End)
		}
	}
	// Preparation has 10 days and 6 tasks: days 2, 4, 5, 7, 9, 10.
	want := []int{2, 4, 5, 7, 9, 10}
	for i, day := range want {
		if got := tasks[i].Deadline; got != d(2026, 1, day) {
			t.Errorf("preparation task %d due %v, want day %d", i, got, day)
		}
	}
}

func TestTemplateTasksShortPeriod(t *testing.T) {
	ph, _ := SplitPhases(d(2026, 5, 1), d(2026, 5, 3), DefaultShares)
	for _, task := range TemplateTasks(ph) {
		if task.Deadline != ph[task.Phase].Start {
			t.Errorf("%q due %v in a one-day phase on %v", task.Title, task.Deadline, ph[task.Phase].Start)
		}
	}
}
