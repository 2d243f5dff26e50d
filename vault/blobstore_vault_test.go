package vault

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sotay/model"
)

// addDocument stores content as a new document of case caseID.
func addDocument(t *testing.T, v *Vault, caseID, name string, content []byte) model.Document {
	t.Helper()
	doc := model.Document{CaseID: caseID, Name: name}
	if err := v.AddDocument(context.Background(), &doc, bytes.NewReader(content), nil); err != nil {
		t.Fatalf("AddDocument %s: %v", name, err)
	}
	return doc
}

func readDocument(v *Vault, id string) ([]byte, error) {
	var buf bytes.Buffer
	err := v.WriteDocument(id, &buf)
	return buf.Bytes(), err
}

// vaultWithDocument returns a vault holding one case with one document
// of content, its folder and the document.
func vaultWithDocument(t *testing.T, content []byte) (*Vault, string, model.Document) {
	t.Helper()
	v, dir := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	return v, dir, addDocument(t, v, c.ID, "tài liệu.pdf", content)
}

func TestDocumentStoredAsBlobFile(t *testing.T) {
	content := randomContent(20, 2*blobChunk+3)
	v, dir, doc := vaultWithDocument(t, content)
	files := blobFiles(t, dir)
	if len(files) != 1 || files[0] != v.blobs.path(doc.SHA256) {
		t.Fatalf("blobs holds %v, want the file of %s", files, doc.SHA256)
	}
	if got, err := readDocument(v, doc.ID); err != nil || !bytes.Equal(got, content) {
		t.Errorf("read back %d bytes, %v", len(got), err)
	}
	v.Close()
	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer v2.Close()
	if got, err := readDocument(v2, doc.ID); err != nil || !bytes.Equal(got, content) {
		t.Errorf("read back after reopening: %d bytes, %v", len(got), err)
	}
}

func TestDocumentContentStoredOnce(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	content := randomContent(21, 2*blobChunk+5)
	a := addDocument(t, v, c.ID, "a.pdf", content)
	b := addDocument(t, v, c.ID, "b.pdf", content)
	if a.SHA256 != b.SHA256 {
		t.Fatalf("same content, hashes %s and %s", a.SHA256, b.SHA256)
	}
	if files := blobFiles(t, dir); len(files) != 1 {
		t.Errorf("blobs holds %v, want one file", files)
	}
}

func TestDocumentDamagedBlobError(t *testing.T) {
	v, _, doc := vaultWithDocument(t, randomContent(22, 3000))
	path := v.blobs.path(doc.SHA256)
	data, _ := os.ReadFile(path)
	data[len(data)/2] ^= 0x04
	os.WriteFile(path, data, 0o600)
	_, err := readDocument(v, doc.ID)
	var fe *FileError
	if !errors.Is(err, ErrBlobDamaged) || !errors.As(err, &fe) || fe.Path != path {
		t.Errorf("err = %v, want ErrBlobDamaged naming %s", err, path)
	}
}

func TestMissingBlobRestoredByAddingAgain(t *testing.T) {
	v, _, doc := vaultWithDocument(t, []byte("quyết định"))
	os.Remove(v.blobs.path(doc.SHA256))
	if _, err := readDocument(v, doc.ID); !errors.Is(err, ErrBlobMissing) {
		t.Fatalf("err = %v, want ErrBlobMissing", err)
	}
	addDocument(t, v, doc.CaseID, "lại.pdf", []byte("quyết định"))
	if got, err := readDocument(v, doc.ID); err != nil || string(got) != "quyết định" {
		t.Errorf("after adding the content again: %q, %v", got, err)
	}
}

func TestOrphanBlobsRemovedOnOpen(t *testing.T) {
	v, dir, doc := vaultWithDocument(t, []byte("tờ trình"))
	kept := v.blobs.path(doc.SHA256)
	otherDir := filepath.Join(dir, BlobDirName, "cd")
	os.MkdirAll(otherDir, 0o700)
	orphans := []string{
		filepath.Join(filepath.Dir(kept), strings.Repeat("ab", 32)),
		filepath.Join(otherDir, strings.Repeat("cd", 32)),
		filepath.Join(dir, BlobDirName, blobTempPrefix+"123"),
	}
	data, _ := os.ReadFile(kept)
	for _, p := range orphans {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	v.Close()
	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer v2.Close()
	for _, p := range orphans {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left after open: %v", p, err)
		}
	}
	if got, err := readDocument(v2, doc.ID); err != nil || string(got) != "tờ trình" {
		t.Errorf("document after the orphan pass: %q, %v", got, err)
	}
}

func TestFailedWriteRemovesItsFile(t *testing.T) {
	v, dir, doc := vaultWithDocument(t, []byte("đã có"))
	// A second document under the same id fails on insert, after its
	// new content's file is in place: the rollback must take the file.
	dup := model.Document{CaseID: doc.CaseID, Name: "trùng.pdf"}
	dup.ID, dup.CreatedAt = doc.ID, doc.CreatedAt
	err := v.AddDocument(context.Background(), &dup, bytes.NewReader(randomContent(23, blobChunk+1)), nil)
	if err == nil {
		t.Fatal("a document with a duplicate id was stored")
	}
	if files := blobFiles(t, dir); len(files) != 1 {
		t.Errorf("blobs holds %v after the failed write, want only the first document's file", files)
	}
	if _, err := readDocument(v, doc.ID); err != nil {
		t.Errorf("first document after the failed write: %v", err)
	}
}

