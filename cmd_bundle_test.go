package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sotay/model"
	"sotay/vault"
)

// bundlePair is a sender and a receiver vault made with the floor key
// derivation, each knowing the other's key card, and the receiver's card
// as a file.
type bundlePair struct {
	dir, sender, receiver, receiverCard string
}

func newBundlePair(t *testing.T) *bundlePair {
	t.Helper()
	dir := t.TempDir()
	p := &bundlePair{dir: dir, sender: filepath.Join(dir, "A"), receiver: filepath.Join(dir, "B"),
		receiverCard: filepath.Join(dir, "the-khoa-B.txt")}
	cards := map[string]vault.KeyCard{}
	for _, d := range []string{p.sender, p.receiver} {
		v, err := vault.Create(d, []byte(cliPass), vault.CreateOptions{KDF: vault.FloorKDF})
		if err != nil {
			t.Fatal(err)
		}
		officer, err := v.EnsureOfficer("Cán bộ "+filepath.Base(d), "Kiểm tra viên")
		if err != nil {
			t.Fatal(err)
		}
		cards[d] = officer.Card()
		v.Close()
	}
	if err := os.WriteFile(p.receiverCard, cards[p.receiver].Marshal(), 0o600); err != nil {
		t.Fatal(err)
	}
	p.with(t, p.sender, func(v *vault.Vault) {
		if err := v.AddKeyCard(cards[p.receiver]); err != nil {
			t.Fatal(err)
		}
	})
	p.with(t, p.receiver, func(v *vault.Vault) {
		if err := v.AddKeyCard(cards[p.sender]); err != nil {
			t.Fatal(err)
		}
	})
	return p
}

// with opens the vault in dir, runs fn and closes the vault.
func (p *bundlePair) with(t *testing.T, dir string, fn func(*vault.Vault)) {
	t.Helper()
	v, err := vault.Open(dir, []byte(cliPass))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	fn(v)
}

func (p *bundlePair) addCase(t *testing.T, code, title string) *model.Case {
	t.Helper()
	c := &model.Case{Code: code, Title: title, Kind: model.KindOther,
		Subject: model.Subject{Type: model.SubjectMember, Name: "Nguyễn Văn An"},
		Status:  model.StatusInProgress, Start: model.NewDate(2026, 11, 2), End: model.NewDate(2026, 12, 30)}
	p.with(t, p.sender, func(v *vault.Vault) {
		if err := v.CreateCase(c, false); err != nil {
			t.Fatal(err)
		}
	})
	return c
}

// The bundle passphrase missing from standard input, or an empty
// passphrase file, is reported as a missing passphrase with exit code 3,
// and a missing vault passphrase gets a message, not "unexpected error".
func TestCLIBundleMissingPassphrase(t *testing.T) {
	p := newBundlePair(t)
	p.addCase(t, "KT-01", "Kiểm tra đảng viên Nguyễn Văn An")
	passFile := filepath.Join(p.dir, "mat-khau-goi.txt")
	os.WriteFile(passFile, []byte("mật khẩu của gói 2026\n"), 0o600)
	bundle := filepath.Join(p.dir, "goi.sotay")
	if _, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", p.sender, "--case", "KT-01",
		"--bundle-passphrase-file", passFile, "--out", bundle); code != 0 {
		t.Fatalf("export: code %d, stderr %q", code, errOut)
	}

	_, errOut, code := runSotay(t, cliPass+"\n", "bundle", "import", bundle, "--vault", p.receiver)
	if code != exitWrongKey {
		t.Errorf("import without a bundle passphrase line: code %d, want %d", code, exitWrongKey)
	}
	if !strings.Contains(errOut, "mật khẩu") || strings.Contains(errOut, "ERROR") {
		t.Errorf("import without a bundle passphrase line: stderr %q", errOut)
	}

	empty := filepath.Join(p.dir, "trong.txt")
	os.WriteFile(empty, nil, 0o600)
	_, errOut, code = runSotay(t, cliPass+"\n", "bundle", "import", bundle, "--vault", p.receiver,
		"--bundle-passphrase-file", empty)
	if code != exitWrongKey {
		t.Errorf("import with an empty passphrase file: code %d, want %d; stderr %q", code, exitWrongKey, errOut)
	}

	_, errOut, code = runSotay(t, "", "bundle", "inspect", bundle)
	if code != exitWrongKey || strings.Contains(errOut, "ERROR") {
		t.Errorf("inspect with empty standard input: code %d, stderr %q", code, errOut)
	}

	_, errOut, code = runSotay(t, "", "check", "--vault", p.receiver)
	if code != exitFailure {
		t.Errorf("check with empty standard input: code %d, want %d", code, exitFailure)
	}
	if !strings.Contains(errOut, "đầu vào chuẩn") || strings.Contains(errOut, "ERROR") {
		t.Errorf("check with empty standard input: stderr %q", errOut)
	}
}

