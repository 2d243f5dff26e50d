package app

import "io"

// SaveMaterialCopy writes the file of a material version out to path,
// through a temporary file in the same folder that is synced and then
// renamed. A failure (a full disk, a pulled USB stick, content that no
// longer matches its SHA-256) leaves no partial file under path.
func SaveMaterialCopy(s *Session, versionID, path string) error {
	return writeThroughTemp(path, func(w io.Writer) error {
		return s.WriteMaterialVersion(versionID, w)
	})
}
