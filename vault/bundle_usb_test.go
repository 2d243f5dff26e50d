package vault

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"

	"sotay/model"
)

// A stick pulled out between the free-space check and the creation of
// the temporary file makes os.CreateTemp fail. The export must return
// that error, leave no file and log no export.
func TestExportFileTempCreateFails(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-11", 1000)
	stick := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	defer func(orig func(string, string) (bundleFile, error)) { createBundleTemp = orig }(createBundleTemp)
	createBundleTemp = func(dir, pattern string) (bundleFile, error) {
		if err := os.Remove(dir); err != nil {
			t.Fatal(err)
		}
		return os.CreateTemp(dir, pattern)
	}
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	_, err := a.ExportBundleFile(context.Background(), req, filepath.Join(stick, "goi.sotay"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("export after the folder vanished = %v, want a not-exist error", err)
	}
	if _, err := os.Stat(stick); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder came back or a file was left: %v", err)
	}
	if n := exportLogCount(t, a); n != 0 {
		t.Errorf("%d exports logged, want 0", n)
	}
}

func exportLogCount(t *testing.T, v *Vault) int {
	t.Helper()
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM exchange_log WHERE direction = 'out'`).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Attendees whose names fold to the same file name each get their own
// pack file, so that no pack replaces another while both sends are
// recorded as done.
func TestMeetingPacksSameNames(t *testing.T) {
	f := newMeetingFixture(t)
	sender := f.v
	for _, ver := range f.versions {
		if err := sender.AppraiseVersion(ver.ID, model.NewDate(2026, time.December, 10), "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	own, err := sender.EnsureOfficer("Thư ký hội nghị", "")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Nguyễn Văn An", "Nguyễn Văn An", "Nguyen Van An"}
	receivers := make([]*Vault, len(names))
	for i, name := range names {
		f.members[i].Name = name
		if err := sender.SaveMember(&f.members[i]); err != nil {
			t.Fatal(err)
		}
		receivers[i], _ = newTestVault(t)
		officer, err := receivers[i].EnsureOfficer(name, "Ủy viên")
		if err != nil {
			t.Fatal(err)
		}
		if err := receivers[i].AddKeyCard(own.Card()); err != nil {
			t.Fatal(err)
		}
		if err := sender.AddKeyCard(officer.Card()); err != nil {
			t.Fatal(err)
		}
		if err := sender.LinkMemberKey(f.members[i].ID, officer.Card().Fingerprint()); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	results, err := sender.ExportMeetingPacks(context.Background(), f.meeting.ID, dir,
		model.NewDate(2026, time.December, 15), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("pack of %s: %v", r.Member.ID, r.Err)
		}
		paths[r.Path] = true
	}
	if len(paths) != len(names) {
		t.Errorf("%d distinct pack paths for %d attendees: %v", len(paths), len(names), paths)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(names) {
		t.Errorf("%d files written, want %d", len(entries), len(names))
	}
	for i, r := range results {
		member := -1
		for j := range f.members {
			if f.members[j].ID == r.Member.ID {
				member = j
			}
		}
		if member < 0 {
			t.Fatalf("result %d names an unknown member %s", i, r.Member.ID)
		}
		file, err := os.Open(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := file.Stat()
		_, err = receivers[member].ImportBundle(context.Background(), file, info.Size(), ImportOptions{})
		file.Close()
		if err != nil {
			t.Errorf("attendee %d imports %s: %v", member, filepath.Base(r.Path), err)
		}
	}
}

func TestPackFileNameWithoutLetters(t *testing.T) {
	m := model.Meeting{Number: "Kỳ họp thứ 15"}
	if got := packFileName(m, model.Member{Name: "😀"}); got != "ky-hop-thu-15-thanh-vien.sotay" {
		t.Errorf("packFileName of a name without letters = %q", got)
	}
	used := map[string]bool{}
	var got []string
	for _, name := range []string{"a.sotay", "A.sotay", "a.sotay", "a-2.sotay"} {
		got = append(got, uniquePackName(name, used))
	}
	want := []string{"a.sotay", "A-2.sotay", "a-3.sotay", "a-2-2.sotay"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// failingReadFile is a bundle file on a stick that is pulled out after
// limit bytes were read: later reads fail as the operating system
// reports it, with a *fs.PathError.
type failingReadFile struct {
	*os.File
	limit int64
}

func (f *failingReadFile) Read(p []byte) (int, error) {
	if f.limit <= 0 {
		return 0, &fs.PathError{Op: "read", Path: f.Name(), Err: syscall.EIO}
	}
	if int64(len(p)) > f.limit {
		p = p[:f.limit]
	}
	n, err := f.File.Read(p)
	f.limit -= int64(n)
	return n, err
}

// A read that fails in the middle of an import is reported as a failed
// read, not as an altered or truncated bundle: the bundle is likely fine
// and the stick is the problem. The vault stays unchanged.
func TestImportReadFailure(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-12", 300<<10)
	path := filepath.Join(t.TempDir(), "goi.sotay")
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	if _, err := a.ExportBundleFile(context.Background(), req, path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	before := recordDump(t, b)
	for _, limit := range []int64{0, 100, 1 << 16, info.Size() / 2, info.Size() - 1, info.Size()} {
		file, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		src := &failingReadFile{File: file, limit: limit}
		_, err = b.ImportBundle(context.Background(), src, info.Size(), ImportOptions{})
		file.Close()
		if !errors.Is(err, ErrBundleReadFailed) {
			t.Errorf("read failing after %d bytes: %v, want ErrBundleReadFailed", limit, err)
		}
		if !errors.Is(err, syscall.EIO) {
			t.Errorf("read failing after %d bytes: %v does not keep the cause", limit, err)
		}
	}
	if after := recordDump(t, b); after != before {
		t.Error("the vault changed after failed reads")
	}
}

// resign decrypts a bundle for receiver, lets edit change its records,
// and signs and encrypts it again as signer would: the result is a bundle
// that a trusted sender made, with whatever rows edit left.
func resign(t *testing.T, signer, receiver *Vault, bundle []byte, edit func([]byte) []byte) []byte {
	t.Helper()
	own, err := receiver.Officer()
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.Decrypt(bytes.NewReader(bundle), own.identity)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}

	start := len(bundleMagic) + 2
	size := int(binary.BigEndian.Uint32(plain[start:]))
	var m Manifest
	if err := json.Unmarshal(plain[start+4:start+4+size], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 0 {
		t.Fatal("resign handles bundles without attachments only")
	}
	recordsAt := start + 4 + size + ed25519.SignatureSize
	records := edit(bytes.Clone(plain[recordsAt : recordsAt+int(m.RecordsSize)]))
	sum := sha256.Sum256(records)
	m.RecordsSize, m.RecordsSHA256 = int64(len(records)), hex.EncodeToString(sum[:])

	body, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	sender, err := signer.Officer()
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), plain[:start]...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	out = append(out, body...)
	out = append(out, ed25519.Sign(sender.signing, signedManifest(body))...)
	out = append(out, records...)
	out = append(out, endMarker...)
	out = append(out, make([]byte, paddedSize(int64(len(out)))-int64(len(out)))...)

	var sealed bytes.Buffer
	w, err := age.Encrypt(&sealed, own.identity.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	w.Write(out)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return sealed.Bytes()
}

// A signed bundle whose rows break the vault's constraints (rows of a
// case without its id, or naming a case that exists nowhere) comes from
// a damaged or forged export. It is rejected as tampered, the vault stays
// as it was, and no transaction stays open to block the next import.
func TestImportRowsBreakingConstraints(t *testing.T) {
	a, b := officerPair(t)
	c := sampleCase()
	c.Code = "KT-13"
	if err := a.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	caseIDField := regexp.MustCompile(`"case_id":"[^"]*",`)
	edits := map[string]func([]byte) []byte{
		"missing case_id": func(records []byte) []byte {
			return caseIDField.ReplaceAll(records, nil)
		},
		"unknown case_id": func(records []byte) []byte {
			return caseIDField.ReplaceAll(records, []byte(`"case_id":"khong-co",`))
		},
	}
	before := recordDump(t, b)
	for name, edit := range edits {
		changed := resign(t, a, b, bundle, edit)
		_, err := importBytes(b, changed, ImportOptions{})
		if !errors.Is(err, ErrBundleTampered) {
			t.Errorf("%s: import = %v, want ErrBundleTampered", name, err)
		}
	}
	if after := recordDump(t, b); after != before {
		t.Error("the vault changed after rejected imports")
	}
	if _, err := importBytes(b, bundle, ImportOptions{}); err != nil {
		t.Errorf("the unchanged bundle after the rejected ones: %v", err)
	}
}
