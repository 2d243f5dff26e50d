package ical

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sotay/model"
)

// calendarOf wraps VEVENT lines (joined with LF) in a VCALENDAR.
func calendarOf(lines ...string) string {
	return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\n" + strings.Join(lines, "\n") + "\nEND:VCALENDAR\n"
}

func mustParse(t *testing.T, text string) *Calendar {
	t.Helper()
	cal, err := Parse(strings.NewReader(text), mustZone(t, "Asia/Ho_Chi_Minh"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return cal
}

func onlyEvent(t *testing.T, cal *Calendar) *Event {
	t.Helper()
	if len(cal.Events) != 1 {
		t.Fatalf("got %d events, want 1 (warnings %v)", len(cal.Events), cal.Warnings)
	}
	return &cal.Events[0]
}

func TestParseLineEndings(t *testing.T) {
	body := calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART:20261210T010000Z", "SUMMARY:Họp", "END:VEVENT")
	inputs := map[string]string{
		"LF":              body,
		"CRLF":            strings.ReplaceAll(body, "\n", "\r\n"),
		"CR":              strings.ReplaceAll(body, "\n", "\r"),
		"no final EOL":    strings.TrimSuffix(body, "\n"),
		"byte order mark": "\uFEFF" + body,
		"blank lines":     strings.ReplaceAll(body, "\n", "\n\n"),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			cal := mustParse(t, text)
			ev := onlyEvent(t, cal)
			if ev.Summary != "Họp" {
				t.Errorf("Summary = %q, want %q", ev.Summary, "Họp")
			}
			if len(cal.Warnings) != 0 {
				t.Errorf("warnings: %v", cal.Warnings)
			}
		})
	}
}

func TestParseFoldSplitsUTF8(t *testing.T) {
	// "ộ" is E1 BB 99; the fold falls after its first byte.
	text := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261210T010000Z\r\n" +
		"SUMMARY:H\xe1\r\n \xbb\x99i ngh\xe1\xbb\r\n\t\x8b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	ev := onlyEvent(t, mustParse(t, text))
	if want := "Hội nghị"; ev.Summary != want {
		t.Errorf("Summary = %q, want %q", ev.Summary, want)
	}
}

func TestParseLatin1(t *testing.T) {
	text := calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART:20261210T010000Z",
		"SUMMARY:Event Tv\xe5 \x80", "END:VEVENT")
	ev := onlyEvent(t, mustParse(t, text))
	if want := "Event Två €"; ev.Summary != want {
		t.Errorf("Summary = %q, want %q", ev.Summary, want)
	}
}

func TestParseEscapedText(t *testing.T) {
	text := calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART:20261210T010000Z",
		`DESCRIPTION:a\, b\; c\\d\nline 2\Nline 3`,
		`LOCATION;ALTREP="cid:x;y:z":Phòng 2\, tầng 3`, "END:VEVENT")
	ev := onlyEvent(t, mustParse(t, text))
	if want := "a, b; c\\d\nline 2\nline 3"; ev.Description != want {
		t.Errorf("Description = %q, want %q", ev.Description, want)
	}
	if want := "Phòng 2, tầng 3"; ev.Location != want {
		t.Errorf("Location = %q, want %q", ev.Location, want)
	}
}

func TestParseNotICalendar(t *testing.T) {
	for name, text := range map[string]string{
		"empty":    "",
		"text":     "hello\nworld\n",
		"vcard":    "BEGIN:VCARD\nFN:x\nEND:VCARD\n",
		"binary":   "\x00\x01\x02\xff",
		"only BOM": "\uFEFF",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(text), nil)
			if !errors.Is(err, ErrNotICalendar) {
				t.Errorf("err = %v, want ErrNotICalendar", err)
			}
		})
	}
}

func TestParseBadLineWarns(t *testing.T) {
	text := "BEGIN:VCALENDAR\n" + // 1
		"BEGIN:VEVENT\n" + // 2
		"UID:a\n" + // 3
		"DTSTART:20261210T010000Z\n" + // 4
		"SUMMARY:long\n" + // 5
		" folded\n" + // 6
		"this line has no colon\n" + // 7
		"DTEND:2026121\n" + // 8
		"END:VEVENT\n" + // 9
		"BEGIN:VEVENT\n" + // 10
		"UID:b\n" + // 11
		"DTSTART:20261211T010000Z\n" + // 12
		"END:VEVENT\n" + // 13
		"END:VCALENDAR\n"
	cal := mustParse(t, text)
	if len(cal.Events) != 2 {
		t.Fatalf("got %d events, want 2", len(cal.Events))
	}
	if cal.Events[0].Summary != "longfolded" {
		t.Errorf("Summary = %q, want %q", cal.Events[0].Summary, "longfolded")
	}
	lines := []int{}
	for _, w := range cal.Warnings {
		lines = append(lines, w.Line)
	}
	if len(lines) != 2 || lines[0] != 7 || lines[1] != 8 {
		t.Errorf("warning lines = %v, want [7 8]; warnings %v", lines, cal.Warnings)
	}
}

