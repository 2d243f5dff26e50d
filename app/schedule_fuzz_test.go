package app

import (
	"bytes"
	"testing"
	"time"

	"sotay/model"
	"sotay/model/ical"
)

// FuzzICSToVaultEvents feeds arbitrary input through what an import does
// before the vault: parse, convert each event to a vault event and back,
// and expand a year. None of it may panic, and every converted event
// keeps a UID and a title.
func FuzzICSToVaultEvents(f *testing.F) {
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Họp\r\n" +
		"DTSTART;TZID=\"SE Asia Standard Time\":20261207T080000\r\nDURATION:PT1H\r\n" +
		"RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=5\r\nEXDATE;TZID=\"SE Asia Standard Time\":20261225T080000\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Nghỉ\nDTSTART;VALUE=DATE:20270205\n" +
		"DTEND;VALUE=DATE:20270210\nSTATUS:CANCELLED\nEND:VEVENT\nEND:VCALENDAR\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nRECURRENCE-ID:20261207T010000Z\r\n" +
		"DTSTART:20261208T010000Z\r\nDTEND:20261207T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, Zone)
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, err := ical.Parse(bytes.NewReader(data), Zone)
		if err != nil {
			return
		}
		rows := make([]model.Event, 0, len(cal.Events))
		for i := range cal.Events {
			e := fromICal(&cal.Events[i], "(untitled)")
			if e.UID == "" || e.Title == "" {
				t.Fatalf("event %d converted without UID or title: %+v", i, e)
			}
			rows = append(rows, e)
		}
		expandRows(rows, from, from.AddDate(1, 0, 0))
	})
}
