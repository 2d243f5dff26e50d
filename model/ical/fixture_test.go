package ical

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"sotay/model"
)

// fixturesDir returns the shared fixture directory next to the
// repository, or skips the test when it is missing.
func fixturesDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("fixtures not found at %s: %v", dir, err)
	}
	return dir
}

type expectedFile struct {
	File      string            `json:"file"`
	Window    [2]string         `json:"window"`
	Zone      string            `json:"zone"`
	Instances []expectedInstant `json:"instances"`
}

type expectedInstant struct {
	Summary string `json:"summary"`
	Start   string `json:"start"`
	End     string `json:"end"`
	AllDay  bool   `json:"all_day"`
}

func TestFixtureInstances(t *testing.T) {
	dir := fixturesDir(t, "ics")
	files, err := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .expected.json files in %s (err %v)", dir, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var want expectedFile
			readJSON(t, path, &want)
			zone, err := time.LoadLocation(want.Zone)
			if err != nil {
				t.Fatal(err)
			}
			from := mustDate(t, want.Window[0]).In(zone)
			to := mustDate(t, want.Window[1]).In(zone)

			cal := parseFile(t, filepath.Join(dir, want.File), zone)
			for _, w := range cal.Warnings {
				t.Logf("warning: %s", w)
			}
			got := instancesAsExpected(cal.Expand(from, to), zone)
			if len(got) != len(want.Instances) {
				t.Errorf("got %d instances, want %d", len(got), len(want.Instances))
			}
			for i := range min(len(got), len(want.Instances)) {
				if got[i] != want.Instances[i] {
					t.Errorf("instance %d:\n got %+v\nwant %+v", i, got[i], want.Instances[i])
				}
			}
		})
	}
}

func instancesAsExpected(ins []Instance, zone *time.Location) []expectedInstant {
	out := make([]expectedInstant, len(ins))
	for i, in := range ins {
		out[i] = expectedInstant{Summary: in.Event.Summary, AllDay: in.AllDay}
		if in.AllDay {
			out[i].Start, out[i].End = in.StartDate.String(), in.EndDate.String()
		} else {
			out[i].Start = in.Start.In(zone).Format(time.RFC3339)
			out[i].End = in.End.In(zone).Format(time.RFC3339)
		}
	}
	return out
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func parseFile(t *testing.T, path string, zone *time.Location) *Calendar {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := Parse(f, zone)
	if err != nil {
		t.Fatalf("Parse(%s): %v", filepath.Base(path), err)
	}
	return cal
}

func mustDate(t testing.TB, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(strings.TrimSpace(s))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
