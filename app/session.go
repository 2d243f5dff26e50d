package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"sotay/vault"
)

// DefaultAutoLock is the idle time after which a session locks itself.
const DefaultAutoLock = 5 * time.Minute

// Setting keys stored in the vault.
const (
	SettingAutoLockMinutes = "auto_lock_minutes"
)

// DefaultVaultDir returns the folder of the vault when --vault is not
// given: the user's configuration folder plus "sotay" (on Windows
// %APPDATA%\sotay, on Linux ~/.config/sotay).
func DefaultVaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "sotay"), nil
}

// VaultExists reports whether dir holds a vault key file.
func VaultExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, vault.KeyFileName))
	return err == nil
}

// Session is an unlocked vault and the idle timer that locks it. The
// embedded Vault answers every storage request; after Lock its methods
// return vault.ErrClosed. A Session is safe for use by several
// goroutines.
type Session struct {
	*vault.Vault

	mu       sync.Mutex
	autoLock time.Duration
	timer    *time.Timer
	onLock   []func()
	locked   bool
}

// Create makes a new vault in dir and returns its session. It calibrates
// the key derivation, which takes a few seconds: call it off the UI
// goroutine.
func Create(dir string, passphrase, confirmation []byte) (*Session, error) {
	if err := vault.CheckNewPassphrase(passphrase, confirmation); err != nil {
		return nil, err
	}
	v, err := vault.Create(dir, passphrase, vault.CreateOptions{})
	if err != nil {
		return nil, err
	}
	return newSession(v), nil
}

// Unlock opens the vault in dir. The key derivation takes about a
// second: call it off the UI goroutine.
func Unlock(dir string, passphrase []byte) (*Session, error) {
	return UnlockWithProgress(dir, passphrase, nil)
}

// UnlockWithProgress is Unlock, and calls moved with the bytes done and
// the total while the first open after an upgrade moves attachment
// contents to the vault's file store (see vault.OpenWithProgress).
func UnlockWithProgress(dir string, passphrase []byte, moved func(done, total int64)) (*Session, error) {
	v, err := vault.OpenWithProgress(dir, passphrase, moved)
	if err != nil {
		return nil, err
	}
	return newSession(v), nil
}

// NewSession wraps an already open vault.
func NewSession(v *vault.Vault) *Session { return newSession(v) }

func newSession(v *vault.Vault) *Session {
	s := &Session{Vault: v, autoLock: DefaultAutoLock}
	if m, err := v.Setting(SettingAutoLockMinutes, ""); err == nil && m != "" {
		if d, err := time.ParseDuration(m + "m"); err == nil && d > 0 {
			s.autoLock = d
		}
	}
	return s
}

// AutoLock returns the idle time after which the session locks.
func (s *Session) AutoLock() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.autoLock
}

// SetAutoLock stores the idle time after which the session locks, in
// whole minutes from 1 to 240, and restarts the idle timer.
func (s *Session) SetAutoLock(minutes int) error {
	if minutes < 1 || minutes > 240 {
		return ErrAutoLockRange
	}
	if err := s.SetSetting(SettingAutoLockMinutes, itoa(minutes)); err != nil {
		return err
	}
	s.mu.Lock()
	s.autoLock = time.Duration(minutes) * time.Minute
	s.mu.Unlock()
	s.Touch()
	return nil
}

// ErrAutoLockRange is returned by SetAutoLock for a value outside 1–240.
var ErrAutoLockRange = errors.New("auto-lock must be between 1 and 240 minutes")

// OnLock registers fn to run, on the timer's goroutine, after the session
// locks by itself or by Lock.
func (s *Session) OnLock(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onLock = append(s.onLock, fn)
}

// Touch records user activity and restarts the idle timer.
func (s *Session) Touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locked {
		return
	}
	if s.timer == nil {
		s.timer = time.AfterFunc(s.autoLock, s.Lock)
		return
	}
	s.timer.Reset(s.autoLock)
}

// Lock closes the vault, dropping the key and every pooled connection,
// then runs the OnLock callbacks. Locking twice is a no-op.
func (s *Session) Lock() {
	s.mu.Lock()
	if s.locked {
		s.mu.Unlock()
		return
	}
	s.locked = true
	if s.timer != nil {
		s.timer.Stop()
	}
	callbacks := s.onLock
	s.mu.Unlock()

	s.Vault.Close()
	for _, fn := range callbacks {
		fn()
	}
}

// Locked reports whether the session has been locked.
func (s *Session) Locked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked
}
