package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestICSCommands imports, re-imports and exports a calendar through the
// binary, and finds the events in the agenda.
func TestICSCommands(t *testing.T) {
	fixture := filepath.Join("..", "shared", "fixtures", "ics", "outlook-giao-ban.ics")
	if _, err := os.Stat(fixture); err != nil {
		t.Skipf("fixture not found: %v", err)
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "kho")
	pass := cliPass + "\n"
	if _, errOut, code := runSotay(t, pass+pass, "init", "--vault", dir); code != 0 {
		t.Fatalf("init: code %d, stderr %q", code, errOut)
	}

	type report struct {
		Added    int `json:"added"`
		Updated  int `json:"updated"`
		Warnings []struct {
			Line    int    `json:"line"`
			Kind    string `json:"kind"`
			Reason  string `json:"reason"`
			Message string `json:"message"`
		} `json:"warnings"`
	}
	importFile := func(file string) report {
		t.Helper()
		out, errOut, code := runSotay(t, pass, "ics", "import", file, "--vault", dir, "--format", "json")
		if code != 0 {
			t.Fatalf("import %s: code %d, stderr %q", file, code, errOut)
		}
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("import JSON: %v\n%s", err, out)
		}
		return r
	}
	if r := importFile(fixture); r.Added != 4 || r.Updated != 0 {
		t.Errorf("first import: %+v, want 4 added", r)
	}
	if r := importFile(fixture); r.Added != 0 || r.Updated != 4 {
		t.Errorf("second import: %+v, want 4 updated", r)
	}

	broken := filepath.Join(tmp, "hỏng.ics")
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@example\r\nSUMMARY:Họp tổ\r\nkhông phải dòng hợp lệ\r\n" +
		"DTSTART:20261209T020000Z\r\nDTEND:20261209T030000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(broken, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := importFile(broken); r.Added != 1 || len(r.Warnings) != 1 || r.Warnings[0].Line != 5 {
		t.Errorf("broken file: %+v, want 1 added and a warning on line 5", r)
	} else if w := r.Warnings[0]; w.Kind != "line_invalid" || w.Reason != "" || w.Message == "" {
		t.Errorf("broken file warning: %+v, want kind line_invalid, no reason and the English message", w)
	}

	hourly := filepath.Join(tmp, "trực-ban.ics")
	data = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:truc@example\r\nSUMMARY:Trực ban\r\n" +
		"DTSTART:20270310T010000Z\r\nRRULE:FREQ=DAILY;BYHOUR=8,14\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(hourly, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runSotay(t, pass, "ics", "import", hourly, "--vault", dir)
	wantLine := `Dòng 6: quy tắc lặp theo giờ (BYHOUR) chưa được hỗ trợ, sự kiện "Trực ban" chỉ được nhập một lần. ` +
		"Nếu cần các lần còn lại, hãy thêm chúng bằng tay.\n"
	if code != 0 || !strings.HasSuffix(errOut, wantLine) {
		t.Errorf("hourly rule: code %d, stderr %q; want it to end in %q", code, errOut, wantLine)
	}
	if strings.Contains(errOut, "not supported") {
		t.Errorf("hourly rule: stderr contains the English message: %q", errOut)
	}
	if r := importFile(hourly); len(r.Warnings) != 1 || r.Warnings[0].Kind != "rule_unsupported" ||
		r.Warnings[0].Reason != "by_hour" || r.Warnings[0].Line != 6 {
		t.Errorf("hourly rule JSON: %+v, want one rule_unsupported warning with reason by_hour on line 6", r)
	}
	notICS := filepath.Join(tmp, "ghi-chú.ics")
	if err := os.WriteFile(notICS, []byte("ghi chú"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runSotay(t, pass, "ics", "import", notICS, "--vault", dir); code != 1 ||
		!strings.Contains(errOut, "BEGIN:VCALENDAR") {
		t.Errorf("non-calendar: code %d, stderr %q", code, errOut)
	}

	out := filepath.Join(tmp, "lịch.ics")
	if _, errOut, code := runSotay(t, pass, "ics", "export", "--vault", dir, "--out", out,
		"--from", "2026-12-01", "--to", "2026-12-31"); code != 0 {
		t.Fatalf("export: code %d, stderr %q", code, errOut)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(written)
	// December holds the weekly series (written with its January
	// change), the commission meeting and the meeting of the broken
	// file. The February holiday is outside the range.
	if n := strings.Count(text, "BEGIN:VEVENT"); n != 4 {
		t.Errorf("export has %d events, want 4", n)
	}
	if strings.Contains(text, "Tết") {
		t.Error("export holds an event outside the range")
	}
	if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("export has lines that do not end in CRLF")
	}
	if _, _, code := runSotay(t, pass, "ics", "export", "--vault", dir, "--out", out, "--from", "2026-12-01"); code != 2 {
		t.Errorf("--from without --to: code %d, want 2", code)
	}

	agenda, errOut, code := runSotay(t, pass, "agenda", "--vault", dir, "--from", "2026-12-07", "--to", "2026-12-09",
		"--format", "json")
	if code != 0 {
		t.Fatalf("agenda: code %d, stderr %q", code, errOut)
	}
	var items []struct {
		Date, Kind, Title, Detail string
	}
	if err := json.Unmarshal([]byte(agenda), &items); err != nil {
		t.Fatalf("agenda JSON: %v\n%s", err, agenda)
	}
	var events []string
	for _, it := range items {
		if it.Kind == "event" {
			events = append(events, it.Date+" "+it.Detail+" "+it.Title)
		}
	}
	want := []string{"2026-12-07 08:00–09:00 Giao ban cơ quan đầu tuần", "2026-12-09 09:00–10:00 Họp tổ"}
	if strings.Join(events, "\n") != strings.Join(want, "\n") {
		t.Errorf("agenda events:\n%s\nwant:\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}
}