func TestParseTruncated(t *testing.T) {
	text := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20261210T010000Z\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nUID:b\nDTSTART:20261211T010000Z\nSUMM"
	cal := mustParse(t, text)
	if len(cal.Events) != 1 || cal.Events[0].UID != "a" {
		t.Errorf("got %d events, want only the closed one", len(cal.Events))
	}
	if len(cal.Warnings) == 0 {
		t.Error("no warning for the truncated event")
	}
}

func TestParseMultipleCalendars(t *testing.T) {
	one := calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART:20261210T010000Z", "END:VEVENT")
	two := calendarOf("BEGIN:VEVENT", "UID:b", "DTSTART:20261211T010000Z", "END:VEVENT",
		"BEGIN:VTODO", "UID:c", "DTSTART:20261211T010000Z", "END:VTODO",
		"BEGIN:VJOURNAL", "UID:d", "END:VJOURNAL",
		"BEGIN:VFREEBUSY", "FREEBUSY:19971015T050000Z/PT8H30M", "END:VFREEBUSY")
	cal := mustParse(t, one+two)
	if len(cal.Events) != 2 || cal.Events[0].UID != "a" || cal.Events[1].UID != "b" {
		t.Errorf("events = %+v, want a and b", cal.Events)
	}
}

func TestParseTimes(t *testing.T) {
	hcm := mustZone(t, "Asia/Ho_Chi_Minh")
	tests := []struct {
		name      string
		lines     []string
		start     time.Time
		end       time.Time
		floating  bool
		warnCount int
	}{
		{
			name:  "UTC",
			lines: []string{"DTSTART:20261210T010000Z", "DTEND:20261210T023000Z"},
			start: time.Date(2026, 12, 10, 1, 0, 0, 0, time.UTC),
			end:   time.Date(2026, 12, 10, 2, 30, 0, 0, time.UTC),
		},
		{
			name:     "floating read in the importing zone",
			lines:    []string{"DTSTART:20261210T080000", "DURATION:PT1H30M"},
			start:    time.Date(2026, 12, 10, 8, 0, 0, 0, hcm),
			end:      time.Date(2026, 12, 10, 9, 30, 0, 0, hcm),
			floating: true,
		},
		{
			name:  "IANA TZID",
			lines: []string{"DTSTART;TZID=Europe/Berlin:20260710T080000", "DURATION:P1DT1H"},
			start: time.Date(2026, 7, 10, 6, 0, 0, 0, time.UTC),
			end:   time.Date(2026, 7, 11, 7, 0, 0, 0, time.UTC),
		},
		{
			name:  "Windows TZID without VTIMEZONE",
			lines: []string{`DTSTART;TZID="SE Asia Standard Time":20261210T080000`, "DTEND;TZID=SE Asia Standard Time:20261210T090000"},
			start: time.Date(2026, 12, 10, 1, 0, 0, 0, time.UTC),
			end:   time.Date(2026, 12, 10, 2, 0, 0, 0, time.UTC),
		},
		{
			name:  "Mozilla TZID path",
			lines: []string{"DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260110T080000"},
			start: time.Date(2026, 1, 10, 7, 0, 0, 0, time.UTC),
			end:   time.Date(2026, 1, 10, 7, 0, 0, 0, time.UTC),
		},
		{
			name:      "unknown TZID is floating with a warning",
			lines:     []string{"DTSTART;TZID=Nowhere/Special:20261210T080000"},
			start:     time.Date(2026, 12, 10, 8, 0, 0, 0, hcm),
			end:       time.Date(2026, 12, 10, 8, 0, 0, 0, hcm),
			floating:  true,
			warnCount: 1,
		},
		{
			name:      "DTEND before DTSTART",
			lines:     []string{"DTSTART:20261210T010000Z", "DTEND:20261209T010000Z"},
			start:     time.Date(2026, 12, 10, 1, 0, 0, 0, time.UTC),
			end:       time.Date(2026, 12, 10, 1, 0, 0, 0, time.UTC),
			warnCount: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{"BEGIN:VEVENT", "UID:a"}, tt.lines...)
			cal := mustParse(t, calendarOf(append(lines, "END:VEVENT")...))
			ev := onlyEvent(t, cal)
			if !ev.Start.Equal(tt.start) || !ev.End.Equal(tt.end) {
				t.Errorf("got %v – %v, want %v – %v", ev.Start, ev.End, tt.start, tt.end)
			}
			if ev.Floating != tt.floating {
				t.Errorf("Floating = %v, want %v", ev.Floating, tt.floating)
			}
			if len(cal.Warnings) != tt.warnCount {
				t.Errorf("warnings = %v, want %d", cal.Warnings, tt.warnCount)
			}
		})
	}
}

