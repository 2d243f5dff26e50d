package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestAgendaListsReports(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kho")
	if _, errOut, code := runSotay(t, cliPass+"\n"+cliPass+"\n", "demo", "--vault", dir); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	out, errOut, code := runSotay(t, cliPass+"\n", "agenda", "--vault", dir,
		"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json")
	if code != 0 {
		t.Fatalf("agenda: %d %s", code, errOut)
	}
	var items []agendaItemJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	reports := 0
	for _, it := range items {
		if it.Kind == "report" {
			reports++
			if it.Date < "2026-12-01" || it.Date > "2026-12-31" || it.Title == "" {
				t.Errorf("report item %+v", it)
			}
		}
	}
	if reports == 0 {
		t.Error("no report due in December 2026 in the agenda")
	}
}
