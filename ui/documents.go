package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// documentPanel lists a case's documents, adds files with a progress bar
// and a cancel button, and saves copies out where the user chooses.
type documentPanel struct {
	s       *caseScreen
	docs    []model.Document
	number  *widget.Entry
	date    *widget.Entry
	class   *widget.Select
	message *widget.Label
	bar     *widget.ProgressBar
	cancel  *widget.Button
	add     *widget.Button
	stop    context.CancelFunc
}

func newDocumentPanel(s *caseScreen) *documentPanel { return &documentPanel{s: s} }

func (p *documentPanel) build() fyne.CanvasObject {
	w := p.s.w
	docs, err := w.session.Documents(p.s.c.ID)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	p.docs = docs
	list := container.NewVBox()
	for _, d := range docs {
		list.Add(p.row(d))
	}
	if len(docs) == 0 {
		list.Add(widget.NewLabel(w.t("doc.none")))
	}

	p.number = widget.NewEntry()
	p.number.SetPlaceHolder(w.t("doc.number_hint"))
	p.date = newDateEntry(w, w.today())
	var classes []string
	for _, c := range model.Classifications {
		classes = append(classes, w.classificationName(c))
	}
	p.class = widget.NewSelect(classes, nil)
	p.class.SetSelectedIndex(int(p.s.c.Classification))
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.bar = widget.NewProgressBar()
	p.bar.Hide()
	p.cancel = widget.NewButton(w.t("action.cancel"), func() {
		if p.stop != nil {
			p.stop()
		}
	})
	p.cancel.Hide()
	p.add = widget.NewButtonWithIcon(w.t("doc.add"), theme.FileIcon(), p.onChooseFile)
	form := container.NewVBox(
		container.NewGridWithColumns(4, p.number, p.date, p.class, p.add),
		container.NewBorder(nil, nil, nil, p.cancel, p.bar),
		p.message,
	)
	return container.NewBorder(form, nil, nil, nil, container.NewVScroll(list))
}

func (p *documentPanel) row(d model.Document) fyne.CanvasObject {
	w := p.s.w
	name := widget.NewLabel(d.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel(fmt.Sprintf("%s  %s  %s", d.Number, d.Date.Display(), humanSize(d.Size)))
	save := widget.NewButtonWithIcon(w.t("doc.save_copy"), theme.DownloadIcon(), func() { p.onSaveCopy(d) })
	right := container.NewHBox(newClassificationBadge(d.Classification), info, save)
	return container.NewBorder(nil, nil, nil, right, name)
}

func (p *documentPanel) onChooseFile() {
	w := p.s.w
	w.touch()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		p.importFile(path)
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importFile reads the file at path into the case off the UI goroutine,
// with progress and cancel. Nothing typed in the form is lost on failure.
func (p *documentPanel) importFile(path string) {
	w := p.s.w
	date, ok := parseDateEntry(p.date)
	if !ok {
		p.showMessage(w.t("err.bad_date", w.t("doc.date"), p.date.Text), true)
		return
	}
	doc := &model.Document{
		CaseID:         p.s.c.ID,
		Number:         p.number.Text,
		Date:           date,
		Classification: model.Classification(max(0, p.class.SelectedIndex())),
	}
	ctx, stop := context.WithCancel(context.Background())
	p.stop = stop
	p.add.Disable()
	p.bar.SetValue(0)
	p.bar.Show()
	p.cancel.Show()
	p.showMessage(w.t("doc.importing"), false)
	session := w.session
	run(func() error {
		return app.ImportDocument(ctx, session, doc, path, func(f float64) {
			fyne.Do(func() { p.bar.SetValue(f) })
		})
	}, func(err error) {
		stop()
		p.add.Enable()
		p.bar.Hide()
		p.cancel.Hide()
		if err != nil {
			p.showMessage(w.message(err), true)
			return
		}
		w.showCaseTab(p.s.c.ID, 2)
	})
}

func (p *documentPanel) showMessage(text string, problem bool) {
	p.message.Importance = widget.MediumImportance
	if problem {
		p.message.Importance = widget.DangerImportance
	}
	p.message.SetText(text)
}

func (p *documentPanel) onSaveCopy(d model.Document) {
	w := p.s.w
	w.touch()
	w.chooseSaveFile(d.Name, w.showError, func(uri fyne.URI) { p.saveCopy(d, uri) })
}

// saveCopy writes the document to uri through a temporary file, off the
// UI goroutine.
func (p *documentPanel) saveCopy(d model.Document, uri fyne.URI) {
	w := p.s.w
	if uri.Scheme() != "file" {
		p.showMessage(w.t("err.unexpected"), true)
		return
	}
	session := w.session
	p.showMessage(w.t("doc.saving"), false)
	run(func() error {
		return app.SaveDocumentCopy(session, d.ID, uri.Path())
	}, func(err error) {
		if err != nil {
			// The save dialog created an empty file; leave nothing.
			storage.Delete(uri)
			p.showMessage(w.message(err), true)
			return
		}
		p.showMessage(w.t("doc.saved", filepath.FromSlash(uri.Path())), false)
	})
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
