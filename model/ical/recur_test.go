package ical

import (
	"strings"
	"testing"
	"time"

	"sotay/model"
)

// timedEvent returns an event of one hour that starts at wall-clock time
// start (YYYY-MM-DD HH:MM) in zone, with the RRULE rule.
func timedEvent(t *testing.T, zone, start, rule string) *Event {
	t.Helper()
	loc := mustZone(t, zone)
	s, err := time.ParseInLocation("2006-01-02 15:04", start, loc)
	if err != nil {
		t.Fatal(err)
	}
	ev := &Event{UID: "test", Summary: "test", Start: s, End: s.Add(time.Hour)}
	if rule != "" {
		r, err := ParseRRule(rule)
		if err != nil {
			t.Fatalf("ParseRRule(%q): %v", rule, err)
		}
		ev.RRule = &r
	}
	return ev
}

// formatStarts returns the starts of instances as "2006-01-02 15:04 -0700"
// or, for all-day instances, "2006-01-02".
func formatStarts(ins []Instance) string {
	var parts []string
	for _, in := range ins {
		if in.AllDay {
			parts = append(parts, in.StartDate.String())
		} else {
			parts = append(parts, in.Start.Format("2006-01-02 15:04 -0700"))
		}
	}
	return strings.Join(parts, ", ")
}

var (
	windowFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	windowTo   = time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
)

