package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// todaySchedule is the part of Hôm nay that comes from the personal
// schedule: the day's events, blocks and meetings, and the Pomodoro
// controls.
type todaySchedule struct{ w *window }

func newTodaySchedule(w *window) *todaySchedule { return &todaySchedule{w: w} }

func (t *todaySchedule) build() fyne.CanvasObject {
	w := t.w
	today := w.today()
	heading := widget.NewLabelWithStyle(w.t("schedule.today_events"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(heading)
	items, err := app.Calendar(w.session, today, today)
	if err != nil {
		box.Add(widget.NewLabel(w.message(err)))
		return box
	}
	listed := 0
	for i := range items {
		it := &items[i]
		if it.Kind == model.ItemTask || it.Kind == model.ItemTodo {
			continue // the due list below has them
		}
		box.Add(newItemChip(w, it, func(*model.CalendarItem) {
			w.show(w.t("nav.schedule"), newCalendarScreen(w, viewDay).build())
		}))
		listed++
	}
	if listed == 0 {
		box.Add(widget.NewLabel(w.t("schedule.today_none")))
	}
	box.Add(widget.NewCard("", "", newPomodoroPanel(w, false).build()))
	return box
}
