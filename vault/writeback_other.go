//go:build !linux

package vault

import "os"

// startWriteback does nothing where the system has no sync_file_range:
// the sync at the end writes the whole file.
func startWriteback(f *os.File, off, n int64) {}

// preallocate does nothing where the system has no fallocate.
func preallocate(f *os.File, size int64) {}
