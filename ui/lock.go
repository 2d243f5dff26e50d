package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/assets"
	"sotay/vault"
)

// lockScreen creates a vault in the window's folder or unlocks the one
// there. Key derivation runs off the UI goroutine behind a progress bar.
type lockScreen struct {
	w        *window
	creating bool
	pass     *widget.Entry
	confirm  *widget.Entry
	status   *widget.Label
	progress *widget.ProgressBarInfinite
	submit   *widget.Button
}

func (w *window) showLock() {
	s := &lockScreen{w: w, creating: !app.VaultExists(w.dir)}
	w.win.SetContent(s.build())
	w.win.Canvas().Focus(s.pass)
}

func (s *lockScreen) build() fyne.CanvasObject {
	w := s.w
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(w.t("lock.passphrase"))
	s.pass.OnSubmitted = func(string) { s.onSubmit() }
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Importance = widget.DangerImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()

	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	heading := widget.NewLabelWithStyle(w.t("app.name"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	folder := widget.NewLabelWithStyle(w.t("lock.folder", w.dir), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	folder.Wrapping = fyne.TextWrapWord

	items := []fyne.CanvasObject{icon, heading, folder}
	if s.creating {
		s.confirm = widget.NewPasswordEntry()
		s.confirm.SetPlaceHolder(w.t("lock.confirm"))
		s.confirm.OnSubmitted = func(string) { s.onSubmit() }
		s.pass.OnSubmitted = func(string) { w.win.Canvas().Focus(s.confirm) }
		s.submit = widget.NewButtonWithIcon(w.t("lock.create"), theme.ConfirmIcon(), s.onSubmit)
		hint := widget.NewLabel(w.t("lock.create_hint"))
		hint.Wrapping = fyne.TextWrapWord
		items = append(items, hint, s.pass, s.confirm)
	} else {
		s.submit = widget.NewButtonWithIcon(w.t("lock.unlock"), theme.LoginIcon(), s.onSubmit)
		items = append(items, s.pass)
	}
	s.submit.Importance = widget.HighImportance
	items = append(items, s.submit, s.progress, s.status)
	box := container.NewVBox(items...)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 520), box))
}

func (s *lockScreen) onSubmit() {
	w := s.w
	pass := []byte(s.pass.Text)
	var confirm []byte
	if s.creating {
		confirm = []byte(s.confirm.Text)
	}
	s.submit.Disable()
	s.progress.Show()
	s.progress.Start()
	if s.creating {
		s.status.SetText(w.t("lock.creating"))
	} else {
		s.status.SetText(w.t("lock.unlocking"))
	}
	s.status.Importance = widget.MediumImportance
	s.status.Refresh()

	var session *app.Session
	run(func() error {
		var err error
		if s.creating {
			session, err = app.Create(w.dir, pass, confirm)
		} else {
			session, err = app.UnlockWithProgress(w.dir, pass, s.showMove)
		}
		clear(pass)
		clear(confirm)
		return err
	}, func(err error) {
		s.progress.Stop()
		s.progress.Hide()
		s.submit.Enable()
		if err != nil {
			s.onFailed(err)
			return
		}
		w.openSession(session)
	})
}

// showMove shows how far the first open after an upgrade has moved the
// attachment contents, so that a long wait does not look like a hang. It
// runs on the unlocking goroutine.
func (s *lockScreen) showMove(done, total int64) {
	percent := 100
	if total > 0 {
		percent = int(done * 100 / total)
	}
	text := s.w.t("lock.moving_documents", percent, humanSize(done), humanSize(total))
	fyne.Do(func() { s.status.SetText(text) })
}

// onFailed shows why the vault did not open and keeps what was typed,
// except after a wrong passphrase, which is cleared for the next try.
func (s *lockScreen) onFailed(err error) {
	s.status.Importance = widget.DangerImportance
	s.status.SetText(s.w.message(err))
	if !s.creating && errors.Is(err, vault.ErrWrongPassphrase) {
		s.pass.SetText("")
	}
	s.w.win.Canvas().Focus(s.pass)
}
