package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
)

// maxTodayReports is how many reports Hôm nay lists before a "more"
// button that opens the report calendar.
const maxTodayReports = 5

// todayReports lists the reports not yet sent that are overdue or due in
// the next two weeks, each opening the report calendar when tapped. It is
// empty when nothing is due.
func todayReports(w *window) fyne.CanvasObject {
	today := w.today()
	rows, err := app.UpcomingReports(w.session, today)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	box := container.NewVBox()
	if len(rows) == 0 {
		return box
	}
	box.Add(widget.NewLabelWithStyle(w.t("today.reports"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	// The most recent ones are the most pressing; the report calendar
	// lists the rest.
	if len(rows) > maxTodayReports {
		more := widget.NewButton(w.t("today.reports_more", len(rows)-maxTodayReports), func() {
			w.touch()
			w.showPlans(today.Year, 1)
		})
		more.Importance = widget.LowImportance
		defer box.Add(more)
		rows = rows[len(rows)-maxTodayReports:]
	}
	for _, r := range rows {
		days := today.DaysUntil(r.Due)
		var when string
		switch {
		case days < 0:
			when = w.t("today.overdue_days", r.Due.Display(), -days)
		case days == 0:
			when = w.t("today.due_today")
		default:
			when = w.t("today.due_in", r.Due.Display(), days)
		}
		b := widget.NewButton(when+" · "+r.Rule.Name+" ("+r.Period.Label+")", func() {
			w.touch()
			w.showPlans(r.Due.Year, 1)
		})
		b.Alignment = widget.ButtonAlignLeading
		if days < 0 {
			b.Importance = widget.DangerImportance
		} else {
			b.Importance = widget.LowImportance
		}
		box.Add(b)
	}
	return box
}
