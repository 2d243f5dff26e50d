package ui

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// walkOverlays calls visit on everything in the window and its dialogs.
func walkOverlays(w *window, visit func(fyne.CanvasObject)) {
	walk(w.win.Content(), visit)
	for _, o := range w.win.Canvas().Overlays().List() {
		walk(o, visit)
	}
}

func overlayEntry(t *testing.T, w *window, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walkOverlays(w, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no entry with placeholder %q", placeholder)
	}
	return found
}

func overlayButton(t *testing.T, w *window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkOverlays(w, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b // the last one: the top dialog's
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// openSchedule shows the Lịch cá nhân section in view v and returns its
// screen.
func openSchedule(t *testing.T, w *window, v calendarView) *calendarScreen {
	t.Helper()
	i := slices.Index(sections, "nav.schedule")
	if i < 0 {
		t.Fatal("no schedule section")
	}
	w.selectSection(i)
	s := newCalendarScreen(w, v)
	w.show(w.t("nav.schedule"), s.build())
	return s
}

func TestCalendarRecurringEventMoveOne(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	monday := model.WeekStart(w.today())
	s := openSchedule(t, w, viewWeek)
	s.day = monday
	s.newEvent(monday, 9*time.Hour, model.KindEvent)

	test.Type(overlayEntry(t, w, w.t("schedule.form.title")), "Giao ban tuần")
	var repeat *widget.Select
	walkOverlays(w, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && slices.Contains(sel.Options, w.t("schedule.repeat.weekly")) {
			repeat = sel
		}
	})
	repeat.SetSelected(w.t("schedule.repeat.weekly"))
	test.Tap(overlayButton(t, w, w.t("action.save")))

	items, err := app.Occurrences(w.session, monday, monday.AddDays(20))
	if err != nil || len(items) != 3 {
		t.Fatalf("%d occurrences in three weeks (%v), want 3", len(items), err)
	}
	if !items[0].Recurring || items[0].Start.In(app.Zone).Hour() != 9 {
		t.Fatalf("first occurrence %+v", items[0])
	}

	// Drag the first occurrence down an hour and a half on the grid.
	var block *eventBlock
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*eventBlock); ok && b.placed.Item.Title == "Giao ban tuần" {
			block = b
		}
	})
	if block == nil {
		t.Fatal("the event is not on the week grid")
	}
	block.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 5)},
		Dragged: fyne.NewDelta(0, 1.5*hourHeight)})
	block.DragEnd()
	test.Tap(overlayButton(t, w, w.t("schedule.scope.this")))

	items, _ = app.Occurrences(w.session, monday, monday.AddDays(20))
	if len(items) != 3 {
		t.Fatalf("%d occurrences after the move, want 3", len(items))
	}
	if got := items[0].Start.In(app.Zone).Format("15:04"); got != "10:30" {
		t.Errorf("moved occurrence starts at %s, want 10:30", got)
	}
	if got := items[1].Start.In(app.Zone).Format("15:04"); got != "09:00" {
		t.Errorf("next occurrence starts at %s, want 09:00", got)
	}
}

func TestCalendarRejectsBadRule(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	s := openSchedule(t, w, viewDay)
	s.newEvent(w.today(), 9*time.Hour, model.KindEvent)
	test.Type(overlayEntry(t, w, w.t("schedule.form.title")), "Họp")
	var repeat *widget.Select
	walkOverlays(w, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && slices.Contains(sel.Options, w.t("schedule.repeat.custom")) {
			repeat = sel
		}
	})
	repeat.SetSelected(w.t("schedule.repeat.custom"))
	test.Type(overlayEntry(t, w, w.t("schedule.form.rule_hint")), "FREQ=SOMETIMES")
	test.Tap(overlayButton(t, w, w.t("action.save")))
	var hasMessage bool
	walkOverlays(w, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == w.t("schedule.err.event_rule") {
			hasMessage = true
		}
	})
	if !hasMessage {
		t.Error("an invalid RRULE gives no message")
	}
	rows, _ := w.session.AllEvents()
	if len(rows) != 0 {
		t.Errorf("an event with an invalid rule was saved")
	}
}

