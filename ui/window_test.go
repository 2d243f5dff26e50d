package ui

import (
	_ "localeenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

const uiPassphrase = "mật khẩu giao diện thử"

// newTestWindow returns a window on a new vault in a temporary folder,
// unlocked, in Vietnamese, with today fixed.
func newTestWindow(t *testing.T) *window {
	t.Helper()
	fa := test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "vault")
	v, err := vault.Create(dir, []byte(uiPassphrase), vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	w := newWindow(fa, Options{VaultDir: dir, Session: app.NewSession(v), Language: assets.Vietnamese})
	w.today = func() model.Date { return model.NewDate(2026, 12, 4) }
	w.win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() {
		if w.session != nil {
			w.session.Lock()
		}
	})
	return w
}

// walk calls visit on every object under o, containers and widgets'
// rendered children included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

func findEntry(t *testing.T, w *window, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no entry with placeholder %q", placeholder)
	}
	return found
}

func findButton(t *testing.T, w *window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// texts returns every label and entry text on screen.
func texts(w *window) string {
	var b strings.Builder
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Entry:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// waitFor polls cond for up to 20 seconds, for work that runs off the UI
// goroutine.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCreateVaultFromLockScreen(t *testing.T) {
	fa := test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "Hồ sơ", "vault")
	w := newWindow(fa, Options{VaultDir: dir, Language: assets.Vietnamese})
	t.Cleanup(func() {
		if w.session != nil {
			w.session.Lock()
		}
	})

	pass := findEntry(t, w, w.t("lock.passphrase"))
	confirm := findEntry(t, w, w.t("lock.confirm"))
	test.Type(pass, "ngắn")
	test.Type(confirm, "ngắn")
	test.Tap(findButton(t, w, w.t("lock.create")))
	waitFor(t, "the short-passphrase message", func() bool {
		return strings.Contains(texts(w), w.t("err.passphrase_too_short"))
	})
	if app.VaultExists(dir) {
		t.Fatal("a vault was created with a short passphrase")
	}

	pass.SetText("")
	confirm.SetText("")
	test.Type(pass, uiPassphrase)
	test.Type(confirm, uiPassphrase)
	test.Tap(findButton(t, w, w.t("lock.create")))
	waitFor(t, "the vault to open", func() bool { return w.opened.Load() == 1 })
	if !app.VaultExists(dir) {
		t.Fatal("no key file after creating the vault")
	}
}

