//go:build linux

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"

	"sotay/model"
	"sotay/vault"
)

// The bundle benchmarks run the sotay binary and age's own command (built
// from filippo.io/age v1.3.2 into a temporary folder) on the same data,
// so that MB/s and the peak memory of each process compare directly:
//
//	go test -tags "sqlite_fts5 sqlite_secure_delete" -run '^$' -bench BundleCLI -benchtime 1x -timeout 60m .
//
// Setup writes 1 GiB of pseudo-random documents (8 of 128 MiB) and
// 10 000 cases into vaults created with the floor Argon2id parameters
// (vault.FloorKDF: t=3, 64 MiB, 4 lanes); it takes about a minute and
// runs only under -bench. SOTAY_BENCH_DOCS (number of 128 MiB documents)
// and SOTAY_BENCH_CASES make the data smaller on a slow or busy machine.
// SOTAY_BENCH_KEEP=1 keeps the temporary folder, so that the commands
// can be run again by hand, for example under /usr/bin/time -v.
//
// Every sotay process unlocks its vault first (Argon2id, then the
// integrity check of vault.db). The unlock sub-benchmarks time `sotay key
// list`, which unlocks and reads one table. The export and import
// sub-benchmarks also report bundle-MB/s, the throughput of the bundle
// part alone: the bytes over the process's time minus the unlock time of
// its vault.

var benchPassphrase = []byte("mật khẩu kho đo hiệu năng")

// benchEnv is the shared setup: binaries, vaults and plain copies.
type benchEnv struct {
	dir       string
	sotay     string
	age       string
	ageKey    string // identity file
	ageRecip  string
	cardB     string
	filesDir  string // same content as the vault's documents, as files
	casesDir  string // one JSON file per case
	docVault  string // A: 1 GiB of documents in one case
	caseVault string // C: 10 000 cases
	empty     string // B: empty vault whose key the bundles are for
	caseID    string
	docBytes  int64
	caseBytes int64
}

var (
	benchOnce sync.Once
	bench     *benchEnv
	benchErr  error
)

