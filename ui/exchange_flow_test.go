package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// newPeerSession returns another officer's vault in a temporary folder,
// unlocked, with its officer key made.
func newPeerSession(t *testing.T, name string) *app.Session {
	t.Helper()
	v, err := vault.Create(filepath.Join(t.TempDir(), "peer"), []byte(uiPassphrase), vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	s := app.NewSession(v)
	t.Cleanup(s.Lock)
	if _, err := s.EnsureOfficer(name, "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	return s
}

func officerCard(t *testing.T, s *app.Session) vault.KeyCard {
	t.Helper()
	o, err := s.Officer()
	if err != nil {
		t.Fatal(err)
	}
	return o.Card()
}

// exportCase writes case id of s to a bundle for card and returns its path.
func exportCase(t *testing.T, s *app.Session, id string, card vault.KeyCard) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hs.sotay")
	req := vault.ExportRequest{Kind: vault.KindCases, CaseIDs: []string{id}, Recipients: []vault.KeyCard{card}}
	if _, err := app.ExportBundle(context.Background(), s, req, path); err != nil {
		t.Fatal(err)
	}
	return path
}

func setCaseTitle(t *testing.T, s *app.Session, id, title string) {
	t.Helper()
	c, err := s.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = title
	if err := s.UpdateCase(c); err != nil {
		t.Fatal(err)
	}
}

// findCheck returns the check box with text in the window or its dialogs.
func findCheck(t *testing.T, w *window, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walkOverlays(w, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no check box %q", text)
	}
	return found
}

// hasButton reports whether a visible button with text is on screen.
func hasButton(w *window, text string) bool {
	found := false
	walkOverlays(w, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = true
		}
	})
	return found
}

// showImport shows the import panel on w, with path typed in.
func showImport(w *window, path string) *importPanel {
	p := newImportPanel(w)
	w.show(w.t("nav.exchange"), p.build())
	p.path.SetText(path)
	return p
}

func TestConflictResolvedBothWays(t *testing.T) {
	const (
		original = "Kiểm tra Đảng ủy xã Tân Lập"
		titleA   = "Kiểm tra Đảng ủy xã Tân Lập năm 2026 (bản của đồng chí Bình)"
		titleB   = "Kiểm tra Đảng ủy xã Tân Lập năm 2027 (bản của đồng chí Cường)"
	)
	tests := []struct {
		name      string
		mineLater bool // this vault edited after the sender
		keepMine  bool
		want      string
	}{
		{"keep mine, mine newer", true, true, titleB},
		{"take received, mine newer", true, false, titleA},
		{"keep mine, received newer", false, true, titleB},
		{"take received, received newer", false, false, titleA},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			mine := w.session
			if _, err := mine.EnsureOfficer("Lê Văn Cường", "Kiểm tra viên"); err != nil {
				t.Fatal(err)
			}
			peer := newPeerSession(t, "Trần Thị Bình")
			if err := mine.AddKeyCard(officerCard(t, peer)); err != nil {
				t.Fatal(err)
			}
			c := model.Case{Code: "KT-01/2026", Title: original, Kind: model.KindViolationInspection,
				Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
			if err := peer.CreateCase(&c, false); err != nil {
				t.Fatal(err)
			}
			first := exportCase(t, peer, c.ID, officerCard(t, mine))
			if _, err := app.ImportBundle(context.Background(), mine, first, vault.ImportOptions{}); err != nil {
				t.Fatalf("first import: %v", err)
			}

			edits := []func(){
				func() { setCaseTitle(t, peer, c.ID, titleA) },
				func() { setCaseTitle(t, mine, c.ID, titleB) },
			}
			if !tc.mineLater {
				edits[0], edits[1] = edits[1], edits[0]
			}
			edits[0]()
			time.Sleep(5 * time.Millisecond)
			edits[1]()
			second := exportCase(t, peer, c.ID, officerCard(t, mine))

			p := showImport(w, second)
			p.onCheck()
			waitFor(t, "the preview", func() bool { return hasButton(w, w.t("exchange.apply")) })
			if !strings.Contains(texts(w), w.t("exchange.action.conflict")+": KT-01/2026") {
				t.Errorf("preview does not list the conflict:\n%s", texts(w))
			}
			test.Tap(findButton(t, w, w.t("exchange.apply")))
			waitFor(t, "the conflict list", func() bool { return hasButton(w, w.t("exchange.keep_mine")) })

			screen := texts(w)
			for _, want := range []string{titleA, titleB, w.t("exchange.mine"), w.t("exchange.received"),
				w.t("exchange.field.title"), w.t("exchange.table.cases") + ": KT-01/2026"} {
				if !strings.Contains(screen, want) {
					t.Errorf("conflict card lacks %q", want)
				}
			}
			if strings.Contains(screen, `{"`) || strings.Contains(screen, "updated_at") {
				t.Errorf("conflict card shows raw record data:\n%s", screen)
			}
			mineCol, receivedCol := columnOf(w, titleB), columnOf(w, titleA)
			if mineCol < 0 || receivedCol <= mineCol {
				t.Errorf("my title at x=%v, received title at x=%v: want mine on the left", mineCol, receivedCol)
			}

			button := w.t("exchange.take_received")
			if tc.keepMine {
				button = w.t("exchange.keep_mine")
			}
			test.Tap(findButton(t, w, button))
			got, err := mine.Case(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tc.want {
				t.Errorf("title after resolving = %q, want %q", got.Title, tc.want)
			}
			if left, _ := mine.Conflicts(); len(left) != 0 {
				t.Errorf("%d conflicts left after resolving", len(left))
			}
			if hasButton(w, w.t("exchange.keep_mine")) {
				t.Error("the resolved conflict is still shown")
			}
		})
	}
}

