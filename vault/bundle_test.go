package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sotay/model"
)

// officerPair returns two vaults whose key directories contain each
// other's officer card.
func officerPair(t *testing.T) (*Vault, *Vault) {
	t.Helper()
	a, _ := newTestVault(t)
	b, _ := newTestVault(t)
	introduce(t, a, Officer{Name: "Trần Thị Bình", Title: "Kiểm tra viên"},
		b, Officer{Name: "Lê Văn Cường", Title: "Chuyên viên"})
	return a, b
}

// introduce gives vaults a and b officers named as in oa and ob, and
// adds each officer's card to the other vault's key directory.
func introduce(t *testing.T, a *Vault, oa Officer, b *Vault, ob Officer) {
	t.Helper()
	officerA, err := a.EnsureOfficer(oa.Name, oa.Title)
	if err != nil {
		t.Fatal(err)
	}
	officerB, err := b.EnsureOfficer(ob.Name, ob.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.AddKeyCard(officerB.Card()); err != nil {
		t.Fatal(err)
	}
	if err := b.AddKeyCard(officerA.Card()); err != nil {
		t.Fatal(err)
	}
}

func cardOf(t *testing.T, v *Vault) KeyCard {
	t.Helper()
	o, err := v.Officer()
	if err != nil {
		t.Fatal(err)
	}
	return o.Card()
}

// addCaseWithDocument stores a case with one document of size bytes.
func addCaseWithDocument(t *testing.T, v *Vault, code string, size int) *model.Case {
	t.Helper()
	c := sampleCase()
	c.Code = code
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{CaseID: c.ID, Name: code + ".pdf", Classification: model.Confidential}
	content := bytes.Repeat([]byte(code+" nội dung "), size/len(code+" nội dung ")+1)[:size]
	if err := v.AddDocument(context.Background(), doc, bytes.NewReader(content), nil); err != nil {
		t.Fatal(err)
	}
	return c
}

func exportTo(t *testing.T, from *Vault, to KeyCard, ids ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	req := ExportRequest{Kind: KindCases, CaseIDs: ids, Recipients: []KeyCard{to}}
	if _, err := from.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatalf("ExportBundle: %v", err)
	}
	return buf.Bytes()
}

func importBytes(v *Vault, b []byte, opts ImportOptions) (*ImportPreview, error) {
	return v.ImportBundle(context.Background(), bytes.NewReader(b), int64(len(b)), opts)
}