// An --out that names an existing folder is a usage error, found before
// anything is written or counted.
func TestCLIBundleOutIsFolder(t *testing.T) {
	p := newBundlePair(t)
	p.addCase(t, "KT-01", "Kiểm tra đảng viên Nguyễn Văn An")
	usb := filepath.Join(p.dir, "usb")
	os.Mkdir(usb, 0o700)
	_, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", p.sender, "--case", "KT-01",
		"--to", p.receiverCard, "--out", usb)
	if code != exitUsage {
		t.Errorf("export to a folder: code %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, "thư mục") || strings.Contains(errOut, "ERROR") {
		t.Errorf("export to a folder: stderr %q", errOut)
	}
	if entries, _ := os.ReadDir(usb); len(entries) != 0 {
		t.Errorf("export to a folder left %d files in it", len(entries))
	}
	if entries, _ := os.ReadDir(p.dir); len(entries) != 4 {
		t.Errorf("export to a folder left files beside it: %d entries, want 4", len(entries))
	}
}

// A --case that names no live case is reported by the value typed, even
// among hundreds of values. A code that two cases share is rejected with
// both ids, so that the wrong case never leaves the vault.
func TestCLIBundleCaseNotFound(t *testing.T) {
	p := newBundlePair(t)
	args := []string{"bundle", "export", "--vault", p.sender, "--to", p.receiverCard,
		"--out", filepath.Join(p.dir, "goi.sotay")}
	p.with(t, p.sender, func(v *vault.Vault) {
		for i := range 300 {
			c := &model.Case{Code: "KT-" + itoa3(i), Title: "Hồ sơ " + itoa3(i), Kind: model.KindOther,
				Subject: model.Subject{Type: model.SubjectMember, Name: "Nguyễn Văn An"},
				Status:  model.StatusDraft, Start: model.NewDate(2026, 11, 2), End: model.NewDate(2026, 12, 30)}
			if err := v.CreateCase(c, false); err != nil {
				t.Fatal(err)
			}
			args = append(args, "--case", c.Code)
		}
	})
	deleted := p.addCase(t, "KT-XOA", "Hồ sơ đã xóa")
	p.with(t, p.sender, func(v *vault.Vault) {
		if err := v.DeleteCase(deleted.ID); err != nil {
			t.Fatal(err)
		}
	})

	for _, ref := range []string{"KT-KHONG-CO", "KT-XOA", deleted.ID} {
		_, errOut, code := runSotay(t, cliPass+"\n", append(args, "--case", ref)...)
		if code != exitFailure {
			t.Errorf("--case %s: code %d, want %d", ref, code, exitFailure)
		}
		if !strings.Contains(errOut, ref) {
			t.Errorf("--case %s: stderr %q does not name it", ref, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(p.dir, "goi.sotay")); !os.IsNotExist(err) {
		t.Errorf("a bundle was written: %v", err)
	}

	// A second case with the code KT-007 arrives from another vault, which
	// numbers its own cases.
	other := newBundlePair(t)
	twin := other.addCase(t, "KT-007", "Hồ sơ cùng mã của kho khác")
	bundle := filepath.Join(other.dir, "twin.sotay")
	if _, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", other.sender,
		"--case", "KT-007", "--bundle-passphrase-file", writePass(t, other.dir), "--out", bundle); code != 0 {
		t.Fatalf("export of the twin: code %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runSotay(t, cliPass+"\n", "bundle", "import", bundle, "--vault", p.sender,
		"--bundle-passphrase-file", writePass(t, other.dir), "--trust", fingerprintOf(t, other.sender)); code != 0 {
		t.Fatalf("import of the twin: code %d, stderr %q", code, errOut)
	}
	_, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", p.sender, "--case", "KT-007",
		"--to", p.receiverCard, "--out", filepath.Join(p.dir, "goi.sotay"))
	if code != exitFailure || !strings.Contains(errOut, twin.ID) {
		t.Errorf("--case with a shared code: code %d, stderr %q; want 1 and both ids", code, errOut)
	}
	docx := filepath.Join(p.dir, "quyet-dinh.docx")
	_, errOut, code = runSotay(t, cliPass+"\n", "doc", "--vault", p.sender, "--case", "KT-007",
		"--form", "quyet-dinh", "--out", docx)
	if code != exitFailure || !strings.Contains(errOut, twin.ID) {
		t.Errorf("doc --case with a shared code: code %d, stderr %q; want 1 and both ids", code, errOut)
	}
	if _, err := os.Stat(docx); !os.IsNotExist(err) {
		t.Errorf("a document was written for a shared code: %v", err)
	}
	if _, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", p.sender, "--case", twin.ID,
		"--to", p.receiverCard, "--out", filepath.Join(p.dir, "goi.sotay")); code != 0 {
		t.Errorf("--case with the twin's id: code %d, stderr %q", code, errOut)
	}
}

