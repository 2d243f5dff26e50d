package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// reportScreen is the year's report calendar.
type reportScreen struct {
	w    *window
	year int
}

func newReportScreen(w *window, year int) *reportScreen { return &reportScreen{w: w, year: year} }

func (s *reportScreen) build() fyne.CanvasObject { return widget.NewLabel("") }