// recordDump returns every row of every record table and the blobs, as
// text, to compare the logical content of a vault.
func recordDump(t *testing.T, v *Vault) string {
	t.Helper()
	var out strings.Builder
	err := v.read(func(db *sql.DB) error {
		for _, table := range append(tableNames(), "blobs", "exchange_conflicts", "exchange_seen") {
			rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY 1`)
			if err != nil {
				continue
			}
			cols, _ := rows.Columns()
			values := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range values {
				ptrs[i] = &values[i]
			}
			for rows.Next() {
				rows.Scan(ptrs...)
				fmt.Fprintf(&out, "%s %v\n", table, values)
			}
			rows.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func tableNames() []string {
	var names []string
	for _, t := range recordTables {
		names = append(names, t.name)
	}
	return names
}

func TestBundleRoundTrip(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-01", 200_000)
	bundle := exportTo(t, a, cardOf(t, b), c.ID)

	p, err := importBytes(b, bundle, ImportOptions{})
	if err != nil {
		t.Fatalf("ImportBundle: %v", err)
	}
	if !p.Applied || p.Total.Added == 0 || p.Total.Conflicts != 0 {
		t.Fatalf("preview = %+v", p.Total)
	}
	got, err := b.Case(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != c.Title || len(got.Team) != 2 {
		t.Errorf("imported case = %q with %d team members", got.Title, len(got.Team))
	}
	docs, err := b.Documents(c.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("documents = %v, %v", docs, err)
	}
	var want, have bytes.Buffer
	a.WriteDocument(docs[0].ID, &want)
	if err := b.WriteDocument(docs[0].ID, &have); err != nil || !bytes.Equal(want.Bytes(), have.Bytes()) {
		t.Errorf("document content differs: %v", err)
	}
	hits, err := b.SearchCases("nguyen van an", model.NewDate(2026, 12, 1), 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("search after import = %d hits, %v", len(hits), err)
	}
}

func TestBundleConflictKeepsBoth(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-02", 1000)
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	editTitle(t, a, c.ID, "Tiêu đề sửa ở máy A")
	editTitle(t, b, c.ID, "Tiêu đề sửa ở máy B")

	p, err := importBytes(a, exportTo(t, b, cardOf(t, a), c.ID), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Tables["cases"].Conflicts != 1 {
		t.Fatalf("case changes = %+v, want one conflict", p.Tables["cases"])
	}
	all, err := a.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var conflicts []Conflict
	for _, c := range all {
		if c.Table == "cases" {
			conflicts = append(conflicts, c)
		}
	}
	if len(conflicts) != 1 {
		t.Fatalf("case conflicts = %d, want 1", len(conflicts))
	}
	got, _ := a.Case(c.ID)
	titles := []string{got.Title, conflicts[0].Other["title"].(string)}
	if !(titles[0] == "Tiêu đề sửa ở máy B" && titles[1] == "Tiêu đề sửa ở máy A") {
		t.Errorf("current and kept titles = %q, want B's edit (newer) current and A's kept", titles)
	}
	if err := a.ResolveConflict(conflicts[0].ID, true); err != nil {
		t.Fatal(err)
	}
	got, _ = a.Case(c.ID)
	if got.Title != "Tiêu đề sửa ở máy A" {
		t.Errorf("after taking the other version, title = %q", got.Title)
	}
}

func editTitle(t *testing.T, v *Vault, id, title string) {
	t.Helper()
	c, err := v.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = title
	if err := v.UpdateCase(c); err != nil {
		t.Fatal(err)
	}
}

func TestBundleEditTravelsBack(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-03", 1000)
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	editTitle(t, b, c.ID, "Sửa ở máy B")
	p, err := importBytes(a, exportTo(t, b, cardOf(t, a), c.ID), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ch := p.Tables["cases"]; ch.Updated != 1 || ch.Conflicts != 0 {
		t.Errorf("case changes = %+v, want one update and no conflict", ch)
	}
	if got, _ := a.Case(c.ID); got.Title != "Sửa ở máy B" {
		t.Errorf("title = %q", got.Title)
	}
}

func TestBundleDeletionTravels(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-04", 1000)
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	if err := a.DeleteCase(c.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, err := a.ExportBundle(context.Background(), ExportRequest{Kind: KindBackup, Recipients: []KeyCard{cardOf(t, b)}}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	_ = bundle
	if _, err := importBytes(b, buf.Bytes(), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Case(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case after deletion mark = %v, want ErrNotFound", err)
	}
	hits, _ := b.SearchCases("nguyen van an", model.NewDate(2026, 12, 1), 10)
	if len(hits) != 0 {
		t.Errorf("search finds the deleted case")
	}
}

func TestBundleReplay(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-05", 1000)
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	if _, err := importBytes(b, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before := recordDump(t, b)
	p, err := importBytes(b, bundle, ImportOptions{})
	if !errors.Is(err, ErrBundleReplay) || p == nil || !p.Replay {
		t.Fatalf("second import = %v, want ErrBundleReplay with a preview", err)
	}
	p, err = importBytes(b, bundle, ImportOptions{AllowReplay: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total.Added+p.Total.Updated+p.Total.Conflicts != 0 {
		t.Errorf("forced replay changes = %+v, want none", p.Total)
	}
	if after := recordDump(t, b); after != before {
		t.Errorf("importing the same bundle twice changed the vault")
	}
}

func TestBundleUntrustedSender(t *testing.T) {
	a, _ := newTestVault(t)
	b, _ := newTestVault(t)
	ob, _ := b.EnsureOfficer("Lê Văn Cường", "")
	c := addCaseWithDocument(t, a, "KT-06", 1000)
	bundle := exportTo(t, a, ob.Card(), c.ID)
	before := recordDump(t, b)
	p, err := importBytes(b, bundle, ImportOptions{})
	if !errors.Is(err, ErrUntrustedSender) || p == nil || p.SenderKnown {
		t.Fatalf("import from unknown sender = %v", err)
	}
	if recordDump(t, b) != before {
		t.Errorf("a refused import changed the vault")
	}
	if _, err := importBytes(b, bundle, ImportOptions{TrustSender: true}); err != nil {
		t.Fatal(err)
	}
	if dir, _ := b.KeyDirectory(); len(dir) != 1 {
		t.Errorf("key directory has %d entries after trusting the sender", len(dir))
	}
}

func TestBundleRestoreIntoEmptyVault(t *testing.T) {
	a, _ := newTestVault(t)
	addCaseWithDocument(t, a, "KT-07", 300_000)
	addCaseWithDocument(t, a, "KT-08", 10)
	own, _ := a.EnsureOfficer("Trần Thị Bình", "")
	pass := []byte("mật khẩu gói sao lưu")
	var buf bytes.Buffer
	if _, err := a.ExportBundle(context.Background(), ExportRequest{Kind: KindBackup, Passphrase: pass}, &buf); err != nil {
		t.Fatal(err)
	}
	fresh, _ := newTestVault(t)
	p, err := importBytes(fresh, buf.Bytes(), ImportOptions{Key: PassphraseKey(pass), TrustSender: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total.Added != p.Manifest.Records {
		t.Errorf("restore added %d of %d records", p.Total.Added, p.Manifest.Records)
	}
	sa, _ := a.Stats()
	sb, _ := fresh.Stats()
	if sa != sb {
		t.Errorf("stats after restore = %+v, want %+v", sb, sa)
	}
	restored, err := fresh.Officer()
	if err != nil || restored.Card().Fingerprint() != own.Card().Fingerprint() {
		t.Errorf("restored officer key differs: %v", err)
	}
}

func TestBundleWrongKeyAndPassphrase(t *testing.T) {
	a, b := officerPair(t)
	other, _ := newTestVault(t)
	other.EnsureOfficer("Người khác", "")
	c := addCaseWithDocument(t, a, "KT-09", 10)
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	if _, err := importBytes(other, bundle, ImportOptions{}); !errors.Is(err, ErrBundleNotForThisKey) {
		t.Errorf("import by another key = %v, want ErrBundleNotForThisKey", err)
	}
	if _, err := importBytes(b, bundle, ImportOptions{Key: PassphraseKey([]byte("x"))}); !errors.Is(err, ErrBundleNeedsKey) {
		t.Errorf("passphrase on a key bundle = %v, want ErrBundleNeedsKey", err)
	}

	var buf bytes.Buffer
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Passphrase: []byte("đúng mật khẩu")}
	if _, err := a.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	_, err := importBytes(b, buf.Bytes(), ImportOptions{Key: PassphraseKey([]byte("sai mật khẩu"))})
	if !errors.Is(err, ErrBundleWrongPassphrase) {
		t.Errorf("wrong passphrase = %v, want ErrBundleWrongPassphrase", err)
	}
	if _, err := importBytes(b, buf.Bytes(), ImportOptions{}); !errors.Is(err, ErrBundleNeedsPassphrase) {
		t.Errorf("no passphrase = %v, want ErrBundleNeedsPassphrase", err)
	}
	heavy := bytes.Replace(buf.Bytes(), []byte(" 18\n"), []byte(" 28\n"), 1)
	if _, err := importBytes(b, heavy, ImportOptions{Key: PassphraseKey([]byte("đúng mật khẩu"))}); !errors.Is(err, ErrBundleKDFLimit) {
		t.Errorf("work factor 28 = %v, want ErrBundleKDFLimit", err)
	}
	req.Recipients = []KeyCard{cardOf(t, b)}
	if _, err := a.ExportBundle(context.Background(), req, io.Discard); !errors.Is(err, ErrPassphraseWithKeys) {
		t.Errorf("passphrase and keys = %v, want ErrPassphraseWithKeys", err)
	}
}

func TestBundleClassificationLimit(t *testing.T) {
	a, b := officerPair(t)
	c := sampleCase()
	c.Classification = model.TopSecret
	if err := a.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	var ce *ClassificationError
	if _, err := a.ExportBundle(context.Background(), req, io.Discard); !errors.As(err, &ce) || ce.Highest != model.TopSecret {
		t.Fatalf("export of a top-secret case = %v, want ClassificationError", err)
	}
	req.ConfirmOverLimit = true
	if _, err := a.ExportBundle(context.Background(), req, io.Discard); err != nil {
		t.Fatal(err)
	}
	var confirmed int
	a.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM exchange_log WHERE over_limit_confirmed = 1`).Scan(&confirmed)
	})
	if confirmed != 1 {
		t.Errorf("confirmed exports logged = %d, want 1", confirmed)
	}
}

