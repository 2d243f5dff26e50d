package winsmoke

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The passphrase has Vietnamese letters so that standard input is read
// as UTF-8 on both systems.
const (
	passphrase    = "mật khẩu thử nghiệm 2026"
	newPassphrase = passphrase + "\n" + passphrase + "\n"
)

// cliStep is one command run by both binaries. In args, {empty} and
// {demo} stand for the vault folders of the system running it.
type cliStep struct {
	name     string
	stdin    string
	args     []string
	json     bool // compare stdout as JSON
	exitCode int
	nonEmpty bool // the JSON output must be a non-empty list
	setup    bool // the steps after it need the vault it makes
}

// cliSteps run in order, each on the vaults the earlier ones made.
var cliSteps = []cliStep{
	{name: "init", stdin: newPassphrase, args: []string{"init", "--vault", "{empty}"}, setup: true},
	{name: "demo", stdin: newPassphrase, args: []string{"demo", "--vault", "{demo}", "--format", "json"}, json: true, setup: true},
	{name: "check empty", stdin: passphrase + "\n", args: []string{"check", "--vault", "{empty}", "--format", "json"}, json: true},
	{name: "check demo", stdin: passphrase + "\n", args: []string{"check", "--vault", "{demo}", "--format", "json"}, json: true},
	{name: "check text", stdin: passphrase + "\n", args: []string{"check", "--vault", "{demo}"}},
	{name: "cases", stdin: passphrase + "\n", args: []string{"cases", "--vault", "{demo}", "--format", "json"}, json: true, nonEmpty: true},
	{name: "cases text", stdin: passphrase + "\n", args: []string{"cases", "--vault", "{demo}"}},
	{name: "search", stdin: passphrase + "\n", args: []string{"cases", "--vault", "{demo}", "--search", "kiểm tra", "--format", "json"}, json: true, nonEmpty: true},
	{name: "search without tone marks", stdin: passphrase + "\n", args: []string{"cases", "--vault", "{demo}", "--search", "kiem tra", "--format", "json"}, json: true, nonEmpty: true},
	{name: "wrong passphrase", stdin: "sai mật khẩu\n", args: []string{"check", "--vault", "{demo}"}, exitCode: 1},
	{name: "init over a vault", stdin: newPassphrase, args: []string{"init", "--vault", "{demo}"}, exitCode: 1},
}

// vaultPaths are the vault folders of one system, keyed by the
// placeholders of cliStep.args.
type vaultPaths map[string]string

func (v vaultPaths) expand(args []string) []string {
	out := make([]string, len(args))
	for i, arg := range args {
		if path, ok := v[arg]; ok {
			arg = path
		}
		out[i] = arg
	}
	return out
}

