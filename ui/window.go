package ui

import (
	"log/slog"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/assets"
	"sotay/model"
)

// Preference keys; only settings with nothing secret in them go to Fyne's
// preferences.
const prefLanguage = "language"

// Options selects the vault the window opens.
type Options struct {
	// VaultDir is the vault folder; the lock screen creates a vault there
	// when it has none.
	VaultDir string
	// Session, when not nil, is an already unlocked vault in VaultDir
	// (the demo), and the window starts on the case list.
	Session *app.Session
	// Language overrides the language preference when not empty.
	Language assets.Language
}

// window is the main window and the state shared by its screens. Only
// the UI goroutine touches it.
type window struct {
	fa      fyne.App
	win     fyne.Window
	cat     *assets.Catalog
	dir     string
	session *app.Session
	today   func() model.Date

	// opened counts the sessions openSession has finished showing, so
	// that tests can wait for the work that follows an unlock.
	opened atomic.Int32

	nav     []*widget.Button
	content *fyne.Container
	title   *widget.Label
	sched   *scheduleState
}

var sections = []string{"nav.today", "nav.cases", "nav.meetings", "nav.schedule", "nav.plans", "nav.exchange", "nav.settings"}

// NewWindow builds the main window on the vault of opts and returns it,
// not yet shown.
func NewWindow(fa fyne.App, opts Options) fyne.Window {
	return newWindow(fa, opts).win
}

func newWindow(fa fyne.App, opts Options) *window {
	fa.Settings().SetTheme(newTheme())
	lang := opts.Language
	if lang == "" {
		lang = assets.Language(fa.Preferences().StringWithFallback(prefLanguage, string(assets.Vietnamese)))
	}
	setToolkitLanguage(lang)
	w := &window{
		fa:    fa,
		cat:   assets.NewCatalog(lang),
		dir:   opts.VaultDir,
		today: app.Today,
	}
	w.win = fa.NewWindow(w.t("app.name"))
	w.win.Resize(fyne.NewSize(1200, 760))
	w.win.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w.addShortcuts()
	w.startSchedule()
	// Closing the window locks the vault, so that the WAL is checkpointed
	// and the files are released before the process ends (Windows cannot
	// remove the --demo folder while they are open).
	w.win.SetOnClosed(w.lock)
	if opts.Session != nil {
		w.openSession(opts.Session)
	} else {
		w.showLock()
	}
	return w
}

func (w *window) t(key string, args ...any) string { return w.cat.T(key, args...) }

// addShortcuts registers Ctrl+L through the main menu: the toolkit gives
// menu shortcuts precedence over a focused entry, which would otherwise
// swallow them.
func (w *window) addShortcuts() {
	lock := fyne.NewMenuItem(w.t("menu.lock"), w.lock)
	lock.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	w.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(w.t("menu.vault"), lock)))
	w.win.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { w.touch() })
}

// touch records user activity in the session and restarts its idle timer.
func (w *window) touch() {
	if w.session != nil {
		w.session.Touch()
	}
}

// lock locks the session; the OnLock callback shows the lock screen.
func (w *window) lock() {
	if w.session != nil {
		w.session.Lock()
	}
}

// openSession shows the main screens on an unlocked session and starts
// its idle timer.
func (w *window) openSession(s *app.Session) {
	w.session = s
	s.OnLock(func() { fyne.Do(func() { w.onLocked(s) }) })
	s.Touch()
	w.showMain()
	if w.session == s {
		w.onScheduleUnlock()
	}
	w.opened.Add(1)
}

// onLocked drops every screen, and with them every decrypted value they
// hold, and shows the lock screen.
func (w *window) onLocked(s *app.Session) {
	if w.session != s {
		return
	}
	w.session = nil
	w.nav = nil
	w.content = nil
	w.showLock()
}

func (w *window) showMain() {
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lockButton := widget.NewButton(w.t("action.lock"), w.lock)
	top := container.NewBorder(nil, nil, nil, lockButton, w.title)

	w.content = container.NewStack()
	w.nav = nil
	navBox := container.NewVBox()
	for i, key := range sections {
		b := widget.NewButton(w.t(key), func() { w.selectSection(i) })
		b.Alignment = widget.ButtonAlignLeading
		w.nav = append(w.nav, b)
		navBox.Add(b)
	}
	split := container.NewHSplit(navBox, container.NewBorder(top, nil, nil, nil, w.content))
	split.Offset = 0.16
	w.win.SetContent(split)
	w.selectSection(1)
}

// selectSection highlights section i in the navigation and shows it.
// Choosing the section already shown goes back to its first screen.
func (w *window) selectSection(i int) {
	w.touch()
	for j, b := range w.nav {
		b.Importance = widget.LowImportance
		if j == i {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	w.showSection(i)
}

func (w *window) showSection(id int) {
	switch sections[id] {
	case "nav.today":
		w.show(w.t("nav.today"), newTodayScreen(w).build())
	case "nav.cases":
		w.showCaseList()
	case "nav.meetings":
		w.showMeetingList()
	case "nav.schedule":
		w.show(w.t("nav.schedule"), newCalendarScreen(w, viewWeek).build())
	case "nav.plans":
		w.showPlans(0, 0)
	case "nav.exchange":
		w.show(w.t("nav.exchange"), newExchangeScreen(w).build())
	case "nav.settings":
		w.show(w.t("nav.settings"), newSettingsScreen(w).build())
	}
}

// show replaces the content area.
func (w *window) show(title string, o fyne.CanvasObject) {
	if w.content == nil {
		return
	}
	w.title.SetText(title)
	w.content.Objects = []fyne.CanvasObject{o}
	w.content.Refresh()
}

func (w *window) showCaseList() {
	w.show(w.t("nav.cases"), newCaseListScreen(w).build())
}

func (w *window) showCase(id string) {
	screen, err := newCaseScreen(w, id)
	if err != nil {
		w.showError(err)
		return
	}
	w.show(w.t("nav.cases"), screen.build())
}

// showError shows err as a short sentence with a hint. Unexpected errors
// are logged with their detail, which never reaches the dialog.
func (w *window) showError(err error) {
	dialog.ShowInformation(w.t("dialog.error_title"), w.message(err), w.win)
}

func (w *window) message(err error) string {
	msg := app.Explain(err)
	if msg.Key == "err.unexpected" {
		slog.Error("unexpected error", "err", err)
	}
	return w.t(msg.Key, msg.Args...)
}

// run calls work on a new goroutine and then done with its error on the
// UI goroutine.
func run(work func() error, done func(error)) {
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}