// columnOf returns the x position of the label whose text is text, or -1.
func columnOf(w *window, text string) float32 {
	x := float32(-1)
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			x = fyne.CurrentApp().Driver().AbsolutePositionForObject(l).X
		}
	})
	return x
}

func TestImportTrustNeedsComparison(t *testing.T) {
	w := newTestWindow(t)
	mine := w.session
	if _, err := mine.EnsureOfficer("Lê Văn Cường", ""); err != nil {
		t.Fatal(err)
	}
	peer := newPeerSession(t, "Trần Thị Bình")
	c := model.Case{Code: "KT-02/2026", Title: "Giám sát chuyên đề", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := peer.CreateCase(&c, false); err != nil {
		t.Fatal(err)
	}
	path := exportCase(t, peer, c.ID, officerCard(t, mine))

	p := showImport(w, path)
	p.onCheck()
	waitFor(t, "the preview", func() bool { return hasButton(w, w.t("exchange.trust")) })
	screen := texts(w)
	if !strings.Contains(screen, w.t("exchange.untrusted_warning")) {
		t.Errorf("no untrusted sender warning:\n%s", screen)
	}
	if !strings.Contains(screen, officerCard(t, peer).ReadAloud()) && !richTextContains(w, officerCard(t, peer).ReadAloud()) {
		t.Error("the sender's fingerprint groups are not shown")
	}
	trust := findButton(t, w, w.t("exchange.trust"))
	if !trust.Disabled() {
		t.Fatal("trust button enabled before the fingerprint was compared")
	}
	test.Tap(findCheck(t, w, w.t("exchange.trust_check", "Trần Thị Bình")))
	if trust.Disabled() {
		t.Fatal("trust button still disabled after the comparison was confirmed")
	}
	test.Tap(trust)
	waitFor(t, "the import", func() bool {
		return strings.Contains(texts(w), w.t("exchange.trusted_now", "Trần Thị Bình"))
	})
	if _, err := mine.KeyCardByFingerprint(officerCard(t, peer).Fingerprint()); err != nil {
		t.Errorf("sender not in the key directory after trusting: %v", err)
	}
	if _, err := mine.CaseByCode("KT-02/2026"); err != nil {
		t.Errorf("case not imported: %v", err)
	}

	p.onCheck()
	waitFor(t, "the replay preview", func() bool { return hasButton(w, w.t("exchange.apply_anyway")) })
	if !strings.Contains(texts(w), w.t("exchange.replay_warning", 1, 1)) {
		t.Errorf("no replay warning:\n%s", texts(w))
	}
}

// labelWithAll reports whether one label on screen contains every part.
func labelWithAll(w *window, parts ...string) bool {
	found := false
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok {
			return
		}
		for _, part := range parts {
			if !strings.Contains(l.Text, part) {
				return
			}
		}
		found = true
	})
	return found
}

// richTextContains reports whether a rich text on screen holds text.
func richTextContains(w *window, text string) bool {
	found := false
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok && strings.Contains(r.String(), text) {
			found = true
		}
	})
	return found
}

