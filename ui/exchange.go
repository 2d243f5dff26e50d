package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// exchangeScreen is Trao đổi: bundles out, meeting packs, bundles in,
// and the key directory, one tab each. A tab is read again from the
// vault each time it is selected, so that a sender trusted on import
// shows in the key directory and among the recipients.
type exchangeScreen struct {
	w      *window
	tabs   *container.AppTabs
	export *exportPanel
	packs  *packPanel
	keys   *keyPanel
}

// The tabs of the exchange screen, in order.
const (
	tabExport = iota
	tabPacks
	tabImport
	tabKeys
)

func newExchangeScreen(w *window) *exchangeScreen { return &exchangeScreen{w: w} }

func (s *exchangeScreen) build() fyne.CanvasObject {
	w := s.w
	s.export = newExportPanel(w)
	s.packs = newPackPanel(w, func() { s.tabs.SelectIndex(tabKeys) })
	s.keys = newKeyPanel(w)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(w.t("exchange.export"), s.export.build()),
		container.NewTabItem(w.t("exchange.packs"), s.packs.build()),
		container.NewTabItem(w.t("exchange.import"), newImportPanel(w).build()),
		container.NewTabItem(w.t("exchange.directory"), s.keys.build()),
	)
	s.tabs.OnSelected = s.onTabSelected
	return s.tabs
}

func (s *exchangeScreen) onTabSelected(*container.TabItem) {
	s.w.touch()
	switch s.tabs.SelectedIndex() {
	case tabExport:
		s.export.refreshRecipients()
	case tabPacks:
		s.packs.refresh()
	case tabKeys:
		s.keys.refresh()
	}
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

// statusLabel is a wrapping label for the outcome of an action, hidden
// while it is empty.
func statusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func setStatus(l *widget.Label, text string, failed bool) {
	l.Importance = widget.SuccessImportance
	if failed {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
	l.Show()
}

func clearStatus(l *widget.Label) {
	l.SetText("")
	l.Hide()
}

// askPassphrase shows a dialog with a password entry and calls ok with
// the text when confirmed with the button or the Enter key.
func askPassphrase(w *window, title, prompt string, ok func([]byte)) {
	entry := widget.NewPasswordEntry()
	text := widget.NewLabel(prompt)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, w.t("exchange.ok"), w.t("action.cancel"),
		container.NewVBox(text, entry), func(confirmed bool) {
			if confirmed && entry.Text != "" {
				ok([]byte(entry.Text))
			}
		}, w.win)
	entry.OnSubmitted = func(string) { d.Confirm() }
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
	w.win.Canvas().Focus(entry)
}

// chooseFolder opens a folder dialog that starts in the folder typed in
// entry, if it exists, and writes the chosen folder back into entry.
func (w *window) chooseFolder(entry *widget.Entry) {
	w.touch()
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if u != nil {
			entry.SetText(u.Path())
		}
	}, w.win)
	if entry.Text != "" {
		if u, err := storage.ListerForURI(storage.NewFileURI(entry.Text)); err == nil {
			d.SetLocation(u)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
