package vault

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"sotay/model"
)

// The files of a vault folder.
const (
	KeyFileName      = "vault.key"
	DatabaseFileName = "vault.db"
	LockFileName     = "vault.lock"
	newKeySuffix     = ".new"
)

// Vault is an unlocked vault. Its methods are safe for use by several
// goroutines; after Close they return ErrClosed.
type Vault struct {
	dir         string
	lock        *os.File
	clock       *model.Clock
	workstation string

	mu    sync.RWMutex
	db    *sql.DB    // nil once closed
	blobs *blobStore // attachment files; its keys are cleared on close
}

// CreateOptions tunes Create. The zero value calibrates the key
// derivation on this machine.
type CreateOptions struct {
	// KDF, when not zero, is used instead of calibrating. It must be at
	// least FloorKDF.
	KDF KDFParams
}

// CheckNewPassphrase returns ErrPassphraseTooShort or
// ErrPassphraseMismatch when a new passphrase cannot be used.
func CheckNewPassphrase(passphrase, confirmation []byte) error {
	if utf8.RuneCount(passphrase) < MinPassphraseLength {
		return ErrPassphraseTooShort
	}
	if subtle.ConstantTimeCompare(passphrase, confirmation) != 1 {
		return ErrPassphraseMismatch
	}
	return nil
}

// Create makes a new vault in dir (created if missing) protected by
// passphrase, and returns it unlocked. It fails with ErrVaultExists when
// dir already holds a key file or a database, and leaves nothing behind
// when it fails.
func Create(dir string, passphrase []byte, opts CreateOptions) (*Vault, error) {
	if utf8.RuneCount(passphrase) < MinPassphraseLength {
		return nil, ErrPassphraseTooShort
	}
	params := opts.KDF
	if params == (KDFParams{}) {
		params = Calibrate()
	}
	if params.Time < FloorKDF.Time || params.MemoryKiB < FloorKDF.MemoryKiB || params.Threads < 1 {
		return nil, fmt.Errorf("create vault: key derivation parameters below the floor t=%d m=%d KiB",
			FloorKDF.Time, FloorKDF.MemoryKiB)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create vault: %w", err)
	}
	lock, err := acquireLock(dir)
	if err != nil {
		return nil, err
	}
	v, err := create(dir, passphrase, params, lock)
	if err != nil {
		lock.Close()
		return nil, err
	}
	return v, nil
}

func create(dir string, passphrase []byte, params KDFParams, lock *os.File) (*Vault, error) {
	keyPath := filepath.Join(dir, KeyFileName)
	dbPath := filepath.Join(dir, DatabaseFileName)
	for _, p := range []string{keyPath, dbPath} {
		if _, err := os.Stat(p); err == nil {
			return nil, &FileError{Path: p, Err: ErrVaultExists}
		}
	}

	dataKey := make([]byte, dataKeySize)
	if _, err := rand.Read(dataKey); err != nil {
		return nil, err
	}
	defer clear(dataKey)
	kf, err := wrapKey(dataKey, passphrase, params)
	if err != nil {
		return nil, err
	}

	ctx := context.Background()
	db, err := openDB(ctx, dbPath, dataKey, true)
	if err != nil {
		removeDatabase(dbPath)
		return nil, fmt.Errorf("create vault: %w", err)
	}
	blobs, err := newBlobStore(dir, dataKey)
	if err != nil {
		db.Close()
		removeDatabase(dbPath)
		return nil, fmt.Errorf("create vault: %w", err)
	}
	v := &Vault{dir: dir, lock: lock, db: db, blobs: blobs, clock: model.NewClock(nil)}
	if err := v.initMeta(ctx); err != nil {
		db.Close()
		removeDatabase(dbPath)
		return nil, fmt.Errorf("create vault: %w", err)
	}
	if err := WriteFileAtomic(keyPath, kf.marshal(), 0o600); err != nil {
		db.Close()
		removeDatabase(dbPath)
		return nil, fmt.Errorf("create vault: write %s: %w", keyPath, err)
	}
	return v, nil
}

func removeDatabase(dbPath string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
}

