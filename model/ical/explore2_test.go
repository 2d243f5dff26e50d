package ical

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestExploreOne(t *testing.T) {
	name := os.Getenv("ICS")
	if name == "" {
		t.Skip()
	}
	dir := fixturesDir(t, "ics-corpus")
	zone, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, zone)
	to := time.Date(2028, 1, 1, 0, 0, 0, 0, zone)
	cal := parseFile(t, filepath.Join(dir, name), zone)
	for _, e := range cal.Events {
		t.Logf("EV %q allday=%v start=%v end=%v sd=%v ed=%v rrule=%v rid=%+v ex=%d rd=%d status=%s", e.Summary, e.AllDay, e.Start, e.End, e.StartDate, e.EndDate, e.RRule, e.RecurrenceID, len(e.ExDates), len(e.RDates), e.Status)
	}
	for _, in := range cal.Expand(from, to) {
		t.Logf("IN %q %v %v %v %v", in.Event.Summary, in.Start, in.End, in.StartDate, in.EndDate)
	}
}
