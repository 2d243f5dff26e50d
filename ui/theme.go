package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sotay/model"
)

// Colour names of this app's theme, beside Fyne's own.
const (
	colorClassified fyne.ThemeColorName = "sotayClassified"
	colorOverdue    fyne.ThemeColorName = "sotayOverdue"
	colorPhase0     fyne.ThemeColorName = "sotayPhasePreparation"
	colorPhase1     fyne.ThemeColorName = "sotayPhaseExecution"
	colorPhase2     fyne.ThemeColorName = "sotayPhaseClosing"
)

// sotayTheme is Fyne's default theme with the red of classification
// stamps, the colours of the phases and a Party red as primary colour.
// Fyne's bundled Noto Sans covers every Vietnamese letter, so the app
// never depends on the fonts a workstation has.
type sotayTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return &sotayTheme{Theme: theme.DefaultTheme()} }

func (t *sotayTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	switch name {
	case colorClassified:
		return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	case colorOverdue:
		return color.NRGBA{R: 0xd8, G: 0x43, B: 0x15, A: 0xff}
	case colorPhase0:
		return color.NRGBA{R: 0x42, G: 0x85, B: 0xf4, A: 0xff}
	case colorPhase1:
		return color.NRGBA{R: 0x0f, G: 0x9d, B: 0x58, A: 0xff}
	case colorPhase2:
		return color.NRGBA{R: 0xf4, G: 0xb4, B: 0x00, A: 0xff}
	case theme.ColorNamePrimary:
		return color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}
	}
	return t.Theme.Color(name, variant)
}

func phaseColor(p model.PhaseKind) color.Color {
	names := [...]fyne.ThemeColorName{colorPhase0, colorPhase1, colorPhase2}
	return theme.Color(names[p])
}
