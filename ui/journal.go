package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// journalPanel shows a case's dated notes and adds new ones.
type journalPanel struct {
	s       *caseScreen
	date    *widget.Entry
	text    *widget.Entry
	message *widget.Label
}

func newJournalPanel(s *caseScreen) *journalPanel { return &journalPanel{s: s} }

func (p *journalPanel) build() fyne.CanvasObject {
	w := p.s.w
	entries, err := w.session.Journal(p.s.c.ID)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	list := container.NewVBox()
	for _, e := range entries {
		text := widget.NewLabel(e.Text)
		text.Wrapping = fyne.TextWrapWord
		date := widget.NewLabelWithStyle(e.Date.Display(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		list.Add(container.NewBorder(nil, nil, date, nil, text))
	}
	p.date = newDateEntry(w, w.today())
	p.text = widget.NewMultiLineEntry()
	p.text.SetPlaceHolder(w.t("journal.hint"))
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetMinRowsVisible(3)
	p.text.OnChanged = func(string) { w.touch() }
	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	add := widget.NewButtonWithIcon(w.t("journal.add"), theme.ContentAddIcon(), p.onAdd)
	form := container.NewVBox(container.NewBorder(nil, nil, p.date, add, p.text), p.message)
	return container.NewBorder(form, nil, nil, nil, container.NewVScroll(list))
}

func (p *journalPanel) onAdd() {
	w := p.s.w
	w.touch()
	date, ok := parseDateEntry(p.date)
	if !ok {
		p.message.SetText(w.t("err.bad_date", w.t("doc.date"), p.date.Text))
		return
	}
	e := model.JournalEntry{CaseID: p.s.c.ID, Date: date, Text: p.text.Text}
	if err := w.session.AddJournalEntry(&e); err != nil {
		p.message.SetText(w.message(err))
		return
	}
	w.showCaseTab(p.s.c.ID, 4)
}
