package ical

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sotay/model"
)

func sampleEvents(t *testing.T) []Event {
	hcm := mustZone(t, "Asia/Ho_Chi_Minh")
	berlin := mustZone(t, "Europe/Berlin")
	weekly, err := ParseRRule("FREQ=WEEKLY;UNTIL=20270329T010000Z;BYDAY=MO")
	if err != nil {
		t.Fatal(err)
	}
	monthly, err := ParseRRule("FREQ=MONTHLY;COUNT=4;BYDAY=-1FR")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 7, 8, 0, 0, 0, hcm)
	return []Event{
		{
			UID: "giao-ban@sotay", Summary: "Giao ban cơ quan đầu tuần",
			Description: "Thành phần: Thường trực Ủy ban, lãnh đạo các phòng nghiệp vụ.\n" +
				"Nội dung: điểm lại công việc tuần trước; thống nhất lịch công tác tuần này \\ hết.",
			Location: "Phòng họp số 2, tầng 3", Status: StatusConfirmed, Class: "PUBLIC", Sequence: 2,
			LastModified: time.Date(2026, 11, 20, 2, 15, 0, 0, time.UTC),
			Start:        start, End: start.Add(time.Hour), RRule: &weekly,
			ExDates: []DateTime{{Time: time.Date(2026, 12, 28, 8, 0, 0, 0, hcm)}, {Time: time.Date(2027, 2, 8, 8, 0, 0, 0, hcm)}},
			Alarms:  []time.Duration{15 * time.Minute, 24 * time.Hour, 0},
		},
		{
			UID: "giao-ban@sotay", Summary: "Giao ban (dời sang chiều thứ Ba)",
			Start: time.Date(2027, 1, 12, 14, 0, 0, 0, hcm), End: time.Date(2027, 1, 12, 15, 0, 0, 0, hcm),
			RecurrenceID: DateTime{Time: time.Date(2027, 1, 11, 8, 0, 0, 0, hcm)}, Sequence: 1,
		},
		{
			UID: "tet@sotay", Summary: "Nghỉ Tết Nguyên đán", AllDay: true,
			StartDate: model.NewDate(2027, 2, 5), EndDate: model.NewDate(2027, 2, 10),
		},
		{
			UID: "chi-bo@sotay", Summary: "Họp Chi bộ", RRule: &monthly,
			Start: time.Date(2026, 12, 25, 8, 30, 0, 0, time.UTC), End: time.Date(2026, 12, 25, 10, 0, 0, 0, time.UTC),
		},
		{
			UID: "berlin@sotay", Summary: "Call with Berlin",
			Start: time.Date(2026, 3, 27, 9, 0, 0, 0, berlin), End: time.Date(2026, 3, 27, 10, 0, 0, 0, berlin),
			RRule: &RRule{Freq: Daily, Interval: 1, Count: 4, WeekStart: time.Monday},
		},
		{
			UID: "floating@sotay", Summary: "Tập thể dục", Floating: true,
			Start: time.Date(2026, 12, 10, 6, 0, 0, 0, hcm), End: time.Date(2026, 12, 10, 6, 30, 0, 0, hcm),
		},
	}
}

func writeEvents(t *testing.T, events []Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, events, time.Date(2026, 12, 1, 1, 30, 0, 0, time.UTC)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestWriteRoundTrip(t *testing.T) {
	events := sampleEvents(t)
	data := writeEvents(t, events)
	cal, err := Parse(bytes.NewReader(data), mustZone(t, "Asia/Ho_Chi_Minh"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(cal.Warnings) != 0 {
		t.Errorf("warnings: %v", cal.Warnings)
	}
	if len(cal.Events) != len(events) {
		t.Fatalf("got %d events, want %d", len(cal.Events), len(events))
	}
	for i := range events {
		assertSameEvent(t, &cal.Events[i], &events[i])
	}

	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	written := Calendar{Events: events}
	if got, want := formatStarts(cal.Expand(from, from.AddDate(2, 0, 0))),
		formatStarts(written.Expand(from, from.AddDate(2, 0, 0))); got != want {
		t.Errorf("instances after the round trip:\n got %s\nwant %s", got, want)
	}
}

func assertSameEvent(t *testing.T, got, want *Event) {
	t.Helper()
	g, w := *got, *want
	zone := w.Zone()
	if !g.Start.Equal(w.Start) || !g.End.Equal(w.End) || g.Zone().String() != zone.String() {
		t.Errorf("%s: times %v – %v, want %v – %v", w.UID, g.Start, g.End, w.Start, w.End)
	}
	if !sameDateTimes(g.ExDates, w.ExDates, zone) || !sameDateTimes(g.RDates, w.RDates, zone) ||
		!sameDateTimes([]DateTime{g.RecurrenceID}, []DateTime{w.RecurrenceID}, zone) {
		t.Errorf("%s: EXDATE %v RDATE %v RECURRENCE-ID %v, want %v %v %v", w.UID,
			g.ExDates, g.RDates, g.RecurrenceID, w.ExDates, w.RDates, w.RecurrenceID)
	}
	for _, e := range []*Event{&g, &w} {
		e.Start, e.End, e.ExDates, e.RDates, e.RecurrenceID, e.Line, e.Stamp = time.Time{}, time.Time{}, nil, nil, DateTime{}, 0, time.Time{}
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: fields differ:\n got %+v\nwant %+v", w.UID, g, w)
	}
}

func sameDateTimes(a, b []DateTime, zone *time.Location) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].IsDate() != b[i].IsDate() || a[i].Day() != b[i].Day() && a[i].IsDate() ||
			!a[i].In(zone).Equal(b[i].In(zone)) {
			return false
		}
	}
	return true
}

