package ui

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// onImport opens a file dialog for an .ics file and imports it off the
// UI goroutine with a progress bar.
func (s *calendarScreen) onImport() {
	w := s.w
	w.touch()
	open := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			w.showError(err)
			return
		}
		s.importData(data)
	}, w.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".ics", ".ICS"}))
	open.Show()
}

// importData imports the bytes of an .ics file and reports the counts
// and the lines that could not be read.
func (s *calendarScreen) importData(data []byte) {
	w := s.w
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons(w.t("schedule.importing"), bar, w.win)
	progress.Show()
	var report app.ImportReport
	untitled := w.t("schedule.untitled")
	run(func() error {
		var err error
		report, err = app.ImportICS(w.session, bytes.NewReader(data), untitled, func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
		})
		return err
	}, func(err error) {
		progress.Hide()
		if err != nil {
			dialog.ShowInformation(w.t("dialog.error_title"), w.t(app.ExplainSchedule(err).Key), w.win)
			return
		}
		text := w.t("schedule.imported", report.Added, report.Updated)
		if len(report.Warnings) > 0 {
			text += "\n\n" + w.t("schedule.import_warnings")
		}
		for i, warn := range report.Warnings {
			if i == 20 {
				text += "\n" + w.t("schedule.more", len(report.Warnings)-20)
				break
			}
			msg := app.ExplainICSWarning(warn, untitled)
			text += "\n• " + w.t(msg.Key, msg.Args...)
		}
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(w.t("schedule.import"), w.t("schedule.close"), container.NewVScroll(label), w.win)
		d.Resize(fyne.NewSize(560, 400))
		d.Show()
		s.refresh()
	})
}

// onExport opens a dialog for the range (the month shown by default),
// the deadlines and the classified titles, which need a confirmation,
// then a file dialog.
func (s *calendarScreen) onExport() {
	w := s.w
	w.touch()
	first := model.NewDate(s.day.Year, s.day.Month, 1)
	from, to := newDateEntry(w, first), newDateEntry(w, first.AddDays(31).AddDays(-first.AddDays(31).Day))
	deadlines := widget.NewCheck(w.t("schedule.export_deadlines"), nil)
	classified := widget.NewCheck(w.t("schedule.export_classified"), nil)
	form := widget.NewForm(
		widget.NewFormItem(w.t("schedule.export_from"), from),
		widget.NewFormItem(w.t("schedule.export_to"), to),
		widget.NewFormItem("", deadlines),
		widget.NewFormItem("", classified),
	)
	dialog.ShowCustomConfirm(w.t("schedule.export"), w.t("schedule.export_choose"), w.t("action.cancel"), form,
		func(ok bool) {
			if !ok {
				return
			}
			f, ok1 := parseDateEntry(from)
			t, ok2 := parseDateEntry(to)
			if !ok1 || !ok2 || f.IsZero() != t.IsZero() || t.Before(f) {
				dialog.ShowInformation(w.t("dialog.error_title"), w.t("schedule.err.range"), w.win)
				return
			}
			opts := app.ExportOptions{From: f, To: t, Deadlines: deadlines.Checked && !f.IsZero()}
			if !classified.Checked {
				s.saveExport(opts)
				return
			}
			dialog.ShowConfirm(w.t("schedule.export_classified"), w.t("schedule.export_classified_confirm"),
				func(yes bool) {
					opts.Classified = yes
					s.saveExport(opts)
				}, w.win)
		}, w.win)
}

// saveExport writes the calendar to memory, then to the file the user
// picks.
func (s *calendarScreen) saveExport(opts app.ExportOptions) {
	w := s.w
	var buf bytes.Buffer
	n, err := app.ExportICS(w.session, &buf, opts, w.t("schedule.classified_title"), time.Now())
	if err != nil {
		w.showError(err)
		return
	}
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		_, err = wc.Write(buf.Bytes())
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			w.showError(err)
			return
		}
		dialog.ShowInformation(w.t("schedule.export"), w.t("schedule.exported", n), w.win)
	}, w.win)
	save.SetFileName(fmt.Sprintf("lich-%s.ics", opts.From.String()))
	save.Show()
}
