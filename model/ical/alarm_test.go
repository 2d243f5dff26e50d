package ical

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Reminders travel from a VALARM's TRIGGER when they fall before the
// start; the others are left out.
func TestAlarmOffsets(t *testing.T) {
	alarm := func(trigger string) string {
		return "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Nhắc\r\n" + trigger + "\r\nEND:VALARM\r\n"
	}
	data := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:giao-ban\r\nSUMMARY:Giao ban\r\n" +
		"DTSTART:20261207T010000Z\r\nDTEND:20261207T020000Z\r\n" +
		alarm("TRIGGER:-PT15M") +
		alarm("TRIGGER;RELATED=START:-P1D") +
		alarm("TRIGGER;VALUE=DURATION:P0D") +
		alarm("TRIGGER;VALUE=DATE-TIME:20261207T003000Z") +
		alarm("TRIGGER:20261206T230000Z") +
		alarm("TRIGGER:PT10M") + // after the start
		alarm("TRIGGER;RELATED=END:-PT5M") + // relative to the end
		alarm("TRIGGER;VALUE=DATE-TIME:20261207T013000Z") + // after the start
		alarm("TRIGGER:không phải thời lượng") +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"

	cal, err := Parse(strings.NewReader(data), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Events) != 1 {
		t.Fatalf("%d events, want 1", len(cal.Events))
	}
	want := []time.Duration{15 * time.Minute, 24 * time.Hour, 0, 30 * time.Minute, 2 * time.Hour}
	if got := cal.Events[0].Alarms; !slices.Equal(got, want) {
		t.Errorf("alarms %v, want %v", got, want)
	}
}
