package vault

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
)

// ErrReadBack is returned by ExportBundleFile when the file read back
// from the disk differs from what was written; no file is left.
var ErrReadBack = errors.New("bundle read back differs from what was written")

// bundleFile is the temporary file an export writes; tests replace
// createBundleTemp to make writes fail.
type bundleFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

var createBundleTemp = func(dir, pattern string) (bundleFile, error) {
	return os.CreateTemp(dir, pattern)
}

// spaceMargin is kept free beyond the bundle's size: the age header,
// file system metadata, and room for the rest of the stick.
const spaceMargin = 1 << 20

// ExportBundleFile writes the bundle that req selects to path, typically
// on a USB stick. It checks the free space first, writes a temporary file
// in the same folder, syncs it, reads it back and compares its SHA-256
// with what was written, and only then renames it to path. After any
// failure, cancellation included, no file is left under path or under
// the temporary name. An existing file at path is replaced only on
// success.
func (v *Vault) ExportBundleFile(ctx context.Context, req ExportRequest, path string) (*Manifest, error) {
	dir := filepath.Dir(path)
	if req.FileName == "" {
		req.FileName = filepath.Base(path)
	}
	var tmp bundleFile
	var sum hash.Hash
	var buf *bufio.Writer
	open := func(p *exportPlan) (io.Writer, error) {
		if err := checkSpace(dir, p.cipherSize()+spaceMargin); err != nil {
			return nil, err
		}
		var err error
		tmp, err = createBundleTemp(dir, "."+filepath.Base(path)+".tmp-*")
		if err != nil {
			return nil, err
		}
		sum = sha256.New()
		buf = bufio.NewWriterSize(io.MultiWriter(tmp, sum), 1<<20)
		return buf, nil
	}
	finish := func() error {
		if err := buf.Flush(); err != nil {
			return err
		}
		if err := tmp.Sync(); err != nil {
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		if err := readBack(tmp.Name(), sum.Sum(nil)); err != nil {
			return err
		}
		if err := RenameReplace(tmp.Name(), path); err != nil {
			return err
		}
		tmp = nil
		syncDir(dir)
		return nil
	}
	m, err := v.export(ctx, req, open, finish)
	if tmp != nil {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return m, nil
}

func checkSpace(dir string, needed int64) error {
	free, err := freeSpace(dir)
	if err != nil {
		return err
	}
	if free < needed {
		return &SpaceError{Dir: dir, Needed: needed, Free: free}
	}
	return nil
}

// readBack compares the SHA-256 of the file at path with want.
//
// NOTE: the operating system may return the data from its cache rather
// than from the stick. So the check catches a write that the file system
// dropped or cut short, not a stick that corrupts data later.
func readBack(path string, want []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if !bytes.Equal(h.Sum(nil), want) {
		return ErrReadBack
	}
	return nil
}
