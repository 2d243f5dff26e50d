package winsmoke

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// installFolder is where the tests copy the executables inside the Wine
// prefix, so that they also run from a folder with Vietnamese letters.
const installFolder = `C:\Program Files\Sổ tay Kiểm tra`

// commandTimeout bounds one run of a command under Wine. Creating a
// vault calibrates Argon2id for about a second; the rest is start-up.
const commandTimeout = 3 * time.Minute

// winePrefix is a Wine prefix of the test binary's own, with drive D:
// mapped to a temporary folder.
type winePrefix struct {
	dir    string // WINEPREFIX
	driveD string // the Linux folder behind D:
	env    []string
}

var (
	prefixOnce sync.Once
	prefix     *winePrefix
	prefixErr  error
	tempRoot   string // removed by TestMain
)

func TestMain(m *testing.M) {
	code := m.Run()
	if prefix != nil {
		prefix.shutdown()
	}
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
	}
	os.Exit(code)
}

// sharedPrefix returns the Wine prefix, creating it on first use with
// the executables of `make windows` installed in it.
func sharedPrefix(t *testing.T) *winePrefix {
	t.Helper()
	requireTools(t, "wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc")
	dist := buildWindows(t)

	prefixOnce.Do(func() {
		prefix, prefixErr = newWinePrefix(t, dist)
	})
	if prefixErr != nil {
		t.Fatal(prefixErr)
	}
	return prefix
}

func newWinePrefix(t *testing.T, dist string) (*winePrefix, error) {
	var err error
	tempRoot, err = os.MkdirTemp("", "winsmoke-")
	if err != nil {
		return nil, err
	}
	p := &winePrefix{
		dir:    filepath.Join(tempRoot, "prefix"),
		driveD: filepath.Join(tempRoot, "drive-d"),
	}
	// mscoree and mshtml are disabled so that wineboot does not offer to
	// download Mono and Gecko, which the app does not use.
	p.env = append(os.Environ(),
		"WINEPREFIX="+p.dir,
		"WINEARCH=win64",
		"WINEDEBUG=-all",
		"WINEDLLOVERRIDES=mscoree,mshtml=",
		"LC_ALL=C.UTF-8",
	)
	for _, dir := range []string{p.dir, p.driveD} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}

	// A wineserver that stays up between commands saves each of them a
	// few seconds of start-up. It starts before wineboot, so the Wine
	// services that wineboot starts stay up too, with /dev/null as their
	// standard streams. It exits by itself 60 s after the last program,
	// should the test binary die before shutdown stops it.
	if err := p.command(context.Background(), "wineserver", "-p60").Run(); err != nil {
		return nil, fmt.Errorf("wineserver -p60 failed: %v", err)
	}
	start := time.Now()
	if err := p.command(context.Background(), "wineboot", "-i").Run(); err != nil {
		return nil, fmt.Errorf("wineboot -i failed: %v", err)
	}
	t.Logf("wineboot -i took %v", time.Since(start).Round(time.Millisecond))

	if err := os.Symlink(p.driveD, filepath.Join(p.dir, "dosdevices", "d:")); err != nil {
		return nil, fmt.Errorf("map drive D: %w", err)
	}
	if err := p.installProcessPrng(); err != nil {
		return nil, err
	}
	if err := p.installApp(dist); err != nil {
		return nil, err
	}
	return p, nil
}

// installProcessPrng compiles testdata/processprng.c into the prefix's
// System32, for Wine versions without a bcryptprimitives.dll.
//
// NOTE: only Debian 12's Wine 8.0, which has none, was tried. With a
// Wine that ships its own, Wine's DLL load order decides which copy runs.
func (p *winePrefix) installProcessPrng() error {
	target := filepath.Join(p.dir, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	cmd := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", target,
		filepath.Join("testdata", "processprng.c"), "-ladvapi32")
	if output, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build the ProcessPrng stand-in: %v\n%s", err, output)
	}
	return nil
}

// installApp copies the executables to installFolder.
func (p *winePrefix) installApp(dist string) error {
	folder := p.linuxPath(installFolder)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	for _, exe := range executables {
		data, err := os.ReadFile(filepath.Join(dist, exe.name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(folder, exe.name), data, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// linuxPath returns where a C: or D: path of the prefix lives on Linux.
func (p *winePrefix) linuxPath(windowsPath string) string {
	drive, rest := strings.ToLower(windowsPath[:2]), windowsPath[2:]
	base := map[string]string{
		"c:": filepath.Join(p.dir, "drive_c"),
		"d:": p.driveD,
	}[drive]
	if base == "" {
		panic("winsmoke: no drive " + drive)
	}
	return filepath.Join(base, filepath.FromSlash(strings.ReplaceAll(rest, `\`, "/")))
}

func (p *winePrefix) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = p.env
	return cmd
}

// shutdown stops the wineserver of the prefix and every Wine process
// started in it.
func (p *winePrefix) shutdown() {
	p.command(context.Background(), "wineserver", "-k").Run()
}

// result is what one run of a command returned.
type result struct {
	stdout, stderr string
	exitCode       int
	elapsed        time.Duration
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\nstdout:\n%s\nstderr:\n%s", r.exitCode, r.stdout, r.stderr)
}

// runCommand runs a program with stdin and returns its result. It fails
// the test only when the program cannot be started or times out.
//
// Output goes to files rather than pipes, so that a Wine process started
// on the side, which inherits them, cannot keep Run waiting.
func runCommand(t *testing.T, cmd *exec.Cmd, stdin string) result {
	t.Helper()
	stdout, stderr := outputFile(t), outputFile(t)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout = stdout
	cmd.Stderr = stderr

	start := time.Now()
	err := cmd.Run()
	r := result{stdout: readOutput(t, stdout), stderr: readOutput(t, stderr), elapsed: time.Since(start)}
	if exitErr, ok := err.(*exec.ExitError); ok && exitErr.Exited() {
		r.exitCode = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, r)
	}
	return r
}

// runWindows runs sotay-cli.exe under Wine.
func (p *winePrefix) runWindows(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	exe := installFolder + `\sotay-cli.exe`
	return runCommand(t, p.command(ctx, "wine", append([]string{exe}, args...)...), stdin)
}

// runLinux runs the Linux binary.
func runLinux(t *testing.T, binary, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return runCommand(t, cmd, stdin)
}

func outputFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "output-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readOutput(t *testing.T, f *os.File) string {
	t.Helper()
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
