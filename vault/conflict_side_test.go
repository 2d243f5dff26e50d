package vault_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

var sidePassphrase = []byte("mật khẩu kho thử phía xung đột")

// newOfficerSession returns an unlocked vault in its own folder, with
// its officer key made, and the folder.
func newOfficerSession(t *testing.T, name string) (*app.Session, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, err := vault.Create(dir, sidePassphrase, vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	s := app.NewSession(v)
	t.Cleanup(s.Lock)
	if _, err := s.EnsureOfficer(name, "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// introduce adds the key card of every session to every other one.
func introduce(t *testing.T, sessions ...*app.Session) {
	t.Helper()
	for _, s := range sessions {
		o, err := s.Officer()
		if err != nil {
			t.Fatal(err)
		}
		for _, other := range sessions {
			if other == s {
				continue
			}
			if err := other.AddKeyCard(o.Card()); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// sendCase exports case id from one vault and imports it into another.
func sendCase(t *testing.T, from, to *app.Session, id string) *vault.ImportPreview {
	t.Helper()
	o, err := to.Officer()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	req := vault.ExportRequest{Kind: vault.KindCases, CaseIDs: []string{id}, Recipients: []vault.KeyCard{o.Card()}}
	if _, err := from.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	p, err := to.ImportBundle(context.Background(), bytes.NewReader(buf.Bytes()), int64(buf.Len()),
		vault.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func retitle(t *testing.T, s *app.Session, id, title string) {
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

func newSideCase(t *testing.T, s *app.Session) model.Case {
	t.Helper()
	c := model.Case{Code: "KT-07/2026", Title: "Kiểm tra Chi bộ Thôn 3", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := s.CreateCase(&c, false); err != nil {
		t.Fatal(err)
	}
	return c
}

// caseConflictView returns the one unresolved conflict of s on the
// cases table, as the conflict screen loads it.
func caseConflictView(t *testing.T, s *app.Session) app.ConflictView {
	t.Helper()
	views, err := app.LoadConflicts(s)
	if err != nil {
		t.Fatal(err)
	}
	var found []app.ConflictView
	for _, v := range views {
		if v.Table == "cases" {
			found = append(found, v)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d conflicts on cases, want 1", len(found))
	}
	return found[0]
}

// B's version of a case was last changed on A, and C's version conflicts
// with it. Neither version carries B's workstation, so the workstation
// columns cannot tell which one is B's. The origin stored by the import
// can, whichever version is newer.
func TestConflictSideFromThirdWorkstation(t *testing.T) {
	const (
		titleB = "Kiểm tra Chi bộ Thôn 3 (máy B sửa)"
		titleA = "Kiểm tra Chi bộ Thôn 3 (máy A sửa tiếp)"
		titleC = "Kiểm tra Chi bộ Thôn 3 (máy C sửa)"
	)
	tests := []struct {
		name       string
		localWins  bool // A's edit, which B holds, is newer than C's
		keepMine   bool
		wantSide   app.ConflictSide
		wantResult string
	}{
		{"local wins, keep mine", true, true, app.SideCurrentMine, titleA},
		{"local wins, take received", true, false, app.SideCurrentMine, titleC},
		{"received wins, keep mine", false, true, app.SideOtherMine, titleA},
		{"received wins, take received", false, false, app.SideOtherMine, titleC},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := newOfficerSession(t, "Trần Thị Bình")
			b, _ := newOfficerSession(t, "Lê Văn Cường")
			c, _ := newOfficerSession(t, "Phạm Thu Hà")
			introduce(t, a, b, c)
			vault.ShareTestClock(a.Vault, b.Vault, c.Vault)

			cs := newSideCase(t, a)
			sendCase(t, a, b, cs.ID)
			sendCase(t, a, c, cs.ID)
			if tc.localWins {
				retitle(t, c, cs.ID, titleC)
			}
			retitle(t, b, cs.ID, titleB)
			sendCase(t, b, a, cs.ID)
			retitle(t, a, cs.ID, titleA)
			if p := sendCase(t, a, b, cs.ID); p.Tables["cases"].Updated != 1 {
				t.Fatalf("A's edit on top of B's: case changes %+v, want 1 update", p.Tables["cases"])
			}
			if !tc.localWins {
				retitle(t, c, cs.ID, titleC)
			}

			if p := sendCase(t, c, b, cs.ID); p.Tables["cases"].Conflicts != 1 {
				t.Fatalf("C's edit: case changes %+v, want 1 conflict", p.Tables["cases"])
			}
			view := caseConflictView(t, b)
			own := b.Workstation()
			if view.Current["workstation"] == own || view.Other["workstation"] == own {
				t.Fatalf("a version carries B's workstation %s: the scenario needs neither to", own)
			}
			if view.Side != tc.wantSide {
				t.Errorf("side = %d, want %d", view.Side, tc.wantSide)
			}
			mine, received := view.Mine()
			if mine["title"] != titleA {
				t.Errorf("my version's title = %v, want %q", mine["title"], titleA)
			}
			if received["title"] != titleC {
				t.Errorf("received version's title = %v, want %q", received["title"], titleC)
			}

			if err := app.ResolveConflictKeepMine(b, view, tc.keepMine); err != nil {
				t.Fatal(err)
			}
			got, err := b.Case(cs.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tc.wantResult {
				t.Errorf("title after resolving = %q, want %q", got.Title, tc.wantResult)
			}
		})
	}
}

// A conflict found before migration 007 has no stored origin. After the
// upgrade it loads with the side inferred from the workstation columns.
func TestConflictFromSchema6InfersSide(t *testing.T) {
	const (
		titleA = "Kiểm tra Chi bộ Thôn 3 (máy A sửa)"
		titleB = "Kiểm tra Chi bộ Thôn 3 (máy B sửa)"
	)
	a, _ := newOfficerSession(t, "Trần Thị Bình")
	b, dir := newOfficerSession(t, "Lê Văn Cường")
	introduce(t, a, b)
	vault.ShareTestClock(a.Vault, b.Vault)
	cs := newSideCase(t, a)
	sendCase(t, a, b, cs.ID)
	retitle(t, a, cs.ID, titleA)
	retitle(t, b, cs.ID, titleB)
	sendCase(t, a, b, cs.ID)
	if got := caseConflictView(t, b).OtherOrigin; got != vault.OriginReceived {
		t.Fatalf("origin before the rewind = %q, want %q", got, vault.OriginReceived)
	}

	vault.RewindConflictsToSchema6(t, b.Vault)
	b.Lock()
	v, err := vault.Open(dir, sidePassphrase)
	if err != nil {
		t.Fatalf("open after the rewind: %v", err)
	}
	upgraded := app.NewSession(v)
	t.Cleanup(upgraded.Lock)
	stats, err := upgraded.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if stats.SchemaVersion != vault.SchemaVersion() {
		t.Errorf("schema version after opening = %d, want %d", stats.SchemaVersion, vault.SchemaVersion())
	}

	view := caseConflictView(t, upgraded)
	if view.OtherOrigin != vault.OriginUnknown {
		t.Errorf("origin of the old row = %q, want unknown", view.OtherOrigin)
	}
	if view.Side != app.SideCurrentMine {
		t.Errorf("side = %d, want %d inferred from B's workstation on the current version",
			view.Side, app.SideCurrentMine)
	}
	if err := app.ResolveConflictKeepMine(upgraded, view, false); err != nil {
		t.Fatal(err)
	}
	got, err := upgraded.Case(cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != titleA {
		t.Errorf("title after taking the received version = %q, want %q", got.Title, titleA)
	}
}
