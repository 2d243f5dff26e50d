package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// keyPanel shows the officer's own key and the key directory, with the
// fingerprints in groups to read aloud.
type keyPanel struct {
	w       *window
	box     *fyne.Container
	status  *widget.Label
	cardDir *widget.Entry
	// cardPath is the key card file typed last, kept for the next try.
	cardPath string
}

func newKeyPanel(w *window) *keyPanel { return &keyPanel{w: w} }

func (p *keyPanel) build() fyne.CanvasObject {
	p.box = container.NewVBox()
	p.status = statusLabel()
	p.cardDir = widget.NewEntry()
	p.refresh()
	return container.NewVScroll(p.box)
}

func (p *keyPanel) refresh() {
	w := p.w
	p.box.RemoveAll()
	p.box.Add(p.ownKey())
	p.box.Add(p.status)
	entries, err := w.session.KeyDirectory()
	if err != nil {
		p.box.Add(widget.NewLabel(w.message(err)))
		return
	}
	linked, err := p.linkedMembers()
	if err != nil {
		p.box.Add(widget.NewLabel(w.message(err)))
		return
	}
	add := widget.NewButtonWithIcon(w.t("exchange.add_card"), theme.ContentAddIcon(), p.onAddCard)
	rows := container.NewVBox()
	for i, e := range entries {
		if i > 0 {
			rows.Add(widget.NewSeparator())
		}
		rows.Add(p.directoryRow(e, linked[e.Fingerprint()]))
	}
	if len(entries) == 0 {
		rows.Add(widget.NewLabel(w.t("exchange.directory_empty")))
	}
	p.box.Add(widget.NewCard(w.t("exchange.directory"), w.t("exchange.fingerprint_hint"),
		container.NewBorder(nil, container.NewHBox(add), nil, nil, rows)))
}

// linkedMembers returns the members of the meetings directory linked to
// each key card, by fingerprint.
func (p *keyPanel) linkedMembers() (map[string][]model.Member, error) {
	links, err := p.w.session.MemberKeyLinks()
	if err != nil {
		return nil, err
	}
	members, err := p.w.session.Members()
	if err != nil {
		return nil, err
	}
	out := map[string][]model.Member{}
	for _, m := range members {
		if fingerprint, ok := links[m.ID]; ok {
			out[fingerprint] = append(out[fingerprint], m)
		}
	}
	return out, nil
}

