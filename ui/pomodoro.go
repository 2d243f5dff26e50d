package ui

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// reminderInterval is how often the window checks for reminders due.
const reminderInterval = 30 * time.Second

// scheduleState is the part of the personal schedule that outlives a
// lock: the Pomodoro timer and the reminder check. It holds no decrypted
// value: a task id at most.
type scheduleState struct {
	timer *app.Timer
	// notify shows a desktop notification; tests replace it. Only the
	// generic texts of app.Notice reach it.
	notify func(title, body string)
	// panel is the Pomodoro panel on screen, refreshed every second.
	panel *pomodoroPanel
	stop  chan struct{}
}

// startSchedule creates the timer. Its goroutine runs while a session
// is open or a phase is being timed (see runSchedule).
func (w *window) startSchedule() {
	st := &scheduleState{timer: app.NewTimer(model.DefaultPomodoro, nil)}
	st.notify = func(title, body string) { w.fa.SendNotification(fyne.NewNotification(title, body)) }
	st.timer.OnEnd(func(ended model.PomodoroPhase) {
		fyne.Do(func() {
			w.sendNotice(app.PhaseEndNotice(ended))
			w.savePomodoro()
		})
	})
	w.sched = st
}

// runSchedule starts, unless it runs, the goroutine that ticks the timer
// every second, refreshes the panel and checks reminders every
// reminderInterval. Only the UI goroutine calls it.
func (w *window) runSchedule() {
	st := w.sched
	if st.stop != nil {
		return
	}
	stop := make(chan struct{})
	st.stop = stop
	go func() {
		second := time.NewTicker(time.Second)
		defer second.Stop()
		var sinceCheck time.Duration
		for {
			select {
			case <-stop:
				return
			case <-second.C:
			}
			st.timer.Tick()
			sinceCheck += time.Second
			check := sinceCheck >= reminderInterval
			if check {
				sinceCheck = 0
			}
			fyne.Do(func() {
				if st.panel != nil {
					st.panel.update()
				}
				if check {
					w.checkReminders(false)
				}
			})
		}
	}()
}

// stopSchedule stops the goroutine of runSchedule; the timer keeps its
// state. Only the UI goroutine calls it.
func (w *window) stopSchedule() {
	if w.sched.stop != nil {
		close(w.sched.stop)
		w.sched.stop = nil
	}
}

// sendNotice shows a notification with the generic text of n.
func (w *window) sendNotice(n app.Notice) {
	w.sched.notify(w.t(n.Title.Key, n.Title.Args...), w.t(n.Body.Key, n.Body.Args...))
}

// savePomodoro logs the finished sessions when the vault is open; while
// it is locked they wait in the timer.
func (w *window) savePomodoro() {
	if w.session == nil {
		return
	}
	if err := w.sched.timer.Save(w.session); err != nil {
		w.showError(err)
	}
}

// onScheduleUnlock saves the sessions that ended while the vault was
// locked, loads the Pomodoro lengths and lists the missed reminders once.
func (w *window) onScheduleUnlock() {
	w.session.OnLock(func() { fyne.Do(w.onScheduleLock) })
	w.runSchedule()
	if err := w.sched.timer.SetConfig(app.LoadPomodoroConfig(w.session)); err != nil {
		w.showError(err)
	}
	w.savePomodoro()
	w.checkReminders(true)
}

// onScheduleLock drops the Pomodoro panel, which shows task titles, with
// the other screens. An idle timer needs no goroutine while locked; a
// running one keeps ticking so that its phases end on time.
func (w *window) onScheduleLock() {
	w.sched.panel = nil
	if w.sched.timer.State().Phase == model.PhaseIdle {
		w.stopSchedule()
	}
}