// TestPomodoroShortCycleThroughLock runs work and break with a clock the
// test moves, locks the vault in the middle and checks that the sessions
// are saved on unlock and that notifications are generic.
func TestPomodoroShortCycleThroughLock(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	dir := w.session.Dir()
	var mu sync.Mutex
	now := time.Date(2026, 12, 4, 2, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	var notices []string
	w.sched.timer = app.NewTimer(model.PomodoroConfig{Work: 2 * time.Minute, ShortBreak: time.Minute,
		LongBreak: 15 * time.Minute, LongEvery: 2}, clock)
	w.sched.timer.OnEnd(func(p model.PomodoroPhase) {
		fyne.Do(func() { w.sendNotice(app.PhaseEndNotice(p)); w.savePomodoro() })
	})
	w.sched.notify = func(title, body string) { notices = append(notices, title+": "+body) }

	todo := &model.Todo{Title: "MARKER-POMO soạn báo cáo"}
	if err := w.session.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	openSchedule(t, w, viewPomodoro)
	var task *widget.Select
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == w.t("schedule.pomodoro.no_task") {
			task = sel
		}
	})
	task.SetSelected(todo.Title)
	test.Tap(findButton(t, w, w.t("schedule.pomodoro.start")))
	advance(2 * time.Minute)
	w.sched.timer.Tick()
	waitFor(t, "the end of the work session", func() bool { return len(notices) == 1 })

	w.session.Lock()
	waitFor(t, "the lock screen", func() bool { return w.session == nil })
	advance(3 * time.Minute) // the break and a second work session end while locked
	w.sched.timer.Tick()
	waitFor(t, "two more notifications", func() bool { return len(notices) == 3 })
	if st := w.sched.timer.State(); st.Pending != 2 || st.Phase != model.PhaseLongBreak {
		t.Fatalf("timer while locked: %+v", st)
	}

	v, err := vault.Open(dir, []byte(uiPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	w.openSession(app.NewSession(v))
	logged, err := app.LoggedSessions(w.session, model.NewDate(2026, 12, 4), model.NewDate(2026, 12, 4))
	if err != nil {
		t.Fatal(err)
	}
	work := 0
	for _, l := range logged {
		if l.Phase == model.PhaseWork && l.TaskID == todo.ID && l.Completed {
			work++
		}
	}
	if work != 2 {
		t.Errorf("%d work sessions logged against the to-do, want 2: %+v", work, logged)
	}
	if !strings.Contains(notices[0], w.t("schedule.notify.work_over")) {
		t.Errorf("first notification %q", notices[0])
	}
	for _, n := range notices {
		if strings.Contains(n, "MARKER") {
			t.Errorf("notification %q carries a title", n)
		}
	}
}

func TestBoardMoveTaskBetweenQuadrants(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	todo := &model.Todo{Title: "Sắp xếp tủ hồ sơ", Deadline: w.today().AddDays(30)}
	if err := w.session.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	openSchedule(t, w, viewBoard)
	board := func() app.BoardEntry {
		entries, err := app.Board(w.session, w.today())
		if err != nil || len(entries) != 1 {
			t.Fatalf("board %+v, %v", entries, err)
		}
		return entries[0]
	}
	if q := board().Quadrant; q != model.Drop {
		t.Fatalf("a far, unimportant to-do is in quadrant %d, want Drop", q)
	}
	var move *widget.Select
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == w.t("schedule.move_to") {
			move = sel
		}
	})
	if move == nil {
		t.Fatal("no move list on the board")
	}
	move.SetSelectedIndex(int(model.DoNow))
	e := board()
	if e.Quadrant != model.DoNow || !e.Important || !e.Urgent || !e.UrgentSet {
		t.Errorf("after the move: %+v", e)
	}

	// Delegating opens a dialog for the assignee.
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == w.t("schedule.move_to") {
			move = sel
		}
	})
	move.SetSelectedIndex(int(model.Delegate))
	test.Type(overlayEntry(t, w, w.t("schedule.delegate_to")), "Lê Thị Mai")
	test.Tap(overlayButton(t, w, w.t("action.save")))
	if e := board(); e.Quadrant != model.Delegate || e.Assignee != "Lê Thị Mai" {
		t.Errorf("after delegating: %+v", e)
	}
}

func TestTodayShowsEventsAndPomodoro(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	start := w.today().In(app.Zone).Add(14 * time.Hour)
	e := &model.Event{Title: "Làm việc với đoàn giám sát", Start: start, End: start.Add(time.Hour)}
	if err := app.CreateEvent(w.session, e); err != nil {
		t.Fatal(err)
	}
	w.selectSection(slices.Index(sections, "nav.today"))
	var found bool
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*itemChip); ok && strings.Contains(c.label.Text, "Làm việc với đoàn giám sát") {
			found = true
		}
	})
	if !found {
		t.Error("Hôm nay does not show the day's event")
	}
	findButton(t, w, w.t("schedule.pomodoro.start"))
}