func setupBench(b *testing.B) *benchEnv {
	b.Helper()
	benchOnce.Do(func() { bench, benchErr = newBenchEnv() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return bench
}

func newBenchEnv() (*benchEnv, error) {
	dir, err := os.MkdirTemp("", "sotay-bench-")
	if err != nil {
		return nil, err
	}
	e := &benchEnv{dir: dir, sotay: filepath.Join(dir, "sotay"), age: filepath.Join(dir, "age")}
	steps := []struct {
		name string
		run  func() error
	}{
		{"build sotay", e.buildSotay}, {"build age", e.buildAge}, {"create vaults", e.makeVaults},
		{"store documents", e.fillDocuments}, {"store cases", e.fillCases},
	}
	for _, step := range steps {
		if err := step.run(); err != nil {
			return nil, fmt.Errorf("%s: %w", step.name, err)
		}
	}
	return e, nil
}

func (e *benchEnv) buildSotay() error {
	out, err := exec.Command("go", "build", "-tags", "sqlite_fts5 sqlite_secure_delete", "-o", e.sotay, ".").CombinedOutput()
	if err != nil {
		return fmt.Errorf("build sotay: %v: %s", err, out)
	}
	return nil
}

// buildAge builds age's command in a module of its own, so that this
// module's go.mod and go.sum stay as they are.
func (e *benchEnv) buildAge() error {
	mod := filepath.Join(e.dir, "agemod")
	os.MkdirAll(mod, 0o755)
	for _, args := range [][]string{
		{"mod", "init", "agebuild"},
		{"get", "filippo.io/age/cmd/age@v1.3.2"},
		{"build", "-o", e.age, "filippo.io/age/cmd/age"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %v: %v: %s", args, err, out)
		}
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	e.ageKey, e.ageRecip = filepath.Join(e.dir, "age.key"), id.Recipient().String()
	return os.WriteFile(e.ageKey, []byte(id.String()+"\n"), 0o600)
}

func (e *benchEnv) makeVaults() error {
	e.docVault, e.caseVault, e.empty = filepath.Join(e.dir, "A"), filepath.Join(e.dir, "C"), filepath.Join(e.dir, "B")
	officers := map[string]*vault.Officer{}
	for _, d := range []string{e.docVault, e.caseVault, e.empty} {
		v, err := vault.Create(d, benchPassphrase, vault.CreateOptions{KDF: vault.FloorKDF})
		if err != nil {
			return err
		}
		if officers[d], err = v.EnsureOfficer("Cán bộ "+filepath.Base(d), ""); err != nil {
			return err
		}
		v.Close()
	}
	e.cardB = filepath.Join(e.dir, "b.card")
	if err := os.WriteFile(e.cardB, officers[e.empty].Card().Marshal(), 0o600); err != nil {
		return err
	}
	v, err := vault.Open(e.empty, benchPassphrase)
	if err != nil {
		return err
	}
	defer v.Close()
	for _, d := range []string{e.docVault, e.caseVault} {
		if err := v.AddKeyCard(officers[d].Card()); err != nil {
			return err
		}
	}
	return nil
}

// fillDocuments stores 8 documents of 128 MiB of pseudo-random bytes in
// one case of A, and the same bytes as files for tar.
func (e *benchEnv) fillDocuments() error {
	v, err := vault.Open(e.docVault, benchPassphrase)
	if err != nil {
		return err
	}
	defer v.Close()
	c := benchCase(0)
	if err := v.CreateCase(c, false); err != nil {
		return err
	}
	e.caseID = c.ID
	e.filesDir = filepath.Join(e.dir, "files")
	os.MkdirAll(e.filesDir, 0o755)
	rng := rand.NewChaCha8([32]byte{1})
	for i := range envInt("SOTAY_BENCH_DOCS", 8) {
		data := make([]byte, 128<<20)
		rng.Read(data)
		name := fmt.Sprintf("tai-lieu-%d.pdf", i)
		if err := os.WriteFile(filepath.Join(e.filesDir, name), data, 0o600); err != nil {
			return err
		}
		doc := &model.Document{CaseID: c.ID, Name: name}
		if err := v.AddDocument(context.Background(), doc, bytes.NewReader(data), nil); err != nil {
			return err
		}
		e.docBytes += int64(len(data))
	}
	return nil
}

// fillCases stores 10 000 cases with a team of two in C, and each case
// as a JSON file for tar.
func (e *benchEnv) fillCases() error {
	v, err := vault.Open(e.caseVault, benchPassphrase)
	if err != nil {
		return err
	}
	defer v.Close()
	e.casesDir = filepath.Join(e.dir, "cases")
	os.MkdirAll(e.casesDir, 0o755)
	for i := range envInt("SOTAY_BENCH_CASES", 10_000) {
		c := benchCase(i)
		if err := v.CreateCase(c, false); err != nil {
			return err
		}
		data, _ := json.Marshal(c)
		if err := os.WriteFile(filepath.Join(e.casesDir, c.ID+".json"), data, 0o600); err != nil {
			return err
		}
		e.caseBytes += int64(len(data))
	}
	return nil
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func benchCase(i int) *model.Case {
	return &model.Case{
		Code:    fmt.Sprintf("KT-%05d", i),
		Title:   fmt.Sprintf("Kiểm tra đảng viên số %d khi có dấu hiệu vi phạm", i),
		Kind:    model.KindViolationInspection,
		Subject: model.Subject{Type: model.SubjectMember, Name: "Nguyễn Văn An", Unit: "Chi bộ Phòng Tài chính"},
		Status:  model.StatusInProgress,
		Start:   model.NewDate(2026, 11, 1),
		End:     model.NewDate(2027, 1, 30),
		Team:    []model.TeamMember{{Name: "Trần Thị Bình", Role: model.RoleLead}, {Name: "Lê Văn Cường", Role: model.RoleMember}},
	}
}

// runMeasured runs a command under GNU time with the vault passphrase on
// standard input and returns the peak resident memory of the command and
// its children, in MiB (the "Maximum resident set size" of time -v), and
// the wall time. (The rusage of a child of this process would start from
// this process's own size, which holds the test data.)
func runMeasured(b *testing.B, name string, args ...string) (float64, time.Duration) {
	b.Helper()
	report := filepath.Join(b.TempDir(), "rss")
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", report, name}, args...)...)
	cmd.Stdin = bytes.NewReader(append(benchPassphrase, '\n'))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %v: %v: %s", name, args, err, stderr.Bytes())
	}
	elapsed := time.Since(start)
	text, _ := os.ReadFile(report)
	kib, _ := strconv.Atoi(strings.TrimSpace(string(text)))
	return float64(kib) / 1024, elapsed
}

// unlockTime returns the least wall time of three `sotay key list` runs
// on vault: starting the process and unlocking the vault, with almost no
// other work.
func unlockTime(b *testing.B, sotay, vault string) time.Duration {
	b.Helper()
	least := time.Duration(0)
	for range 3 {
		_, d := runMeasured(b, sotay, "key", "list", "--vault", vault)
		if least == 0 || d < least {
			least = d
		}
	}
	return least
}

// reportBundleRate reports the throughput of the bundle part: n bytes
// over the process time minus the unlock time.
func reportBundleRate(b *testing.B, n int64, process, unlock time.Duration) {
	if process > unlock {
		b.ReportMetric(float64(n)/1e6/(process-unlock).Seconds(), "bundle-MB/s")
	}
}

// copyDir copies a vault folder, so that each import starts empty.
func copyDir(b *testing.B, from, to string) {
	b.Helper()
	os.RemoveAll(to)
	if out, err := exec.Command("cp", "-r", from, to).CombinedOutput(); err != nil {
		b.Fatalf("cp: %v: %s", err, out)
	}
}

func BenchmarkBundleCLI(b *testing.B) {
	e := setupBench(b)
	if os.Getenv("SOTAY_BENCH_KEEP") == "" {
		b.Cleanup(func() { os.RemoveAll(e.dir) })
	} else {
		b.Logf("the vaults, bundles and plain files stay in %s", e.dir)
	}
	data := []struct {
		name   string
		vault  string
		flags  []string
		plain  string
		nbytes int64
	}{
		{"attachments", e.docVault, []string{"--case", e.caseID}, e.filesDir, e.docBytes},
		{"cases", e.caseVault, []string{"--all"}, e.casesDir, e.caseBytes},
	}
	var emptyUnlock time.Duration
	b.Run("empty/unlock/sotay", func(b *testing.B) {
		for b.Loop() {
			emptyUnlock = unlockTime(b, e.sotay, e.empty)
		}
		b.ReportMetric(emptyUnlock.Seconds(), "unlock-s")
	})
	for _, d := range data {
		out := filepath.Join(e.dir, d.name+".sotay")
		tarOut := filepath.Join(e.dir, d.name+".tar.age")
		var unlock time.Duration
		b.Run(d.name+"/unlock/sotay", func(b *testing.B) {
			for b.Loop() {
				unlock = unlockTime(b, e.sotay, d.vault)
			}
			b.ReportMetric(unlock.Seconds(), "unlock-s")
		})
		b.Run(d.name+"/export/sotay", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			var rss float64
			var took time.Duration
			for b.Loop() {
				args := append([]string{"bundle", "export", "--vault", d.vault, "--to", e.cardB,
					"--out", out, "--confirm-classified"}, d.flags...)
				rss, took = runMeasured(b, e.sotay, args...)
			}
			b.ReportMetric(rss, "peak-MiB")
			reportBundleRate(b, d.nbytes, took, unlock)
		})
		b.Run(d.name+"/export/tar+age", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			var rss float64
			for b.Loop() {
				rss, _ = runMeasured(b, "sh", "-c", fmt.Sprintf("tar -cf - -C %s . | %s -r %s -o %s",
					d.plain, e.age, e.ageRecip, tarOut))
			}
			b.ReportMetric(rss, "peak-MiB")
		})
		// The same made durable, as sotay's export is: the fsync of the
		// output costs about as much as the rest on some disks.
		b.Run(d.name+"/export/tar+age+sync", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			for b.Loop() {
				runMeasured(b, "sh", "-c", fmt.Sprintf("tar -cf - -C %s . | %s -r %s -o %s && sync %s",
					d.plain, e.age, e.ageRecip, tarOut, tarOut))
			}
		})
		b.Run(d.name+"/import/sotay", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			var rss float64
			var took time.Duration
			target := filepath.Join(e.dir, "import-"+d.name)
			for b.Loop() {
				b.StopTimer()
				copyDir(b, e.empty, target)
				b.StartTimer()
				rss, took = runMeasured(b, e.sotay, "bundle", "import", out, "--vault", target)
			}
			b.ReportMetric(rss, "peak-MiB")
			reportBundleRate(b, d.nbytes, took, emptyUnlock)
		})
		b.Run(d.name+"/import/tar+age", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			var rss float64
			target := filepath.Join(e.dir, "untar-"+d.name)
			for b.Loop() {
				b.StopTimer()
				os.RemoveAll(target)
				os.MkdirAll(target, 0o755)
				b.StartTimer()
				rss, _ = runMeasured(b, "sh", "-c", fmt.Sprintf("%s -d -i %s %s | tar -xf - -C %s",
					e.age, e.ageKey, tarOut, target))
			}
			b.ReportMetric(rss, "peak-MiB")
		})
		b.Run(d.name+"/import/tar+age+sync", func(b *testing.B) {
			b.SetBytes(d.nbytes)
			target := filepath.Join(e.dir, "untar-sync-"+d.name)
			for b.Loop() {
				b.StopTimer()
				os.RemoveAll(target)
				os.MkdirAll(target, 0o755)
				b.StartTimer()
				runMeasured(b, "sh", "-c", fmt.Sprintf("%s -d -i %s %s | tar -xf - -C %s && find %s -exec sync {} +",
					e.age, e.ageKey, tarOut, target, target))
			}
		})
	}
}
