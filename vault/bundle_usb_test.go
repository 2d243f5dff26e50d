package vault

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A stick pulled out between the free-space check and the creation of
// the temporary file makes os.CreateTemp fail. The export must return
// that error, leave no file and log no export.
func TestExportFileTempCreateFails(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-11", 1000)
	stick := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	defer func(orig func(string, string) (bundleFile, error)) { createBundleTemp = orig }(createBundleTemp)
	createBundleTemp = func(dir, pattern string) (bundleFile, error) {
		if err := os.Remove(dir); err != nil {
			t.Fatal(err)
		}
		return os.CreateTemp(dir, pattern)
	}
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	_, err := a.ExportBundleFile(context.Background(), req, filepath.Join(stick, "goi.sotay"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("export after the folder vanished = %v, want a not-exist error", err)
	}
	if _, err := os.Stat(stick); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder came back or a file was left: %v", err)
	}
	if n := exportLogCount(t, a); n != 0 {
		t.Errorf("%d exports logged, want 0", n)
	}
}

func exportLogCount(t *testing.T, v *Vault) int {
	t.Helper()
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM exchange_log WHERE direction = 'out'`).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