func (p *keyPanel) ownKey() fyne.CanvasObject {
	w := p.w
	o, err := w.session.Officer()
	if errors.Is(err, vault.ErrNoIdentity) {
		name, title := widget.NewEntry(), widget.NewEntry()
		name.SetPlaceHolder(w.t("exchange.my_name"))
		title.SetPlaceHolder(w.t("exchange.my_title"))
		create := widget.NewButton(w.t("exchange.create_key"), func() {
			w.touch()
			if _, err := w.session.EnsureOfficer(name.Text, title.Text); err != nil {
				setStatus(p.status, w.message(err), true)
				return
			}
			p.refresh()
		})
		return widget.NewCard(w.t("exchange.my_card"), w.t("exchange.my_card_none"),
			container.NewVBox(name, title, create))
	}
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	card := o.Card()
	p.cardDir.SetPlaceHolder(w.t("exchange.card_folder_hint"))
	save := widget.NewButtonWithIcon(w.t("exchange.my_card_export"), theme.DocumentSaveIcon(), func() { p.onSaveCard(card) })
	subtitle := card.Name
	if card.Title != "" {
		subtitle += " — " + card.Title
	}
	return widget.NewCard(w.t("exchange.my_card"), subtitle,
		container.NewVBox(fingerprintRow(w, card.Fingerprint()),
			container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.folder")), save, p.cardDir)))
}

// directoryRow shows one key card: its owner, its fingerprint, the
// members linked to it with a button to unlink each, and the buttons to
// link a member and to remove the card.
func (p *keyPanel) directoryRow(e vault.DirectoryEntry, members []model.Member) fyne.CanvasObject {
	w := p.w
	name := widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewLabel(e.Title)
	link := widget.NewButtonWithIcon(w.t("exchange.link_member"), theme.AccountIcon(), func() { p.onLink(e) })
	remove := widget.NewButtonWithIcon(w.t("exchange.remove_card"), theme.DeleteIcon(), func() { p.onRemove(e) })
	box := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(name, title), container.NewHBox(link, remove)),
		fingerprintRow(w, e.Fingerprint()),
	)
	if len(members) == 0 {
		box.Add(widget.NewLabelWithStyle(w.t("exchange.not_linked"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	for _, m := range members {
		label := widget.NewLabel(w.t("exchange.linked_to", memberName(m)))
		label.Importance = widget.SuccessImportance
		unlink := widget.NewButtonWithIcon(w.t("exchange.unlink"), theme.CancelIcon(), func() { p.onUnlink(m) })
		box.Add(container.NewBorder(nil, nil, nil, unlink, label))
	}
	return box
}

// memberName returns "name (title)", or the name alone.
func memberName(m model.Member) string {
	if m.Title == "" {
		return m.Name
	}
	return m.Name + " (" + m.Title + ")"
}

func (p *keyPanel) onRemove(e vault.DirectoryEntry) {
	w := p.w
	w.touch()
	dialog.ShowConfirm(w.t("exchange.remove_card"), w.t("exchange.remove_confirm", e.Name), func(ok bool) {
		if !ok {
			return
		}
		if err := w.session.RemoveKeyCard(e.Fingerprint()); err != nil {
			setStatus(p.status, w.message(err), true)
			return
		}
		p.refresh()
	}, w.win)
}

// onLink shows a dialog to choose the member of the meetings directory
// who owns the card, with a warning when that member is linked to
// another card now.
func (p *keyPanel) onLink(e vault.DirectoryEntry) {
	w := p.w
	w.touch()
	members, err := w.session.Members()
	if err != nil {
		setStatus(p.status, w.message(err), true)
		return
	}
	if len(members) == 0 {
		setStatus(p.status, w.t("exchange.link_no_members"), true)
		return
	}
	links, err := w.session.MemberKeyLinks()
	if err != nil {
		setStatus(p.status, w.message(err), true)
		return
	}

	names := make([]string, len(members))
	for i, m := range members {
		names[i] = memberName(m)
	}
	prompt := widget.NewLabel(w.t("exchange.link_prompt", e.Name, e.ReadAloud()))
	prompt.Wrapping = fyne.TextWrapWord
	note := noteLabel("", widget.WarningImportance)
	note.Hide()
	choose := widget.NewSelect(names, nil)
	choose.PlaceHolder = w.t("exchange.link_choose")
	choose.OnChanged = func(string) {
		note.SetText(p.linkNote(e, links[members[choose.SelectedIndex()].ID]))
		if note.Text == "" {
			note.Hide()
		} else {
			note.Show()
		}
	}

	d := dialog.NewCustomConfirm(w.t("exchange.link_title"), w.t("exchange.ok"), w.t("action.cancel"),
		container.NewVBox(prompt, choose, note), func(ok bool) {
			i := choose.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			p.link(members[i], e)
		}, w.win)
	d.Resize(fyne.NewSize(620, 280))
	d.Show()
}

// linkNote returns the warning shown when the member chosen for card e
// is linked to another card now, or "".
func (p *keyPanel) linkNote(e vault.DirectoryEntry, current string) string {
	if current == "" || current == e.Fingerprint() {
		return ""
	}
	other, err := p.w.session.KeyCardByFingerprint(current)
	if err != nil {
		return ""
	}
	return p.w.t("exchange.link_replaces", other.Name, other.ReadAloud())
}

func (p *keyPanel) link(m model.Member, e vault.DirectoryEntry) {
	w := p.w
	if err := w.session.LinkMemberKey(m.ID, e.Fingerprint()); err != nil {
		setStatus(p.status, w.message(err), true)
		return
	}
	p.refresh()
	setStatus(p.status, w.t("exchange.linked_done", m.Name, e.Name), false)
}

func (p *keyPanel) onUnlink(m model.Member) {
	w := p.w
	w.touch()
	dialog.ShowConfirm(w.t("exchange.unlink"), w.t("exchange.unlink_confirm", m.Name), func(ok bool) {
		if !ok {
			return
		}
		if err := w.session.UnlinkMemberKey(m.ID); err != nil {
			setStatus(p.status, w.message(err), true)
			return
		}
		p.refresh()
		setStatus(p.status, w.t("exchange.unlinked_done", m.Name), false)
	}, w.win)
}

// onSaveCard writes the officer's key card into the folder typed or
// chosen.
func (p *keyPanel) onSaveCard(card vault.KeyCard) {
	w := p.w
	w.touch()
	write := func(dir string) {
		path := filepath.Join(dir, "the-khoa-"+asciiName(card.Name)+".txt")
		if err := app.WriteKeyCard(card, path); err != nil {
			setStatus(p.status, w.message(err), true)
			return
		}
		setStatus(p.status, w.t("cli.key_written", path, card.ReadAloud()), false)
	}
	if p.cardDir.Text != "" {
		write(p.cardDir.Text)
		return
	}
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if u != nil {
			p.cardDir.SetText(u.Path())
			write(u.Path())
		}
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onAddCard reads a key card file and, after the user compared the
// fingerprint, adds it to the directory. The path typed stays in the
// entry for the next try when the card cannot be read.
func (p *keyPanel) onAddCard() {
	w := p.w
	w.touch()
	path := widget.NewEntry()
	path.SetPlaceHolder(w.t("exchange.card_file_hint"))
	path.SetText(p.cardPath)
	var d *dialog.ConfirmDialog
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		p.browseCard(func(chosen string) {
			path.SetText(chosen)
			d.Confirm()
		})
	})
	row := container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.card_file")), browse, path)
	d = dialog.NewCustomConfirm(w.t("exchange.add_card_title"), w.t("exchange.ok"), w.t("action.cancel"), row,
		func(ok bool) {
			p.cardPath = path.Text
			if ok && path.Text != "" {
				p.confirmCard(path.Text)
			}
		}, w.win)
	path.OnSubmitted = func(string) { d.Confirm() }
	d.Resize(fyne.NewSize(700, 170))
	d.Show()
	w.win.Canvas().Focus(path)
}

// browseCard shows a file dialog and calls chosen with the path picked.
func (p *keyPanel) browseCard(chosen func(string)) {
	w := p.w
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		chosen(r.URI().Path())
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (p *keyPanel) confirmCard(path string) {
	w := p.w
	card, err := app.ReadKeyCard(path)
	if err != nil {
		w.showError(err)
		return
	}
	text := widget.NewLabel(w.t("exchange.card_confirm", card.Name, card.Title))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(w.t("exchange.add_card_title"), w.t("exchange.ok"), w.t("action.cancel"),
		container.NewVBox(text, fingerprintRow(w, card.Fingerprint())), func(ok bool) {
			if !ok {
				return
			}
			if err := w.session.AddKeyCard(card); err != nil {
				setStatus(p.status, w.message(err), true)
				return
			}
			p.cardPath = ""
			p.refresh()
			setStatus(p.status, w.t("cli.key_added", card.Name, card.ReadAloud()), false)
		}, w.win)
	d.Resize(fyne.NewSize(640, 240))
	d.Show()
}

// asciiName keeps the letters and digits of a name for a file name.
func asciiName(name string) string {
	var out []rune
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			out = append(out, r)
		case r == ' ' && len(out) > 0 && out[len(out)-1] != '-':
			out = append(out, '-')
		}
	}
	if len(out) == 0 {
		return "can-bo"
	}
	return string(out)
}
