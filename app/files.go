package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"sotay/model"
	"sotay/vault"
)

// ImportDocument reads the file at path into the case of doc. A file over
// model.MaxDocumentSize is rejected before any byte is read. progress gets
// the share read so far, from 0 to 1.
func ImportDocument(ctx context.Context, s *Session, doc *model.Document, path string, progress func(float64)) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return fmt.Errorf("%s: %w", path, os.ErrInvalid)
	}
	if info.Size() > model.MaxDocumentSize {
		return vault.ErrTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if doc.Name == "" {
		doc.Name = filepath.Base(path)
	}
	if doc.MediaType == "" {
		doc.MediaType = vault.MediaTypeOf(doc.Name)
	}
	size := float64(max(info.Size(), 1))
	return s.AddDocument(ctx, doc, f, func(n int64) {
		if progress != nil {
			progress(float64(n) / size)
		}
	})
}

// SaveDocumentCopy writes a document out to path, through a temporary file
// in the same folder that is synced and renamed, so that a failure (a
// full disk, a pulled USB stick) leaves no partial file under path.
func SaveDocumentCopy(s *Session, docID, path string) error {
	return writeThroughTemp(path, func(w io.Writer) error {
		return s.WriteDocument(docID, w)
	})
}

// writeThroughTemp runs write on a temporary file beside path, syncs it
// and renames it over path. On failure the temporary file is removed.
func writeThroughTemp(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()

	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := vault.RenameReplace(tmpName, path); err != nil {
		return err
	}
	committed = true
	return nil
}