// TestCLIUnderWine runs the command-line tool under Wine and on Linux on
// vaults in folders named "Hồ sơ" and expects the same output from both.
func TestCLIUnderWine(t *testing.T) {
	linuxBinary := buildLinux(t)
	p := sharedPrefix(t)

	linuxBase := filepath.Join(t.TempDir(), "Hồ sơ")
	linuxVaults := vaultPaths{"{empty}": filepath.Join(linuxBase, "Sổ trống"), "{demo}": filepath.Join(linuxBase, "Sổ mẫu")}
	windowsVaults := vaultPaths{"{empty}": `D:\Hồ sơ\Sổ trống`, "{demo}": `D:\Hồ sơ\Sổ mẫu`}
	if err := os.MkdirAll(linuxBase, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(p.linuxPath(`D:\Hồ sơ`), 0o755); err != nil {
		t.Fatal(err)
	}
	norm := normalizer{paths: map[string]string{}}
	for key := range linuxVaults {
		norm.paths[linuxVaults[key]] = key
		norm.paths[windowsVaults[key]] = key
	}

	for _, step := range cliSteps {
		ok := t.Run(step.name, func(t *testing.T) {
			linux := runLinux(t, linuxBinary, step.stdin, linuxVaults.expand(step.args)...)
			windows := p.runWindows(t, step.stdin, windowsVaults.expand(step.args)...)
			t.Logf("Linux %v, Wine %v", linux.elapsed.Round(1e6), windows.elapsed.Round(1e6))
			compareRuns(t, step, norm, linux, windows)
		})
		if !ok && step.setup {
			t.Fatalf("later steps need %q", step.name)
		}
	}

	t.Run("vault made on Linux", func(t *testing.T) {
		copied := `D:\Hồ sơ\Từ Linux`
		copyDir(t, linuxVaults["{demo}"], p.linuxPath(copied))
		sameData := normalizer{paths: map[string]string{linuxVaults["{demo}"]: "{demo}", copied: "{demo}"}}
		for _, command := range []string{"check", "cases"} {
			linux := runLinux(t, linuxBinary, passphrase+"\n", command, "--vault", linuxVaults["{demo}"], "--format", "json")
			windows := p.runWindows(t, passphrase+"\n", command, "--vault", copied, "--format", "json")
			// The same records, so ids and times must match as well.
			compareRuns(t, cliStep{name: command, json: true}, sameData, linux, windows)
		}
	})

	t.Run("bundles between systems", func(t *testing.T) {
		testBundles(t, p, linuxBinary, linuxBase, linuxVaults, windowsVaults)
	})

	t.Run("default vault in APPDATA", func(t *testing.T) {
		windows := p.runWindows(t, newPassphrase, "init")
		if windows.exitCode != 0 {
			t.Fatalf("init without --vault failed:\n%s", windows)
		}
		matches, _ := filepath.Glob(filepath.Join(p.dir, "drive_c", "users", "*", "AppData", "Roaming", "sotay", "vault.key"))
		if len(matches) != 1 {
			t.Fatalf("no vault.key in %%APPDATA%%\\sotay of the prefix; init printed:\n%s", windows)
		}
		if !strings.Contains(windows.stdout, `\AppData\Roaming\sotay`) {
			t.Errorf("init does not name the vault folder %%APPDATA%%\\sotay:\n%s", windows.stdout)
		}
	})
}

// compareRuns fails the test when either run did not end with the step's
// exit code or when their normalised outputs differ.
func compareRuns(t *testing.T, step cliStep, norm normalizer, linux, windows result) {
	t.Helper()
	if linux.exitCode != step.exitCode {
		t.Fatalf("Linux binary: want exit code %d, got:\n%s", step.exitCode, linux)
	}
	if windows.exitCode != step.exitCode {
		t.Fatalf("Windows binary under Wine: want exit code %d, got:\n%s", step.exitCode, windows)
	}

	linuxOut, windowsOut := norm.text(linux.stdout), norm.text(windows.stdout)
	if step.json {
		linuxOut, windowsOut = canonicalJSON(t, norm.json(linux.stdout)), canonicalJSON(t, norm.json(windows.stdout))
	}
	if linuxOut != windowsOut {
		t.Errorf("stdout differs\nLinux:\n%s\nWindows:\n%s", linuxOut, windowsOut)
	}
	if l, w := norm.text(linux.stderr), norm.text(windows.stderr); l != w {
		t.Errorf("stderr differs\nLinux:\n%s\nWindows:\n%s", l, w)
	}
	if step.nonEmpty {
		if list, ok := norm.json(linux.stdout).([]any); !ok || len(list) == 0 {
			t.Errorf("want a non-empty JSON list, got:\n%s", linux.stdout)
		}
	}
}

func canonicalJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// copyDir copies the regular files of one folder and its sub-folders into
// a new one.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, entry := range entries {
		if entry.IsDir() {
			// The vault keeps document contents in a blobs folder.
			copyDir(t, filepath.Join(from, entry.Name()), filepath.Join(to, entry.Name()))
			continue
		}
		if !entry.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, entry.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, entry.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// testBundles exports a backup bundle of each system's demo vault,
// imports it on the other system into a new vault, and expects the case
// list of the new vault to equal the original's, ids included. The
// Windows copy of the bundle passphrase file ends in CRLF, as Notepad
// writes it.
func testBundles(t *testing.T, p *winePrefix, linuxBinary, linuxBase string, linuxVaults, windowsVaults vaultPaths) {
	const bundlePassphrase = "gói bí mật thử nghiệm"
	linuxPassFile := filepath.Join(linuxBase, "gói.txt")
	windowsPassFile := `D:\Hồ sơ\gói.txt`
	writeFile(t, linuxPassFile, bundlePassphrase+"\n")
	writeFile(t, p.linuxPath(windowsPassFile), bundlePassphrase+"\r\n")
	exportArgs := func(vaultDir, passFile, out string) []string {
		return []string{"bundle", "export", "--vault", vaultDir, "--all", "--confirm-classified",
			"--bundle-passphrase-file", passFile, "--out", out, "--format", "json"}
	}
	importArgs := func(bundle, vaultDir, passFile, fingerprint string) []string {
		return []string{"bundle", "import", bundle, "--vault", vaultDir,
			"--bundle-passphrase-file", passFile, "--trust", fingerprint}
	}
	casesArgs := func(vaultDir string) []string {
		return []string{"cases", "--vault", vaultDir, "--format", "json"}
	}
	run := func(system string, r result) result {
		t.Helper()
		if r.exitCode != 0 {
			t.Fatalf("%s:\n%s", system, r)
		}
		return r
	}

	// Linux to Windows.
	linuxBundle := filepath.Join(linuxBase, "từ Linux.sotay")
	export := run("Linux export", runLinux(t, linuxBinary, passphrase+"\n", exportArgs(linuxVaults["{demo}"], linuxPassFile, linuxBundle)...))
	windowsBundle := `D:\Hồ sơ\từ Linux.sotay`
	copyFile(t, linuxBundle, p.linuxPath(windowsBundle))
	received := `D:\Hồ sơ\Sổ nhận từ Linux`
	run("Windows init", p.runWindows(t, newPassphrase, "init", "--vault", received))
	run("Windows import", p.runWindows(t, passphrase+"\n", importArgs(windowsBundle, received, windowsPassFile, senderFingerprint(t, export))...))
	original := runLinux(t, linuxBinary, passphrase+"\n", casesArgs(linuxVaults["{demo}"])...)
	restored := p.runWindows(t, passphrase+"\n", casesArgs(received)...)
	compareRuns(t, cliStep{name: "cases", nonEmpty: true}, normalizer{}, original, restored)

	// Windows to Linux.
	windowsBundle = `D:\Hồ sơ\từ Windows.sotay`
	export = run("Windows export", p.runWindows(t, passphrase+"\n", exportArgs(windowsVaults["{demo}"], windowsPassFile, windowsBundle)...))
	linuxReceived := filepath.Join(linuxBase, "Sổ nhận từ Windows")
	run("Linux init", runLinux(t, linuxBinary, newPassphrase, "init", "--vault", linuxReceived))
	run("Linux import", runLinux(t, linuxBinary, passphrase+"\n", importArgs(p.linuxPath(windowsBundle), linuxReceived, linuxPassFile, senderFingerprint(t, export))...))
	restored = runLinux(t, linuxBinary, passphrase+"\n", casesArgs(linuxReceived)...)
	original = p.runWindows(t, passphrase+"\n", casesArgs(windowsVaults["{demo}"])...)
	compareRuns(t, cliStep{name: "cases", nonEmpty: true}, normalizer{}, original, restored)
}

// senderFingerprint returns the sender_fingerprint field of the JSON
// output of `bundle export`.
func senderFingerprint(t *testing.T, export result) string {
	t.Helper()
	var manifest struct {
		SenderFingerprint string `json:"sender_fingerprint"`
	}
	if err := json.Unmarshal([]byte(export.stdout), &manifest); err != nil || manifest.SenderFingerprint == "" {
		t.Fatalf("no sender_fingerprint in the output of bundle export (%v):\n%s", err, export)
	}
	return manifest.SenderFingerprint
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}
