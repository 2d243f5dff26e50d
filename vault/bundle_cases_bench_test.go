package vault

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"sotay/model"
)

// casesFixture is a vault with many small cases, the key card of a peer
// vault and one bundle of all the cases to that peer.
type casesFixture struct {
	from    *Vault
	peer    KeyCard
	peerDir string
	ids     []string
	bundle  []byte
}

// newCasesFixture fills a vault with SOTAY_BENCH_CASES cases (10,000
// by default), each with a team of two, like BenchmarkBundleCLI in
// package main, and exports them to a peer vault, which it leaves closed
// in the folder peerDir.
func newCasesFixture(b *testing.B) *casesFixture {
	dir := b.TempDir()
	f := &casesFixture{peerDir: filepath.Join(dir, "peer")}
	if err := f.fill(dir); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { f.from.Close() })
	return f
}

func (f *casesFixture) fill(dir string) error {
	from, err := Create(filepath.Join(dir, "from"), testPassphrase, CreateOptions{KDF: FloorKDF})
	if err != nil {
		return err
	}
	f.from = from
	peer, err := Create(f.peerDir, testPassphrase, CreateOptions{KDF: FloorKDF})
	if err != nil {
		return err
	}
	defer peer.Close()
	o, err := peer.EnsureOfficer("Người nhận", "")
	if err != nil {
		return err
	}
	f.peer = o.Card()

	n := 10_000
	if s, err := strconv.Atoi(os.Getenv("SOTAY_BENCH_CASES")); err == nil && s > 0 {
		n = s
	}
	for i := range n {
		c := &model.Case{
			Code:    fmt.Sprintf("KT-%05d", i),
			Title:   fmt.Sprintf("Kiểm tra đảng viên số %d khi có dấu hiệu vi phạm", i),
			Kind:    model.KindViolationInspection,
			Subject: model.Subject{Type: model.SubjectMember, Name: "Nguyễn Văn An", Unit: "Chi bộ Phòng Tài chính"},
			Status:  model.StatusInProgress,
			Start:   model.NewDate(2026, 11, 1),
			End:     model.NewDate(2027, 1, 30),
			Team: []model.TeamMember{{Name: "Trần Thị Bình", Role: model.RoleLead},
				{Name: "Lê Văn Cường", Role: model.RoleMember}},
		}
		if err := from.CreateCase(c, false); err != nil {
			return err
		}
		f.ids = append(f.ids, c.ID)
	}

	var buf bytes.Buffer
	if _, err := from.ExportBundle(context.Background(), f.request(), &buf); err != nil {
		return err
	}
	f.bundle = buf.Bytes()
	return nil
}

func (f *casesFixture) request() ExportRequest {
	return ExportRequest{Kind: KindCases, CaseIDs: f.ids, Recipients: []KeyCard{f.peer}}
}

// BenchmarkExportBundleCases exports 10,000 cases (SOTAY_BENCH_CASES) to
// memory, in process and without the unlock:
//
//	go test -tags "sqlite_fts5 sqlite_secure_delete" -run '^$' -bench BundleCases -benchtime 3x ./vault/
func BenchmarkExportBundleCases(b *testing.B) {
	f := newCasesFixture(b)
	b.SetBytes(int64(len(f.bundle)))
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := f.from.ExportBundle(context.Background(), f.request(), &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportBundleCases imports the bundle of 10,000 cases
// (SOTAY_BENCH_CASES) into a copy of the empty peer vault, in process.
// Copying and unlocking the vault are not timed.
func BenchmarkImportBundleCases(b *testing.B) {
	f := newCasesFixture(b)
	b.SetBytes(int64(len(f.bundle)))
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		to, err := copyAndOpen(f.peerDir, filepath.Join(dir, strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p, err := to.ImportBundle(context.Background(), bytes.NewReader(f.bundle), int64(len(f.bundle)),
			ImportOptions{TrustSender: true})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if p.Total.Added != p.Manifest.Records {
			b.Fatalf("added %d of %d records", p.Total.Added, p.Manifest.Records)
		}
		to.Close()
	}
}

func copyAndOpen(from, to string) (*Vault, error) {
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		return nil, err
	}
	return Open(to, testPassphrase)
}
