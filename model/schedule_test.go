package model

import (
	"fmt"
	"testing"
	"time"
)

func weekdaysOnly(d Date) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

func TestDeadlineUrgent(t *testing.T) {
	friday := NewDate(2026, 12, 4)
	cases := []struct {
		deadline Date
		want     bool
	}{
		{Date{}, false},
		{friday.AddDays(-1), true},
		{friday, true},
		{friday.AddDays(5), true},  // Wednesday: the 3rd working day
		{friday.AddDays(6), false}, // Thursday: the 4th
	}
	for _, c := range cases {
		t.Run(c.deadline.String(), func(t *testing.T) {
			if got := DeadlineUrgent(c.deadline, friday, 3, weekdaysOnly); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestQuadrantFlagsRoundTrip(t *testing.T) {
	for _, q := range Quadrants {
		if got := QuadrantOf(q.Flags()); got != q {
			t.Errorf("quadrant %d round-trips to %d", q, got)
		}
	}
}

func TestPomodoroCycle(t *testing.T) {
	c := PomodoroConfig{Work: 25 * time.Minute, ShortBreak: 5 * time.Minute, LongBreak: 15 * time.Minute, LongEvery: 4}
	p := NewPomodoro(c)
	now := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	p.Start(now)
	p.Pause(now.Add(10 * time.Minute))
	now = now.Add(time.Hour)
	p.Start(now) // resume with 15 minutes left
	if got := p.Remaining(now); got != 15*time.Minute {
		t.Fatalf("remaining after pause %v, want 15m", got)
	}
	done := p.Tick(now.Add(15*time.Minute + 3*(30*time.Minute)))
	if len(done) != 7 || p.Phase() != PhaseLongBreak {
		t.Fatalf("after four work sessions: %d phases done, phase %q", len(done), p.Phase())
	}
	if s := p.Skip(now); s != nil {
		t.Errorf("skipping a break logged %v", s)
	}
	if p.Phase() != PhaseWork || p.WorkCount() != 0 {
		t.Errorf("after the long break: phase %q, count %d", p.Phase(), p.WorkCount())
	}
}

func BenchmarkBuildWeek500(b *testing.B) {
	loc := time.FixedZone("ICT", 7*3600)
	monday := NewDate(2026, 11, 30)
	items := make([]CalendarItem, 500)
	for i := range items {
		start := monday.In(loc).Add(time.Duration(i%7)*24*time.Hour + time.Duration(7*60+(i*37)%600)*time.Minute)
		items[i] = CalendarItem{Kind: ItemEvent, Title: fmt.Sprint(i), Start: start, End: start.Add(time.Duration(30+i%90) * time.Minute)}
		if i%10 == 0 {
			items[i] = CalendarItem{Kind: ItemTask, StartDate: monday.AddDays(i % 7), EndDate: monday.AddDays(i % 7)}
		}
	}
	b.ResetTimer()
	for range b.N {
		BuildDays(monday, 7, items, nil, loc, weekdaysOnly)
	}
}
