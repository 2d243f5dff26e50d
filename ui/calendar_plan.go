package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// weekPlanPanel lists the items of the yearly plan set for the week that
// starts on first, with their state, beside the week view. Tapping one
// opens the plan of its year.
func weekPlanPanel(w *window, first model.Date) fyne.CanvasObject {
	items, states, err := app.PlanWeek(w.session, first, w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	box := container.NewVBox(widget.NewLabelWithStyle(w.t("schedule.week_plan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(items) == 0 {
		l := widget.NewLabel(w.t("schedule.week_plan_none"))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	for i, it := range items {
		b := widget.NewButton(w.t("plans.state."+string(states[i]))+" · "+it.Title, func() {
			w.touch()
			w.showPlans(it.Year, 0)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if states[i] == model.PlanLate {
			b.Importance = widget.DangerImportance
		}
		box.Add(b)
	}
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(230, 0))
	return container.NewStack(width, container.NewVScroll(box))
}
