//go:build !windows

package app

import (
	"errors"
	"syscall"
)

func isDiskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }

// isReadOnly reports whether err is a write to a read-only file system,
// such as a write-protected stick.
func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }
