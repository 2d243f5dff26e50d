package winsmoke

import (
	"bytes"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
)

// systemDLLs are the DLLs that every Windows 10 and 11 installation has
// in System32. An executable that imports anything else would need a DLL
// shipped beside it.
var systemDLLs = []string{
	"advapi32.dll", "bcrypt.dll", "comctl32.dll", "comdlg32.dll",
	"crypt32.dll", "dwmapi.dll", "gdi32.dll", "imm32.dll", "kernel32.dll",
	"msvcrt.dll", "ntdll.dll", "ole32.dll", "oleaut32.dll", "opengl32.dll",
	"setupapi.dll", "shell32.dll", "shlwapi.dll", "user32.dll",
	"userenv.dll", "uxtheme.dll", "version.dll", "winmm.dll", "ws2_32.dll",
}

// The subsystem values of the PE optional header.
const (
	subsystemGUI     = 2
	subsystemConsole = 3
)

// executables lists the files that `make windows` builds, with the
// subsystem each must have.
var executables = []struct {
	name      string
	subsystem uint16
}{
	{"sotay.exe", subsystemGUI},
	{"sotay-cli.exe", subsystemConsole},
}

var (
	windowsBuild     sync.Once
	windowsBuildErr  string
	linuxBuild       sync.Once
	linuxBuildErr    string
	moduleRootCached string
)

// moduleRoot returns the folder of go.mod above the package folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	if moduleRootCached != "" {
		return moduleRootCached
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			moduleRootCached = dir
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test folder")
		}
		dir = parent
	}
}

// requireTools skips the test when a program it needs is not installed.
func requireTools(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			t.Skipf("%s is not installed (`make test` installs it on Debian and Ubuntu): %v", name, err)
		}
	}
}

// buildWindows runs `make windows` once per test binary and returns the
// folder that holds the executables. Go's build cache makes a run after
// the first one take seconds, so every test run checks freshly linked
// executables.
func buildWindows(t *testing.T) string {
	t.Helper()
	requireTools(t, "make", "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-windres")
	root := moduleRoot(t)
	requireMainPackage(t, root)

	windowsBuild.Do(func() {
		windowsBuildErr = runMake(t, root, "windows")
	})
	if windowsBuildErr != "" {
		t.Fatal(windowsBuildErr)
	}
	return filepath.Join(root, "dist")
}

// buildLinux runs `make build` once per test binary and returns the path
// of the Linux executable.
func buildLinux(t *testing.T) string {
	t.Helper()
	requireTools(t, "make")
	root := moduleRoot(t)
	requireMainPackage(t, root)

	linuxBuild.Do(func() {
		linuxBuildErr = runMake(t, root, "build")
	})
	if linuxBuildErr != "" {
		t.Fatal(linuxBuildErr)
	}
	return filepath.Join(root, "bin", "sotay")
}

func requireMainPackage(t *testing.T, root string) {
	t.Helper()
	for _, name := range []string{"main.go", "FyneApp.toml"} {
		if _, err := os.Stat(filepath.Join(root, name)); err != nil {
			t.Skipf("the module root has no %s yet, so there is no app to build", name)
		}
	}
}

// runMake runs make on a target in root and returns "" or a failure
// message with the output.
func runMake(t *testing.T, root, target string) string {
	start := time.Now()
	cmd := exec.Command("make", "--no-print-directory", "-C", root, target)
	output, err := cmd.CombinedOutput()
	if err != nil {
		return "make " + target + " failed: " + err.Error() + "\n" + string(output)
	}
	t.Logf("make %s took %v", target, time.Since(start).Round(time.Millisecond))
	return ""
}

// importedDLLs lists the DLL names in the import table of an executable,
// as x86_64-w64-mingw32-objdump prints them, in lower case.
func importedDLLs(t *testing.T, path string) []string {
	t.Helper()
	output, err := exec.Command("x86_64-w64-mingw32-objdump", "-p", path).Output()
	if err != nil {
		t.Fatalf("objdump -p %s: %v", path, err)
	}
	var dlls []string
	for _, line := range strings.Split(string(output), "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "DLL Name:"); ok {
			dlls = append(dlls, strings.ToLower(strings.TrimSpace(name)))
		}
	}
	return dlls
}

func TestImportTableHasOnlySystemDLLs(t *testing.T) {
	dist := buildWindows(t)
	requireTools(t, "x86_64-w64-mingw32-objdump")

	for _, exe := range executables {
		t.Run(exe.name, func(t *testing.T) {
			dlls := importedDLLs(t, filepath.Join(dist, exe.name))
			t.Logf("imports: %s", strings.Join(dlls, ", "))
			if !slices.Contains(dlls, "kernel32.dll") {
				t.Errorf("kernel32.dll missing from the import table: objdump output not understood")
			}
			for _, dll := range dlls {
				if !slices.Contains(systemDLLs, dll) {
					t.Errorf("imports %s, which is not a Windows system DLL: link it statically", dll)
				}
			}
		})
	}
}

func TestSubsystem(t *testing.T) {
	dist := buildWindows(t)

	for _, exe := range executables {
		t.Run(exe.name, func(t *testing.T) {
			header := optionalHeader(t, filepath.Join(dist, exe.name))
			if header.Subsystem != exe.subsystem {
				t.Errorf("subsystem = %d, want %d", header.Subsystem, exe.subsystem)
			}
		})
	}
}

func optionalHeader(t *testing.T, path string) *pe.OptionalHeader64 {
	t.Helper()
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	header, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("%s is not a 64-bit PE file", path)
	}
	return header
}

func TestResourcesFromFyneApp(t *testing.T) {
	dist := buildWindows(t)
	name := appName(t)

	for _, exe := range executables {
		t.Run(exe.name, func(t *testing.T) {
			resources := resourceSection(t, filepath.Join(dist, exe.name))
			if !bytes.Contains(resources, utf16LE(name)) {
				t.Errorf("version information lacks the app name %q in UTF-16", name)
			}
			if !bytes.Contains(resources, utf16LE("GLFW_ICON")) {
				t.Error("no icon group named GLFW_ICON")
			}
			if !bytes.Contains(resources, []byte(`level="asInvoker"`)) {
				t.Error("no application manifest")
			}
		})
	}
}

// appName returns the Name in the [Details] table of FyneApp.toml.
func appName(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	match := regexp.MustCompile(`(?m)^\s*Name\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if match == nil {
		t.Fatal("FyneApp.toml has no Name")
	}
	return string(match[1])
}

func resourceSection(t *testing.T, path string) []byte {
	t.Helper()
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	section := f.Section(".rsrc")
	if section == nil {
		t.Fatalf("%s has no .rsrc section", path)
	}
	data, err := section.Data()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func utf16LE(s string) []byte {
	var out []byte
	for _, unit := range utf16.Encode([]rune(s)) {
		out = append(out, byte(unit), byte(unit>>8))
	}
	return out
}
