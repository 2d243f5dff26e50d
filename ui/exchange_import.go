package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/vault"
)

// importPanel opens a bundle, checks all of it and shows the preview,
// then applies it when the user confirms.
type importPanel struct {
	w         *window
	path      *widget.Entry
	open      *widget.Button
	task      *progressTask
	status    *widget.Label
	preview   *fyne.Container
	conflicts *conflictList
	key       vault.BundleKey
}

func newImportPanel(w *window) *importPanel { return &importPanel{w: w} }

func (p *importPanel) build() fyne.CanvasObject {
	w := p.w
	p.path = widget.NewEntry()
	p.path.SetPlaceHolder(w.t("exchange.file_hint"))
	p.path.OnSubmitted = func(string) { p.onCheck() }
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), p.onBrowse)
	p.open = widget.NewButtonWithIcon(w.t("exchange.check_bundle"), theme.SearchIcon(), p.onCheck)
	p.open.Importance = widget.HighImportance
	p.task = newProgressTask(w)
	p.status = statusLabel()
	p.preview = container.NewVBox()
	p.conflicts = newConflictList(w)
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.file")), container.NewHBox(browse, p.open), p.path),
		p.task.box,
		p.status,
	)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(p.conflicts.box, p.preview)))
}

func (p *importPanel) onBrowse() {
	w := p.w
	w.touch()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		p.path.SetText(r.URI().Path())
		r.Close()
		p.onCheck()
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onCheck reads the whole bundle in a dry run, asking for the bundle
// passphrase first when the bundle has one.
func (p *importPanel) onCheck() {
	w := p.w
	w.touch()
	p.preview.RemoveAll()
	clearStatus(p.status)
	needs, err := app.BundleNeedsPassphrase(p.path.Text)
	if err != nil {
		setStatus(p.status, w.message(err), true)
		return
	}
	if !needs {
		p.key = vault.BundleKey{}
		p.run(vault.ImportOptions{DryRun: true})
		return
	}
	askPassphrase(w, w.t("exchange.passphrase_title"), w.t("exchange.passphrase_prompt"), func(pass []byte) {
		p.key = vault.PassphraseKey(pass)
		p.run(vault.ImportOptions{DryRun: true})
	})
}

// run imports (or with DryRun checks) the bundle off the UI goroutine
// and shows the preview.
func (p *importPanel) run(opts vault.ImportOptions) {
	w := p.w
	path, session := p.path.Text, w.session
	opts.Key = p.key
	p.open.Disable()
	var preview *vault.ImportPreview
	p.task.start(w.t("exchange.reading"), func(ctx context.Context, progress func(int64, int64)) error {
		opts.Progress = progress
		var err error
		preview, err = app.ImportBundle(ctx, session, path, opts)
		return err
	}, func(err error) {
		p.open.Enable()
		refused := errors.Is(err, vault.ErrUntrustedSender) || errors.Is(err, vault.ErrBundleReplay)
		if err != nil && !refused {
			setStatus(p.status, w.message(err), true)
			return
		}
		p.showPreview(preview)
		if preview.Applied {
			p.conflicts.refresh()
			t := preview.Total
			setStatus(p.status, w.t("exchange.imported", t.Added, t.Updated, t.Conflicts), false)
		}
	})
}

func (p *importPanel) showPreview(pv *vault.ImportPreview) {
	w := p.w
	m := &pv.Manifest
	p.preview.RemoveAll()
	heading := w.t("exchange.preview_title")
	if pv.Applied {
		heading = w.t("exchange.applied_title")
	}
	title := widget.NewLabelWithStyle(heading+": "+w.t("exchange.kind."+string(m.Kind)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sender := widget.NewLabel(w.t("exchange.preview_sender", senderName(w, m.Sender.Name), m.Sender.Title))
	if strings.TrimSpace(m.Sender.Title) == "" {
		sender.SetText(w.t("exchange.preview_sender_name", senderName(w, m.Sender.Name)))
	}
	meta := widget.NewLabel(w.t("exchange.preview_meta", m.Sequence, formatInstant(m.Created), m.Records,
		len(m.Attachments)))
	p.preview.Add(title)
	p.preview.Add(container.NewHBox(sender, newClassificationBadge(m.Classification)))
	p.preview.Add(meta)
	p.preview.Add(fingerprintRow(w, m.Sender.Fingerprint))
	switch {
	case !pv.SenderKnown && pv.Applied:
		p.preview.Add(noteLabel(w.t("exchange.trusted_now", senderName(w, m.Sender.Name)), widget.SuccessImportance))
	case !pv.SenderKnown:
		p.preview.Add(noteLabel(w.t("exchange.untrusted_warning")+" "+w.t("exchange.fingerprint_hint"),
			widget.WarningImportance))
	}
	if pv.Replay {
		p.preview.Add(noteLabel(w.t("exchange.replay_warning", m.Sequence, pv.LastSequence), widget.WarningImportance))
	}
	t := pv.Total
	p.preview.Add(widget.NewLabel(w.t("exchange.preview_changes", t.Added, t.Updated, t.Unchanged, t.Kept, t.Conflicts)))
	for _, c := range pv.Cases {
		line := widget.NewLabel("• " + w.t(app.CaseChangeKey(c)) + ": " + c.Code + "  " + c.Title)
		line.Truncation = fyne.TextTruncateEllipsis
		p.preview.Add(line)
	}
	names := &conflictList{w: w}
	for _, c := range pv.Conflicts {
		id, _ := c.Row["id"].(string)
		view := app.ConflictView{Conflict: vault.Conflict{Table: c.Table, RecordID: id, Other: c.Row}}
		line := widget.NewLabel("• " + w.t("exchange.action."+string(vault.ActionConflict)) + ": " +
			w.t("exchange.table."+c.Table) + ": " + names.recordTitle(view))
		line.Truncation = fyne.TextTruncateEllipsis
		p.preview.Add(line)
	}
	if !pv.Applied {
		p.preview.Add(p.applyStep(pv))
	}
}

// applyStep offers the import that the preview allows: plain, despite a
// replay, or with trust in a new sender. Trusting a sender is a separate
// step: the button stays disabled until the user states that the
// fingerprint groups matched when read aloud with the sender.
func (p *importPanel) applyStep(pv *vault.ImportPreview) fyne.CanvasObject {
	w := p.w
	opts := vault.ImportOptions{}
	label := w.t("exchange.apply")
	if pv.Replay {
		opts.AllowReplay, label = true, w.t("exchange.apply_anyway")
	}
	if !pv.SenderKnown {
		opts.TrustSender, label = true, w.t("exchange.trust")
	}
	b := widget.NewButtonWithIcon(label, theme.DownloadIcon(), func() {
		w.touch()
		p.run(opts)
	})
	b.Importance = widget.HighImportance
	if pv.Replay {
		b.Importance = widget.WarningImportance
	}
	if pv.SenderKnown {
		return container.NewHBox(b)
	}
	b.Disable()
	compared := widget.NewCheck(w.t("exchange.trust_check", senderName(w, pv.Manifest.Sender.Name)), func(on bool) {
		w.touch()
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	})
	return container.NewVBox(compared, container.NewHBox(b))
}

// fingerprintRow shows a fingerprint as six groups of five digits, large
// enough to read aloud, after its label.
func fingerprintRow(w *window, fingerprint string) fyne.CanvasObject {
	groups := widget.NewRichText(&widget.TextSegment{
		Text: vault.ReadAloud(fingerprint),
		Style: widget.RichTextStyle{
			SizeName:  theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Monospace: true, Bold: true},
		},
	})
	return container.NewHBox(widget.NewLabel(w.t("exchange.fingerprint")), groups)
}

// noteLabel is a wrapping label in the colour of importance.
func noteLabel(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = importance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// formatInstant shows an instant as HH:MM dd/mm/yyyy in Vietnam's time.
func formatInstant(t time.Time) string {
	return t.In(app.Zone).Format("15:04 02/01/2006")
}

// senderName is the name a bundle's sender gave, or words for a sender
// who gave none, as an officer who never filled in their key card.
func senderName(w *window, name string) string {
	if strings.TrimSpace(name) == "" {
		return w.t("exchange.unnamed_sender")
	}
	return name
}
