package vault

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

const helperEnv = "SOTAY_IMPORT_HELPER"

// TestImportHelperProcess is not a test: TestImportKilledMidway runs the
// test binary with it to import a bundle in a process it can kill.
func TestImportHelperProcess(t *testing.T) {
	args := os.Getenv(helperEnv)
	if args == "" {
		t.Skip("helper process only")
	}
	var dir, bundle string
	fmt.Sscanf(args, "%s %s", &dir, &bundle)
	v, err := Open(dir, testPassphrase)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	f, err := os.Open(bundle)
	if err != nil {
		os.Exit(4)
	}
	info, _ := f.Stat()
	if _, err := v.ImportBundle(context.Background(), f, info.Size(), ImportOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(5)
	}
	v.Close()
	os.Exit(0)
}

// TestImportKilledMidway kills an importing process at random moments;
// the vault must then hold all of the bundle or none of it.
func TestImportKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	a, b := officerPair(t)
	var ids []string
	for i := range 2 {
		ids = append(ids, addCaseWithDocument(t, a, fmt.Sprintf("KT-K%d", i), 2<<20).ID)
	}
	bundle := filepath.Join(t.TempDir(), "goi.sotay")
	var buf bytes.Buffer
	req := ExportRequest{Kind: KindCases, CaseIDs: ids, Recipients: []KeyCard{cardOf(t, b)}}
	if _, err := a.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(bundle, buf.Bytes(), 0o600)
	template := b.Dir()
	b.Close()

	full := runHelper(t, copyVault(t, template), bundle, 0)
	t.Logf("a whole import takes %v", full)
	outcomes := map[int]int{}
	// Kills spread from early in the import to just after its end, so
	// that both outcomes show up.
	for range 4 {
		dir := copyVault(t, template)
		runHelper(t, dir, bundle, full/3+time.Duration(rand.Int64N(int64(full))))
		v, err := Open(dir, testPassphrase)
		if err != nil {
			t.Fatalf("open after kill: %v", err)
		}
		if err := v.Check(); err != nil {
			t.Errorf("integrity after kill: %v", err)
		}
		st, _ := v.Stats()
		outcomes[st.Cases]++
		if st.Cases != 0 && (st.Cases != len(ids) || st.Documents != len(ids)) {
			t.Errorf("after kill: %d cases and %d documents, want all %d or none", st.Cases, st.Documents, len(ids))
		}
		v.Close()
	}
	t.Logf("cases after each kill: %v", outcomes)
}

// runHelper imports bundle into the vault in dir in a child process and
// kills it after delay, or waits for it when delay is 0. It returns how
// long the child ran.
func runHelper(t *testing.T, dir, bundle string, delay time.Duration) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir+" "+bundle)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if delay == 0 {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper: %v: %s", err, stderr.Bytes())
		}
		return time.Since(start)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	cmd.Wait()
	return time.Since(start)
}

func copyVault(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "vault")
	os.MkdirAll(to, 0o700)
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), data, 0o600)
	}
	return to
}