// failingFile fails every write after limit bytes, like a stick that is
// pulled out or full.
type failingFile struct {
	*os.File
	limit int
}

func (f *failingFile) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		f.limit = 0
		return n, errors.New("input/output error")
	}
	f.limit -= len(p)
	return f.File.Write(p)
}

func TestExportFileFailureLeavesNoFile(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-10", 3<<20)
	dir := t.TempDir()
	path := filepath.Join(dir, "goi.sotay")
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	defer func(orig func(string, string) (bundleFile, error)) { createBundleTemp = orig }(createBundleTemp)
	for _, limit := range []int{0, 1, 100, 1 << 16, 1<<20 + 7, 3 << 20} {
		createBundleTemp = func(dir, pattern string) (bundleFile, error) {
			f, err := os.CreateTemp(dir, pattern)
			return &failingFile{File: f, limit: limit}, err
		}
		if _, err := a.ExportBundleFile(context.Background(), req, path); err == nil {
			t.Errorf("limit %d: export succeeded", limit)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("limit %d: left %d files in the folder", limit, len(entries))
		}
	}
	createBundleTemp = func(dir, pattern string) (bundleFile, error) { return os.CreateTemp(dir, pattern) }
	ctx, cancel := context.WithCancel(context.Background())
	req.Progress = func(done, total int64) {
		if done > 1<<20 {
			cancel()
		}
	}
	if _, err := a.ExportBundleFile(ctx, req, path); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelled export left %d files", len(entries))
	}
	req.Progress = nil
	if _, err := a.ExportBundleFile(context.Background(), req, path); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	info, _ := f.Stat()
	if _, err := b.ImportBundle(context.Background(), f, info.Size(), ImportOptions{}); err != nil {
		t.Errorf("import of the written file: %v", err)
	}
}

