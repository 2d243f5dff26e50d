package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// kpiScreen is the KPI catalogue with each KPI's values of the year.
type kpiScreen struct {
	w    *window
	year int
}

func newKPIScreen(w *window, year int) *kpiScreen { return &kpiScreen{w: w, year: year} }

func (s *kpiScreen) build() fyne.CanvasObject { return widget.NewLabel("") }
