//go:build !windows

package app

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"sotay/vault"
)

// Each file system failure of an export maps to its own message: a
// write-protected stick is not reported as pulled out, and a full disk
// keeps the disk-full message.
func TestClassifyWriteError(t *testing.T) {
	pathErr := func(errno syscall.Errno) error {
		return fmt.Errorf("write /media/usb/goi.sotay: %w",
			&fs.PathError{Op: "open", Path: "/media/usb/.goi.sotay.tmp-1", Err: errno})
	}
	tests := []struct {
		name    string
		err     error
		want    error
		wantKey string
	}{
		{"read-only file system", pathErr(syscall.EROFS), ErrBundleReadOnly, "err.bundle.read_only"},
		{"permission denied", pathErr(syscall.EACCES), ErrBundleReadOnly, "err.bundle.read_only"},
		{"input/output error", pathErr(syscall.EIO), ErrBundleWriteFailed, "err.bundle.write_failed"},
		{"folder gone", pathErr(syscall.ENOENT), ErrBundleWriteFailed, "err.bundle.write_failed"},
		{"disk full", pathErr(syscall.ENOSPC), syscall.ENOSPC, "err.disk_full"},
		{"not a path error", vault.ErrNothingToExport, vault.ErrNothingToExport, "err.bundle.nothing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := classifyWriteError(tc.err)
			if !errors.Is(got, tc.want) {
				t.Errorf("classifyWriteError = %v, want it to wrap %v", got, tc.want)
			}
			if key := Explain(got).Key; key != tc.wantKey {
				t.Errorf("message key = %s, want %s", key, tc.wantKey)
			}
		})
	}
}
