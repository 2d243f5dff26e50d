package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/vault"
)

// todayScreen lists the open tasks that are overdue or due in the next
// two weeks, across every case.
type todayScreen struct {
	w     *window
	tasks []vault.DueTask
}

func newTodayScreen(w *window) *todayScreen { return &todayScreen{w: w} }

func (s *todayScreen) build() fyne.CanvasObject {
	w := s.w
	today := w.today()
	tasks, err := app.Upcoming(w.session, today)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	s.tasks = tasks
	overdue := 0
	for _, t := range tasks {
		if t.Deadline.Before(today) {
			overdue++
		}
	}
	heading := widget.NewLabelWithStyle(w.t("today.heading", today.Display()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary := widget.NewLabel(w.t("today.summary", overdue, len(tasks)-overdue, app.TodayWindow))
	schedule := newTodaySchedule(w).build()
	meetings := todayMeetings(w)
	reports := todayReports(w)
	if len(tasks) == 0 {
		return container.NewVBox(heading, meetings, reports, schedule, widget.NewLabel(w.t("today.nothing")))
	}
	list := widget.NewList(
		func() int { return len(s.tasks) },
		func() fyne.CanvasObject { return newDueRow(w) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*dueRow).set(s.tasks[id]) },
	)
	list.OnSelected = func(id widget.ListItemID) {
		w.touch()
		w.showCaseTab(s.tasks[id].CaseID, 1)
	}
	return container.NewBorder(container.NewVBox(heading, meetings, reports, schedule, summary), nil, nil, nil, list)
}

// dueRow is one task of the Hôm nay list.
type dueRow struct {
	widget.BaseWidget
	w        *window
	deadline *widget.Label
	title    *widget.Label
	caseName *widget.Label
	badge    *classificationBadge
}

func newDueRow(w *window) *dueRow {
	r := &dueRow{
		w:        w,
		deadline: widget.NewLabel(""),
		title:    widget.NewLabel(""),
		caseName: widget.NewLabel(""),
		badge:    newClassificationBadge(0),
	}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.caseName.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *dueRow) set(t vault.DueTask) {
	today := r.w.today()
	days := today.DaysUntil(t.Deadline)
	switch {
	case days < 0:
		r.deadline.SetText(r.w.t("today.overdue_days", t.Deadline.Display(), -days))
		r.deadline.Importance = widget.DangerImportance
	case days == 0:
		r.deadline.SetText(r.w.t("today.due_today"))
		r.deadline.Importance = widget.WarningImportance
	default:
		r.deadline.SetText(r.w.t("today.due_in", t.Deadline.Display(), days))
		r.deadline.Importance = widget.MediumImportance
	}
	r.deadline.Refresh()
	r.title.SetText(t.Title)
	r.caseName.SetText(t.CaseCode + " · " + t.CaseTitle)
	r.badge.SetLevel(t.CaseClassification)
}

func (r *dueRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&columnsLayout{shares: []float32{0.22, 0, 0.38}},
		r.deadline, r.title, container.NewBorder(nil, nil, container.NewCenter(r.badge), nil, r.caseName)))
}
