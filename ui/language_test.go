package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/assets"
	"sotay/model"
	"sotay/model/workday"
)

// newTestWindowIn returns a test window with its screens rebuilt in
// language, as choosing the language in Cài đặt does.
func newTestWindowIn(t *testing.T, language assets.Language) *window {
	t.Helper()
	w := newTestWindow(t)
	w.cat = assets.NewCatalog(language)
	setToolkitLanguage(language)
	t.Cleanup(func() { setToolkitLanguage(assets.Vietnamese) })
	w.showMain()
	return w
}

// renderedText returns the text o draws, joined from its canvas texts.
// A label cut short by its truncation ends in "…" there, while its Text
// field stays whole.
func renderedText(o fyne.CanvasObject) string {
	var parts []string
	walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*canvas.Text); ok && x.Text != "" {
			parts = append(parts, x.Text)
		}
	})
	return strings.Join(parts, " ")
}

// countedKeyPattern matches the keys that the screens pass to tn.
var countedKeyPattern = regexp.MustCompile(`\.tn\("([a-z_]+\.[a-z_.0-9]+)"`)

func TestCountedKeysHaveSingular(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	catalogs := []*assets.Catalog{assets.NewCatalog(assets.Vietnamese), assets.NewCatalog(assets.English)}
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range countedKeyPattern.FindAllStringSubmatch(string(src), -1) {
			found++
			for _, cat := range catalogs {
				for _, key := range []string{m[1], m[1] + ".one"} {
					if !cat.Has(key) {
						t.Errorf("%s: %s has no %s text", name, key, cat.Language())
					}
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no tn call found in the ui sources; the pattern is out of date")
	}
}

func TestCountdownSingularInEnglish(t *testing.T) {
	w := newTestWindowIn(t, assets.English)
	cases := []struct {
		days int
		long string
		list string
	}{
		{1, "1 working day left to send the materials", "1 working day left"},
		{3, "3 working days left to send the materials", "3 working days left"},
		{-1, "1 working day past the distribution deadline", "1 working day overdue"},
		{-4, "4 working days past the distribution deadline", "4 working days overdue"},
	}
	for _, c := range cases {
		a := model.Assessment{DaysLeft: c.days}
		if got := countdown(w, a); got != c.long {
			t.Errorf("countdown(%d) = %q, want %q", c.days, got, c.long)
		}
		if got := shortCountdown(w, a); got != c.list {
			t.Errorf("shortCountdown(%d) = %q, want %q", c.days, got, c.list)
		}
	}
	sunday := model.NewDate(2026, 12, 6)
	weekend := model.Assessment{DaysLeft: 0, Passed: true, Readiness: model.AtRisk}
	weekend.Deadline = sunday
	if got, want := countdown(w, weekend), w.t("meetings.practical_passed", "06/12/2026"); got != want {
		t.Errorf("countdown on the Saturday after the practical deadline = %q, want %q", got, want)
	}
	if got := shortCountdown(w, weekend); got != "deadline 06/12" {
		t.Errorf("shortCountdown on the Saturday after the practical deadline = %q", got)
	}
	weekend.Readiness = model.Late
	if got := countdown(w, weekend); got != w.t("meetings.days_over_none") {
		t.Errorf("countdown once late with no working day since = %q, want %q", got, w.t("meetings.days_over_none"))
	}
	if got := w.tn("meetings.unsent", 1, 1); got != "1 send missing" {
		t.Errorf("one unsent send reads %q, want %q", got, "1 send missing")
	}
}

// TestMeetingListStateNotTruncated checks that the state column of the
// meeting list shows its whole text, countdown included, in both
// languages at the window's first size.
func TestMeetingListStateNotTruncated(t *testing.T) {
	states := []model.Assessment{
		{Readiness: model.Late, DaysLeft: -12},
		{Readiness: model.AtRisk, DaysLeft: 0},
		{Readiness: model.AtRisk, DaysLeft: 0, Passed: true,
			Deadlines: model.Deadlines{Deadline: model.NewDate(2026, 12, 6)}},
		{Readiness: model.Late, DaysLeft: 0, Passed: true},
		{Readiness: model.AtRisk, DaysLeft: 2},
		{Readiness: model.Preparing, DaysLeft: 22},
		{Readiness: model.Preparing, DaysLeft: 1},
		{Readiness: model.Ready},
	}
	for _, language := range assets.Languages {
		t.Run(string(language), func(t *testing.T) {
			w := newTestWindowIn(t, language)
			w.win.Resize(fyne.NewSize(1200, 760))
			m, _ := newMeetingWithMaterials(t, w.session, "Phạm Thu Hà")
			w.showMeetingList()
			var row *meetingListRow
			walk(w.win.Content(), func(o fyne.CanvasObject) {
				if r, ok := o.(*meetingListRow); ok && row == nil {
					row = r
				}
			})
			if row == nil {
				t.Fatal("the meeting list shows no row")
			}
			for _, a := range states {
				row.set(meetingRow{meeting: m, assessment: a})
				test.WidgetRenderer(row.state).Layout(row.state.Size())
				if got := renderedText(row.state); got != row.state.Text {
					t.Errorf("state %q is drawn as %q in a column %.0f px wide", row.state.Text, got, row.state.Size().Width)
				}
			}
		})
	}
}

func TestScheduleKindsNotTruncated(t *testing.T) {
	for _, language := range assets.Languages {
		w := newTestWindowIn(t, language)
		for _, kind := range workday.EntryKinds {
			sel := translatedSelect(w, "workdays.kind.", []string{string(kind)}, string(kind))
			box := container.NewGridWrap(fyne.NewSize(scheduleKindWidth, sel.MinSize().Height), sel)
			w.win.SetContent(box)
			if got := renderedText(sel); got != sel.Selected {
				t.Errorf("%s: kind %q is drawn as %q", language, sel.Selected, got)
			}
		}
	}
}

// TestSendRecordLines checks that the send record and the send dialog
// name a confirmed receipt and end a line without one cleanly, with no
// dangling separator.
func TestSendRecordLines(t *testing.T) {
	w := newTestWindow(t)
	s := w.session
	m, members := newMeetingWithMaterials(t, s, "Phạm Thu Hà", "Hoàng Minh Tuấn")
	rules, err := app.LoadMeetingRules(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.SendAll(s, rules, m, w.today(), model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Distributions(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	received := model.NewDate(2026, 12, 5)
	var first model.Distribution
	for _, d := range rows {
		if d.MemberID == members[0].ID {
			first = d
			break
		}
	}
	if err := s.ConfirmReceipt(first.ID, received); err != nil {
		t.Fatal(err)
	}

	screen, err := newMeetingScreen(w, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	w.show("", screen.build(3))
	var withReceipt, without int
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || !strings.Contains(l.Text, " → ") {
			return
		}
		if strings.HasSuffix(strings.TrimSpace(l.Text), "·") {
			t.Errorf("record line ends with a separator: %q", l.Text)
		}
		switch {
		case strings.Contains(l.Text, w.t("meetings.cell.received", received.Display())):
			withReceipt++
		default:
			without++
		}
	})
	// Two members were each sent two materials, and one of the four
	// sends has its receipt confirmed.
	if withReceipt != 1 {
		t.Errorf("%d record lines name the receipt date, want 1", withReceipt)
	}
	if without != 3 {
		t.Errorf("%d record lines without a receipt, want 3", without)
	}

	screen.correctDialog("", first)
	info := overlayTexts(w)
	if strings.Contains(info, "· \n") || strings.Contains(info, "·\n") {
		t.Errorf("send dialog has a dangling separator:\n%s", info)
	}
	if !strings.Contains(info, w.t("meetings.send.cell_info", w.today().Display(), w.t("meetings.channel.paper"))) {
		t.Errorf("send dialog does not show the date and channel:\n%s", info)
	}
}

func TestAttendeePickerTranslated(t *testing.T) {
	for _, language := range assets.Languages {
		w := newTestWindowIn(t, language)
		m, _ := newMeetingWithMaterials(t, w.session, "Phạm Thu Hà")
		other := model.Member{Name: "Hoàng Minh Tuấn"}
		if err := w.session.SaveMember(&other); err != nil {
			t.Fatal(err)
		}
		w.showMeetingTab(m.ID, 2)
		var pickers int
		walk(w.win.Content(), func(o fyne.CanvasObject) {
			if sel, ok := o.(*widget.Select); ok {
				pickers++
				if sel.PlaceHolder != w.t("meetings.attendees.choose") {
					t.Errorf("%s: attendee picker shows %q", language, sel.PlaceHolder)
				}
			}
		})
		if pickers != 1 {
			t.Errorf("%s: %d pickers on the attendees tab, want 1", language, pickers)
		}
	}
}

func TestAgendaDurationLowerCase(t *testing.T) {
	w := newTestWindow(t)
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra")
	w.showMeeting(m.ID)
	if !strings.Contains(texts(w), " · 30 phút") {
		t.Errorf("agenda item does not show its length as \"30 phút\":\n%s", texts(w))
	}
}

// TestToolkitFollowsLanguageSetting checks that the toolkit's own dialog
// strings switch to English when it is chosen in Cài đặt, although the OS
// locale of these tests is Vietnamese.
func TestToolkitFollowsLanguageSetting(t *testing.T) {
	w := newTestWindow(t)
	t.Cleanup(func() { setToolkitLanguage(assets.Vietnamese) })
	if got := lang.L("Cancel"); got != "Hủy" {
		t.Errorf("Vietnamese window: toolkit Cancel reads %q, want %q", got, "Hủy")
	}

	w.show("", newSettingsScreen(w).build())
	var choose *widget.Select
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && slices.Contains(sel.Options, "English") {
			choose = sel
		}
	})
	if choose == nil {
		t.Fatal("no language select in Cài đặt")
	}
	choose.SetSelected("English")
	for _, key := range []string{"Cancel", "Save", "File", "Yes"} {
		if got := lang.L(key); got != key {
			t.Errorf("after choosing English: toolkit %q reads %q", key, got)
		}
	}
	dialog.ShowConfirm("", "", func(bool) {}, w.win)
	overlayButton(t, w, "No")
}

// The passphrase card in Cài đặt sits in an open vault, so its hint must
// not be the lock screen's "there is no vault in this folder yet".
func TestPassphraseCardHint(t *testing.T) {
	for _, language := range assets.Languages {
		w := newTestWindowIn(t, language)
		card, ok := newSettingsScreen(w).passphrase().(*widget.Card)
		if !ok {
			t.Fatalf("%s: the passphrase section is not a card", language)
		}
		if want := w.t("settings.passphrase_hint"); card.Subtitle != want {
			t.Errorf("%s: hint %q, want %q", language, card.Subtitle, want)
		}
		if card.Subtitle == w.t("lock.create_hint") {
			t.Errorf("%s: the hint is the lock screen's text for a new vault", language)
		}
	}
}