func (v *Vault) initMeta(ctx context.Context) error {
	v.workstation = uuid.NewString()
	_, err := v.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES
		('workstation', ?), ('created_at', ?)`,
		v.workstation, time.Now().UTC().Format(time.RFC3339))
	return err
}

// Open unlocks the vault in dir with passphrase. A wrong passphrase
// returns ErrWrongPassphrase after changing no file in dir. Other
// failures return ErrNotAVault, ErrVaultInUse, ErrKeyFileDamaged,
// ErrDatabaseMissing, ErrNotEncrypted, ErrDatabaseDamaged or
// ErrNewerFormat, wrapped in a *FileError that names the file.
func Open(dir string, passphrase []byte) (*Vault, error) {
	return OpenWithProgress(dir, passphrase, nil)
}

// OpenWithProgress opens the vault like Open. When the first open after an
// upgrade moves attachment contents out of vault.db, it calls moved, if not
// nil, with the bytes moved so far and the total. That move can take
// minutes for a vault of several GiB, and moved is not called when there
// is nothing to move.
func OpenWithProgress(dir string, passphrase []byte, moved func(done, total int64)) (*Vault, error) {
	keyPath := filepath.Join(dir, KeyFileName)
	dbPath := filepath.Join(dir, DatabaseFileName)
	if _, err := os.Stat(keyPath); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &FileError{Path: keyPath, Err: ErrNotAVault}
		}
		return nil, err
	}
	lock, err := acquireLock(dir)
	if err != nil {
		return nil, err
	}
	v, err := open(dir, keyPath, dbPath, passphrase, lock, moved)
	if err != nil {
		lock.Close()
		return nil, err
	}
	return v, nil
}

func open(dir, keyPath, dbPath string, passphrase []byte, lock *os.File, moved func(done, total int64)) (*Vault, error) {
	kf, err := readKeyFile(keyPath)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dbPath); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &FileError{Path: dbPath, Err: ErrDatabaseMissing}
		}
		return nil, err
	}
	if err := checkNotPlaintext(dbPath); err != nil {
		return nil, &FileError{Path: dbPath, Err: err}
	}
	dataKey, err := kf.unwrap(passphrase)
	if err != nil {
		return nil, &FileError{Path: keyPath, Err: err}
	}
	defer clear(dataKey)

	ctx := context.Background()
	db, err := openDB(ctx, dbPath, dataKey, false)
	if err != nil {
		return nil, &FileError{Path: dbPath, Err: err}
	}
	blobs, err := newBlobStore(dir, dataKey)
	if err != nil {
		db.Close()
		return nil, err
	}
	v := &Vault{dir: dir, lock: lock, db: db, blobs: blobs, clock: model.NewClock(nil)}
	if err := v.loadMeta(ctx); err != nil {
		db.Close()
		blobs.close()
		return nil, &FileError{Path: dbPath, Err: err}
	}
	if err := v.openBlobs(ctx, moved); err != nil {
		db.Close()
		blobs.close()
		return nil, &FileError{Path: filepath.Join(dir, BlobDirName), Err: err}
	}
	// A key file left from a passphrase change that did not finish.
	os.Remove(keyPath + newKeySuffix)
	return v, nil
}

func (v *Vault) loadMeta(ctx context.Context) error {
	err := v.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'workstation'").Scan(&v.workstation)
	if err != nil {
		return fmt.Errorf("%w: missing workstation id", ErrDatabaseDamaged)
	}
	var last sql.NullString
	v.db.QueryRowContext(ctx, "SELECT max(updated_at) FROM cases").Scan(&last)
	if h, err := model.ParseHLC(last.String); err == nil {
		v.clock.Observe(h)
	}
	return nil
}

func acquireLock(dir string) (*os.File, error) {
	path := filepath.Join(dir, LockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, &FileError{Path: path, Err: err}
	}
	return f, nil
}

// Dir returns the vault's folder.
func (v *Vault) Dir() string { return v.dir }

// Workstation returns the id of this vault's workstation.
func (v *Vault) Workstation() string { return v.workstation }

// Close closes the database and every pooled connection, drops the data
// key and releases the lock file. Closing twice is a no-op.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return nil
	}
	err := v.db.Close()
	v.db = nil
	v.blobs.close()
	if lerr := v.lock.Close(); err == nil {
		err = lerr
	}
	return err
}

// conn returns the open database, or ErrClosed. Callers hold v.mu for
// reading while they use it.
func (v *Vault) conn() (*sql.DB, func(), error) {
	v.mu.RLock()
	if v.db == nil {
		v.mu.RUnlock()
		return nil, nil, ErrClosed
	}
	return v.db, v.mu.RUnlock, nil
}

// ChangePassphrase rewraps the data key under newPassphrase. The new key
// file is written beside the old one, read back and unwrapped, and only
// then renamed over vault.key, so that at every moment one passphrase
// opens the vault.
func (v *Vault) ChangePassphrase(oldPassphrase, newPassphrase []byte) error {
	if utf8.RuneCount(newPassphrase) < MinPassphraseLength {
		return ErrPassphraseTooShort
	}
	_, release, err := v.conn()
	if err != nil {
		return err
	}
	defer release()

	keyPath := filepath.Join(v.dir, KeyFileName)
	kf, err := readKeyFile(keyPath)
	if err != nil {
		return err
	}
	dataKey, err := kf.unwrap(oldPassphrase)
	if err != nil {
		return err
	}
	defer clear(dataKey)
	next, err := wrapKey(dataKey, newPassphrase, kf.Params)
	if err != nil {
		return err
	}

	newPath := keyPath + newKeySuffix
	if err := WriteFileAtomic(newPath, next.marshal(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", newPath, err)
	}
	if err := verifyKeyFile(newPath, newPassphrase, dataKey); err != nil {
		os.Remove(newPath)
		return err
	}
	if err := RenameReplace(newPath, keyPath); err != nil {
		os.Remove(newPath)
		return fmt.Errorf("replace %s: %w", keyPath, err)
	}
	syncDir(v.dir)
	return nil
}

func verifyKeyFile(path string, passphrase, want []byte) error {
	kf, err := readKeyFile(path)
	if err != nil {
		return err
	}
	got, err := kf.unwrap(passphrase)
	if err != nil {
		return fmt.Errorf("verify %s: %w", path, err)
	}
	defer clear(got)
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return fmt.Errorf("verify %s: the new key file holds another key", path)
	}
	return nil
}
