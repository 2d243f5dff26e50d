package vault

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"sotay/model"
)

// importFile imports the bundle file at path into v, as the app does.
func importFile(t *testing.T, v *Vault, path string, opts ImportOptions) *ImportPreview {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.ImportBundle(context.Background(), f, info.Size(), opts)
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return p
}

// addMarkedCase stores a case whose title, journal note and document
// contain the marker, as typed, decomposed (NFD) and folded.
func addMarkedCase(t *testing.T, v *Vault) *model.Case {
	t.Helper()
	c := sampleCase()
	c.Title = "Vụ việc " + leakMarker
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	e := model.JournalEntry{CaseID: c.ID, Date: c.Start,
		Text: "Ghi chú " + norm.NFD.String(leakMarker) + " " + model.Fold(leakMarker)}
	if err := v.AddJournalEntry(&e); err != nil {
		t.Fatal(err)
	}
	doc := model.Document{CaseID: c.ID, Name: leakMarker + ".txt"}
	if err := v.AddDocument(context.Background(), &doc, bytes.NewReader(secretContent()), nil); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBundleExchangeLeavesNoPlaintext(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("SQLITE_TMPDIR", tmp)
	usb := t.TempDir()
	a, dirA := newTestVault(t)
	b, dirB := newTestVault(t)
	restored, dirRestored := newTestVault(t)
	oa, _ := a.EnsureOfficer("Trần Thị Bình", "")
	ob, _ := b.EnsureOfficer("Lê Văn Cường", "")
	a.AddKeyCard(ob.Card())
	b.AddKeyCard(oa.Card())
	c := addMarkedCase(t, a)
	ctx := context.Background()

	casePath := filepath.Join(usb, "ho-so.sotay")
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{ob.Card()}}
	if _, err := a.ExportBundleFile(ctx, req, casePath); err != nil {
		t.Fatal(err)
	}
	importFile(t, b, casePath, ImportOptions{})
	if got, err := b.Case(c.ID); err != nil || got.Title != c.Title {
		t.Fatalf("case after import: %v", err)
	}

	backupPath := filepath.Join(usb, "sao-luu.sotay")
	pass := []byte("mật khẩu gói sao lưu")
	backup := ExportRequest{Kind: KindBackup, Passphrase: pass}
	if _, err := a.ExportBundleFile(ctx, backup, backupPath); err != nil {
		t.Fatal(err)
	}
	importFile(t, restored, backupPath, ImportOptions{Key: PassphraseKey(pass), TrustSender: true})
	if hits, err := restored.SearchCases(model.Fold(leakMarker), c.Start, 10); err != nil || len(hits) != 1 {
		t.Fatalf("search of the restored vault: %d hits, %v", len(hits), err)
	}

	if entries, _ := os.ReadDir(usb); len(entries) != 2 {
		t.Errorf("the USB folder has %d files, want the 2 bundles", len(entries))
	}
	folders := []string{dirA, dirB, dirRestored, tmp, usb}
	for _, dir := range folders {
		assertNoMarker(t, dir)
	}
	for _, v := range []*Vault{a, b, restored} {
		v.Close()
	}
	for _, dir := range folders {
		assertNoMarker(t, dir)
	}
}
