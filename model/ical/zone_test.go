package ical

import (
	"testing"
	"time"
)

const customZones = `BEGIN:VTIMEZONE
TZID:My Office
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Custom Central Europe
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`

func TestParseCustomZones(t *testing.T) {
	cal := mustParse(t, calendarOf(customZones,
		"BEGIN:VEVENT", "UID:a", "DTSTART;TZID=My Office:20261210T080000", "END:VEVENT",
		"BEGIN:VEVENT", "UID:b", `DTSTART;TZID="Custom Central Europe":20260110T080000`, "END:VEVENT",
		"BEGIN:VEVENT", "UID:c", "DTSTART;TZID=Custom Central Europe:20260710T080000", "END:VEVENT",
		"BEGIN:VEVENT", "UID:d", "DTSTART;TZID=Custom Central Europe:20260329T023000", "END:VEVENT",
	))
	if len(cal.Warnings) != 0 {
		t.Errorf("warnings: %v", cal.Warnings)
	}
	want := []time.Time{
		time.Date(2026, 12, 10, 2, 30, 0, 0, time.UTC),
		time.Date(2026, 1, 10, 7, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 10, 6, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC), // in the gap: 03:30 CEST
	}
	if len(cal.Events) != len(want) {
		t.Fatalf("got %d events, want %d", len(cal.Events), len(want))
	}
	for i, w := range want {
		if got := cal.Events[i].Start; !got.Equal(w) {
			t.Errorf("event %s starts %v, want %v", cal.Events[i].UID, got.UTC(), w)
		}
	}
}

func TestParseCustomZoneRecurrence(t *testing.T) {
	cal := mustParse(t, calendarOf(customZones,
		"BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Custom Central Europe:20261019T090000",
		"RRULE:FREQ=WEEKLY;COUNT=2", "END:VEVENT"))
	got := formatStarts(cal.Expand(windowFrom, windowTo))
	want := "2026-10-19 09:00 +0200, 2026-10-26 09:00 +0100"
	if got != want {
		t.Errorf("instances:\n got %s\nwant %s", got, want)
	}
}

func TestParseIANAZoneWinsOverBlock(t *testing.T) {
	// The block gives +0000 for a name that is in the zone database.
	cal := mustParse(t, calendarOf(`BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0000
TZOFFSETTO:+0000
END:STANDARD
END:VTIMEZONE`, "BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Europe/Berlin:20260710T080000", "END:VEVENT"))
	if got := onlyEvent(t, cal).Start; !got.Equal(time.Date(2026, 7, 10, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("start %v, want 06:00 UTC", got.UTC())
	}
}

func TestParseDisplayNameZone(t *testing.T) {
	cal := mustParse(t, calendarOf("BEGIN:VEVENT", "UID:a",
		`DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260110T080000`, "END:VEVENT"))
	if got := onlyEvent(t, cal).Start; !got.Equal(time.Date(2026, 1, 10, 13, 0, 0, 0, time.UTC)) {
		t.Errorf("start %v, want 13:00 UTC", got.UTC())
	}
	if len(cal.Warnings) != 1 {
		t.Errorf("warnings = %v, want one about the fixed offset", cal.Warnings)
	}
}

func TestWindowsZone(t *testing.T) {
	if n := len(windowsZones()); n < 139 {
		t.Errorf("the table has %d zones, want at least 139", n)
	}
	for windows, iana := range windowsZones() {
		if _, err := time.LoadLocation(iana); err != nil {
			t.Errorf("%s maps to %s, which does not load: %v", windows, iana, err)
		}
	}
	for windows, want := range map[string]string{
		"SE Asia Standard Time":   "Asia/Bangkok",
		"W. Europe Standard Time": "Europe/Berlin",
		"Eastern Standard Time":   "America/New_York",
		"UTC":                     "Etc/UTC",
	} {
		if got, ok := WindowsZone(windows); !ok || got != want {
			t.Errorf("WindowsZone(%q) = %q, %v; want %q", windows, got, ok, want)
		}
	}
}

func TestCalendarOverrides(t *testing.T) {
	series := []string{"BEGIN:VEVENT", "UID:s", "SUMMARY:weekly",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20270104T080000", "DTEND;TZID=Asia/Ho_Chi_Minh:20270104T090000",
		"RRULE:FREQ=WEEKLY;COUNT=4", "END:VEVENT"}
	moved := []string{"BEGIN:VEVENT", "UID:s", "SUMMARY:moved",
		"RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20270111T080000",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20270112T140000", "DTEND;TZID=Asia/Ho_Chi_Minh:20270112T150000",
		"END:VEVENT"}
	cancelled := []string{"BEGIN:VEVENT", "UID:s", "STATUS:CANCELLED",
		"RECURRENCE-ID:20270118T010000Z", "DTSTART:20270118T010000Z", "END:VEVENT"}
	orphan := []string{"BEGIN:VEVENT", "UID:other", "SUMMARY:orphan",
		"RECURRENCE-ID:20270105T010000Z", "DTSTART:20270105T020000Z", "END:VEVENT"}

	var lines []string
	for _, part := range [][]string{series, moved, cancelled, orphan} {
		lines = append(lines, part...)
	}
	cal := mustParse(t, calendarOf(lines...))
	ins := cal.Expand(windowFrom, windowTo)

	hcm := mustZone(t, "Asia/Ho_Chi_Minh")
	got := ""
	for _, in := range ins {
		got += in.Event.Summary + " " + in.Start.In(hcm).Format("01-02 15:04") + "; "
	}
	want := "weekly 01-04 08:00; orphan 01-05 09:00; moved 01-12 14:00; weekly 01-25 08:00; "
	if got != want {
		t.Errorf("instances:\n got %s\nwant %s", got, want)
	}
	if len(ins) == 4 && !ins[2].RecurrenceID.Time.Equal(time.Date(2027, 1, 11, 1, 0, 0, 0, time.UTC)) {
		t.Errorf("moved instance RecurrenceID = %v", ins[2].RecurrenceID)
	}
}

func TestCalendarOverrideMovedIntoWindow(t *testing.T) {
	cal := mustParse(t, calendarOf(
		"BEGIN:VEVENT", "UID:s", "SUMMARY:daily", "DTSTART:20270101T010000Z", "RRULE:FREQ=DAILY;COUNT=10", "END:VEVENT",
		"BEGIN:VEVENT", "UID:s", "SUMMARY:moved", "RECURRENCE-ID:20270102T010000Z",
		"DTSTART:20270301T010000Z", "END:VEVENT"))
	from := time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)
	ins := cal.Expand(from, from.AddDate(0, 2, 0))
	if len(ins) != 1 || ins[0].Event.Summary != "moved" {
		t.Errorf("got %d instances, want only the moved one", len(ins))
	}
}
