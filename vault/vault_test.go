package vault

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sotay/model"
)

var testPassphrase = []byte("mật khẩu thử nghiệm dài")

// newTestVault creates a vault in a temporary folder with the floor
// key-derivation parameters, so that tests do not calibrate.
func newTestVault(t *testing.T) (*Vault, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, err := Create(dir, testPassphrase, CreateOptions{KDF: FloorKDF})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { v.Close() })
	return v, dir
}

// snapshot returns the SHA-256 and modification time of every file in dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		info, _ := e.Info()
		sum := sha256.Sum256(b)
		out[e.Name()] = string(sum[:]) + info.ModTime().String()
	}
	return out
}

func TestCreateAndOpen(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	v.Close()

	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer v2.Close()
	got, err := v2.Case(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != c.Title || got.Code != c.Code {
		t.Errorf("reopened case = %q %q, want %q %q", got.Code, got.Title, c.Code, c.Title)
	}
	if v2.Workstation() != v.Workstation() {
		t.Errorf("workstation id changed from %s to %s", v.Workstation(), v2.Workstation())
	}
}

func TestCreateRejectsShortPassphrase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "v")
	_, err := Create(dir, []byte("ngắn quá"), CreateOptions{KDF: FloorKDF})
	if !errors.Is(err, ErrPassphraseTooShort) {
		t.Fatalf("err = %v, want ErrPassphraseTooShort", err)
	}
	// Twelve characters with marks are enough even though they are more
	// than twelve bytes.
	if err := CheckNewPassphrase([]byte("đảng ủy xã a"), []byte("đảng ủy xã a")); err != nil {
		t.Errorf("12-character passphrase: %v", err)
	}
	if err := CheckNewPassphrase([]byte("mười hai ký tự"), []byte("mười hai ký tụ")); !errors.Is(err, ErrPassphraseMismatch) {
		t.Errorf("mismatch: err = %v", err)
	}
}

func TestCreateRefusesExistingVault(t *testing.T) {
	v, dir := newTestVault(t)
	v.Close()
	_, err := Create(dir, testPassphrase, CreateOptions{KDF: FloorKDF})
	if !errors.Is(err, ErrVaultExists) {
		t.Fatalf("err = %v, want ErrVaultExists", err)
	}
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	v, dir := newTestVault(t)
	if err := v.CreateCase(sampleCase(), false); err != nil {
		t.Fatal(err)
	}
	v.Close()
	before := snapshot(t, dir)
	time.Sleep(10 * time.Millisecond)

	_, err := Open(dir, []byte("không phải mật khẩu này"))
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("err = %v, want ErrWrongPassphrase", err)
	}
	after := snapshot(t, dir)
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

func TestOpenLeavesNoWALAfterClose(t *testing.T) {
	v, dir := newTestVault(t)
	v.Close()
	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	v2.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(filepath.Join(dir, DatabaseFileName+suffix)); err == nil {
			t.Errorf("%s left behind after close", DatabaseFileName+suffix)
		}
	}
}

func TestOpenFailures(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   error
		file   string
	}{
		{"key file not JSON", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, KeyFileName), []byte("rác"))
		}, ErrKeyFileDamaged, KeyFileName},
		{"key file truncated", func(t *testing.T, dir string) {
			p := filepath.Join(dir, KeyFileName)
			b, _ := os.ReadFile(p)
			writeFile(t, p, b[:len(b)/2])
		}, ErrKeyFileDamaged, KeyFileName},
		{"key file with huge memory cost", func(t *testing.T, dir string) {
			editKeyFile(t, dir, func(k *keyFile) { k.Params.MemoryKiB = 64 << 20 })
		}, ErrKeyFileDamaged, KeyFileName},
		{"key file salt edited", func(t *testing.T, dir string) {
			editKeyFile(t, dir, func(k *keyFile) { k.Salt[0] ^= 1 })
		}, ErrWrongPassphrase, KeyFileName},
		{"key file from a newer app", func(t *testing.T, dir string) {
			editKeyFile(t, dir, func(k *keyFile) { k.Format = KeyFileFormat + 1 })
		}, ErrNewerFormat, KeyFileName},
		{"database missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, DatabaseFileName))
		}, ErrDatabaseMissing, DatabaseFileName},
		{"database page tampered", func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, DatabaseFileName), 4096+200)
		}, ErrDatabaseDamaged, DatabaseFileName},
		{"first page tampered", func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, DatabaseFileName), 100)
		}, ErrDatabaseDamaged, DatabaseFileName},
		{"plaintext database", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, DatabaseFileName), append([]byte("SQLite format 3\x00"), make([]byte, 4080)...))
		}, ErrNotEncrypted, DatabaseFileName},
		{"no key file", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, KeyFileName))
		}, ErrNotAVault, KeyFileName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, dir := newTestVault(t)
			for i := 0; i < 30; i++ {
				c := sampleCase()
				c.Code = ""
				if err := v.CreateCase(c, true); err != nil {
					t.Fatal(err)
				}
			}
			v.Close()
			tt.damage(t, dir)
			_, err := Open(dir, testPassphrase)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) || filepath.Base(fe.Path) != tt.file {
				t.Errorf("error %v does not name %s", err, tt.file)
			}
		})
	}
}