func TestParseAllDay(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		last  model.Date
	}{
		{"exclusive DTEND", []string{"DTSTART;VALUE=DATE:20270205", "DTEND;VALUE=DATE:20270211"}, model.NewDate(2027, 2, 10)},
		{"no DTEND", []string{"DTSTART;VALUE=DATE:20270205"}, model.NewDate(2027, 2, 5)},
		{"DTEND equal to DTSTART", []string{"DTSTART;VALUE=DATE:20270205", "DTEND;VALUE=DATE:20270205"}, model.NewDate(2027, 2, 5)},
		{"DURATION", []string{"DTSTART;VALUE=DATE:20270205", "DURATION:P2D"}, model.NewDate(2027, 2, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{"BEGIN:VEVENT", "UID:a"}, tt.lines...)
			ev := onlyEvent(t, mustParse(t, calendarOf(append(lines, "END:VEVENT")...)))
			if !ev.AllDay || ev.StartDate != model.NewDate(2027, 2, 5) || ev.EndDate != tt.last {
				t.Errorf("got AllDay %v, %v – %v; want all-day 2027-02-05 – %v", ev.AllDay, ev.StartDate, ev.EndDate, tt.last)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	cal := mustParse(t, calendarOf("BEGIN:VEVENT", "UID: abc ", "DTSTART:20261210T010000Z",
		"STATUS:cancelled", "CLASS:PRIVATE", "SEQUENCE:3", "LAST-MODIFIED:20261120T021500Z",
		"DTSTAMP:20261201T013000Z",
		"EXDATE:20261217T010000Z,20261224T010000Z", "EXDATE;VALUE=DATE:20261231",
		"RRULE:FREQ=WEEKLY;COUNT=5", "END:VEVENT"))
	ev := onlyEvent(t, cal)
	if ev.UID != "abc" || ev.Status != StatusCancelled || ev.Class != "PRIVATE" || ev.Sequence != 3 {
		t.Errorf("UID %q Status %q Class %q Sequence %d", ev.UID, ev.Status, ev.Class, ev.Sequence)
	}
	if !ev.LastModified.Equal(time.Date(2026, 11, 20, 2, 15, 0, 0, time.UTC)) {
		t.Errorf("LastModified = %v", ev.LastModified)
	}
	if len(ev.ExDates) != 3 || !ev.ExDates[2].IsDate() {
		t.Errorf("ExDates = %+v, want 3 with a DATE last", ev.ExDates)
	}
	if ev.RRule == nil || ev.RRule.Count != 5 {
		t.Errorf("RRule = %v", ev.RRule)
	}
	if n := len(cal.Expand(windowFrom, windowTo)); n != 0 {
		t.Errorf("a cancelled series gave %d instances", n)
	}
	if n := len(Expand(ev, windowFrom, windowTo)); n != 2 {
		t.Errorf("Expand gave %d instances, want 2 (5 less 3 EXDATEs)", n)
	}
}

func TestParseInvalidRRule(t *testing.T) {
	cal := mustParse(t, calendarOf("BEGIN:VEVENT", "UID:a", "DTSTART:20261210T010000Z",
		"RRULE:FREQ=FORTNIGHTLY", "END:VEVENT"))
	ev := onlyEvent(t, cal)
	if ev.RRule != nil {
		t.Errorf("RRule = %v, want nil", ev.RRule)
	}
	if len(cal.Warnings) != 1 || cal.Warnings[0].Line != 7 {
		t.Errorf("warnings = %v, want one on line 7", cal.Warnings)
	}
	if n := len(cal.Expand(windowFrom, windowTo)); n != 1 {
		t.Errorf("got %d instances, want 1", n)
	}
}
