package ical

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// declaredConstants returns the names of the constants of type typeName
// declared in the package's non-test files.
func declaredConstants(t *testing.T, typeName string) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == typeName {
					for _, n := range vs.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

func TestWarningKindsListed(t *testing.T) {
	declared := declaredConstants(t, "WarningKind")
	if len(declared) == 0 {
		t.Fatal("no WarningKind constants found")
	}
	if got := len(WarningKinds()); got != len(declared) {
		t.Errorf("WarningKinds() has %d kinds, the package declares %d: %v", got, len(declared), declared)
	}
	seen := map[WarningKind]bool{}
	for _, k := range WarningKinds() {
		if seen[k] {
			t.Errorf("kind %q listed twice", k)
		}
		seen[k] = true
	}
}

func TestWarningReasonsListed(t *testing.T) {
	declared := declaredConstants(t, "WarningReason")
	if len(declared) == 0 {
		t.Fatal("no WarningReason constants found")
	}
	var listed []WarningReason
	for _, k := range WarningKinds() {
		listed = append(listed, k.Reasons()...)
	}
	if len(listed) != len(declared) {
		t.Errorf("kinds list %d reasons, the package declares %d: %v", len(listed), len(declared), declared)
	}
	for _, r := range listed {
		if r == "" {
			t.Error("a kind lists the empty reason")
		}
	}
}

// TestParseWarningKinds produces every kind and reason from a small file
// and checks the fields a translation needs.
func TestParseWarningKinds(t *testing.T) {
	event := func(lines ...string) string {
		all := append([]string{"BEGIN:VEVENT", "UID:a", "SUMMARY:Giao ban"}, lines...)
		return calendarOf(append(all, "END:VEVENT")...)
	}
	start := "DTSTART:20261210T010000Z"
	// In calendarOf the first line given is line 4, so in event the
	// first extra line is line 7.
	tests := []struct {
		name string
		text string
		want []Warning
	}{
		{"line without colon", event(start, "xin chào"),
			[]Warning{{Line: 8, Kind: WarnLineInvalid, Value: "xin chào"}}},
		{"property before VCALENDAR", "X-NOTE:x\n" + calendarOf(),
			[]Warning{{Line: 1, Kind: WarnPropertyOutside, Name: "X-NOTE"}}},
		{"file cut short", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:Họp\n" + start + "\n",
			[]Warning{
				{Line: 1, Kind: WarnUnclosedAtEnd, Name: "VCALENDAR"},
				{Line: 2, Kind: WarnComponentNotClosed, Name: "VEVENT", Summary: "Họp"},
			}},
		{"END without BEGIN", calendarOf("END:VTODO"),
			[]Warning{{Line: 4, Kind: WarnEndWithoutBegin, Name: "VTODO"}}},
		{"VEVENT outside VCALENDAR", calendarOf() + "BEGIN:VEVENT\nUID:b\nSUMMARY:Ngoài\n" + start + "\nEND:VEVENT\n",
			[]Warning{{Line: 6, Kind: WarnEventOutsideCalendar, Name: "VEVENT", Summary: "Ngoài"}}},
		{"invalid DTEND", event(start, "DTEND:2026121"),
			[]Warning{{Line: 8, Kind: WarnValueInvalid, Name: "DTEND", Value: "2026121", Summary: "Giao ban"}}},
		{"no DTSTART", event("DTSTART:20261332"),
			[]Warning{
				{Line: 7, Kind: WarnValueInvalid, Name: "DTSTART", Value: "20261332", Summary: "Giao ban"},
				{Line: 4, Kind: WarnNoStart, Name: "DTSTART", Summary: "Giao ban"},
			}},
		{"second RRULE", event(start, "RRULE:FREQ=DAILY;COUNT=2", "RRULE:FREQ=WEEKLY"),
			[]Warning{{Line: 9, Kind: WarnSecondRule, Name: "RRULE", Value: "FREQ=WEEKLY", Summary: "Giao ban"}}},
		{"invalid RRULE", event(start, "RRULE:FREQ=FORTNIGHTLY"),
			[]Warning{{Line: 8, Kind: WarnRuleInvalid, Name: "RRULE", Value: "FREQ=FORTNIGHTLY", Summary: "Giao ban"}}},
		{"BYHOUR", event(start, "RRULE:FREQ=DAILY;BYHOUR=9,14"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonByHour, Name: "BYHOUR",
				Value: "FREQ=DAILY;BYHOUR=9,14", Summary: "Giao ban"}}},
		{"BYMINUTE", event(start, "RRULE:FREQ=DAILY;BYMINUTE=30"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonByMinute, Name: "BYMINUTE",
				Value: "FREQ=DAILY;BYMINUTE=30", Summary: "Giao ban"}}},
		{"BYSECOND", event(start, "RRULE:FREQ=DAILY;BYSECOND=5"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonBySecond, Name: "BYSECOND",
				Value: "FREQ=DAILY;BYSECOND=5", Summary: "Giao ban"}}},
		{"BYYEARDAY", event(start, "RRULE:FREQ=YEARLY;BYYEARDAY=100"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonByYearDay, Name: "BYYEARDAY",
				Value: "FREQ=YEARLY;BYYEARDAY=100", Summary: "Giao ban"}}},
		{"BYWEEKNO", event(start, "RRULE:FREQ=YEARLY;BYWEEKNO=20"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonByWeekNo, Name: "BYWEEKNO",
				Value: "FREQ=YEARLY;BYWEEKNO=20", Summary: "Giao ban"}}},
		{"hourly", event(start, "RRULE:FREQ=HOURLY;COUNT=3"),
			[]Warning{{Line: 8, Kind: WarnRuleUnsupported, Reason: ReasonSubDaily, Name: "FREQ",
				Value: "FREQ=HOURLY;COUNT=3", Summary: "Giao ban"}}},
		{"this and future", event(start, "RECURRENCE-ID;RANGE=THISANDFUTURE:20261210T010000Z"),
			[]Warning{{Line: 8, Kind: WarnRangeUnsupported, Reason: ReasonThisAndFuture, Name: "RECURRENCE-ID",
				Value: "THISANDFUTURE", Summary: "Giao ban"}}},
		{"this and prior", event(start, "RECURRENCE-ID;RANGE=thisandprior:20261210T010000Z"),
			[]Warning{{Line: 8, Kind: WarnRangeUnsupported, Reason: ReasonThisAndPrior, Name: "RECURRENCE-ID",
				Value: "THISANDPRIOR", Summary: "Giao ban"}}},
		{"timed DTEND before DTSTART", event(start, "DTEND:20261210T000000Z"),
			[]Warning{{Line: 8, Kind: WarnEndBeforeStart, Name: "DTEND", Value: "20261210T000000Z", Summary: "Giao ban"}}},
		{"all-day DTEND before DTSTART", event("DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261208"),
			[]Warning{{Line: 8, Kind: WarnEndBeforeStartAllDay, Name: "DTEND", Value: "20261208", Summary: "Giao ban"}}},
		{"timed DURATION negative", event(start, "DURATION:-PT1H"),
			[]Warning{{Line: 8, Kind: WarnDurationInvalid, Name: "DURATION", Value: "-PT1H", Summary: "Giao ban"}}},
		{"all-day DURATION in hours", event("DTSTART;VALUE=DATE:20261210", "DURATION:PT1H"),
			[]Warning{{Line: 8, Kind: WarnDurationInvalidAllDay, Name: "DURATION", Value: "PT1H", Summary: "Giao ban"}}},
		{"VTIMEZONE without observance", calendarOf("BEGIN:VTIMEZONE", "TZID:Riêng", "END:VTIMEZONE",
			"BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Riêng:20261210T080000", "END:VEVENT"),
			[]Warning{{Line: 4, Kind: WarnZoneDefinitionInvalid, Name: "VTIMEZONE", Value: "Riêng"}}},
		{"display-name TZID", event(`DTSTART;TZID="(UTC+07:00) Bangkok, Hanoi, Jakarta":20261210T080000`),
			[]Warning{{Line: 7, Kind: WarnZoneFixedOffset, Name: "TZID", Value: "(UTC+07:00) Bangkok, Hanoi, Jakarta"}}},
		{"unknown TZID", event("DTSTART;TZID=Nowhere/Special:20261210T080000"),
			[]Warning{{Line: 7, Kind: WarnZoneUnknown, Name: "TZID", Value: "Nowhere/Special"}}},
	}

	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal := mustParse(t, tt.text)
			if len(cal.Warnings) != len(tt.want) {
				t.Fatalf("got %d warnings, want %d: %v", len(cal.Warnings), len(tt.want), cal.Warnings)
			}
			for i, got := range cal.Warnings {
				if got.Message == "" {
					t.Errorf("warning %d has no Message", i)
				}
				got.Message = ""
				if got != tt.want[i] {
					t.Errorf("warning %d:\n got %+v\nwant %+v", i, got, tt.want[i])
				}
			}
		})
		for _, w := range tt.want {
			covered[string(w.Kind)] = true
			covered[string(w.Kind)+"."+string(w.Reason)] = true
		}
	}

	for _, k := range WarningKinds() {
		if !covered[string(k)] {
			t.Errorf("no case produces kind %s", k)
		}
		for _, r := range k.Reasons() {
			if !covered[string(k)+"."+string(r)] {
				t.Errorf("no case produces kind %s with reason %s", k, r)
			}
		}
	}
}

