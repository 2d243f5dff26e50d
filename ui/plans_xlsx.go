package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
)

// exportXLSX shows a save dialog for table what of year and writes the
// file off the UI goroutine, through a temporary file in the same folder.
func (w *window) exportXLSX(what string, year int) {
	w.touch()
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		uri := wc.URI()
		wc.Close()
		if uri.Scheme() != "file" {
			w.showNotice(w.t("err.unexpected"))
			return
		}
		session, today := w.session, w.today()
		run(func() error {
			return app.ExportXLSX(session, what, year, today, uri.Path())
		}, func(err error) {
			if err != nil {
				// The save dialog created an empty file; leave nothing.
				storage.Delete(uri)
				w.showNotice(w.planMessage(err))
				return
			}
			dialog.ShowInformation(w.t("xlsx.export"), w.t("xlsx.written", filepath.FromSlash(uri.Path())), w.win)
		})
	}, w.win)
	save.SetFileName(fmt.Sprintf("%s-%d.xlsx", what, year))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

// importXLSX shows an open dialog for a spreadsheet of cases or of a
// plan, then a preview of what an import would do, and imports on
// confirmation.
func (w *window) importXLSX(what string, year int) {
	w.touch()
	open := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		w.previewImport(what, year, path)
	}, w.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

func (w *window) previewImport(what string, year int, path string) {
	session := w.session
	var res app.ImportResult
	run(func() error {
		var err error
		if what == app.TableCases {
			res, err = app.PreviewCasesXLSX(session, path)
		} else {
			res, err = app.ImportPlanXLSXPreview(session, path, year)
		}
		return err
	}, func(err error) {
		if err != nil {
			w.showNotice(w.planMessage(err))
			return
		}
		text := w.t("xlsx.preview", res.Created, res.Updated, len(res.Errors))
		var lines []string
		for _, e := range res.Errors {
			lines = append(lines, w.t("xlsx.row", e.Row, w.t(e.Reason.Key, e.Reason.Args...)))
		}
		body := widget.NewLabel(text + "\n" + strings.Join(lines, "\n"))
		body.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm(w.t("xlsx.import"), w.t("xlsx.import_go"), w.t("action.cancel"),
			container.NewVScroll(body), func(ok bool) {
				if ok {
					w.runImport(what, year, path)
				}
			}, w.win)
		d.Resize(fyne.NewSize(700, 500))
		d.Show()
	})
}

func (w *window) runImport(what string, year int, path string) {
	session := w.session
	var res app.ImportResult
	run(func() error {
		var err error
		if what == app.TableCases {
			res, err = app.ImportCasesXLSX(session, path)
		} else {
			res, err = app.ImportPlanXLSX(session, path, year)
		}
		return err
	}, func(err error) {
		if err != nil {
			w.showNotice(w.planMessage(err))
			return
		}
		dialog.ShowInformation(w.t("xlsx.import"), w.t("xlsx.done", res.Created, res.Updated, len(res.Errors)), w.win)
		if what == app.TablePlan {
			w.showPlans(year, 0)
		}
	})
}