func TestImportRejectsDamagedBundles(t *testing.T) {
	w := newTestWindow(t)
	peer := newPeerSession(t, "Trần Thị Bình")
	c := model.Case{Code: "KT-03/2026", Title: "Kiểm tra tài chính", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := peer.CreateCase(&c, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mat-khau.sotay")
	req := vault.ExportRequest{Kind: vault.KindCases, CaseIDs: []string{c.ID}, Passphrase: []byte("mật khẩu gói đúng")}
	if _, err := app.ExportBundle(context.Background(), peer, req, path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "cut.sotay")
	if err := os.WriteFile(truncated, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}

	p := showImport(w, path)
	p.onCheck()
	var pass *widget.Entry
	walkOverlays(w, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			pass = e
		}
	})
	if pass == nil {
		t.Fatal("no passphrase dialog for a passphrase bundle")
	}
	test.Type(pass, "mật khẩu sai")
	pass.OnSubmitted(pass.Text)
	waitFor(t, "the wrong passphrase message", func() bool { return p.status.Text != "" })
	if p.status.Text != w.t("err.bundle.wrong_passphrase") {
		t.Errorf("status = %q, want the wrong passphrase message", p.status.Text)
	}

	p.path.SetText(truncated)
	p.onCheck()
	var entry *widget.Entry
	walkOverlays(w, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password && e.Text == "" {
			entry = e
		}
	})
	if entry != nil {
		test.Type(entry, "mật khẩu gói đúng")
		entry.OnSubmitted(entry.Text)
	}
	waitFor(t, "the truncated message", func() bool { return p.status.Text == w.t("err.bundle.truncated") })
	if list, _ := w.session.ListCases(vault.CaseQuery{Today: w.today()}); len(list) != 0 {
		t.Errorf("%d cases after rejected bundles, want none", len(list))
	}
}

// newMeetingWithMaterials stores a meeting with attendees named names and
// two appraised materials, and returns the meeting and its members.
func newMeetingWithMaterials(t *testing.T, s *app.Session, names ...string) (model.Meeting, []model.Member) {
	t.Helper()
	m := model.Meeting{Number: "Kỳ họp thứ 15", Title: "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15",
		Date: model.NewDate(2026, time.December, 21), Time: "08:00"}
	if err := s.CreateMeeting(&m); err != nil {
		t.Fatal(err)
	}
	var members []model.Member
	for _, name := range names {
		member := model.Member{Name: name, Title: "Ủy viên", Role: model.MemberCommission}
		if err := s.SaveMember(&member); err != nil {
			t.Fatal(err)
		}
		if err := s.AddAttendee(m.ID, member.ID); err != nil {
			t.Fatal(err)
		}
		members = append(members, member)
	}
	for _, title := range []string{"Báo cáo kết quả kiểm tra", "Xem xét đơn tố cáo"} {
		item := model.AgendaItem{MeetingID: m.ID, Title: title}
		if err := s.AddAgendaItem(&item); err != nil {
			t.Fatal(err)
		}
		mat := model.Material{ItemID: item.ID, Title: "Tài liệu " + title}
		ver := model.MaterialVersion{Name: "bao-cao.pdf"}
		if err := s.AddMaterial(context.Background(), &mat, &ver, strings.NewReader("nội dung "+title)); err != nil {
			t.Fatal(err)
		}
		if err := s.AppraiseVersion(ver.ID, model.NewDate(2026, time.December, 10), "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	return m, members
}

func TestKeyPanelLinksAndUnlinksMember(t *testing.T) {
	w := newTestWindow(t)
	s := w.session
	_, members := newMeetingWithMaterials(t, s, "Phạm Thu Hà", "Hoàng Minh Tuấn")
	card := officerCard(t, newPeerSession(t, "Phạm Thu Hà"))
	if err := s.AddKeyCard(card); err != nil {
		t.Fatal(err)
	}
	p := newKeyPanel(w)
	w.show(w.t("nav.exchange"), p.build())
	if !richTextContains(w, card.ReadAloud()) {
		t.Errorf("fingerprint groups %q not shown", card.ReadAloud())
	}

	test.Tap(findButton(t, w, w.t("exchange.link_member")))
	var choose *widget.Select
	walkOverlays(w, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == w.t("exchange.link_choose") {
			choose = sel
		}
	})
	if choose == nil {
		t.Fatal("no member choice in the link dialog")
	}
	choose.SetSelectedIndex(0)
	test.Tap(overlayButton(t, w, w.t("exchange.ok")))

	linked, err := s.MemberKey(members[0].ID)
	if err != nil || linked.Fingerprint() != card.Fingerprint() {
		t.Fatalf("member key after linking = %v, %v; want the card", linked.Name, err)
	}
	if !strings.Contains(texts(w), w.t("exchange.linked_to", "Phạm Thu Hà (Ủy viên)")) {
		t.Errorf("linked member not shown on the card:\n%s", texts(w))
	}

	test.Tap(findButton(t, w, w.t("exchange.unlink")))
	var yes *widget.Button
	walkOverlays(w, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.HighImportance {
			yes = b
		}
	})
	if yes == nil {
		t.Fatal("no confirmation for unlinking")
	}
	test.Tap(yes)
	if _, err := s.MemberKey(members[0].ID); err == nil {
		t.Error("member still linked after unlinking")
	}
	if !strings.Contains(texts(w), w.t("exchange.not_linked")) {
		t.Errorf("card does not say it is unlinked:\n%s", texts(w))
	}
}

