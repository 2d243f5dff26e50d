package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/assets"
	"sotay/vault"
)

// settingsScreen changes the auto-lock time, the language and the
// passphrase on its first tab. The other tabs set the meeting rules, the
// document header and the official schedules of the working-day calendar.
type settingsScreen struct {
	w *window
}

func newSettingsScreen(w *window) *settingsScreen { return &settingsScreen{w: w} }

func (s *settingsScreen) build() fyne.CanvasObject {
	w := s.w
	general := container.NewVScroll(container.NewVBox(
		s.autoLock(),
		widget.NewSeparator(),
		s.language(),
		widget.NewSeparator(),
		s.passphrase(),
	))
	meetings := newMeetingRulesScreen(w)
	return container.NewAppTabs(
		container.NewTabItem(w.t("settings.tab.general"), general),
		container.NewTabItem(w.t("meetings.rules.tab"), meetings.rulesTab()),
		container.NewTabItem(w.t("workdays.tab"), newScheduleForm(w).build()),
	)
}

func (s *settingsScreen) autoLock() fyne.CanvasObject {
	w := s.w
	minutes := widget.NewEntry()
	minutes.SetText(strconv.Itoa(int(w.session.AutoLock().Minutes())))
	status := widget.NewLabel("")
	save := widget.NewButton(w.t("action.save"), func() {
		w.touch()
		n, err := strconv.Atoi(minutes.Text)
		if err == nil {
			err = w.session.SetAutoLock(n)
		} else {
			err = errAutoLockNotNumber
		}
		if err != nil {
			status.Importance = widget.DangerImportance
			status.SetText(w.t("err.auto_lock_range"))
			return
		}
		status.Importance = widget.SuccessImportance
		status.SetText(w.t("settings.saved"))
	})
	return widget.NewCard(w.t("settings.auto_lock"), w.t("settings.auto_lock_hint"),
		container.NewVBox(container.NewBorder(nil, nil, nil, save, minutes), status))
}

var errAutoLockNotNumber = strconv.ErrSyntax

func (s *settingsScreen) language() fyne.CanvasObject {
	w := s.w
	names := []string{"Tiếng Việt", "English"}
	sel := widget.NewSelect(names, func(v string) {
		lang := assets.Vietnamese
		if v == names[1] {
			lang = assets.English
		}
		if lang == w.cat.Language() {
			return
		}
		w.fa.Preferences().SetString(prefLanguage, string(lang))
		w.cat = assets.NewCatalog(lang)
		setToolkitLanguage(lang)
		w.win.SetTitle(w.t("app.name"))
		w.addShortcuts()
		w.showMain()
		w.selectSection(len(sections) - 1)
	})
	if w.cat.Language() == assets.English {
		sel.SetSelectedIndex(1)
	} else {
		sel.SetSelectedIndex(0)
	}
	return widget.NewCard(w.t("settings.language"), "", sel)
}

func (s *settingsScreen) passphrase() fyne.CanvasObject {
	w := s.w
	old := widget.NewPasswordEntry()
	old.SetPlaceHolder(w.t("settings.old_passphrase"))
	next := widget.NewPasswordEntry()
	next.SetPlaceHolder(w.t("settings.new_passphrase"))
	confirm := widget.NewPasswordEntry()
	confirm.SetPlaceHolder(w.t("lock.confirm"))
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	progress := widget.NewProgressBarInfinite()
	progress.Hide()
	var change *widget.Button
	change = widget.NewButton(w.t("settings.change_passphrase"), func() {
		w.touch()
		o, n, c := []byte(old.Text), []byte(next.Text), []byte(confirm.Text)
		if err := vault.CheckNewPassphrase(n, c); err != nil {
			status.Importance = widget.DangerImportance
			status.SetText(w.message(err))
			return
		}
		change.Disable()
		progress.Show()
		session := w.session
		run(func() error { return session.ChangePassphrase(o, n) }, func(err error) {
			change.Enable()
			progress.Hide()
			if err != nil {
				status.Importance = widget.DangerImportance
				status.SetText(w.message(err))
				return
			}
			old.SetText("")
			next.SetText("")
			confirm.SetText("")
			status.Importance = widget.SuccessImportance
			status.SetText(w.t("settings.passphrase_changed"))
		})
	})
	return widget.NewCard(w.t("settings.passphrase"), w.t("settings.passphrase_hint"),
		container.NewVBox(old, next, confirm, change, progress, status))
}
