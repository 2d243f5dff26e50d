package vault

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"sotay/model"
)

// The marker must never appear in a file outside the encrypted database,
// in UTF-8 as typed or decomposed.
const leakMarker = "BÍ-MẬT-Đặc-Biệt-7Q3Z"

func markerForms() [][]byte {
	return [][]byte{
		[]byte(leakMarker),
		[]byte(norm.NFD.String(leakMarker)),
		[]byte(model.Fold(leakMarker)),
	}
}

// assertNoMarker fails when any file under dir contains a marker form.
func assertNoMarker(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, m := range markerForms() {
			if bytes.Contains(b, m) {
				t.Errorf("%s contains the marker %q", path, m)
			}
		}
		return nil
	})
}

func TestNoPlaintextOnDisk(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("SQLITE_TMPDIR", tmp)
	v, dir := newTestVault(t)

	c := sampleCase()
	c.Title = "Vụ việc " + leakMarker
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	e := model.JournalEntry{CaseID: c.ID, Date: c.Start, Text: "Ghi chú " + norm.NFD.String(leakMarker)}
	if err := v.AddJournalEntry(&e); err != nil {
		t.Fatal(err)
	}
	attachment := bytes.Repeat([]byte("nội dung "+leakMarker+"\n"), 5000)
	doc := model.Document{CaseID: c.ID, Name: leakMarker + ".txt"}
	if err := v.AddDocument(context.Background(), &doc, bytes.NewReader(attachment), nil); err != nil {
		t.Fatal(err)
	}
	spillWork(t, v)

	// Checkpoint state matters: look at the WAL while open, then at
	// everything after lock.
	assertNoMarker(t, dir)
	assertNoMarker(t, tmp)
	v.Close()
	assertNoMarker(t, dir)
	assertNoMarker(t, tmp)
}

// spillWork runs the statements that would write temporary files if
// temporary storage were on disk: a large sort, an index build and a
// VACUUM.
func spillWork(t *testing.T, v *Vault) {
	t.Helper()
	db, release, err := v.conn()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	steps := []string{
		`CREATE TABLE spill (k TEXT, pad TEXT)`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
		 INSERT INTO spill SELECT '` + leakMarker + `' || (i * 7919 % 40000), hex(randomblob(64)) FROM n`,
		`CREATE INDEX spill_k ON spill (k)`,
		`DROP TABLE spill`,
		`VACUUM`,
	}
	for _, s := range steps {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%.40s: %v", s, err)
		}
	}
	var n int
	err = db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM (SELECT title || hex(randomblob(200)) AS x
		FROM cases, (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000) SELECT i FROM n)
		ORDER BY x DESC) WHERE x LIKE '%%%s%%'`, leakMarker[:4])).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
}