func TestPackPanelWritesLinkedPacks(t *testing.T) {
	w := newTestWindow(t)
	s := w.session
	if _, err := s.EnsureOfficer("Thư ký hội nghị", ""); err != nil {
		t.Fatal(err)
	}
	m, members := newMeetingWithMaterials(t, s, "Phạm Thu Hà", "Hoàng Minh Tuấn")
	peer := newPeerSession(t, "Phạm Thu Hà")
	if err := s.AddKeyCard(officerCard(t, peer)); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkMemberKey(members[0].ID, officerCard(t, peer).Fingerprint()); err != nil {
		t.Fatal(err)
	}

	p := newPackPanel(w, func() {})
	w.show(w.t("nav.exchange"), p.build())
	if !p.button.Disabled() {
		t.Error("write button enabled before a meeting is chosen")
	}
	p.choose.SetSelectedIndex(0)
	screen := texts(w)
	for _, want := range []string{
		w.t("exchange.packs_summary", 2, 1, 2),
		w.t("exchange.packs_linked", "Phạm Thu Hà", officerCard(t, peer).ReadAloud()),
		w.t("exchange.packs_unlinked"),
		w.tn("exchange.packs_missing", 1, 1, "Hoàng Minh Tuấn"),
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}

	test.Tap(p.button)
	if p.status.Text != w.t("exchange.folder_missing") {
		t.Errorf("status without a folder = %q", p.status.Text)
	}
	dir := t.TempDir()
	test.Type(p.folder, dir)
	test.Tap(p.button)
	waitFor(t, "the packs", func() bool { return strings.HasPrefix(p.status.Text, "Đã ghi") })

	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files written, want one for the linked member", len(files))
	}
	rows, err := s.Distributions(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	bundled := 0
	for _, d := range rows {
		if d.MemberID == members[0].ID && d.Channel == model.ChannelBundle && d.SentOn == w.today() {
			bundled++
		}
	}
	if bundled != 2 {
		t.Errorf("%d distribution rows by USB bundle, want 2", bundled)
	}
	screen = texts(w)
	if !labelWithAll(w, w.t("meetings.channel.bundle"), w.today().Display(), "(2 ") {
		t.Errorf("the distribution record by USB bundle is not shown:\n%s", screen)
	}
	if !strings.Contains(screen, filepath.Join(dir, files[0].Name())) {
		t.Errorf("the file written is not named:\n%s", screen)
	}
	if !strings.Contains(screen, w.t("exchange.packs_skipped")) {
		t.Errorf("the member without a key card is not reported:\n%s", screen)
	}

	f, err := os.Open(filepath.Join(dir, files[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pv, err := peer.ImportBundle(context.Background(), f, info.Size(), vault.ImportOptions{DryRun: true, TrustSender: true})
	if err != nil {
		t.Fatalf("the member cannot open their pack: %v", err)
	}
	if pv.Tables["material_versions"].Added != 2 {
		t.Errorf("pack holds %+v, want the two appraised versions", pv.Tables)
	}

	p.showOutcomes(dir, nil, context.Canceled)
	if p.status.Text != w.t("exchange.packs_cancelled_none") {
		t.Errorf("status after an early cancel = %q", p.status.Text)
	}
}

func TestKeyPanelAddsCardFromFile(t *testing.T) {
	w := newTestWindow(t)
	card := officerCard(t, newPeerSession(t, "Nguyễn Văn Thành"))
	path := filepath.Join(t.TempDir(), "the-khoa-thanh.txt")
	if err := app.WriteKeyCard(card, path); err != nil {
		t.Fatal(err)
	}
	p := newKeyPanel(w)
	w.show(w.t("nav.exchange"), p.build())

	missing := path + ".khong-co"
	test.Tap(findButton(t, w, w.t("exchange.add_card")))
	test.Type(overlayEntry(t, w, w.t("exchange.card_file_hint")), missing)
	test.Tap(overlayButton(t, w, w.t("exchange.ok")))
	if !strings.Contains(overlayTexts(w), w.t("err.file_not_found")) {
		t.Errorf("no message for a missing card file:\n%s", overlayTexts(w))
	}
	test.Tap(findButton(t, w, w.t("exchange.add_card")))
	entry := overlayEntry(t, w, w.t("exchange.card_file_hint"))
	if entry.Text != missing {
		t.Errorf("path after a failed try = %q, want %q kept", entry.Text, missing)
	}

	entry.SetText(path)
	entry.OnSubmitted(entry.Text)
	if !strings.Contains(overlayTexts(w), w.t("exchange.card_confirm", card.Name, card.Title)) {
		t.Fatalf("no fingerprint comparison before adding:\n%s", overlayTexts(w))
	}
	test.Tap(overlayButton(t, w, w.t("exchange.ok")))
	if _, err := w.session.KeyCardByFingerprint(card.Fingerprint()); err != nil {
		t.Errorf("card not in the directory after confirming: %v", err)
	}
}
