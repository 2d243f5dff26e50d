package vault

import (
	"errors"
	"fmt"
)

// Errors of Create and Open. Callers classify them with errors.Is; the
// wrapped error names the file involved.
var (
	// ErrWrongPassphrase is returned by Open and ChangePassphrase when the
	// passphrase does not unwrap the data key. No file was changed.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrPassphraseTooShort is returned by Create and ChangePassphrase for
	// a passphrase shorter than MinPassphraseLength characters.
	ErrPassphraseTooShort = errors.New("passphrase too short")
	// ErrPassphraseMismatch is returned when a passphrase and its
	// confirmation differ.
	ErrPassphraseMismatch = errors.New("passphrase and confirmation differ")
	// ErrNotAVault is returned by Open for a folder with no key file.
	ErrNotAVault = errors.New("no vault in this folder")
	// ErrVaultExists is returned by Create for a folder that already holds
	// a vault.
	ErrVaultExists = errors.New("a vault already exists in this folder")
	// ErrKeyFileDamaged is returned for a key file that cannot be read or
	// whose fields are out of range.
	ErrKeyFileDamaged = errors.New("key file damaged")
	// ErrDatabaseMissing is returned when the key file exists but the
	// database file does not.
	ErrDatabaseMissing = errors.New("database file missing")
	// ErrDatabaseDamaged is returned when the database fails SQLCipher's
	// HMAC check or the integrity check although the key is right.
	ErrDatabaseDamaged = errors.New("database damaged")
	// ErrNotEncrypted is returned when vault.db is a plain SQLite file or
	// the driver was built without the SQLCipher codec.
	ErrNotEncrypted = errors.New("database is not encrypted")
	// ErrNewerFormat is returned for a key file or schema written by a
	// newer version of the app.
	ErrNewerFormat = errors.New("vault made by a newer version")
	// ErrVaultInUse is returned when another process holds the vault's
	// lock file.
	ErrVaultInUse = errors.New("vault is open in another process")
	// ErrClosed is returned by every method of a Vault after Close.
	ErrClosed = errors.New("vault is locked")
)

// Errors of the case operations.
var (
	// ErrNotFound is returned for an id that names no live record.
	ErrNotFound = errors.New("record not found")
	// ErrInvalid wraps a *ValidationError.
	ErrInvalid = errors.New("invalid record")
	// ErrTooLarge is returned for a document over model.MaxDocumentSize.
	ErrTooLarge = errors.New("file too large")
	// ErrDiskFull is returned when a write failed because the disk is
	// full; the transaction was rolled back.
	ErrDiskFull = errors.New("disk full")
)

// FileError names the vault file an error is about.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// Field names a field of a record that failed validation.
type Field string

// The fields that ValidationError names.
const (
	FieldTitle    Field = "title"
	FieldCode     Field = "code"
	FieldKind     Field = "kind"
	FieldPeriod   Field = "period"
	FieldBounds   Field = "phase_bounds"
	FieldDeadline Field = "deadline"
	FieldName     Field = "name"
	FieldDate     Field = "date"
	FieldText     Field = "text"
)

// ValidationError tells which field of a record is invalid and why. It
// matches ErrInvalid with errors.Is.
type ValidationError struct {
	Field  Field
	Reason string
}

func (e *ValidationError) Error() string        { return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason) }
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

func invalid(f Field, reason string) error { return &ValidationError{Field: f, Reason: reason} }