func TestCaseFromTemplateTaskSearchLock(t *testing.T) {
	w := newTestWindow(t)
	dir := w.session.Dir()

	test.Tap(findButton(t, w, w.t("cases.new")))
	title := "Kiểm tra Đảng ủy phường Điện Biên"
	var titleEntry *widget.Entry
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && titleEntry == nil {
			titleEntry = f.Items[0].Widget.(*widget.Entry)
		}
	})
	if titleEntry == nil {
		t.Fatal("no case form")
	}
	test.Tap(findButton(t, w, w.t("action.save")))
	if !strings.Contains(texts(w), w.t("err.invalid.title")) {
		t.Fatal("an empty title gives no message")
	}
	test.Type(titleEntry, title)
	test.Tap(findButton(t, w, w.t("action.save")))
	if !strings.Contains(texts(w), title) {
		t.Fatalf("the case screen does not show the title; screen:\n%s", texts(w))
	}

	list, _ := w.session.ListCases(vault.CaseQuery{Today: w.today()})
	if len(list) != 1 || list[0].TasksTotal != len(model.StandardTasks) {
		t.Fatalf("stored cases = %+v, want one with the template tasks", list)
	}
	caseID := list[0].ID

	w.showCaseTab(caseID, 1)
	test.Type(findEntry(t, w, w.t("task.title")), "Làm việc với Bí thư Đảng ủy")
	deadline := findEntry(t, w, w.t("date.placeholder"))
	test.Type(deadline, "99/99/2026")
	test.Tap(findButton(t, w, w.t("task.add")))
	if !strings.Contains(texts(w), "99/99/2026") {
		t.Fatal("a bad deadline lost what was typed or gave no message")
	}
	deadline.SetText("")
	test.Type(deadline, "20/12/2026")
	test.Tap(findButton(t, w, w.t("task.add")))
	tasks, _ := w.session.Tasks(caseID)
	if len(tasks) != len(model.StandardTasks)+1 {
		t.Fatalf("%d tasks after adding one, want %d", len(tasks), len(model.StandardTasks)+1)
	}

	w.selectSection(1)
	search := findEntry(t, w, w.t("cases.search_hint"))
	test.Type(search, "dien bien")
	if !strings.Contains(texts(w), w.t("cases.count", 1)) {
		t.Fatalf("search without marks found nothing; screen:\n%s", texts(w))
	}

	test.Tap(findButton(t, w, w.t("action.lock")))
	if w.session != nil {
		t.Fatal("the window keeps a session after locking")
	}
	if strings.Contains(texts(w), title) || strings.Contains(texts(w), "Điện Biên") {
		t.Fatal("case data visible on the lock screen")
	}

	test.Type(findEntry(t, w, w.t("lock.passphrase")), "sai mật khẩu rồi đó")
	test.Tap(findButton(t, w, w.t("lock.unlock")))
	pass := findEntry(t, w, w.t("lock.passphrase"))
	unlock := findButton(t, w, w.t("lock.unlock"))
	// The failure comes back from another goroutine: wait until it has
	// cleared the entry and enabled the button before typing again.
	waitFor(t, "the wrong-passphrase message", func() bool {
		return strings.Contains(texts(w), "Sai mật khẩu") && pass.Text == "" && !unlock.Disabled()
	})
	test.Type(pass, uiPassphrase)
	test.Tap(unlock)
	waitFor(t, "the vault to unlock", func() bool { return w.opened.Load() == 2 })
	if got, err := w.session.Case(caseID); err != nil || got.Title != title {
		t.Fatalf("case after unlock = %v, %v", got, err)
	}
	_ = dir
}