func itoa3(i int) string { return fmt.Sprintf("%03d", i) }

func writePass(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "mat-khau-goi.txt")
	if err := os.WriteFile(path, []byte("mật khẩu của gói 2026\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func fingerprintOf(t *testing.T, dir string) string {
	t.Helper()
	v, err := vault.Open(dir, []byte(cliPass))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	o, err := v.Officer()
	if err != nil {
		t.Fatal(err)
	}
	return o.Card().Fingerprint()
}

// The import preview shows that a case arrives deleted, and prints text
// from the bundle without control characters, so that a sender cannot
// split a line or send escape sequences to the terminal.
func TestCLIBundlePreviewText(t *testing.T) {
	p := newBundlePair(t)
	withControls := p.addCase(t, "KT-01", "Tiêu đề\x1b[2J có\nxuống dòng\tvà\u2028tab")
	deleted := p.addCase(t, "KT-02", "Hồ sơ sẽ bị xóa")
	bundle := filepath.Join(p.dir, "goi.sotay")
	export := []string{"bundle", "export", "--vault", p.sender, "--case", "KT-01", "--case", "KT-02",
		"--to", p.receiverCard, "--out", bundle}
	if _, errOut, code := runSotay(t, cliPass+"\n", export...); code != 0 {
		t.Fatalf("export: code %d, stderr %q", code, errOut)
	}
	out, errOut, code := runSotay(t, cliPass+"\n", "bundle", "import", bundle, "--vault", p.receiver)
	if code != 0 {
		t.Fatalf("import: code %d, stderr %q", code, errOut)
	}
	if strings.ContainsAny(out, "\x1b\u2028") {
		t.Errorf("preview contains control characters: %q", out)
	}
	if !strings.Contains(out, "\tKT-01\tTiêu đề [2J có xuống dòng và tab\n") {
		t.Errorf("preview does not show KT-01 on one line: %q", out)
	}
	list, _, _ := runSotay(t, cliPass+"\n", "cases", "--vault", p.receiver)
	if strings.ContainsAny(list, "\x1b\u2028") || strings.Count(list, "\n") != 3 {
		t.Errorf("case list of 2 cases is not 3 clean lines: %q", list)
	}

	p.with(t, p.sender, func(v *vault.Vault) {
		if err := v.DeleteCase(deleted.ID); err != nil {
			t.Fatal(err)
		}
	})
	backup := filepath.Join(p.dir, "sao-luu.sotay")
	if _, errOut, code := runSotay(t, cliPass+"\n", "bundle", "export", "--vault", p.sender, "--all",
		"--to", p.receiverCard, "--out", backup); code != 0 {
		t.Fatalf("backup export: code %d, stderr %q", code, errOut)
	}
	out, errOut, code = runSotay(t, cliPass+"\n", "bundle", "import", backup, "--vault", p.receiver, "--dry-run")
	if code != 0 {
		t.Fatalf("backup import: code %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Xóa\tKT-02\t") {
		t.Errorf("preview does not show KT-02 as deleted: %q", out)
	}
	if strings.Contains(out, "\tKT-01\t") {
		t.Errorf("preview lists the unchanged case %s: %q", withControls.Code, out)
	}
}

// An unknown --meeting id and a --to that is neither a card file nor a
// fingerprint in the key directory are named in the message.
func TestCLIBundleUnknownMeetingAndCard(t *testing.T) {
	p := newBundlePair(t)
	p.addCase(t, "KT-01", "Kiểm tra đảng viên Nguyễn Văn An")
	out := filepath.Join(p.dir, "goi.sotay")
	runs := []struct {
		name string
		args []string
		ref  string
	}{
		{"meeting", []string{"--meeting", "khong-co-hoi-nghi", "--to", p.receiverCard, "--out", out}, "khong-co-hoi-nghi"},
		{"packs", []string{"--meeting", "khong-co-hoi-nghi", "--packs", "--out", p.dir}, "khong-co-hoi-nghi"},
		{"card file", []string{"--case", "KT-01", "--to", filepath.Join(p.dir, "the-sai.txt"), "--out", out}, "the-sai.txt"},
		{"fingerprint", []string{"--case", "KT-01", "--to", "0123456789abcdef", "--out", out}, "0123456789abcdef"},
	}
	for _, r := range runs {
		args := append([]string{"bundle", "export", "--vault", p.sender}, r.args...)
		_, errOut, code := runSotay(t, cliPass+"\n", args...)
		if code != exitFailure {
			t.Errorf("%s: code %d, want %d", r.name, code, exitFailure)
		}
		if !strings.Contains(errOut, r.ref) {
			t.Errorf("%s: stderr %q does not name %s", r.name, errOut, r.ref)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a bundle was written: %v", err)
	}
}