func TestNewerSchemaRejected(t *testing.T) {
	v, dir := newTestVault(t)
	db, release, _ := v.conn()
	_, err := db.Exec("PRAGMA user_version = 99")
	release()
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	_, err = Open(dir, testPassphrase)
	if !errors.Is(err, ErrNewerFormat) {
		t.Fatalf("err = %v, want ErrNewerFormat", err)
	}
}

func TestSecondInstanceRefused(t *testing.T) {
	_, dir := newTestVault(t)
	_, err := Open(dir, testPassphrase)
	if !errors.Is(err, ErrVaultInUse) {
		t.Fatalf("err = %v, want ErrVaultInUse", err)
	}
}

func TestMigrationsFromEmpty(t *testing.T) {
	v, _ := newTestVault(t)
	s, err := v.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion != SchemaVersion() || s.SchemaVersion < 1 {
		t.Errorf("schema version %d, want %d", s.SchemaVersion, SchemaVersion())
	}
}

func TestChangePassphrase(t *testing.T) {
	v, dir := newTestVault(t)
	newPass := []byte("một mật khẩu mới hoàn toàn")
	if err := v.ChangePassphrase([]byte("sai mật khẩu cũ rồi"), newPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong old passphrase: err = %v", err)
	}
	if err := v.ChangePassphrase(testPassphrase, newPass); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if _, err := os.Stat(filepath.Join(dir, KeyFileName+newKeySuffix)); err == nil {
		t.Error("vault.key.new left behind")
	}
	if _, err := Open(dir, testPassphrase); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("old passphrase: err = %v", err)
	}
	v2, err := Open(dir, newPass)
	if err != nil {
		t.Fatalf("new passphrase: %v", err)
	}
	v2.Close()
}

func TestChangePassphraseCrashBeforeRename(t *testing.T) {
	v, dir := newTestVault(t)
	v.Close()
	// A crash after the new key file was written but before the rename
	// leaves vault.key.new beside the old vault.key: the old passphrase
	// still opens the vault, and opening removes the leftover.
	kf, _ := readKeyFile(filepath.Join(dir, KeyFileName))
	writeFile(t, filepath.Join(dir, KeyFileName+newKeySuffix), kf.marshal())
	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	v2.Close()
	if _, err := os.Stat(filepath.Join(dir, KeyFileName+newKeySuffix)); err == nil {
		t.Error("leftover vault.key.new not removed")
	}
}

func TestClosedVault(t *testing.T) {
	v, _ := newTestVault(t)
	v.Close()
	if _, err := v.ListCases(CaseQuery{}); !errors.Is(err, ErrClosed) {
		t.Errorf("ListCases after Close: err = %v, want ErrClosed", err)
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func editKeyFile(t *testing.T, dir string, edit func(*keyFile)) {
	t.Helper()
	p := filepath.Join(dir, KeyFileName)
	kf, err := readKeyFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edit(kf)
	writeFile(t, p, kf.marshal())
}

func flipByte(t *testing.T, path string, offset int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if offset >= len(b) {
		t.Fatalf("%s has %d bytes, cannot flip byte %d", path, len(b), offset)
	}
	b[offset] ^= 0x40
	writeFile(t, path, b)
}

func sampleCase() *model.Case {
	return &model.Case{
		Code:    "KT-01",
		Title:   "Kiểm tra đảng viên Nguyễn Văn An khi có dấu hiệu vi phạm",
		Kind:    model.KindViolationInspection,
		Subject: model.Subject{Type: model.SubjectMember, Name: "Nguyễn Văn An", Unit: "Chi bộ Phòng Tài chính"},
		Status:  model.StatusInProgress,
		Start:   model.NewDate(2026, 11, 1),
		End:     model.NewDate(2027, 1, 30),
		Team: []model.TeamMember{
			{Name: "Trần Thị Bình", Role: model.RoleLead},
			{Name: "Lê Văn Cường", Role: model.RoleMember},
		},
	}
}