func TestExpandTimed(t *testing.T) {
	tests := []struct {
		name, zone, start, rule string
		exdates                 []string // wall-clock times in zone
		want                    string
	}{
		{
			name: "last Friday monthly", zone: "Asia/Ho_Chi_Minh", start: "2026-01-30 09:00",
			rule: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6",
			want: "2026-01-30 09:00 +0700, 2026-02-27 09:00 +0700, 2026-03-27 09:00 +0700, " +
				"2026-04-24 09:00 +0700, 2026-05-29 09:00 +0700, 2026-06-26 09:00 +0700",
		},
		{
			name: "second Monday monthly", zone: "Asia/Ho_Chi_Minh", start: "2026-01-12 08:00",
			rule: "FREQ=MONTHLY;BYDAY=2MO;COUNT=3",
			want: "2026-01-12 08:00 +0700, 2026-02-09 08:00 +0700, 2026-03-09 08:00 +0700",
		},
		{
			name: "every second week Mon and Wed", zone: "Asia/Ho_Chi_Minh", start: "2026-01-05 08:00",
			rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6",
			want: "2026-01-05 08:00 +0700, 2026-01-07 08:00 +0700, 2026-01-19 08:00 +0700, " +
				"2026-01-21 08:00 +0700, 2026-02-02 08:00 +0700, 2026-02-04 08:00 +0700",
		},
		{
			// With WKST=SU the Sunday 11 January starts the week after
			// DTSTART's, so it is skipped; with WKST=MO it is not.
			name: "biweekly WKST=SU", zone: "UTC", start: "2026-01-06 10:00",
			rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=4",
			want: "2026-01-06 10:00 +0000, 2026-01-18 10:00 +0000, 2026-01-20 10:00 +0000, 2026-02-01 10:00 +0000",
		},
		{
			name: "biweekly WKST=MO", zone: "UTC", start: "2026-01-06 10:00",
			rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO;COUNT=4",
			want: "2026-01-06 10:00 +0000, 2026-01-11 10:00 +0000, 2026-01-20 10:00 +0000, 2026-01-25 10:00 +0000",
		},
		{
			name: "COUNT", zone: "Asia/Ho_Chi_Minh", start: "2026-03-01 10:00",
			rule: "FREQ=DAILY;COUNT=3",
			want: "2026-03-01 10:00 +0700, 2026-03-02 10:00 +0700, 2026-03-03 10:00 +0700",
		},
		{
			name: "UNTIL equal to a start is inclusive", zone: "Asia/Ho_Chi_Minh", start: "2026-03-01 10:00",
			rule: "FREQ=DAILY;UNTIL=20260303T030000Z",
			want: "2026-03-01 10:00 +0700, 2026-03-02 10:00 +0700, 2026-03-03 10:00 +0700",
		},
		{
			name: "UNTIL a second earlier", zone: "Asia/Ho_Chi_Minh", start: "2026-03-01 10:00",
			rule: "FREQ=DAILY;UNTIL=20260303T025959Z",
			want: "2026-03-01 10:00 +0700, 2026-03-02 10:00 +0700",
		},
		{
			name: "UNTIL as a date", zone: "Asia/Ho_Chi_Minh", start: "2026-03-01 10:00",
			rule: "FREQ=DAILY;UNTIL=20260303",
			want: "2026-03-01 10:00 +0700, 2026-03-02 10:00 +0700, 2026-03-03 10:00 +0700",
		},
		{
			name: "EXDATE counts toward COUNT", zone: "Asia/Ho_Chi_Minh", start: "2026-01-05 08:00",
			rule: "FREQ=WEEKLY;COUNT=4", exdates: []string{"2026-01-12 08:00"},
			want: "2026-01-05 08:00 +0700, 2026-01-19 08:00 +0700, 2026-01-26 08:00 +0700",
		},
		{
			name: "EXDATE of DTSTART", zone: "UTC", start: "2026-01-05 08:00",
			rule: "FREQ=DAILY;COUNT=2", exdates: []string{"2026-01-05 08:00"},
			want: "2026-01-06 08:00 +0000",
		},
		{
			name: "31st skips short months", zone: "UTC", start: "2026-01-31 12:00",
			rule: "FREQ=MONTHLY;COUNT=4",
			want: "2026-01-31 12:00 +0000, 2026-03-31 12:00 +0000, 2026-05-31 12:00 +0000, 2026-07-31 12:00 +0000",
		},
		{
			name: "BYMONTHDAY negative", zone: "UTC", start: "2026-01-31 12:00",
			rule: "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
			want: "2026-01-31 12:00 +0000, 2026-02-28 12:00 +0000, 2026-03-31 12:00 +0000",
		},
		{
			name: "BYSETPOS last weekday", zone: "UTC", start: "2026-01-30 12:00",
			rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
			want: "2026-01-30 12:00 +0000, 2026-02-27 12:00 +0000, 2026-03-31 12:00 +0000",
		},
		{
			name: "yearly Thanksgiving", zone: "America/New_York", start: "2026-11-26 12:00",
			rule: "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3",
			want: "2026-11-26 12:00 -0500, 2027-11-25 12:00 -0500, 2028-11-23 12:00 -0500",
		},
		{
			name: "Friday 13th", zone: "UTC", start: "2026-02-13 09:00",
			rule: "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3",
			want: "2026-02-13 09:00 +0000, 2026-03-13 09:00 +0000, 2026-11-13 09:00 +0000",
		},
		{
			name: "Berlin daily across spring change", zone: "Europe/Berlin", start: "2026-03-27 09:00",
			rule: "FREQ=DAILY;COUNT=4",
			want: "2026-03-27 09:00 +0100, 2026-03-28 09:00 +0100, 2026-03-29 09:00 +0200, 2026-03-30 09:00 +0200",
		},
		{
			name: "Berlin weekly across autumn change", zone: "Europe/Berlin", start: "2026-10-19 09:00",
			rule: "FREQ=WEEKLY;COUNT=3",
			want: "2026-10-19 09:00 +0200, 2026-10-26 09:00 +0100, 2026-11-02 09:00 +0100",
		},
		{
			// 02:30 does not exist on 29 March 2026: RFC 5545 reads it
			// with the offset from before the gap, which is 03:30 CEST.
			name: "Berlin time in the spring gap", zone: "Europe/Berlin", start: "2026-03-22 02:30",
			rule: "FREQ=WEEKLY;COUNT=3",
			want: "2026-03-22 02:30 +0100, 2026-03-29 03:30 +0200, 2026-04-05 02:30 +0200",
		},
		{
			// 02:30 happens twice on 25 October 2026: the first one,
			// in CEST, is meant.
			name: "Berlin time repeated in autumn", zone: "Europe/Berlin", start: "2026-10-18 02:30",
			rule: "FREQ=WEEKLY;COUNT=3",
			want: "2026-10-18 02:30 +0200, 2026-10-25 02:30 +0200, 2026-11-01 02:30 +0100",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := timedEvent(t, tt.zone, tt.start, tt.rule)
			for _, ex := range tt.exdates {
				ev.ExDates = append(ev.ExDates, DateTime{Time: timedEvent(t, tt.zone, ex, "").Start})
			}
			got := formatStarts(Expand(ev, windowFrom, windowTo))
			if got != tt.want {
				t.Errorf("Expand:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestExpandAllDay(t *testing.T) {
	tests := []struct {
		name, start, rule string
		want              string
	}{
		{"yearly on 29 February", "2024-02-29", "FREQ=YEARLY;COUNT=3", "2024-02-29, 2028-02-29, 2032-02-29"},
		{"last day of February", "2024-02-29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3",
			"2024-02-29, 2025-02-28, 2026-02-28"},
		{"yearly without BYMONTH", "2026-09-02", "FREQ=YEARLY;UNTIL=20280902", "2026-09-02, 2027-09-02, 2028-09-02"},
		{"weekdays", "2026-01-02", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=4",
			"2026-01-02, 2026-01-05, 2026-01-06, 2026-01-07"},
		{"first and last Sunday", "2026-01-04", "FREQ=MONTHLY;BYDAY=1SU,-1SU;COUNT=4",
			"2026-01-04, 2026-01-25, 2026-02-01, 2026-02-22"},
		{"20th Monday of the year", "2026-05-18", "FREQ=YEARLY;BYDAY=20MO;COUNT=2", "2026-05-18, 2027-05-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDate(t, tt.start)
			r, err := ParseRRule(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			ev := &Event{UID: "x", AllDay: true, StartDate: d, EndDate: d, RRule: &r}
			got := formatStarts(Expand(ev, windowFrom, windowTo))
			if got != tt.want {
				t.Errorf("Expand:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestExpandWindow(t *testing.T) {
	ev := timedEvent(t, "Asia/Ho_Chi_Minh", "1990-01-01 08:00", "FREQ=DAILY")
	loc := ev.Start.Location()
	from := time.Date(2026, 6, 1, 8, 30, 0, 0, loc) // inside the 1 June instance
	to := time.Date(2026, 6, 3, 8, 0, 0, 0, loc)    // at the start of 3 June: excluded

	got := formatStarts(Expand(ev, from, to))
	want := "2026-06-01 08:00 +0700, 2026-06-02 08:00 +0700"
	if got != want {
		t.Errorf("Expand:\n got %s\nwant %s", got, want)
	}
}

func TestExpandAllDayWindow(t *testing.T) {
	d := model.NewDate(2027, 2, 5)
	ev := &Event{UID: "tet", AllDay: true, StartDate: d, EndDate: d.AddDays(5)}
	loc := mustZone(t, "Asia/Ho_Chi_Minh")

	in := Expand(ev, time.Date(2027, 2, 10, 23, 0, 0, 0, loc), time.Date(2027, 3, 1, 0, 0, 0, 0, loc))
	if len(in) != 1 || in[0].EndDate != model.NewDate(2027, 2, 10) {
		t.Errorf("window ending inside the last day: got %+v", in)
	}
	in = Expand(ev, time.Date(2027, 2, 11, 0, 0, 0, 0, loc), time.Date(2027, 3, 1, 0, 0, 0, 0, loc))
	if len(in) != 0 {
		t.Errorf("window after the last day: got %d instances", len(in))
	}
}

func TestExpandNeverMatching(t *testing.T) {
	ev := timedEvent(t, "UTC", "2026-01-01 08:00", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
	got := Expand(ev, windowFrom, windowTo)
	if len(got) != 1 {
		t.Errorf("got %d instances, want only DTSTART", len(got))
	}
}

func TestExpandLimit(t *testing.T) {
	ev := timedEvent(t, "UTC", "2000-01-01 08:00", "FREQ=DAILY")
	got := Expand(ev, windowFrom, time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(got) != MaxInstances {
		t.Errorf("got %d instances, want MaxInstances (%d)", len(got), MaxInstances)
	}
}

func TestExpandRDate(t *testing.T) {
	ev := timedEvent(t, "UTC", "2026-01-05 08:00", "FREQ=WEEKLY;COUNT=2")
	ev.RDates = []DateTime{
		{Time: time.Date(2026, 1, 7, 8, 0, 0, 0, time.UTC)},
		{Time: time.Date(2026, 1, 12, 8, 0, 0, 0, time.UTC)}, // also a rule instance
	}
	got := formatStarts(Expand(ev, windowFrom, windowTo))
	want := "2026-01-05 08:00 +0000, 2026-01-07 08:00 +0000, 2026-01-12 08:00 +0000"
	if got != want {
		t.Errorf("Expand:\n got %s\nwant %s", got, want)
	}
}

func TestExpandFarYearsKeepWallClock(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney"} {
		t.Run(zone, func(t *testing.T) {
			ev := timedEvent(t, zone, "2044-12-01 09:00", "FREQ=WEEKLY;BYDAY=MO,TH")
			loc := ev.Start.Location()
			ins := Expand(ev, windowFrom, time.Date(2052, 1, 1, 0, 0, 0, 0, time.UTC))
			if len(ins) < 700 {
				t.Fatalf("got %d instances, want about 730", len(ins))
			}
			for _, in := range ins {
				y, m, d := in.Start.In(loc).Date()
				if want := time.Date(y, m, d, 9, 0, 0, 0, loc); !in.Start.Equal(want) {
					t.Errorf("instance at %v, want %v", in.Start.In(loc), want)
				}
			}
		})
	}
}
