package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

func newScheduleSession(t *testing.T) *Session {
	t.Helper()
	v, err := vault.Create(filepath.Join(t.TempDir(), "v"), []byte("mật khẩu thử lịch cá nhân"),
		vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(v)
	t.Cleanup(s.Lock)
	return s
}

func fixtureDir(t *testing.T, sub string) string {
	dir := filepath.Join("..", "..", "shared", "fixtures", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("fixtures not found at %s", dir)
	}
	return dir
}

// TestImportCorpus imports every corpus file through one vault: a file
// that fails leaves the vault as it was, and a second import of a file
// adds nothing.
func TestImportCorpus(t *testing.T) {
	dir := fixtureDir(t, "ics-corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.ics"))
	s := newScheduleSession(t)
	count := func() int {
		t.Helper()
		rows, err := s.AllEvents()
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			before := count()
			first, err := ImportICS(s, bytes.NewReader(data), "(untitled)", nil)
			if err != nil {
				if after := count(); after != before {
					t.Fatalf("failed import changed the rows from %d to %d: %v", before, after, err)
				}
				t.Logf("rejected: %v", err)
				return
			}
			if after := count(); after != before+first.Added {
				t.Errorf("import added %d rows, reported %d", after-before, first.Added)
			}

			second, err := ImportICS(s, bytes.NewReader(data), "(untitled)", nil)
			if err != nil {
				t.Fatal(err)
			}
			if second.Added != 0 {
				t.Errorf("re-import added %d events (first import added %d)", second.Added, first.Added)
			}
			if _, err := Occurrences(s, model.NewDate(2026, 1, 1), model.NewDate(2027, 12, 31)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestImportFixturesExpected checks that the instances of each fixture,
// read back from the vault, are those of its .expected.json.
func TestImportFixturesExpected(t *testing.T) {
	dir := fixtureDir(t, "ics")
	files, _ := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	for _, f := range files {
		var want struct {
			File      string    `json:"file"`
			Window    [2]string `json:"window"`
			Instances []struct {
				Summary string `json:"summary"`
				Start   string `json:"start"`
				AllDay  bool   `json:"all_day"`
			} `json:"instances"`
		}
		raw, _ := os.ReadFile(f)
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		t.Run(want.File, func(t *testing.T) {
			s := newScheduleSession(t)
			data, _ := os.ReadFile(filepath.Join(dir, want.File))
			if _, err := ImportICS(s, bytes.NewReader(data), "", nil); err != nil {
				t.Fatal(err)
			}
			from, _ := model.ParseDate(want.Window[0])
			to, _ := model.ParseDate(want.Window[1])
			got, err := Occurrences(s, from, to.AddDays(-1))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want.Instances) {
				t.Fatalf("got %d instances, want %d", len(got), len(want.Instances))
			}
			for i, w := range want.Instances {
				if got[i].Title != w.Summary {
					t.Errorf("instance %d: title %q, want %q", i, got[i].Title, w.Summary)
				}
				if !w.AllDay {
					start, _ := time.Parse(time.RFC3339, w.Start)
					if !got[i].Start.Equal(start) {
						t.Errorf("instance %d: start %v, want %v", i, got[i].Start, start)
					}
				}
			}
		})
	}
}

func TestImportRejectsNonCalendar(t *testing.T) {
	s := newScheduleSession(t)
	_, err := ImportICS(s, strings.NewReader("hello"), "", nil)
	if err != ErrNotCalendar {
		t.Fatalf("err = %v, want ErrNotCalendar", err)
	}
	if ExplainSchedule(err).Key != "schedule.err.not_calendar" {
		t.Errorf("no message for a non-calendar file")
	}
}

func TestImportReportsBadLine(t *testing.T) {
	s := newScheduleSession(t)
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Họp\r\nthis line is broken\r\n" +
		"DTSTART:20261207T010000Z\r\nDTEND:20261207T020000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	rep, err := ImportICS(s, strings.NewReader(data), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 {
		t.Errorf("added %d, want 1", rep.Added)
	}
	if len(rep.Warnings) == 0 || rep.Warnings[0].Line != 5 {
		t.Errorf("warnings %v, want one on line 5", rep.Warnings)
	}
}

func TestRecurringMoveOneOccurrence(t *testing.T) {
	s := newScheduleSession(t)
	monday := model.NewDate(2026, 12, 7)
	start := monday.In(Zone).Add(8 * time.Hour)
	e := &model.Event{Title: "Giao ban", Start: start, End: start.Add(time.Hour), RRule: "FREQ=WEEKLY;COUNT=4"}
	if err := CreateEvent(s, e); err != nil {
		t.Fatal(err)
	}
	items, _ := Occurrences(s, monday, monday.AddDays(27))
	if len(items) != 4 {
		t.Fatalf("%d occurrences, want 4", len(items))
	}

	second := items[1]
	moved := second.Start.Add(2 * time.Hour)
	if err := RescheduleOccurrence(s, second, moved, moved.Add(time.Hour), ThisOccurrence); err != nil {
		t.Fatal(err)
	}
	items, _ = Occurrences(s, monday, monday.AddDays(27))
	if len(items) != 4 || !items[1].Start.Equal(moved) || !items[2].Start.Equal(start.AddDate(0, 0, 14)) {
		t.Fatalf("after move: %+v", items)
	}

	if err := DeleteOccurrence(s, items[2], ThisOccurrence); err != nil {
		t.Fatal(err)
	}
	items, _ = Occurrences(s, monday, monday.AddDays(27))
	if len(items) != 3 {
		t.Fatalf("after delete: %d occurrences, want 3", len(items))
	}
	// Moving all occurrences shifts the series; the changed one keeps its time.
	if err := RescheduleOccurrence(s, items[0], start.Add(time.Hour), start.Add(2*time.Hour), AllOccurrences); err != nil {
		t.Fatal(err)
	}
	items, _ = Occurrences(s, monday, monday.AddDays(27))
	if len(items) != 3 || !items[0].Start.Equal(start.Add(time.Hour)) || !items[1].Start.Equal(moved) {
		t.Fatalf("after moving all: %+v", items)
	}
}

func TestExportHidesClassified(t *testing.T) {
	s := newScheduleSession(t)
	start := model.NewDate(2026, 12, 8).In(Zone).Add(9 * time.Hour)
	e := &model.Event{Title: "MARKER-BÍ-MẬT", Start: start, End: start.Add(time.Hour), Classification: model.Secret,
		Reminders: []time.Duration{15 * time.Minute}}
	if err := CreateEvent(s, e); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := ExportICS(s, &buf, ExportOptions{}, "Việc mật", time.Now())
	if err != nil || n != 1 {
		t.Fatalf("export: %d, %v", n, err)
	}
	if strings.Contains(buf.String(), "MARKER") {
		t.Error("classified title exported without confirmation")
	}
	if !strings.Contains(buf.String(), "TRIGGER:-PT15M") || !strings.Contains(buf.String(), "DESCRIPTION:Việc mật") {
		t.Errorf("the reminder is not exported, or not under the generic title:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "\r\n") || strings.Contains(strings.ReplaceAll(buf.String(), "\r\n", ""), "\n") {
		t.Error("export does not use CRLF line endings")
	}
	buf.Reset()
	if _, err := ExportICS(s, &buf, ExportOptions{Classified: true}, "Việc mật", time.Now()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "MARKER") {
		t.Error("confirmed export lacks the title")
	}
}

// TestNoticesCarryNoTitles fires reminders and Pomodoro ends for items
// whose titles carry a marker and checks the notification texts in both
// languages.
func TestNoticesCarryNoTitles(t *testing.T) {
	const marker = "MARKER-7Q"
	s := newScheduleSession(t)
	start := time.Now().Add(10 * time.Minute)
	e := &model.Event{Title: marker + " họp", Notes: marker, Location: marker, Start: start,
		End: start.Add(time.Hour), Reminders: []time.Duration{15 * time.Minute}}
	if err := CreateEvent(s, e); err != nil {
		t.Fatal(err)
	}
	todo := &model.Todo{Title: marker + " việc", Deadline: Today()}
	if err := s.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}

	if _, err := CheckReminders(s, time.Now().Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	due, err := CheckReminders(s, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(due) == 0 {
		t.Fatal("no reminder fell due")
	}

	notices := []Notice{ReminderNotice(due), PhaseEndNotice(model.PhaseWork), PhaseEndNotice(model.PhaseShortBreak)}
	for _, lang := range []assets.Language{assets.Vietnamese, assets.English} {
		cat := assets.NewCatalog(lang)
		for _, n := range notices {
			text := cat.T(n.Title.Key, n.Title.Args...) + " " + cat.T(n.Body.Key, n.Body.Args...)
			if strings.Contains(text, marker) {
				t.Errorf("notification %q carries a title", text)
			}
			if strings.Contains(text, "%!") || strings.HasPrefix(text, "schedule.") {
				t.Errorf("notification %q is not translated", text)
			}
		}
	}
}

func TestTimerSavesAfterLock(t *testing.T) {
	s := newScheduleSession(t)
	now := time.Date(2026, 12, 4, 2, 0, 0, 0, time.UTC)
	timer := NewTimer(model.PomodoroConfig{Work: 5 * time.Minute, ShortBreak: time.Minute,
		LongBreak: 15 * time.Minute, LongEvery: 2}, func() time.Time { return now })
	var ended []model.PomodoroPhase
	timer.OnEnd(func(p model.PomodoroPhase) { ended = append(ended, p) })
	timer.SetTask(model.LinkTodo, "todo-1")
	timer.Start()
	now = now.Add(13 * time.Minute) // work 5, break 1, work 5, long break begins
	timer.Tick()
	if st := timer.State(); st.Phase != model.PhaseLongBreak || st.Pending != 3 {
		t.Fatalf("state %+v", st)
	}
	if len(ended) != 3 {
		t.Errorf("ended %v, want 3 phases", ended)
	}
	if err := timer.Save(s); err != nil {
		t.Fatal(err)
	}
	logged, _ := LoggedSessions(s, model.NewDate(2026, 12, 4), model.NewDate(2026, 12, 4))
	work := 0
	for _, l := range logged {
		if l.Phase == model.PhaseWork && l.TaskID == "todo-1" && l.Worked == 5*time.Minute {
			work++
		}
	}
	if work != 2 {
		t.Errorf("logged %d work sessions, want 2: %+v", work, logged)
	}
}

func TestLinkTargetsListTodosAndBlocksLink(t *testing.T) {
	s := newScheduleSession(t)
	todo := &model.Todo{Title: "Soạn đề cương"}
	if err := s.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	targets, err := LinkTargets(s, model.NewDate(2026, 12, 4))
	if err != nil || len(targets) != 1 || targets[0].ID != todo.ID || targets[0].Kind != model.LinkTodo {
		t.Fatalf("targets %+v, %v", targets, err)
	}
	start := model.NewDate(2026, 12, 8).In(Zone).Add(8 * time.Hour)
	block := &model.Event{Kind: model.KindBlock, Title: "Soạn đề cương", Start: start, End: start.Add(2 * time.Hour),
		LinkKind: model.LinkTodo, LinkID: todo.ID}
	if err := CreateEvent(s, block); err != nil {
		t.Fatal(err)
	}
	items, _ := Occurrences(s, model.NewDate(2026, 12, 8), model.NewDate(2026, 12, 8))
	if len(items) != 1 || items[0].Kind != model.ItemBlock || items[0].Ref != todo.ID {
		t.Fatalf("block occurrence %+v", items)
	}
	cols := model.BuildDays(model.NewDate(2026, 12, 8), 1, items, nil, Zone, WorkingDays(s).IsWorkingDay)
	if cols[0].Planned != 2*time.Hour {
		t.Errorf("planned %v, want 2h", cols[0].Planned)
	}
}

func TestUpdateEventAllOccurrencesFromLater(t *testing.T) {
	s := newScheduleSession(t)
	monday := model.NewDate(2026, 12, 7)
	start := monday.In(Zone).Add(8 * time.Hour)
	e := &model.Event{Title: "Giao ban", Start: start, End: start.Add(time.Hour), RRule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3"}
	if err := CreateEvent(s, e); err != nil {
		t.Fatal(err)
	}

	items, _ := Occurrences(s, monday, monday.AddDays(20))
	third := items[2]
	changed := model.Event{Title: "Giao ban đầu tuần", Start: third.Start.Add(time.Hour), End: third.End.Add(90 * time.Minute),
		RRule: e.RRule}
	if err := UpdateEvent(s, third, changed, AllOccurrences); err != nil {
		t.Fatal(err)
	}

	items, _ = Occurrences(s, monday, monday.AddDays(20))
	if len(items) != 3 {
		t.Fatalf("%d occurrences, want 3", len(items))
	}
	for i, it := range items {
		if it.Title != "Giao ban đầu tuần" {
			t.Errorf("occurrence %d title %q", i, it.Title)
		}
		if got := it.Start.In(Zone).Format("15:04"); got != "09:00" {
			t.Errorf("occurrence %d starts %s, want 09:00", i, got)
		}
		if got := it.End.Sub(it.Start); got != 90*time.Minute {
			t.Errorf("occurrence %d lasts %v, want 1h30m", i, got)
		}
	}
	if !items[0].Start.Equal(start.Add(time.Hour)) {
		t.Errorf("series starts %v, want %v", items[0].Start, start.Add(time.Hour))
	}
}
