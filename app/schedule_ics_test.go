package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sotay/assets"
	"sotay/model/ical"
)

// TestICSWarningTranslations walks every warning kind and reason and
// formats its message in both languages with sample arguments.
func TestICSWarningTranslations(t *testing.T) {
	var warnings []ical.Warning
	for _, kind := range ical.WarningKinds() {
		warnings = append(warnings, ical.Warning{Kind: kind})
		for _, reason := range kind.Reasons() {
			warnings = append(warnings, ical.Warning{Kind: kind, Reason: reason})
		}
	}
	warnings = append(warnings, ical.Warning{Kind: "no_such_kind"})

	for _, lang := range assets.Languages {
		cat := assets.NewCatalog(lang)
		keys := map[string]bool{}
		for _, w := range warnings {
			w.Line, w.Name, w.Value, w.Summary = 4321, "XNAME", "xvalue", "Giao ban tuần"
			msg := ExplainICSWarning(w, "(untitled)")
			t.Run(string(lang)+"/"+msg.Key, func(t *testing.T) {
				if !cat.Has(msg.Key) {
					t.Fatalf("%s has no %s text", lang, msg.Key)
				}
				text := cat.T(msg.Key, msg.Args...)
				if strings.Contains(text, "%!") {
					t.Errorf("arguments do not fit the text: %s", text)
				}
				if !strings.Contains(text, "4321") {
					t.Errorf("the text does not give the line: %s", text)
				}
			})
			if keys[msg.Key] {
				t.Errorf("%s: key %s serves two warnings", lang, msg.Key)
			}
			keys[msg.Key] = true
		}
	}
}

func TestExplainICSWarningKeys(t *testing.T) {
	tests := []struct {
		warning ical.Warning
		key     string
	}{
		{ical.Warning{Kind: ical.WarnLineInvalid}, "schedule.ics_warning.line_invalid"},
		{ical.Warning{Kind: ical.WarnRuleUnsupported, Reason: ical.ReasonByHour},
			"schedule.ics_warning.rule_unsupported.by_hour"},
		{ical.Warning{Kind: ical.WarnRuleUnsupported, Reason: "by_moon"}, "schedule.ics_warning.rule_unsupported"},
		{ical.Warning{Kind: ical.WarnNoStart, Reason: ical.ReasonByHour}, "schedule.ics_warning.no_start"},
		{ical.Warning{Message: "made up"}, "schedule.ics_warning.other"},
	}
	for _, tt := range tests {
		if got := ExplainICSWarning(tt.warning, "").Key; got != tt.key {
			t.Errorf("key for %+v = %s, want %s", tt.warning, got, tt.key)
		}
	}

	msg := ExplainICSWarning(ical.Warning{Kind: ical.WarnNoStart, Line: 9}, "(không có tiêu đề)")
	if got := msg.Args[3]; got != "(không có tiêu đề)" {
		t.Errorf("summary argument for an event without SUMMARY = %v, want the untitled text", got)
	}
}

// TestImportWarningsInVietnamese imports a file with a bad line and an
// hourly rule and checks that no English reaches the Vietnamese texts.
func TestImportWarningsInVietnamese(t *testing.T) {
	s := newScheduleSession(t)
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Trực ban\r\nthis line is broken\r\n" +
		"DTSTART:20261207T010000Z\r\nRRULE:FREQ=DAILY;BYHOUR=8,14\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	rep, err := ImportICS(s, strings.NewReader(data), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 2 {
		t.Fatalf("warnings %v, want 2", rep.Warnings)
	}

	cat := assets.NewCatalog(assets.Vietnamese)
	want := []string{
		`Dòng 5 không đúng dạng của tệp lịch ("this line is broken")`,
		`Dòng 7: quy tắc lặp theo giờ (BYHOUR) chưa được hỗ trợ, sự kiện "Trực ban" chỉ được nhập một lần.`,
	}
	for i, w := range rep.Warnings {
		msg := ExplainICSWarning(w, "")
		text := cat.T(msg.Key, msg.Args...)
		if !strings.HasPrefix(text, want[i]) {
			t.Errorf("warning %d reads %q, want it to start with %q", i, text, want[i])
		}
		for _, english := range []string{"skipped", "not supported", "occurrence"} {
			if strings.Contains(text, english) {
				t.Errorf("warning %d contains the English %q: %s", i, english, text)
			}
		}
	}
}

// The parser finds a bad value inside an event after a broken line below
// it; the report lists them by line.
func TestImportWarningsInLineOrder(t *testing.T) {
	s := newScheduleSession(t)
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Họp\r\nDTSTART:20261232\r\nEND:VEVENT\r\n" +
		"this line is broken\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Giao ban\r\nDTSTART:20261207T010000Z\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	raw, err := ical.Parse(strings.NewReader(data), Zone)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw.Warnings) < 2 || raw.Warnings[0].Line < raw.Warnings[1].Line {
		t.Fatalf("the parser gave %v; this test needs the later line first", raw.Warnings)
	}
	rep, err := ImportICS(s, strings.NewReader(data), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, w := range rep.Warnings {
		lines = append(lines, w.Line)
	}
	if len(lines) < 2 || !slices.IsSorted(lines) {
		t.Errorf("warning lines %v, want at least two, in order", lines)
	}
}

// An Outlook reminder (VALARM) becomes the event's reminder when the
// event is first imported; a later import keeps what the officer set.
func TestImportICSReminders(t *testing.T) {
	s := newScheduleSession(t)
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:giao-ban-thu-hai\r\nSUMMARY:Giao ban đầu tuần\r\n" +
		"DTSTART:20261207T010000Z\r\nDTEND:20261207T020000Z\r\n" +
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n" +
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n" +
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nEND:VALARM\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	if _, err := ImportICS(s, strings.NewReader(data), "", nil); err != nil {
		t.Fatal(err)
	}

	from := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	events, err := s.EventsBetween(from, from.Add(24*time.Hour))
	if err != nil || len(events) != 1 {
		t.Fatalf("events after the import: %d, %v", len(events), err)
	}
	if want := []time.Duration{15 * time.Minute, 24 * time.Hour}; !slices.Equal(events[0].Reminders, want) {
		t.Errorf("reminders %v, want %v", events[0].Reminders, want)
	}

	e := events[0]
	e.Reminders = []time.Duration{5 * time.Minute}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportICS(s, strings.NewReader(data), "", nil); err != nil {
		t.Fatal(err)
	}
	events, err = s.EventsBetween(from, from.Add(24*time.Hour))
	if err != nil || len(events) != 1 {
		t.Fatalf("events after the second import: %d, %v", len(events), err)
	}
	if !slices.Equal(events[0].Reminders, []time.Duration{5 * time.Minute}) {
		t.Errorf("after a second import the reminders are %v, want the officer's 5m", events[0].Reminders)
	}
}
