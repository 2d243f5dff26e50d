package app

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"sotay/model"
	"sotay/vault"
)

func newTestSession(t *testing.T) *Session {
	t.Helper()
	v, err := vault.Create(filepath.Join(t.TempDir(), "v"), []byte("mật khẩu phiên làm việc"), vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(v)
	t.Cleanup(s.Lock)
	return s
}

func TestIdleTimerLocks(t *testing.T) {
	s := newTestSession(t)
	locked := make(chan struct{})
	s.OnLock(func() { close(locked) })
	s.mu.Lock()
	s.autoLock = 80 * time.Millisecond
	s.mu.Unlock()
	s.Touch()

	for i := 0; i < 4; i++ {
		time.Sleep(40 * time.Millisecond)
		s.Touch() // activity keeps it open
	}
	if s.Locked() {
		t.Fatal("locked while the user was active")
	}
	select {
	case <-locked:
	case <-time.After(2 * time.Second):
		t.Fatal("not locked after the idle time")
	}
	if _, err := s.Stats(); !errors.Is(err, vault.ErrClosed) {
		t.Errorf("after the idle lock: err = %v, want ErrClosed", err)
	}
}

func TestAutoLockSetting(t *testing.T) {
	s := newTestSession(t)
	if s.AutoLock() != DefaultAutoLock {
		t.Errorf("default auto-lock %v, want %v", s.AutoLock(), DefaultAutoLock)
	}
	if err := s.SetAutoLock(0); !errors.Is(err, ErrAutoLockRange) {
		t.Errorf("0 minutes: err = %v", err)
	}
	if err := s.SetAutoLock(12); err != nil {
		t.Fatal(err)
	}
	if again := newSession(s.Vault); again.AutoLock() != 12*time.Minute {
		t.Errorf("stored auto-lock reads back as %v", again.AutoLock())
	}
}

func TestExplainNamesTheFile(t *testing.T) {
	err := &vault.FileError{Path: "/kho/vault.key", Err: vault.ErrKeyFileDamaged}
	msg := Explain(err)
	if msg.Key != "err.key_file_damaged" || len(msg.Args) != 1 || msg.Args[0] != "/kho/vault.key" {
		t.Errorf("Explain = %+v", msg)
	}
	if Explain(errors.New("driver text")).Key != "err.unexpected" {
		t.Error("an unknown error is not generic")
	}
}

func TestDemoFillsEveryKind(t *testing.T) {
	s := newTestSession(t)
	today := model.NewDate(2026, 12, 4)
	if err := FillDemo(s, today); err != nil {
		t.Fatal(err)
	}
	list, err := ListOrSearch(s, "", today)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[model.Kind]bool{}
	overdue := 0
	for _, c := range list {
		kinds[c.Kind] = true
		overdue += c.TasksOverdue
	}
	if len(list) != 12 || len(kinds) != len(model.Kinds) {
		t.Errorf("%d demo cases over %d kinds, want 12 over %d", len(list), len(kinds), len(model.Kinds))
	}
	if overdue == 0 {
		t.Error("the demo has no overdue task")
	}
}
