package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// issueNumber gives the next decision number of the default term in s
// to a document with subject.
func issueNumber(t *testing.T, s *app.Session, subject string) model.DocNumber {
	t.Helper()
	n := model.DocNumber{Type: "QĐ", Term: app.DefaultTerm.Label, Issuer: "UBKT",
		IssuedOn: model.NewDate(2026, 11, 20), Subject: subject}
	if err := s.IssueNumber(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Two workstations issued the same number to two documents. The backup
// of one, imported into the other, shows the clash with only the choice
// to keep this vault's register entry.
func TestNumberClashOffersKeepOnly(t *testing.T) {
	const (
		ownSubject   = "Quyết định thành lập đoàn kiểm tra Đảng ủy xã Tân Lập"
		theirSubject = "Quyết định thành lập đoàn giám sát Chi bộ Thôn 3"
	)
	w := newTestWindow(t)
	mine := w.session
	if _, err := mine.EnsureOfficer("Lê Văn Cường", "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	peer := newPeerSession(t, "Trần Thị Bình")
	if err := mine.AddKeyCard(officerCard(t, peer)); err != nil {
		t.Fatal(err)
	}
	own := issueNumber(t, mine, ownSubject)
	theirs := issueNumber(t, peer, theirSubject)
	if own.Seq != theirs.Seq {
		t.Fatalf("numbers %d and %d: the test needs the same number on both sides", own.Seq, theirs.Seq)
	}
	path := filepath.Join(t.TempDir(), "sao-luu.sotay")
	req := vault.ExportRequest{Kind: vault.KindBackup, Recipients: []vault.KeyCard{officerCard(t, mine)},
		ConfirmOverLimit: true}
	if _, err := app.ExportBundle(context.Background(), peer, req, path); err != nil {
		t.Fatal(err)
	}

	p := showImport(w, path)
	p.onCheck()
	waitFor(t, "the preview", func() bool { return hasButton(w, w.t("exchange.apply")) })
	test.Tap(findButton(t, w, w.t("exchange.apply")))
	waitFor(t, "the conflict list", func() bool { return hasButton(w, w.t("exchange.clash_keep")) })

	number := own.Text()
	screen := texts(w)
	for _, want := range []string{ownSubject, theirSubject, w.t("exchange.clash_here"), w.t("exchange.received"),
		w.t("exchange.field.subject"), w.t("exchange.table.doc_numbers") + ": " + number,
		w.t("exchange.clash_hint", number)} {
		if !strings.Contains(screen, want) {
			t.Errorf("clash card lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, w.t("exchange.conflicts_hint")) {
		t.Error("a clash alone shows the hint about records changed on both sides")
	}
	for _, button := range []string{w.t("exchange.take_received"), w.t("exchange.take_other"),
		w.t("exchange.keep_mine"), w.t("exchange.keep_current")} {
		if hasButton(w, button) {
			t.Errorf("clash card offers %q", button)
		}
	}
	if ownCol, theirCol := columnOf(w, ownSubject), columnOf(w, theirSubject); ownCol < 0 || theirCol <= ownCol {
		t.Errorf("own subject at x=%v, received at x=%v: want this register's entry on the left", ownCol, theirCol)
	}

	views, err := app.LoadConflicts(mine)
	if err != nil || len(views) != 1 || !views[0].Clash() {
		t.Fatalf("conflicts = %+v, %v; want one clash", views, err)
	}
	if err := app.ResolveConflictKeepMine(mine, views[0], false); !errors.Is(err, vault.ErrNumberIssued) {
		t.Errorf("taking the received number = %v, want ErrNumberIssued", err)
	}

	test.Tap(findButton(t, w, w.t("exchange.clash_keep")))
	if left, _ := mine.Conflicts(); len(left) != 0 {
		t.Errorf("%d conflicts left after keeping the entry", len(left))
	}
	if hasButton(w, w.t("exchange.clash_keep")) {
		t.Error("the resolved clash is still shown")
	}
	if !strings.Contains(texts(w), w.t("exchange.resolved_clash", number)) {
		t.Errorf("no status after resolving:\n%s", texts(w))
	}
	numbers, _, err := mine.Register("QĐ", app.DefaultTerm.Label)
	if err != nil || len(numbers) != 1 || numbers[0].ID != own.ID || numbers[0].Subject != ownSubject {
		t.Errorf("register after resolving = %+v, %v; want only %s for %q", numbers, err, number, ownSubject)
	}
}
