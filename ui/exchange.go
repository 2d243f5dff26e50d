package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// exchangeScreen is Trao đổi: bundles out, bundles in, and the key
// directory, one tab each.
type exchangeScreen struct {
	w *window
}

func newExchangeScreen(w *window) *exchangeScreen { return &exchangeScreen{w: w} }

func (s *exchangeScreen) build() fyne.CanvasObject {
	w := s.w
	return container.NewAppTabs(
		container.NewTabItem(w.t("exchange.export"), newExportPanel(w).build()),
		container.NewTabItem(w.t("exchange.import"), newImportPanel(w).build()),
		container.NewTabItem(w.t("exchange.directory"), newKeyPanel(w).build()),
	)
}

// progressTask shows a progress bar with a cancel button while work runs
// off the UI goroutine, then calls done on the UI goroutine.
type progressTask struct {
	bar    *widget.ProgressBar
	label  *widget.Label
	cancel *widget.Button
	box    *fyne.Container
	stop   context.CancelFunc
}

func newProgressTask(w *window) *progressTask {
	p := &progressTask{bar: widget.NewProgressBar(), label: widget.NewLabel("")}
	p.cancel = widget.NewButton(w.t("action.cancel"), func() {
		if p.stop != nil {
			p.stop()
		}
	})
	p.box = container.NewVBox(p.label, container.NewBorder(nil, nil, nil, p.cancel, p.bar))
	p.box.Hide()
	return p
}

// start runs work with a cancellable context and a progress callback
// that may be called from any goroutine.
func (p *progressTask) start(text string, work func(ctx context.Context, progress func(done, total int64)) error,
	done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	p.stop = cancel
	p.label.SetText(text)
	p.bar.SetValue(0)
	p.box.Show()
	var last float64
	progress := func(n, total int64) {
		if total <= 0 {
			return
		}
		v := float64(n) / float64(total)
		if v-last < 0.01 && v < 1 {
			return
		}
		last = v
		fyne.Do(func() { p.bar.SetValue(v) })
	}
	run(func() error { return work(ctx, progress) }, func(err error) {
		cancel()
		p.stop = nil
		p.box.Hide()
		done(err)
	})
}

// statusLabel is a wrapping label for the outcome of an action.
func statusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func setStatus(l *widget.Label, text string, failed bool) {
	l.Importance = widget.SuccessImportance
	if failed {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}

// askPassphrase shows a dialog with a password entry and calls ok with
// the text when confirmed.
func askPassphrase(w *window, title string, ok func([]byte)) {
	entry := widget.NewPasswordEntry()
	d := dialog.NewForm(title, w.t("exchange.ok"), w.t("action.cancel"),
		[]*widget.FormItem{widget.NewFormItem("", entry)}, func(confirmed bool) {
			if confirmed && entry.Text != "" {
				ok([]byte(entry.Text))
			}
		}, w.win)
	d.Resize(fyne.NewSize(480, 160))
	d.Show()
	w.win.Canvas().Focus(entry)
}