func TestWriteFormat(t *testing.T) {
	data := writeEvents(t, sampleEvents(t))
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("output does not end with END:VCALENDAR and CRLF")
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\r\n")), []byte("\r\n"))
	for i, line := range lines {
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets long", i+1, len(line))
		}
		if !utf8.Valid(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
	}
	text := string(data)
	for _, want := range []string{
		"VERSION:2.0\r\n", "PRODID:" + ProdID + "\r\n", "CALSCALE:GREGORIAN\r\n",
		"DTSTAMP:20261201T013000Z\r\n", "TZID:Asia/Ho_Chi_Minh\r\n",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20261207T080000\r\n",
		"DTSTART;VALUE=DATE:20270205\r\nDTEND;VALUE=DATE:20270211\r\n",
		"DTSTART:20261225T083000Z\r\n", "DTSTART:20261210T060000\r\n",
		"EXDATE;TZID=Asia/Ho_Chi_Minh:20261228T080000\r\n",
		"LOCATION:Phòng họp số 2\\, tầng 3\r\n",
		"RRULE:FREQ=DAILY;COUNT=4\r\n",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(text, "BEGIN:VTIMEZONE"); n != 2 {
		t.Errorf("%d VTIMEZONE blocks, want 2 (Ho Chi Minh and Berlin)", n)
	}
}

func TestWriteVTimezoneReadsBack(t *testing.T) {
	// The Berlin block written for 2026, read as an unknown custom zone,
	// must give the same instants as the zone database.
	events := sampleEvents(t)[4:5]
	data := strings.ReplaceAll(string(writeEvents(t, events)), "Europe/Berlin", "Written Berlin")
	cal := mustParse(t, data)
	if len(cal.Warnings) != 0 {
		t.Errorf("warnings: %v", cal.Warnings)
	}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	got := cal.Expand(from, from.AddDate(1, 0, 0))
	want := Expand(&events[0], from, from.AddDate(1, 0, 0))
	if len(got) != len(want) {
		t.Fatalf("got %d instances, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].Start.Equal(want[i].Start) {
			t.Errorf("instance %d at %v, want %v", i, got[i].Start.UTC(), want[i].Start.UTC())
		}
	}
}

func TestWriteVTimezoneYears(t *testing.T) {
	for _, tt := range []struct {
		zone string
		year int
	}{
		{"Europe/Berlin", 2045},
		{"America/New_York", 2026},
		{"America/New_York", 2050},
		{"Australia/Sydney", 2027},
	} {
		t.Run(fmt.Sprintf("%s %d", tt.zone, tt.year), func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			start := time.Date(tt.year, 1, 5, 9, 0, 0, 0, loc)
			rule := RRule{Freq: Weekly, Interval: 1, Count: 52, WeekStart: time.Monday}
			ev := Event{UID: "z", Start: start, End: start.Add(time.Hour), RRule: &rule}

			renamed := strings.ReplaceAll(string(writeEvents(t, []Event{ev})), tt.zone, "Copy")
			cal := mustParse(t, renamed)
			from := start.AddDate(0, 0, -1)
			got := cal.Expand(from, from.AddDate(1, 0, 1))
			want := Expand(&ev, from, from.AddDate(1, 0, 1))
			if len(got) != len(want) {
				t.Fatalf("got %d instances, want %d", len(got), len(want))
			}
			for i := range want {
				if !got[i].Start.Equal(want[i].Start) {
					t.Errorf("instance %d at %v, want %v", i, got[i].Start.UTC(), want[i].Start.UTC())
				}
			}
		})
	}
}

func TestWriteFolding(t *testing.T) {
	var buf bytes.Buffer
	e := encoder{w: bufio.NewWriter(&buf)}
	long := "SUMMARY:" + strings.Repeat("Ủy ban Kiểm tra ", 20)
	e.line(long)
	e.w.Flush()
	out := buf.String()
	unfolded := strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", "")
	if unfolded != long {
		t.Errorf("unfolding gives %q, want %q", unfolded, long)
	}
}

func TestWriteErrors(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, []Event{{Summary: "no uid", Start: time.Now()}}, time.Now())
	if err == nil || !strings.Contains(err.Error(), "no UID") {
		t.Errorf("err = %v, want one about the missing UID", err)
	}
	err = Write(failingWriter{}, sampleEvents(t), time.Now())
	if !errors.Is(err, errDiskFull) {
		t.Errorf("err = %v, want the writer's error", err)
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }
