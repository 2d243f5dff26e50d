package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sotayBinary is the command built once for the tests that run it as a
// script would.
var sotayBinary string

func buildBinary(t *testing.T) string {
	t.Helper()
	if sotayBinary != "" {
		return sotayBinary
	}
	dir, err := os.MkdirTemp("", "sotay-cli-test-")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "sotay")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5 sqlite_secure_delete", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sotayBinary = bin
	return bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sotayBinary != "" {
		os.RemoveAll(filepath.Dir(sotayBinary))
	}
	os.Exit(code)
}

// runSotay runs the binary with stdin and returns stdout, stderr and the
// exit code.
func runSotay(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "LANG=C")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

const cliPass = "mật khẩu dòng lệnh 2026"

func TestCLIScript(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Hồ sơ", "kho")
	twice := cliPass + "\n" + cliPass + "\n"

	if _, errOut, code := runSotay(t, "ngắn\nngắn\n", "init", "--vault", dir); code != 1 || !strings.Contains(errOut, "12 ký tự") {
		t.Fatalf("short passphrase: code %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runSotay(t, twice, "demo", "--vault", dir); code != 0 {
		t.Fatalf("demo: code %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runSotay(t, twice, "init", "--vault", dir); code != 1 || !strings.Contains(errOut, "Đã có kho") {
		t.Fatalf("init over a vault: code %d, stderr %q", code, errOut)
	}
	if errOut := mustNotLog(t); errOut != "" {
		t.Fatal(errOut)
	}

	out, errOut, code := runSotay(t, cliPass+"\n", "check", "--vault", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("check: code %d, stderr %q", code, errOut)
	}
	var check struct {
		Integrity     string `json:"integrity"`
		SchemaVersion int    `json:"schema_version"`
		Cases         int    `json:"cases"`
		Documents     int    `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &check); err != nil {
		t.Fatalf("check JSON: %v\n%s", err, out)
	}
	if check.Integrity != "ok" || check.Cases != 12 || check.Documents < 24 || check.SchemaVersion < 1 {
		t.Errorf("check = %+v", check)
	}

	out, _, code = runSotay(t, cliPass+"\n", "cases", "--vault", dir, "--search", "dang vien", "--format", "json")
	var cases []caseJSON
	if err := json.Unmarshal([]byte(out), &cases); err != nil || code != 0 {
		t.Fatalf("cases JSON: %v, code %d\n%s", err, code, out)
	}
	if len(cases) == 0 {
		t.Fatal("searching 'dang vien' found no demo case")
	}
	for _, c := range cases {
		if !strings.Contains(strings.ToLower(c.Title+c.Subject), "đảng viên") {
			t.Errorf("result %q does not match", c.Title)
		}
	}

	out, _, _ = runSotay(t, cliPass+"\n", "cases", "--vault", dir)
	if lines := strings.Count(strings.TrimSpace(out), "\n"); lines != 12 {
		t.Errorf("text case list has %d rows, want 12:\n%s", lines, out)
	}

	_, errOut, code = runSotay(t, "sai mật khẩu hoàn toàn\n", "check", "--vault", dir)
	if code != 1 || !strings.HasPrefix(errOut, "sotay: Sai mật khẩu") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("wrong passphrase: code %d, stderr %q", code, errOut)
	}
}

func TestCLIDamagedKeyFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kho")
	runSotay(t, cliPass+"\n"+cliPass+"\n", "init", "--vault", dir)
	os.WriteFile(filepath.Join(dir, "vault.key"), []byte("{hỏng"), 0o600)
	_, errOut, code := runSotay(t, cliPass+"\n", "check", "--vault", dir)
	if code != 1 || !strings.Contains(errOut, "vault.key") || !strings.Contains(errOut, "bị hỏng") {
		t.Errorf("damaged key file: code %d, stderr %q", code, errOut)
	}
}

func TestCLIUsage(t *testing.T) {
	if _, _, code := runSotay(t, "", "khong-co-lenh"); code != 2 {
		t.Errorf("unknown command exits %d, want 2", code)
	}
	if _, _, code := runSotay(t, "", "check", "--format", "xml"); code != 2 {
		t.Errorf("bad format exits %d, want 2", code)
	}
	if _, _, code := runSotay(t, "", "check", "--vault", t.TempDir()); code != 1 {
		t.Errorf("empty folder exits %d, want 1", code)
	}
	if out, _, code := runSotay(t, "", "help"); code != 0 || !strings.Contains(out, "sotay init") {
		t.Errorf("help: code %d\n%s", code, out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ics", "import", "lich.ics", "--dry-run"}, "sotay: không có tham số -dry-run."},
		{[]string{"cases", "--vault"}, "sotay: tham số -vault cần một giá trị ngay sau nó."},
		{[]string{"deadline", "--meeting", "2027-02-15", "--days", "năm"}, `sotay deadline: giá trị "năm" của tham số -days không hợp lệ.`},
	} {
		_, errOut, code := runSotay(t, "", c.args...)
		if code != 2 || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q first", c.args, code, errOut, c.want)
		}
	}
}

// mustNotLog runs a command under the C locale and returns a complaint
// when anything but the command's own output reached stderr.
func mustNotLog(t *testing.T) string {
	_, errOut, _ := runSotay(t, "", "help")
	if errOut != "" {
		return "help under LANG=C wrote to stderr: " + errOut
	}
	return ""
}