// A selection names the first unknown or deleted id in the request's
// order, repeats are harmless, and one export's selection does not leak
// into the next on the same connection.
func TestBundleSelectionChecksIDs(t *testing.T) {
	a, b := officerPair(t)
	live := addCaseWithDocument(t, a, "KT-01", 100)
	deleted := addCaseWithDocument(t, a, "KT-02", 100)
	if err := a.DeleteCase(deleted.ID); err != nil {
		t.Fatal(err)
	}

	req := ExportRequest{Kind: KindCases, Recipients: []KeyCard{cardOf(t, b)},
		CaseIDs: []string{live.ID, live.ID, "khong-co", deleted.ID}}
	_, err := a.ExportBundle(context.Background(), req, io.Discard)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("export with an unknown id = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), "khong-co") {
		t.Errorf("export with an unknown id = %v, want it to name khong-co", err)
	}

	req.CaseIDs = []string{live.ID, deleted.ID}
	_, err = a.ExportBundle(context.Background(), req, io.Discard)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("export with a deleted case = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), deleted.ID) {
		t.Errorf("export with a deleted case = %v, want it to name the case", err)
	}

	req.CaseIDs = []string{live.ID, live.ID}
	m, err := a.ExportBundle(context.Background(), req, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tables["cases"] != 1 {
		t.Errorf("export of one case named twice carries %d cases, want 1", m.Tables["cases"])
	}
	if len(m.Attachments) != 1 {
		t.Errorf("export of one case named twice carries %d attachments, want 1", len(m.Attachments))
	}
}

// A colleague's backup contains the colleague's key directory, with this
// vault's own card in it. The directory must not list that card.
func TestOwnCardFromBackupNotListed(t *testing.T) {
	a, b := officerPair(t)
	own := cardOf(t, a).Fingerprint()

	var buf bytes.Buffer
	req := ExportRequest{Kind: KindBackup, Recipients: []KeyCard{cardOf(t, a)}}
	if _, err := b.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(a, buf.Bytes(), ImportOptions{TrustSender: true}); err != nil {
		t.Fatal(err)
	}

	var stored int
	err := a.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM key_directory WHERE id = ? AND deleted = 0`, own).Scan(&stored)
	})
	if err != nil || stored != 1 {
		t.Fatalf("own card rows after the import = %d, %v; the test needs the backup to bring it", stored, err)
	}

	list, err := a.KeyDirectory()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Fingerprint() == own {
			t.Errorf("the key directory lists the vault's own card %q", e.Name)
		}
	}
	if len(list) != 1 {
		t.Errorf("key directory has %d entries, want 1 (the colleague)", len(list))
	}
}
