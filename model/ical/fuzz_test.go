package ical

import (
	"bytes"
	"testing"
	"time"
)

// FuzzParse checks that no input makes Parse, Calendar.Expand or Write
// panic, that Parse either fails or returns a calendar, and that every
// calendar it returns can be written and read again with as many events.
// The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte(calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Europe/Berlin:20260329T023000",
		"RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1", "EXDATE;VALUE=DATE:20260424", "END:VEVENT")))
	zone, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		f.Fatal(err)
	}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, zone)

	f.Fuzz(func(t *testing.T, data []byte) {
		cal, err := Parse(bytes.NewReader(data), zone)
		if err != nil {
			if cal != nil {
				t.Fatal("Parse returned a calendar with an error")
			}
			return
		}
		cal.Expand(from, from.AddDate(2, 0, 0))

		var written []Event
		for _, ev := range cal.Events {
			if ev.UID != "" {
				written = append(written, ev)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, written, from); err != nil {
			t.Fatalf("Write: %v", err)
		}
		again, err := Parse(&buf, zone)
		if err != nil {
			t.Fatalf("Parse of written output: %v", err)
		}
		if len(again.Events) != len(written) {
			t.Fatalf("wrote %d events, read back %d; warnings %v", len(written), len(again.Events), again.Warnings)
		}
	})
}
