package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/model/workday"
)

// calendarView is which view the Lịch cá nhân section shows.
type calendarView int

const (
	viewDay calendarView = iota
	viewWeek
	viewMonth
	viewBoard
	viewPomodoro
)

// calendarScreen is the Lịch cá nhân section: day, week and month views,
// the Eisenhower board and the Pomodoro timer.
type calendarScreen struct {
	w    *window
	view calendarView
	day  model.Date // the day shown, or a day of the week or month shown
	cal  *workday.Calendar

	body   *fyne.Container
	period *widget.Label
}

func newCalendarScreen(w *window, view calendarView) *calendarScreen {
	return &calendarScreen{w: w, view: view, day: w.today(), cal: app.WorkingDays(w.session)}
}

func (s *calendarScreen) build() fyne.CanvasObject {
	w := s.w
	views := []string{w.t("schedule.view.day"), w.t("schedule.view.week"), w.t("schedule.view.month"),
		w.t("schedule.view.board"), w.t("schedule.view.pomodoro")}
	tabs := widget.NewRadioGroup(views, nil)
	tabs.Horizontal = true
	tabs.Required = true
	tabs.SetSelected(views[s.view])
	tabs.OnChanged = func(v string) {
		for i, name := range views {
			if name == v {
				s.view = calendarView(i)
			}
		}
		s.refresh()
	}

	s.period = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	nav := container.NewHBox(
		widget.NewButton("◀", func() { s.step(-1) }),
		widget.NewButton(w.t("schedule.today"), func() { s.day = w.today(); s.refresh() }),
		widget.NewButton("▶", func() { s.step(1) }),
	)
	actions := container.NewHBox(
		widget.NewButton(w.t("schedule.new_event"), func() { s.newEvent(s.day, 8*time.Hour, model.KindEvent) }),
		widget.NewButton(w.t("schedule.import"), s.onImport),
		widget.NewButton(w.t("schedule.export"), s.onExport),
	)

	top := container.NewVBox(tabs, container.NewBorder(nil, nil, nav, actions, s.period))
	s.body = container.NewStack()
	s.refresh()
	return container.NewBorder(top, nil, nil, nil, s.body)
}

// step moves the period shown by n days, weeks or months.
func (s *calendarScreen) step(n int) {
	s.w.touch()
	switch s.view {
	case viewDay:
		s.day = s.day.AddDays(n)
	case viewMonth:
		t := time.Date(s.day.Year, s.day.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		s.day = model.DateOf(t)
	default:
		s.day = s.day.AddDays(7 * n)
	}
	s.refresh()
}

// refresh loads the period shown and rebuilds the body.
func (s *calendarScreen) refresh() {
	w := s.w
	w.touch()
	if w.session == nil {
		return
	}
	var content fyne.CanvasObject
	switch s.view {
	case viewDay:
		s.period.SetText(w.t("schedule.weekday."+s.day.Weekday().String()) + " " + s.day.Display())
		content = s.timeGrid(s.day, 1)
	case viewWeek:
		first := model.WeekStart(s.day)
		s.period.SetText(w.t("schedule.week_of", first.Display(), first.AddDays(6).Display()))
		content = s.timeGrid(first, 7)
	case viewMonth:
		s.period.SetText(w.t("schedule.month_of", int(s.day.Month), s.day.Year))
		content = s.monthGrid()
	case viewBoard:
		s.period.SetText(w.t("schedule.board_title"))
		content = newBoardScreen(w, s.refresh).build()
	case viewPomodoro:
		s.period.SetText(w.t("schedule.view.pomodoro"))
		content = newPomodoroPanel(w, true).build()
	}
	s.body.Objects = []fyne.CanvasObject{content}
	s.body.Refresh()
}

// timeGrid loads the items of days days from first and lays them out.
func (s *calendarScreen) timeGrid(first model.Date, days int) fyne.CanvasObject {
	w := s.w
	last := first.AddDays(days - 1)
	items, err := app.Calendar(w.session, first, last)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	logged, err := app.LoggedSessions(w.session, first, last)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	cols := model.BuildDays(first, days, items, logged, app.Zone, s.cal.IsWorkingDay)
	grid := newTimeGrid(w, cols, s)
	var planned, done time.Duration
	for _, c := range cols {
		planned += c.Planned
		done += c.Logged
	}
	summary := widget.NewLabel(w.t("schedule.hours", hours(planned), hours(done)))
	var plan fyne.CanvasObject
	if days == 7 {
		plan = weekPlanPanel(w, first)
	}
	return container.NewBorder(summary, nil, nil, plan, grid.build())
}

// hours returns d in hours with one decimal.
func hours(d time.Duration) string { return fmt.Sprintf("%.1f", d.Hours()) }

// onItem opens an item: the event form for events and blocks, the tasks
// of the case of a task deadline, the meeting of a meeting or
// distribution deadline, and the board for a to-do.
func (s *calendarScreen) onItem(it *model.CalendarItem) {
	s.w.touch()
	switch it.Kind {
	case model.ItemEvent, model.ItemBlock:
		s.editEvent(*it)
	case model.ItemTask:
		s.w.showCaseTab(it.Ref, 1)
	case model.ItemMeeting, model.ItemDistribution:
		s.w.showMeeting(it.Ref)
	case model.ItemReport:
		s.w.showPlans(0, 1)
	case model.ItemTodo:
		s.view = viewBoard
		s.w.show(s.w.t("nav.schedule"), s.build())
	}
}
