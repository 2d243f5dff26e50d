package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/vault"
)

// exportPanel chooses cases or the whole vault, the recipients or a
// passphrase, and writes the bundle to a folder with progress and cancel.
type exportPanel struct {
	w          *window
	all        *widget.Check
	cases      []caseChoice
	recipients []recipientChoice
	recipBox   *fyne.Container
	passphrase *widget.Entry
	confirm    *widget.Check
	folder     *widget.Entry
	status     *widget.Label
	task       *progressTask
	button     *widget.Button
}

type caseChoice struct {
	id    string
	check *widget.Check
}

type recipientChoice struct {
	entry vault.DirectoryEntry
	check *widget.Check
}

func newExportPanel(w *window) *exportPanel { return &exportPanel{w: w} }

func (p *exportPanel) build() fyne.CanvasObject {
	w := p.w
	p.status = statusLabel()
	p.task = newProgressTask(w)
	p.all = widget.NewCheck(w.t("exchange.all"), p.onAllChanged)
	p.passphrase = widget.NewPasswordEntry()
	p.passphrase.SetPlaceHolder(w.t("exchange.bundle_passphrase"))
	p.confirm = widget.NewCheck(w.t("exchange.confirm_over_limit"), nil)
	p.folder = widget.NewEntry()
	p.folder.SetPlaceHolder(w.t("exchange.folder_hint"))
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), p.onBrowse)
	p.button = widget.NewButtonWithIcon(w.t("exchange.export_button"), theme.UploadIcon(), p.onExport)
	p.button.Importance = widget.HighImportance

	what := widget.NewCard(w.t("exchange.what"), "", container.NewBorder(p.all, nil, nil, nil,
		container.NewVScroll(p.caseList())))
	p.recipBox = container.NewVBox()
	p.refreshRecipients()
	to := widget.NewCard(w.t("exchange.recipients"), "", container.NewBorder(nil, p.passphrase, nil, nil,
		container.NewVScroll(p.recipBox)))
	bottom := container.NewVBox(
		p.confirm,
		container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.folder")), browse, p.folder),
		p.button,
		p.task.box,
		p.status,
	)
	return container.NewBorder(nil, bottom, nil, nil, container.NewGridWithColumns(2, what, to))
}

func (p *exportPanel) caseList() fyne.CanvasObject {
	w := p.w
	list, err := app.ListOrSearch(w.session, "", w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	box := container.NewVBox()
	if len(list) == 0 {
		box.Add(widget.NewLabel(w.t("exchange.no_cases")))
	}
	for _, c := range list {
		check := widget.NewCheck(c.Code, nil)
		title := widget.NewLabel(c.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		p.cases = append(p.cases, caseChoice{id: c.ID, check: check})
		box.Add(container.NewBorder(nil, nil, container.NewHBox(check, newClassificationBadge(c.Classification)),
			nil, title))
	}
	return box
}

// refreshRecipients reads the key directory again, keeping the cards
// already ticked.
func (p *exportPanel) refreshRecipients() {
	w := p.w
	ticked := map[string]bool{}
	for _, r := range p.recipients {
		ticked[r.entry.Fingerprint()] = r.check.Checked
	}
	p.recipients = nil
	p.recipBox.RemoveAll()
	entries, err := w.session.KeyDirectory()
	if err != nil {
		p.recipBox.Add(widget.NewLabel(w.message(err)))
		return
	}
	if len(entries) == 0 {
		l := widget.NewLabel(w.t("exchange.directory_empty"))
		l.Wrapping = fyne.TextWrapWord
		p.recipBox.Add(l)
		return
	}
	for _, e := range entries {
		label := e.Name
		if e.Title != "" {
			label += " — " + e.Title
		}
		check := widget.NewCheck(label, nil)
		check.Checked = ticked[e.Fingerprint()]
		groups := widget.NewLabelWithStyle(w.t("exchange.fingerprint")+" "+e.ReadAloud(), fyne.TextAlignLeading,
			fyne.TextStyle{Monospace: true})
		p.recipients = append(p.recipients, recipientChoice{entry: e, check: check})
		p.recipBox.Add(container.NewVBox(check, groups))
	}
}

func (p *exportPanel) onAllChanged(all bool) {
	for _, c := range p.cases {
		if all {
			c.check.Disable()
		} else {
			c.check.Enable()
		}
	}
}

func (p *exportPanel) onBrowse() { p.w.chooseFolder(p.folder) }

// request builds the export request from the form.
func (p *exportPanel) request() vault.ExportRequest {
	req := vault.ExportRequest{Kind: vault.KindBackup, ConfirmOverLimit: p.confirm.Checked}
	if !p.all.Checked {
		req.Kind = vault.KindCases
		for _, c := range p.cases {
			if c.check.Checked {
				req.CaseIDs = append(req.CaseIDs, c.id)
			}
		}
	}
	for _, r := range p.recipients {
		if r.check.Checked {
			req.Recipients = append(req.Recipients, r.entry.KeyCard)
		}
	}
	if p.passphrase.Text != "" {
		req.Passphrase = []byte(p.passphrase.Text)
	}
	return req
}

func (p *exportPanel) onExport() {
	w := p.w
	w.touch()
	req := p.request()
	if req.Kind == vault.KindCases && len(req.CaseIDs) == 0 {
		setStatus(p.status, w.message(vault.ErrNothingToExport), true)
		return
	}
	if p.folder.Text == "" {
		setStatus(p.status, w.t("exchange.folder_missing"), true)
		return
	}
	name := fmt.Sprintf("sotay-%s-%s.sotay", req.Kind, time.Now().In(app.Zone).Format("20060102-150405"))
	path := filepath.Join(p.folder.Text, name)
	session := w.session
	p.button.Disable()
	clearStatus(p.status)
	var m *vault.Manifest
	p.task.start(w.t("exchange.exporting"), func(ctx context.Context, progress func(int64, int64)) error {
		req.Progress = progress
		var err error
		m, err = app.ExportBundle(ctx, session, req, path)
		return err
	}, func(err error) {
		p.button.Enable()
		if err != nil {
			setStatus(p.status, w.message(err), true)
			if errors.Is(err, vault.ErrOverClassificationLimit) {
				p.confirm.Show()
			}
			return
		}
		setStatus(p.status, w.t("exchange.exported", path, m.Records, len(m.Attachments), m.Sequence), false)
	})
}
