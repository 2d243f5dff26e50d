package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sotay/vault"
)

func TestCLICheckReportsDamagedBlob(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kho")
	if _, errOut, code := runSotay(t, cliPass+"\n"+cliPass+"\n", "demo", "--vault", dir); code != 0 {
		t.Fatalf("demo: code %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runSotay(t, cliPass+"\n", "check", "--vault", dir); code != 0 {
		t.Fatalf("check of the intact demo: code %d, stderr %q", code, errOut)
	}
	var files []string
	filepath.WalkDir(filepath.Join(dir, vault.BlobDirName), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if len(files) < 2 {
		t.Fatalf("the demo vault has %d attachment files, want at least 2", len(files))
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0x01
	os.WriteFile(files[0], data, 0o600)
	os.Remove(files[1])

	_, errOut, code := runSotay(t, cliPass+"\n", "check", "--vault", dir)
	if code != 1 {
		t.Errorf("check of a damaged vault: code %d, want 1", code)
	}
	if !strings.Contains(errOut, "1 tệp nội dung tài liệu bị hỏng và 1 tệp bị thiếu") {
		t.Errorf("stderr %q does not count the damaged and the missing file", errOut)
	}
	if !strings.Contains(errOut, ".") || strings.Contains(errOut, "thuộc các tài liệu: -") {
		t.Errorf("stderr %q does not name the documents", errOut)
	}
}
