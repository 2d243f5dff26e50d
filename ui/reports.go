package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// reportScreen is the year's report calendar: every report with its due
// date and status, the selected report's actions and its draft.
type reportScreen struct {
	w      *window
	year   int
	rows   []app.ReportRow
	list   *widget.List
	detail *fyne.Container
}

func newReportScreen(w *window, year int) *reportScreen { return &reportScreen{w: w, year: year} }

func (s *reportScreen) build() fyne.CanvasObject {
	w := s.w
	rows, err := app.LoadReportCalendar(w.session, s.year, w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	s.rows = rows
	late, sent := 0, 0
	for _, r := range rows {
		if r.Late {
			late++
		}
		if r.Status == model.ReportSent {
			sent++
		}
	}
	summary := widget.NewLabel(w.t("reports.summary", s.year, len(rows), sent, late))
	rules := widget.NewButton(w.t("reports.edit_rules"), func() { w.show(w.t("nav.plans"), newRuleEditor(w, s.year).build()) })
	export := widget.NewButton(w.t("xlsx.export"), func() { w.exportXLSX("reports", s.year) })
	adHoc := widget.NewButton(w.t("reports.adhoc_title"), s.showAdHocForm)
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rowText(s.rows[id])) },
	)
	s.list.OnSelected = func(id widget.ListItemID) { s.showDetail(id) }
	s.detail = container.NewVBox(widget.NewLabel(w.t("reports.pick")))
	split := container.NewHSplit(s.list, container.NewVScroll(s.detail))
	split.Offset = 0.6
	return container.NewBorder(container.NewHBox(summary, rules, adHoc, export), nil, nil, nil, split)
}

// statusText names a report's status, late included.
func (w *window) reportStatusText(r app.ReportRow) string {
	switch {
	case r.Status == model.ReportSent && r.Late:
		return w.t("reports.sent_late", r.SentOn.Display())
	case r.Status == model.ReportSent:
		return w.t("reports.sent_on", r.SentOn.Display())
	case r.Late:
		return w.t("reports.late")
	}
	return w.t("reports.status." + string(r.Status))
}

func (s *reportScreen) rowText(r app.ReportRow) string {
	return fmt.Sprintf("%s · %s · %s · %s", r.Due.Display(), r.Rule.Name, r.Period.Label, s.w.reportStatusText(r))
}

func (s *reportScreen) showDetail(i int) {
	w := s.w
	w.touch()
	r := s.rows[i]
	title := widget.NewLabelWithStyle(r.Rule.Name+" · "+r.Period.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(w.t("reports.detail", r.Period.Start.Display(), r.Period.End.Display(),
		r.Due.Display(), r.Rule.Recipient, w.reportStatusText(r)))
	info.Wrapping = fyne.TextWrapWord
	sentOn := newDateEntry(w, w.today())
	sentOn.SetPlaceHolder(w.t("reports.sent_date"))
	markSent := widget.NewButton(w.t("reports.mark_sent"), func() {
		d, ok := parseDateEntry(sentOn)
		if !ok || d.IsZero() {
			w.showNotice(w.t("reports.bad_date", sentOn.Text))
			return
		}
		s.setStatus(r, model.ReportSent, d)
	})
	drafting := widget.NewButton(w.t("reports.mark_drafting"), func() { s.setStatus(r, model.ReportDrafting, model.Date{}) })
	draft := widget.NewButton(w.t("reports.draft"), func() { s.showDraft(r) })
	s.detail.Objects = []fyne.CanvasObject{title, info, drafting, widget.NewSeparator(),
		widget.NewLabel(w.t("reports.sent_date")), sentOn, markSent, widget.NewSeparator(), draft}
	s.detail.Refresh()
}

func (s *reportScreen) setStatus(r app.ReportRow, st model.ReportStatus, on model.Date) {
	w := s.w
	if err := w.session.SetReportStatus(r.ID, st, on); err != nil {
		w.showError(err)
		return
	}
	w.showPlans(s.year, 1)
}

// showDraft fills the report's draft from the data of its period, for
// the officer to edit and copy.
func (s *reportScreen) showDraft(r app.ReportRow) {
	w := s.w
	text, err := app.ReportDraft(w.session, r, w.today(), func(k model.Kind) string { return w.t("kind." + string(k)) })
	if err != nil {
		w.showError(err)
		return
	}
	if r.Status == model.ReportNotStarted {
		if err := w.session.SetReportStatus(r.ID, model.ReportDrafting, model.Date{}); err != nil {
			w.showError(err)
			return
		}
	}
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(text)
	back := widget.NewButton(w.t("reports.back"), func() { w.showPlans(s.year, 1) })
	copyText := widget.NewButton(w.t("reports.copy"), func() { w.win.Clipboard().SetContent(entry.Text) })
	docx := widget.NewButton(w.t("reports.docx"), func() { s.saveDocx(r, entry.Text) })
	w.show(w.t("nav.plans"), container.NewBorder(container.NewHBox(back, copyText, docx), nil, nil, nil, entry))
}

// saveDocx issues the report's number, fills the periodic report
// template with the edited draft and writes the .docx where the user
// chooses, through a temporary file in the same folder.
func (s *reportScreen) saveDocx(r app.ReportRow, draft string) {
	w := s.w
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		uri := wc.URI()
		wc.Close()
		session, today := w.session, w.today()
		var g *app.GeneratedDoc
		run(func() error {
			var err error
			if g, err = app.GenerateReportDocument(session, r, draft, today); err != nil {
				return err
			}
			return vault.WriteFileAtomic(uri.Path(), g.Data, 0o600)
		}, func(err error) {
			if err != nil {
				storage.Delete(uri)
				w.showNotice(w.planMessage(err))
				return
			}
			dialog.ShowInformation(w.t("reports.docx"), w.t("reports.docx_written", g.Number, filepath.FromSlash(uri.Path())), w.win)
		})
	}, w.win)
	save.SetFileName(safeFileName(r.Period.Label + ".docx"))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}