// corpusWarning is the line and kind of one warning on a fixture file.
type corpusWarning struct {
	line int
	kind WarningKind
}

// corpusWarnings lists, in order, the line and kind of each warning that
// a fixture file gives. A file missing from it gives none.
var corpusWarnings = map[string][]corpusWarning{
	"02-exchange2010-owa.ics": {{8, WarnZoneFixedOffset}, {27, WarnZoneFixedOffset}},
	"05-exchange-bad-custom-tz.ics": {{6, WarnZoneUnknown}, {39, WarnValueInvalid},
		{40, WarnDurationInvalidAllDay}},
	"08-windows-quoted-tzid.ics": {{5, WarnZoneFixedOffset}},
	"13-ics-parser-example.ics": {{68, WarnLineInvalid}, {22, WarnValueInvalid}, {23, WarnValueInvalid},
		{21, WarnNoStart}, {184, WarnZoneFixedOffset}},
	"14-google-bad-rrule.ics":      {{50, WarnRuleInvalid}},
	"15-google-broken-folding.ics": {{211, WarnLineInvalid}},
	"26-libical-rfc2445-multi-vcalendar.ics": {{11, WarnEventOutsideCalendar}, {21, WarnEventOutsideCalendar},
		{32, WarnEventOutsideCalendar}},
	"28-android-utf8-cjk.ics":  {{10, WarnValueInvalid}, {11, WarnValueInvalid}, {3, WarnNoStart}},
	"30-binary-attachment.ics": {{4, WarnNoStart}},
}

func TestCorpusWarningKinds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixturesDir(t, "ics-corpus"), "*.ics"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files (err %v)", err)
	}
	more, err := filepath.Glob(filepath.Join(fixturesDir(t, "ics"), "*.ics"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range append(files, more...) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			cal := parseFile(t, path, mustZone(t, "Asia/Ho_Chi_Minh"))
			var got []corpusWarning
			for _, w := range cal.Warnings {
				got = append(got, corpusWarning{w.Line, w.Kind})
			}
			if want := corpusWarnings[name]; !slices.Equal(got, want) {
				t.Errorf("warnings:\n got %v\nwant %v\n%v", got, want, cal.Warnings)
			}
		})
	}
}