func TestDocumentImportAndSaveCopy(t *testing.T) {
	w := newTestWindow(t)
	c := &model.Case{Title: "Hồ sơ có tài liệu", Kind: model.KindFinanceInspection,
		Start: model.NewDate(2026, 11, 1), End: model.NewDate(2027, 1, 31)}
	if err := w.session.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "Biên bản.pdf")
	content := []byte("%PDF-1.4\n% nội dung thử\n")
	for i := 0; i < 5000; i++ {
		content = append(content, byte(i))
	}
	os.WriteFile(src, content, 0o600)

	screen, err := newCaseScreen(w, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	w.show("", screen.build())
	panel := newDocumentPanel(screen)
	w.show("", container.NewStack(panel.build()))
	panel.number.SetText("15-BB/UBKT")
	panel.importFile(src)
	waitFor(t, "the document to be stored", func() bool {
		docs, _ := w.session.Documents(c.ID)
		return len(docs) == 1
	})
	docs, _ := w.session.Documents(c.ID)
	if docs[0].Number != "15-BB/UBKT" || docs[0].Name != "Biên bản.pdf" || docs[0].MediaType != "application/pdf" {
		t.Errorf("stored document = %+v", docs[0])
	}

	out := filepath.Join(t.TempDir(), "bản sao.pdf")
	if err := app.SaveDocumentCopy(w.session, docs[0].ID, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if string(got) != string(content) {
		t.Error("saved copy differs from the original")
	}
}

func TestOversizeFileRejectedBeforeReading(t *testing.T) {
	w := newTestWindow(t)
	c := &model.Case{Title: "Tệp lớn", Kind: model.KindOther,
		Start: model.NewDate(2026, 11, 1), End: model.NewDate(2027, 1, 31)}
	w.session.CreateCase(c, false)
	big := filepath.Join(t.TempDir(), "lớn.bin")
	f, _ := os.Create(big)
	f.Truncate(model.MaxDocumentSize + 1)
	f.Close()

	screen, _ := newCaseScreen(w, c.ID)
	panel := newDocumentPanel(screen)
	w.show("", panel.build())
	panel.importFile(big)
	waitFor(t, "the too-large message", func() bool {
		return strings.Contains(panel.message.Text, "200 MiB")
	})
	if docs, _ := w.session.Documents(c.ID); len(docs) != 0 {
		t.Error("an oversize file was stored")
	}
}

func TestTodayListsOverdue(t *testing.T) {
	w := newTestWindow(t)
	c := &model.Case{Title: "Hồ sơ quá hạn", Kind: model.KindOther,
		Start: model.NewDate(2026, 10, 1), End: model.NewDate(2027, 1, 31)}
	w.session.CreateCase(c, false)
	task := model.Task{CaseID: c.ID, Phase: model.Execution, Title: "Nộp báo cáo giải trình", Deadline: model.NewDate(2026, 12, 1)}
	w.session.AddTask(&task)
	w.selectSection(0)
	screen := newTodayScreen(w)
	w.show("", screen.build())
	if len(screen.tasks) != 1 || screen.tasks[0].Title != task.Title {
		t.Fatalf("Hôm nay lists %+v", screen.tasks)
	}
	if !strings.Contains(texts(w), w.t("today.summary", 1, 0, app.TodayWindow)) {
		t.Errorf("summary missing; screen:\n%s", texts(w))
	}
}

func TestIdleLockShowsLockScreen(t *testing.T) {
	w := newTestWindow(t)
	if err := w.session.SetAutoLock(1); err != nil {
		t.Fatal(err)
	}
	s := w.session
	s.Lock() // what the idle timer calls
	waitFor(t, "the lock screen", func() bool { return w.session == nil })
	if _, err := s.ListCases(vault.CaseQuery{}); err == nil {
		t.Error("the vault still answers after the idle lock")
	}
}

// typeTelex types into e as a Telex input method does: the plain letters,
// then a backspace and the composed letter for each mark.
func typeTelex(e *widget.Entry, steps []string) {
	for _, s := range steps {
		if s == "\b" {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			continue
		}
		for _, r := range s {
			e.TypedRune(r)
		}
	}
}

func TestTelexTypingStoresExactText(t *testing.T) {
	w := newTestWindow(t)
	test.Tap(findButton(t, w, w.t("cases.new")))
	var title *widget.Entry
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && title == nil {
			title = f.Items[0].Widget.(*widget.Entry)
		}
	})
	// "ddaangr uyr" through Telex: the second d erases the first and
	// sends đ, the second a erases one letter and sends â, and r erases
	// "âng" and sends "ẩng"; the same for "ủy".
	typeTelex(title, []string{"d", "\b", "đ", "a", "\b", "â", "n", "g", "\b", "\b", "\b", "ẩng", " ", "u", "y", "\b", "\b", "ủy"})
	if title.Text != "đẩng ủy" {
		t.Fatalf("entry holds %q after Telex typing", title.Text)
	}
	test.Tap(findButton(t, w, w.t("action.save")))
	list, _ := w.session.ListCases(vault.CaseQuery{Today: w.today()})
	if len(list) != 1 || list[0].Title != "đẩng ủy" {
		t.Fatalf("stored %+v", list)
	}
}

func TestDecomposedInputStoredComposed(t *testing.T) {
	w := newTestWindow(t)
	test.Tap(findButton(t, w, w.t("cases.new")))
	var title *widget.Entry
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && title == nil {
			title = f.Items[0].Widget.(*widget.Entry)
		}
	})
	// An input method that sends base letters and combining marks (NFD).
	test.Type(title, "Đa\u0302\u0309ng u\u0309y")
	test.Tap(findButton(t, w, w.t("action.save")))
	list, _ := w.session.ListCases(vault.CaseQuery{Today: w.today()})
	if len(list) != 1 || list[0].Title != "Đẩng ủy" {
		t.Fatalf("stored %q, want the composed form", list[0].Title)
	}
	if found, _ := w.session.SearchCases("Đẩng", w.today(), 10); len(found) != 1 {
		t.Error("the composed spelling does not find the case typed decomposed")
	}
}