// checkReminders looks for reminders due since the last check. While the
// app runs they become one generic notification; after an unlock
// (missed) they are listed in a dialog inside the window, once.
func (w *window) checkReminders(missed bool) {
	if w.session == nil {
		return
	}
	due, err := app.CheckReminders(w.session, time.Now())
	if err != nil || len(due) == 0 {
		return
	}
	if !missed {
		w.sendNotice(app.ReminderNotice(due))
		return
	}
	var lines []string
	for _, r := range due {
		lines = append(lines, r.At.In(app.Zone).Format("02/01 15:04")+"  "+
			w.t("schedule.kind."+string(r.Item.Kind))+": "+r.Item.Title)
	}
	label := widget.NewLabel(strings.Join(lines, "\n"))
	d := dialog.NewCustom(w.t("schedule.missed_title", len(due)), w.t("schedule.close"),
		container.NewVScroll(label), w.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
}

// pomodoroPanel shows the timer with its controls and the task the work
// counts for. full adds the settings of the lengths.
type pomodoroPanel struct {
	w     *window
	full  bool
	phase *widget.Label
	clock *widget.Label
	count *widget.Label
	task  *widget.Select
	items []app.BoardEntry
}

func newPomodoroPanel(w *window, full bool) *pomodoroPanel {
	return &pomodoroPanel{w: w, full: full}
}

func (p *pomodoroPanel) build() fyne.CanvasObject {
	w := p.w
	timer := w.sched.timer
	p.phase = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.clock = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	p.clock.SizeName = theme.SizeNameHeadingText
	p.count = widget.NewLabel("")
	p.buildTask()

	act := func(fn func()) func() {
		return func() {
			w.touch()
			fn()
			w.runSchedule()
			w.savePomodoro()
			p.update()
		}
	}
	buttons := container.NewHBox(
		widget.NewButton(w.t("schedule.pomodoro.start"), act(timer.Start)),
		widget.NewButton(w.t("schedule.pomodoro.pause"), act(timer.Pause)),
		widget.NewButton(w.t("schedule.pomodoro.skip"), act(timer.Skip)),
		widget.NewButton(w.t("schedule.pomodoro.stop"), act(timer.Stop)),
	)
	w.sched.panel = p
	p.update()

	box := container.NewVBox(container.NewHBox(p.phase, p.clock, p.count),
		container.NewBorder(nil, nil, widget.NewLabel(w.t("schedule.pomodoro.task")), nil, p.task), buttons)
	if p.full {
		box.Add(widget.NewSeparator())
		box.Add(p.settings())
	}
	return box
}

// buildTask fills the list of open tasks and to-dos the work can count
// for, labelled with their case and mark, and selects the timer's task.
func (p *pomodoroPanel) buildTask() {
	w, timer := p.w, p.w.sched.timer
	p.task = widget.NewSelect(nil, nil)
	p.task.PlaceHolder = w.t("schedule.pomodoro.no_task")
	entries, err := app.Board(w.session, w.today())
	if err != nil {
		slog.Warn("tasks for the Pomodoro timer not loaded", "err", err)
	}
	p.items = entries

	var labels []string
	for _, e := range entries {
		label := e.Title
		if e.Detail != "" {
			label = e.Detail + " · " + label
		}
		if mark := e.Classification.Mark(); mark != "" {
			label = "[" + mark + "] " + label
		}
		labels = append(labels, label)
	}
	p.task.Options = uniqueLabels(labels)
	for i, e := range entries {
		if e.ID == timer.State().TaskID {
			p.task.SetSelectedIndex(i)
		}
	}
	p.task.OnChanged = func(string) {
		if i := p.task.SelectedIndex(); i >= 0 {
			timer.SetTask(p.items[i].Kind, p.items[i].ID)
		}
	}
}

// update shows the state of the timer.
func (p *pomodoroPanel) update() {
	st := p.w.sched.timer.State()
	key := "schedule.pomodoro.idle"
	if st.Phase != model.PhaseIdle {
		key = "schedule.pomodoro." + string(st.Phase)
	}
	phase := p.w.t(key)
	if st.Paused {
		phase += " (" + p.w.t("schedule.pomodoro.paused") + ")"
	}
	p.phase.SetText(phase)
	rem := st.Remaining.Round(time.Second)
	if st.Phase == model.PhaseIdle {
		rem = st.Config.Work
	}
	p.clock.SetText(fmt.Sprintf("%02d:%02d", int(rem.Minutes()), int(rem.Seconds())%60))
	p.count.SetText(p.w.t("schedule.pomodoro.count", st.WorkCount, st.Config.LongEvery))
}

// settings returns the entries of the four lengths and their save button.
func (p *pomodoroPanel) settings() fyne.CanvasObject {
	w := p.w
	c := w.sched.timer.State().Config
	entry := func(v int) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(fmt.Sprint(v))
		return e
	}
	work, short := entry(int(c.Work/time.Minute)), entry(int(c.ShortBreak/time.Minute))
	long, every := entry(int(c.LongBreak/time.Minute)), entry(c.LongEvery)
	save := widget.NewButton(w.t("action.save"), func() {
		var n [4]int
		for i, e := range []*widget.Entry{work, short, long, every} {
			if _, err := fmt.Sscan(e.Text, &n[i]); err != nil {
				n[i] = -1
			}
		}
		cfg := model.PomodoroConfig{Work: time.Duration(n[0]) * time.Minute, ShortBreak: time.Duration(n[1]) * time.Minute,
			LongBreak: time.Duration(n[2]) * time.Minute, LongEvery: n[3]}
		err := app.SavePomodoroConfig(w.session, cfg)
		if err == nil {
			err = w.sched.timer.SetConfig(cfg)
		}
		if err != nil {
			dialog.ShowInformation(w.t("dialog.error_title"), w.t(app.ExplainSchedule(err).Key), w.win)
			return
		}
		p.update()
	})
	return widget.NewForm(
		widget.NewFormItem(w.t("schedule.pomodoro.work_minutes"), work),
		widget.NewFormItem(w.t("schedule.pomodoro.short_minutes"), short),
		widget.NewFormItem(w.t("schedule.pomodoro.long_minutes"), long),
		widget.NewFormItem(w.t("schedule.pomodoro.long_every"), every),
		widget.NewFormItem("", save),
	)
}

// uniqueLabels returns labels with " (2)", " (3)"… added to repeats,
// because a Select chooses an option by its text.
func uniqueLabels(labels []string) []string {
	seen := map[string]int{}
	out := make([]string, len(labels))
	for i, l := range labels {
		seen[l]++
		out[i] = l
		if n := seen[l]; n > 1 {
			out[i] = fmt.Sprintf("%s (%d)", l, n)
		}
	}
	return out
}
