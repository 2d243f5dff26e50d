package ui

import (
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// newDateEntry returns an entry for a date typed as dd/mm/yyyy.
func newDateEntry(w *window, d model.Date) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(w.t("date.placeholder"))
	e.SetText(d.Display())
	e.OnChanged = func(string) { w.touch() }
	return e
}

// parseDateEntry reads a date entry; an empty entry is the zero Date.
func parseDateEntry(e *widget.Entry) (model.Date, bool) {
	text := model.Normalize(e.Text)
	if text == "" {
		return model.Date{}, true
	}
	d, err := model.ParseDisplayDate(text)
	return d, err == nil
}