func TestFailedWriteKeepsSharedFile(t *testing.T) {
	content := []byte("dùng chung")
	v, dir, doc := vaultWithDocument(t, content)
	dup := model.Document{CaseID: doc.CaseID, Name: "trùng.pdf"}
	dup.ID, dup.CreatedAt = doc.ID, doc.CreatedAt
	if err := v.AddDocument(context.Background(), &dup, bytes.NewReader(content), nil); err == nil {
		t.Fatal("a document with a duplicate id was stored")
	}
	if got, err := readDocument(v, doc.ID); err != nil || string(got) != string(content) {
		t.Errorf("the committed document lost its file: %q, %v (files %v)", got, err, blobFiles(t, dir))
	}
}

func TestMaterialStoredAsBlobFile(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	content := randomContent(25, blobChunk+77)
	mat := &model.Material{ItemID: f.items[0].ID, Title: "Báo cáo"}
	ver := &model.MaterialVersion{Name: "báo cáo.pdf"}
	if err := v.AddMaterial(context.Background(), mat, ver, bytes.NewReader(content)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := v.WriteMaterialVersion(ver.ID, &buf); err != nil || !bytes.Equal(buf.Bytes(), content) {
		t.Errorf("material read back %d bytes, %v", buf.Len(), err)
	}
	os.Remove(v.blobs.path(ver.SHA256))
	if err := v.WriteMaterialVersion(ver.ID, &bytes.Buffer{}); !errors.Is(err, ErrBlobMissing) {
		t.Errorf("material without its file: err = %v, want ErrBlobMissing", err)
	}
}

func TestCheckReportsDamagedAndMissingBlobs(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	good := addDocument(t, v, c.ID, "tốt.pdf", randomContent(26, 1000))
	bad := addDocument(t, v, c.ID, "hỏng.pdf", randomContent(27, 1000))
	gone := addDocument(t, v, c.ID, "mất.pdf", randomContent(28, 1000))
	if err := v.Check(); err != nil {
		t.Fatalf("intact vault: %v", err)
	}
	path := v.blobs.path(bad.SHA256)
	data, _ := os.ReadFile(path)
	data[len(data)/2] ^= 0x80
	os.WriteFile(path, data, 0o600)
	os.Remove(v.blobs.path(gone.SHA256))

	err := v.Check()
	var ce *BlobCheckError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *BlobCheckError", err)
	}
	if missing, damaged := ce.Counts(); missing != 1 || damaged != 1 {
		t.Errorf("counts: %d missing, %d damaged; want 1 and 1", missing, damaged)
	}
	names := ce.Names()
	if len(names) != 2 || !strings.Contains(strings.Join(names, ","), "hỏng.pdf") ||
		!strings.Contains(strings.Join(names, ","), "mất.pdf") {
		t.Errorf("names = %v, want hỏng.pdf and mất.pdf", names)
	}
	if !errors.Is(err, ErrBlobMissing) || !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("error %v does not match both blob errors", err)
	}
	if _, err := readDocument(v, good.ID); err != nil {
		t.Errorf("intact document: %v", err)
	}
}

func TestLockStopsDocumentRead(t *testing.T) {
	v, _, doc := vaultWithDocument(t, randomContent(29, 6*blobChunk))
	w := &lockingWriter{v: v}
	err := v.WriteDocument(doc.ID, w)
	if !errors.Is(err, ErrClosed) {
		t.Errorf("err = %v after a lock during the read, want ErrClosed", err)
	}
	if w.n >= 6*blobChunk {
		t.Errorf("the read went on to the end (%d bytes) after the lock", w.n)
	}
}

// lockingWriter closes the vault when it takes its first chunk.
type lockingWriter struct {
	v *Vault
	n int
}

func (w *lockingWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		w.v.Close()
	}
	w.n += len(p)
	return len(p), nil
}

func TestImportStoresBlobFiles(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-31", 3*blobChunk+9)
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	if _, err := importBytes(b, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	docsA, _ := a.Documents(c.ID)
	docsB, _ := b.Documents(c.ID)
	if len(docsB) != 1 {
		t.Fatalf("%d documents imported", len(docsB))
	}
	want, _ := readDocument(a, docsA[0].ID)
	got, err := readDocument(b, docsB[0].ID)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("imported document: %d bytes, %v", len(got), err)
	}
	if files := blobFiles(t, b.Dir()); len(files) != 1 {
		t.Errorf("receiving blobs holds %v, want one file", files)
	}
}

func TestRejectedImportRemovesBlobFiles(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-32", 2*blobChunk)
	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	// Change one byte near the end of the attachment: its file is in
	// place before the reader finds that the SHA-256 differs.
	changed := reseal(t, b, bundle, func(p []byte) []byte {
		i := bytes.LastIndex(p, []byte("nội dung"))
		p[i] ^= 0x01
		return p
	})
	if _, err := importBytes(b, changed, ImportOptions{}); !errors.Is(err, ErrBundleTampered) {
		t.Fatalf("err = %v, want ErrBundleTampered", err)
	}
	if files := blobFiles(t, b.Dir()); len(files) != 0 {
		t.Errorf("blobs holds %v after a rejected import", files)
	}
}

func TestExportReportsDamagedBlob(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-33", blobChunk+5)
	docs, _ := a.Documents(c.ID)
	path := a.blobs.path(docs[0].SHA256)
	data, _ := os.ReadFile(path)
	data[len(data)-1] ^= 0x01
	os.WriteFile(path, data, 0o600)
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	out := filepath.Join(t.TempDir(), "goi.sotay")
	if _, err := a.ExportBundleFile(context.Background(), req, out); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("export of a damaged attachment: err = %v, want ErrBlobDamaged", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a bundle file was left: %v", err)
	}
}
