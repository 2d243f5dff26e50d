package vault

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// ErrTargetBusy is returned by WriteFileAtomic when another program keeps
// the target open and the rename over it kept failing.
var ErrTargetBusy = errors.New("the file is in use by another program")

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced and then renamed over path, so that path holds either its
// old content or all of data, never part of it. On failure no file is
// left under the temporary name.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	keep := false
	defer func() {
		if !keep {
			os.Remove(tmpName)
		}
	}()

	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmpName, perm); err != nil {
		return err
	}
	if err := RenameReplace(tmpName, path); err != nil {
		return err
	}
	keep = true
	syncDir(filepath.Dir(path))
	return nil
}

// RenameReplace renames from over to. On Windows a rename over a file that
// another program holds open fails for as long as it stays open, so the
// rename is retried for about two seconds before ErrTargetBusy.
func RenameReplace(from, to string) error {
	err := os.Rename(from, to)
	if err == nil || runtime.GOOS != "windows" {
		return err
	}
	for i := 0; i < 20 && err != nil && !errors.Is(err, os.ErrNotExist); i++ {
		time.Sleep(100 * time.Millisecond)
		err = os.Rename(from, to)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrTargetBusy, to)
	}
	return err
}

// syncDir flushes a folder's entry list so that a rename survives a power
// cut. Windows cannot open folders for syncing and needs no such step.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
