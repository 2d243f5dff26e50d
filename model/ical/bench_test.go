package ical

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"sotay/model"
)

// benchmarkEvents returns n events that recur through 2027 in a mix of
// rules, zones and all-day events.
func benchmarkEvents(b *testing.B, n int) []Event {
	b.Helper()
	zones := []*time.Location{mustZone(b, "Asia/Ho_Chi_Minh"), mustZone(b, "Europe/Berlin"), time.UTC}
	rules := []string{
		"FREQ=WEEKLY;BYDAY=MO,WE,FR",
		"FREQ=MONTHLY;BYDAY=-1FR",
		"FREQ=DAILY;INTERVAL=2;UNTIL=20271231T000000Z",
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU",
		"FREQ=MONTHLY;BYMONTHDAY=1,15,-1",
		"FREQ=YEARLY;BYMONTH=3,9;BYDAY=2MO",
		"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=600",
	}
	events := make([]Event, n)
	for i := range events {
		r, err := ParseRRule(rules[i%len(rules)])
		if err != nil {
			b.Fatal(err)
		}
		ev := Event{
			UID:         fmt.Sprintf("event-%d@bench", i),
			Summary:     fmt.Sprintf("Họp giao ban số %d", i),
			Description: "Thành phần: Thường trực Ủy ban, lãnh đạo các phòng nghiệp vụ.\nNội dung: điểm lại công việc tuần trước.",
			Location:    "Phòng họp số 2, tầng 3",
			RRule:       &r,
		}
		day := 1 + i%28
		if i%10 == 9 {
			ev.AllDay = true
			ev.StartDate = model.NewDate(2025, time.Month(1+i%12), day)
			ev.EndDate = ev.StartDate
		} else {
			ev.Start = time.Date(2025, time.Month(1+i%12), day, 7+i%10, 30, 0, 0, zones[i%len(zones)])
			ev.End = ev.Start.Add(90 * time.Minute)
			ev.ExDates = []DateTime{{Time: ev.Start.AddDate(0, 1, 0)}}
		}
		events[i] = ev
	}
	return events
}

// BenchmarkExpandYear expands one year of 1,000 recurring events.
func BenchmarkExpandYear(b *testing.B) {
	cal := Calendar{Events: benchmarkEvents(b, 1000)}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, mustZone(b, "Asia/Ho_Chi_Minh"))
	to := from.AddDate(1, 0, 0)
	n := 0
	for b.Loop() {
		n = len(cal.Expand(from, to))
	}
	b.ReportMetric(float64(n), "instances")
}

// BenchmarkParse10000 parses an .ics file of 10,000 events, every one
// with an RRULE and most with a TZID, an EXDATE and folded lines.
func BenchmarkParse10000(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchmarkEvents(b, 10_000), time.Now()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	zone := mustZone(b, "Asia/Ho_Chi_Minh")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cal, err := Parse(bytes.NewReader(data), zone)
		if err != nil || len(cal.Events) != 10_000 {
			b.Fatalf("Parse: %v", err)
		}
	}
}
