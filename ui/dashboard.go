package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dashboard shows a period's plan progress, KPI cards and charts.
type dashboard struct {
	w    *window
	year int
}

func newDashboard(w *window, year int) *dashboard { return &dashboard{w: w, year: year} }

func (d *dashboard) build() fyne.CanvasObject { return widget.NewLabel("") }
