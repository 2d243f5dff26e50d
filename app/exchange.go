package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"sotay/model"
	"sotay/vault"
)

// ExportBundle writes the bundle that req selects to path through
// vault.ExportBundleFile: free-space check, temporary file, read-back,
// rename. Call it off the UI goroutine; ctx cancels it.
func ExportBundle(ctx context.Context, s *Session, req vault.ExportRequest, path string) (*vault.Manifest, error) {
	m, err := s.ExportBundleFile(ctx, req, path)
	if err != nil {
		return nil, classifyWriteError(err)
	}
	return m, nil
}

// ErrBundleWriteFailed is returned by ExportBundle when the file system
// failed a write, a sync or a rename, as when a USB stick is pulled out.
var ErrBundleWriteFailed = errors.New("writing the bundle failed")

// ErrBundleReadOnly is returned by ExportBundle when the folder of the
// bundle cannot be written to: the stick is write-protected, or the user
// has no permission there. Plugging the stick in again does not help.
var ErrBundleReadOnly = errors.New("the bundle's folder is read-only")

// classifyWriteError wraps a file system error of an export in
// ErrBundleReadOnly or ErrBundleWriteFailed. A full disk and the vault's
// own errors pass through unchanged.
func classifyWriteError(err error) error {
	var pe *fs.PathError
	switch {
	case !errors.As(err, &pe) || isDiskFull(err):
		return err
	case isReadOnly(err) || errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: %w", ErrBundleReadOnly, err)
	}
	return fmt.Errorf("%w: %w", ErrBundleWriteFailed, err)
}

// explainBundle returns the messages of bundle errors that carry values.
func explainBundle(err error) (Message, bool) {
	var se *vault.SpaceError
	if errors.As(err, &se) {
		return Message{Key: "err.bundle.no_space", Args: []any{mib(se.Needed), mib(se.Free)}}, true
	}
	var ce *vault.ClassificationError
	if errors.As(err, &ce) {
		return Message{Key: "err.bundle.over_limit", Args: []any{ce.Highest.Mark(), markOrNone(ce.Allowed)}}, true
	}
	return Message{}, false
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func markOrNone(c model.Classification) string {
	if c == model.Unclassified {
		return "-"
	}
	return c.Mark()
}

// CaseChangeKey returns the translation key of the action that an import
// preview shows for a case. A case that arrives with its deletion mark
// and replaces or adds the local row shows as deleted, not as updated or
// added, because the receiver's case list loses it.
func CaseChangeKey(c vault.CaseChange) string {
	if c.Deleted && (c.Action == vault.ActionAdd || c.Action == vault.ActionUpdate) {
		return "exchange.action.delete"
	}
	return "exchange.action." + string(c.Action)
}

// ImportBundle imports the bundle file at path into the session's vault,
// or with opts.DryRun only checks it and returns the preview.
func ImportBundle(ctx context.Context, s *Session, path string, opts vault.ImportOptions) (*vault.ImportPreview, error) {
	f, size, err := openBundleFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return s.ImportBundle(ctx, f, size, opts)
}

// VerifyBundle reads the whole bundle file at path with key and returns
// its manifest; see vault.VerifyBundle.
func VerifyBundle(ctx context.Context, path string, key vault.BundleKey) (*vault.Manifest, error) {
	f, size, err := openBundleFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return vault.VerifyBundle(ctx, f, size, key, nil)
}

// BundleNeedsPassphrase reports whether the bundle at path is encrypted
// with a passphrase rather than to officer keys.
func BundleNeedsPassphrase(path string) (bool, error) {
	f, _, err := openBundleFile(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false, err
	}
	return vault.HeaderNeedsPassphrase(head[:n]), nil
}

func openBundleFile(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, openFailure(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, openFailure(err)
	}
	if info.IsDir() {
		f.Close()
		return nil, 0, &vault.FileError{Path: path, Err: vault.ErrNotABundle}
	}
	return f, info.Size(), nil
}

// openFailure wraps an error of opening a bundle file in
// vault.ErrBundleReadFailed, as for an input/output error of a stick
// pulled out. A missing file and a denied permission keep their own
// messages.
func openFailure(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return err
	}
	return fmt.Errorf("%w: %w", vault.ErrBundleReadFailed, err)
}

// ReadKeyCard reads and checks a key card file.
func ReadKeyCard(path string) (vault.KeyCard, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return vault.KeyCard{}, err
	}
	return vault.ParseKeyCard(data)
}

// WriteKeyCard writes the officer's public key card to path atomically.
func WriteKeyCard(card vault.KeyCard, path string) error {
	return vault.WriteFileAtomic(path, card.Marshal(), 0o644)
}
