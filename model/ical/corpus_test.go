package ical

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// corpusCase is what Parse and Calendar.Expand give for one file of the
// shared corpus of real .ics files. The reference figures in index.json
// come from python icalendar 4.0.3 with recurring-ical-events 2.0.1;
// where ours differ, note gives the reason.
type corpusCase struct {
	events    int // VEVENTs without RECURRENCE-ID
	overrides int
	instances int // in 2026 and 2027, Asia/Ho_Chi_Minh
	note      string
}

var corpusCases = map[string]corpusCase{
	"01-outlook12-germany-holidays.ics": {159, 0, 0, ""},
	"02-exchange2010-owa.ics": {4, 0, 0,
		"display-name TZIDs such as (GMT+10:00) are read as fixed offsets, with a warning"},
	"03-exchange-ms-timezones.ics": {4, 0, 0,
		"the reference crashes; we read all 4 events, one of them from a " +
			`TZID="Zone:value" line with the value inside the quotes`},
	"04-exchange-allday-moved-recurrence.ics": {1, 1, 52,
		"reference 51: UNTIL=20260817T220000Z is Exchange's local midnight of " +
			"Tue 18 August in Berlin, and we keep that last day (see untilCheck)"},
	"05-exchange-bad-custom-tz.ics": {3, 0, 0,
		"the unknown TZID without VTIMEZONE is floating, with a warning"},
	"06-exchange-cdo-rrule-error.ics": {1, 0, 0,
		"we accept the spaces in BYDAY that the reference rejects; the rule " +
			"ends in 2015 either way"},
	"07-exchange-overrides-utc-until.ics": {2, 3, 0, ""},
	"08-windows-quoted-tzid.ics":          {1, 0, 0, ""},
	"09-google-machbar-dst.ics":           {58, 6, 629, ""},
	"10-google-fablab-cottbus.ics":        {28, 0, 24, ""},
	"11-google-birthday.ics":              {1, 3, 0, "reference crashes on RDATE 20131210Z; we read it as a DATE"},
	"12-google-kiev-tz.ics":               {1, 1, 0, ""},
	"13-ics-parser-example.ics": {19, 1, 163,
		"the reference rejects the whole file; we skip the event with DTSTART " +
			"20171032 (no such day) and read the rest, so 20 of 21 VEVENTs"},
	"14-google-bad-rrule.ics": {3, 0, 1044,
		"reference 1566: it expands 'RRULE:RRULE:AnythingRandom;FREQ=WEEKLY;…' " +
			"but that value is not a valid RRULE (RFC 5545 3.3.10), so the event " +
			"stays single and only 2 × 522 weekday instances remain"},
	"15-google-broken-folding.ics":        {1, 0, 0, "the continuation line without a leading space is a warning"},
	"16-apple-macos-tentative.ics":        {4, 0, 0, ""},
	"17-apple-ical-vtodo-vfreebusy.ics":   {3, 0, 0, "VTODO, VJOURNAL and VFREEBUSY are skipped"},
	"18-thunderbird-overrides.ics":        {1, 2, 0, ""},
	"19-thunderbird-latin1.ics":           {4, 0, 0, "Latin-1 is decoded, not replaced"},
	"20-thunderbird-changed-duration.ics": {2, 4, 0, ""},
	"21-nextcloud-complex-recurrence.ics": {1, 6, 104, ""},
	"22-nextcloud-journal-todo-event.ics": {1, 0, 0, ""},
	"23-sabredav-week-two-deleted.ics":    {1, 0, 0, ""},
	"24-zimbra-recur-instances.ics": {1, 2, 24,
		"the reference crashes on RDATE;VALUE=PERIOD; we count a period by its start"},
	"25-zimbra-vfreebusy.ics": {0, 0, 0, ""},
	"26-libical-rfc2445-multi-vcalendar.ics": {6, 0, 2,
		"the reference fails on FREEBUSY; we skip VFREEBUSY, read 6 VCALENDARs " +
			"and the VEVENTs outside them (with a warning), and expand the yearly " +
			"anniversary into 2026 and 2027"},
	"27-golang-ical-timeparsing.ics": {5, 0, 0,
		"reference drops '20210527Z'; we read a DATE with a trailing Z as a DATE"},
	"28-android-utf8-cjk.ics": {0, 0, 0,
		"reference 1 event without times; we skip the event whose DTSTART " +
			"20131009T170000T is invalid, with a warning"},
	"29-dublin-no-final-newline.ics": {1, 0, 0, ""},
	"30-binary-attachment.ics": {0, 0, 0,
		"reference 1 event; an event without DTSTART is skipped with a warning"},
	"31-altrep-int-tzid.ics":          {2, 0, 0, ""},
	"32-non-ascii-tzid.ics":           {1, 0, 0, ""},
	"33-multiple-tzids-vtimezone.ics": {1, 0, 0, "the reference crashes on the VTIMEZONE with two TZIDs"},
	"34-evolution-recurrence-sequence.ics": {1, 1, 104,
		"the override applies although its SEQUENCE is lower than the series'"},
}

