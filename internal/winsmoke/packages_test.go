package winsmoke

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// windowsOnlyTests are the packages with tests that build only for
// Windows, and the -test.run pattern that selects them. The rest of their
// tests run on Linux, and under Wine they would be slow and fail in
// os.RemoveAll, which Go 1.26 does in a way that Wine 8.0 does not
// implement.
var windowsOnlyTests = []struct {
	pkg, run string
}{
	{"./vault", "^TestWindows"},
}

// TestWindowsOnlyTestsUnderWine compiles the Windows-only tests of each
// package in windowsOnlyTests for Windows and runs them under Wine.
func TestWindowsOnlyTestsUnderWine(t *testing.T) {
	p := sharedPrefix(t)
	root := moduleRoot(t)

	for _, tt := range windowsOnlyTests {
		t.Run(tt.pkg, func(t *testing.T) {
			binary := filepath.Join(tempRoot, filepath.Base(tt.pkg)+".test.exe")
			build := exec.Command("go", "test", "-c", "-o", binary,
				"-tags", "sqlite_fts5 sqlite_secure_delete", "-ldflags", "-extldflags=-static", tt.pkg)
			build.Dir = root
			build.Env = append(os.Environ(), "CGO_ENABLED=1", "GOOS=windows", "GOARCH=amd64",
				"CC=x86_64-w64-mingw32-gcc")
			start := time.Now()
			if output, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go test -c %s for Windows failed: %v\n%s", tt.pkg, err, output)
			}
			t.Logf("go test -c took %v", time.Since(start).Round(time.Millisecond))

			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			r := runCommand(t, p.command(ctx, "wine", binary, "-test.run", tt.run, "-test.v"), "")
			t.Logf("under Wine:\n%s", r.stdout)
			if r.exitCode != 0 {
				t.Errorf("tests failed under Wine:\n%s", r)
			}
		})
	}
}
