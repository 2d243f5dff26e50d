package app

import (
	"io"
	"os"
	"path/filepath"

	"sotay/vault"
)

// SaveMaterialCopy writes the file of a material version out to path,
// through a temporary file in the same folder that is synced and then
// renamed. A failure (a full disk, a pulled USB stick, content that no
// longer matches its SHA-256) leaves no partial file under path.
func SaveMaterialCopy(s *Session, versionID, path string) error {
	return writeThroughTemp(path, func(w io.Writer) error {
		return s.WriteMaterialVersion(versionID, w)
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
