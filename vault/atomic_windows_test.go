//go:build windows

package vault

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The tests in this file run only on Windows, where a rename over a file
// that another handle keeps open without FILE_SHARE_DELETE fails. Go's
// os.Open opens files that way, as do many Windows programs. Their
// names start with TestWindows so that the Wine smoke test can select
// them.

// windowsTempDir returns a new folder that the test removes file by file:
// os.RemoveAll, which t.TempDir uses, fails under Wine 8.0 with Go 1.26.
func windowsTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sotay-windows-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		entries, _ := os.ReadDir(dir)
		for _, entry := range entries {
			os.Remove(filepath.Join(dir, entry.Name()))
		}
		os.Remove(dir)
	})
	return dir
}

func TestWindowsRenameOverOpenTargetFails(t *testing.T) {
	dir := windowsTempDir(t)
	target := filepath.Join(dir, KeyFileName)
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	start := time.Now()
	err = WriteFileAtomic(target, []byte("new"), 0o600)
	if !errors.Is(err, ErrTargetBusy) {
		t.Fatalf("err = %v, want ErrTargetBusy", err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("gave up after %v, want about 2 s of retries", waited)
	}
	held.Close()

	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "old" {
		t.Errorf("target = %q, want the old content", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder has %d entries, want only the target: the temporary file was left", len(entries))
	}
}

func TestWindowsRenameAfterTargetCloses(t *testing.T) {
	dir := windowsTempDir(t)
	target := filepath.Join(dir, KeyFileName)
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		held.Close()
	}()

	if err := WriteFileAtomic(target, []byte("new"), 0o600); err != nil {
		t.Fatalf("rename after the target closed: %v", err)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "new" {
		t.Errorf("target = %q, want the new content", data)
	}
}

func TestWindowsLockFileHeldPerHandle(t *testing.T) {
	dir := windowsTempDir(t)
	first, err := acquireLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acquireLock(dir); !errors.Is(err, ErrVaultInUse) {
		t.Fatalf("second lock: err = %v, want ErrVaultInUse", err)
	}
	first.Close()

	again, err := acquireLock(dir)
	if err != nil {
		t.Fatalf("lock after the first handle closed: %v", err)
	}
	again.Close()
}
