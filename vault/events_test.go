package vault

import (
	"testing"
	"time"

	"sotay/model"
)

func sampleEvent() *model.Event {
	start := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	return &model.Event{
		Title:     "Giao ban\u0300 tuần", // decomposed mark: stored composed
		Start:     start,
		End:       start.Add(time.Hour),
		Zone:      "Asia/Ho_Chi_Minh",
		RRule:     "FREQ=WEEKLY;BYDAY=MO",
		ExDates:   []model.Occurrence{{Time: start.AddDate(0, 0, 7)}},
		Reminders: []time.Duration{15 * time.Minute},
	}
}

func TestSaveEventRoundTrip(t *testing.T) {
	v, _ := newTestVault(t)
	e := sampleEvent()
	if err := v.SaveEvent(e); err != nil {
		t.Fatal(err)
	}
	got, err := v.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != model.Normalize("Giao ban\u0300 tuần") || got.Title == "Giao ban\u0300 tuần" {
		t.Errorf("title %q not NFC", got.Title)
	}
	if got.UID == "" || got.RRule != e.RRule || !got.Start.Equal(e.Start) {
		t.Errorf("got %+v", got)
	}
	if len(got.ExDates) != 1 || !got.ExDates[0].Time.Equal(e.ExDates[0].Time) {
		t.Errorf("exdates %v", got.ExDates)
	}
	if len(got.Reminders) != 1 || got.Reminders[0] != 15*time.Minute {
		t.Errorf("reminders %v", got.Reminders)
	}
}

func TestSaveEventRejectsEmptyTitle(t *testing.T) {
	v, _ := newTestVault(t)
	e := sampleEvent()
	e.Title = "  "
	if err := v.SaveEvent(e); err == nil {
		t.Fatal("saved an event with no title")
	}
}

func TestEventsBetweenAndDelete(t *testing.T) {
	v, _ := newTestVault(t)
	series := sampleEvent()
	single := &model.Event{Title: "Họp", Start: time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC)}
	single.End = single.Start.Add(time.Hour)
	if err := v.SaveEvents(series, single); err != nil {
		t.Fatal(err)
	}
	override := &model.Event{UID: series.UID, Title: "Giao ban dời", Start: series.Start.Add(2 * time.Hour),
		End: series.End.Add(2 * time.Hour), RecurrenceID: model.Occurrence{Time: series.Start}}
	if err := v.SaveEvent(override); err != nil {
		t.Fatal(err)
	}
	got, err := v.EventsBetween(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("EventsBetween returned %d rows, want the series and its override", len(got))
	}
	if err := v.DeleteEvent(series.ID); err != nil {
		t.Fatal(err)
	}
	rows, _ := v.EventSeries(series.UID)
	if len(rows) != 0 {
		t.Errorf("deleting the series left %d rows", len(rows))
	}
}

func TestImportEventsUpdatesByUID(t *testing.T) {
	v, _ := newTestVault(t)
	e := *sampleEvent()
	e.UID = "abc@example.com"
	e.Imported = true
	res, err := v.ImportEvents([]model.Event{e}, nil)
	if err != nil || res.Added != 1 {
		t.Fatalf("first import: %+v, %v", res, err)
	}
	e.Title = "Giao ban đổi tên"
	e.ID = ""
	res, err = v.ImportEvents([]model.Event{e}, nil)
	if err != nil || res.Updated != 1 || res.Added != 0 {
		t.Fatalf("second import: %+v, %v", res, err)
	}
	rows, _ := v.AllEvents()
	if len(rows) != 1 || rows[0].Title != "Giao ban đổi tên" {
		t.Errorf("after re-import: %+v", rows)
	}
}

func TestImportEventsAllOrNothing(t *testing.T) {
	v, _ := newTestVault(t)
	good := *sampleEvent()
	bad := *sampleEvent()
	bad.Title = ""
	if _, err := v.ImportEvents([]model.Event{good, bad}, nil); err == nil {
		t.Fatal("imported a file with an invalid event")
	}
	rows, _ := v.AllEvents()
	if len(rows) != 0 {
		t.Errorf("half-import: %d rows stored", len(rows))
	}
}

func TestPomodoroSessionsAndTodos(t *testing.T) {
	v, _ := newTestVault(t)
	start := time.Date(2026, 12, 4, 2, 0, 0, 0, time.UTC)
	s := model.PomodoroSession{TaskKind: model.LinkTodo, TaskID: "x", Phase: model.PhaseWork,
		StartedAt: start, EndedAt: start.Add(25 * time.Minute), Worked: 25 * time.Minute, Completed: true}
	if err := v.AddPomodoroSessions([]model.PomodoroSession{s}); err != nil {
		t.Fatal(err)
	}
	got, err := v.PomodoroSessions(start.Add(-time.Hour), start.Add(time.Hour))
	if err != nil || len(got) != 1 || got[0].Worked != 25*time.Minute {
		t.Fatalf("sessions %+v, %v", got, err)
	}

	todo := &model.Todo{Title: "Gọi điện", Important: true}
	if err := v.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	todo.Urgent, todo.UrgentSet = true, true
	if err := v.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	open, err := v.OpenTodos()
	if err != nil || len(open) != 1 || !open[0].UrgentSet {
		t.Fatalf("todos %+v, %v", open, err)
	}
}

func TestSetTaskPriority(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	items, err := v.BoardTasks()
	if err != nil || len(items) == 0 {
		t.Fatalf("board tasks %d, %v", len(items), err)
	}
	id := items[0].ID
	if err := v.SetTaskPriority(id, false, true, "Lê Văn B"); err != nil {
		t.Fatal(err)
	}
	if err := v.SetTaskPriority(id, true, true, ""); err != nil {
		t.Fatal(err)
	}
	items, _ = v.BoardTasks()
	for _, b := range items {
		if b.ID != id {
			continue
		}
		if !b.Important || !b.Urgent || !b.UrgentSet || b.Assignee != "Lê Văn B" {
			t.Errorf("task after priority change: %+v", b)
		}
	}
}
