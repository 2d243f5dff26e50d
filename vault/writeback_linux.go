//go:build linux

package vault

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback starts the kernel's write of n bytes of f from off to
// the disk (sync_file_range with SYNC_FILE_RANGE_WRITE), which returns
// without waiting unless the device queue is full. So the disk writes
// while the process encrypts, and the final sync has less left to write.
// Errors are ignored because the sync that follows reports any write
// that failed.
func startWriteback(f *os.File, off, n int64) {
	unix.SyncFileRange(int(f.Fd()), off, n, unix.SYNC_FILE_RANGE_WRITE)
}