// overlayTexts returns the label texts of the dialogs shown.
func overlayTexts(w *window) string {
	var b strings.Builder
	for _, o := range w.win.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		})
	}
	return b.String()
}

func TestCalendarImportReportsLines(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	s := openSchedule(t, w, viewWeek)
	data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@example\r\nSUMMARY:Giao ban\r\nxin chào\r\n" +
		"DTSTART:20261207T010000Z\r\nDTEND:20261207T020000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	s.importData([]byte(data))
	waitFor(t, "the import report", func() bool {
		return strings.Contains(overlayTexts(w), w.t("schedule.imported", 1, 0))
	})
	if text := overlayTexts(w); !strings.Contains(text, "Dòng 5 ") {
		t.Errorf("the report does not name line 5:\n%s", text)
	}

	s.importData([]byte("không phải lịch"))
	waitFor(t, "the error message", func() bool {
		return strings.Contains(overlayTexts(w), w.t("schedule.err.not_calendar"))
	})
	rows, _ := w.session.AllEvents()
	if len(rows) != 1 {
		t.Errorf("%d events stored, want 1", len(rows))
	}
}

// TestMissedRemindersListedOnce locks the vault past a reminder and
// checks that the unlock lists it once, in a dialog and not as a
// notification.
func TestMissedRemindersListedOnce(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	dir := w.session.Dir()
	var notices []string
	w.sched.notify = func(title, body string) { notices = append(notices, body) }

	start := time.Now().Add(5 * time.Minute)
	e := &model.Event{Title: "Họp giao ban bất thường", Start: start, End: start.Add(time.Hour),
		Reminders: []time.Duration{10 * time.Minute}}
	if err := app.CreateEvent(w.session, e); err != nil {
		t.Fatal(err)
	}
	checked := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	if err := w.session.SetSetting(app.SettingRemindersChecked, checked); err != nil {
		t.Fatal(err)
	}
	w.session.Lock()
	waitFor(t, "the lock screen", func() bool { return w.session == nil })

	reopen := func() {
		v, err := vault.Open(dir, []byte(uiPassphrase))
		if err != nil {
			t.Fatal(err)
		}
		w.openSession(app.NewSession(v))
	}
	reopen()
	title := w.t("schedule.missed_title", 1)
	if !strings.Contains(overlayTexts(w), "Họp giao ban bất thường") || !strings.Contains(overlayTexts(w), title) {
		t.Fatalf("no missed-reminder list after unlock:\n%s", overlayTexts(w))
	}
	if len(notices) != 0 {
		t.Errorf("missed reminders fired notifications %v", notices)
	}

	for _, o := range w.win.Canvas().Overlays().List() {
		w.win.Canvas().Overlays().Remove(o)
	}
	w.session.Lock()
	waitFor(t, "the lock screen", func() bool { return w.session == nil })
	reopen()
	if strings.Contains(overlayTexts(w), title) {
		t.Error("the missed reminder is listed a second time")
	}
}

func TestBoardUrgentDaysSetting(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	// Friday 4/12 to Friday 11/12 is five working days.
	todo := &model.Todo{Title: "Nộp báo cáo tuần", Deadline: model.NewDate(2026, 12, 11)}
	if err := w.session.SaveTodo(todo); err != nil {
		t.Fatal(err)
	}
	openSchedule(t, w, viewBoard)
	quadrant := func() model.Quadrant {
		entries, err := app.Board(w.session, w.today())
		if err != nil || len(entries) != 1 {
			t.Fatalf("board %+v, %v", entries, err)
		}
		return entries[0].Quadrant
	}
	if q := quadrant(); q != model.Drop {
		t.Fatalf("quadrant %d with 3 urgent days, want Drop", q)
	}

	var days *widget.Select
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && slices.Contains(sel.Options, w.t("schedule.urgent_days", 5)) {
			days = sel
		}
	})
	if days == nil {
		t.Fatal("no urgent-days list on the board")
	}
	days.SetSelected(w.t("schedule.urgent_days", 5))
	if q := quadrant(); q != model.Delegate {
		t.Errorf("quadrant %d with 5 urgent days, want Delegate", q)
	}
}