type corpusIndex struct {
	Files []struct {
		File        string `json:"file"`
		Parses      bool   `json:"parses"`
		VEventCount *int   `json:"vevent_count"`
		Overrides   *int   `json:"overrides"`
		Instances   *int   `json:"instances_2026_2027"`
	} `json:"files"`
}

func TestCorpus(t *testing.T) {
	dir := fixturesDir(t, "ics-corpus")
	var index corpusIndex
	readJSON(t, filepath.Join(dir, "index.json"), &index)
	zone := mustZone(t, "Asia/Ho_Chi_Minh")
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, zone)
	to := time.Date(2028, 1, 1, 0, 0, 0, 0, zone)

	files, err := filepath.Glob(filepath.Join(dir, "*.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(index.Files) {
		t.Errorf("%d .ics files but %d in index.json", len(files), len(index.Files))
	}

	for _, ref := range index.Files {
		t.Run(ref.File, func(t *testing.T) {
			want, ok := corpusCases[ref.File]
			if !ok {
				t.Fatalf("no corpusCases entry for %s", ref.File)
			}
			data, err := os.ReadFile(filepath.Join(dir, ref.File))
			if err != nil {
				t.Fatal(err)
			}
			cal, err := Parse(bytes.NewReader(data), zone)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			events, overrides := countEvents(cal)
			instances := len(cal.Expand(from, to))

			if events != want.events || overrides != want.overrides || instances != want.instances {
				t.Errorf("got %d events, %d overrides, %d instances; want %d, %d, %d",
					events, overrides, instances, want.events, want.overrides, want.instances)
			}
			agrees := ref.VEventCount != nil && *ref.VEventCount == events &&
				*ref.Overrides == overrides && ref.Instances != nil && *ref.Instances == instances
			if !agrees && want.note == "" {
				t.Errorf("differs from the reference (%v events, %v overrides, %v instances) without a note",
					deref(ref.VEventCount), deref(ref.Overrides), deref(ref.Instances))
			}
			for _, w := range cal.Warnings {
				if w.Line <= 0 {
					t.Errorf("warning without a line: %s", w)
				}
			}
			assertRewrites(t, cal, zone)
		})
	}
}

// assertRewrites writes the events that have a UID and checks that
// reading them back gives as many events without warnings.
func assertRewrites(t *testing.T, cal *Calendar, zone *time.Location) {
	t.Helper()
	var events []Event
	for _, ev := range cal.Events {
		if ev.UID != "" {
			events = append(events, ev)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, events, time.Now()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	again, err := Parse(&buf, zone)
	if err != nil {
		t.Fatalf("Parse of written events: %v", err)
	}
	if len(again.Events) != len(events) {
		t.Errorf("wrote %d events, read back %d", len(events), len(again.Events))
	}
	if len(again.Warnings) != 0 {
		t.Errorf("warnings on the written events: %v", again.Warnings)
	}
}

func countEvents(cal *Calendar) (events, overrides int) {
	for i := range cal.Events {
		if cal.Events[i].IsOverride() {
			overrides++
		} else {
			events++
		}
	}
	return events, overrides
}

func deref(p *int) any {
	if p == nil {
		return "null"
	}
	return *p
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
