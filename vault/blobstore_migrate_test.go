package vault

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"sotay/model"
)

// insertOldDocument stores a document with SQL in the layout of earlier
// versions: a row of blobs and the content in 1 MiB rows of blob_chunks
// (none for an empty content).
func insertOldDocument(t *testing.T, v *Vault, caseID, name string, content []byte) model.Document {
	t.Helper()
	sum := sha256.Sum256(content)
	d := model.Document{CaseID: caseID, Name: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(content))}
	v.stamp(&d.Record)
	db, release, err := v.conn()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := db.Exec(`INSERT INTO blobs (sha256, size) VALUES (?, ?)`, d.SHA256, d.Size); err != nil {
		t.Fatal(err)
	}
	insertChunks(t, db, d.SHA256, content)
	_, err = db.Exec(`INSERT INTO documents (id, case_id, name, size, sha256, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.ID, caseID, d.Name, d.Size, d.SHA256, formatTime(d.CreatedAt),
		d.UpdatedAt.String(), d.Workstation)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func insertChunks(t *testing.T, db *sql.DB, sum string, content []byte) {
	t.Helper()
	for seq := 0; seq*blobChunk < len(content); seq++ {
		end := min((seq+1)*blobChunk, len(content))
		if _, err := db.Exec(`INSERT INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?)`,
			sum, seq, content[seq*blobChunk:end]); err != nil {
			t.Fatal(err)
		}
	}
}

func countChunks(t *testing.T, v *Vault) int {
	t.Helper()
	db, release, err := v.conn()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM blob_chunks`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func reopen(t *testing.T, v *Vault, dir string) *Vault {
	t.Helper()
	v.Close()
	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { v2.Close() })
	return v2
}

func TestChunksMoveToFilesOnOpen(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	contents := [][]byte{randomContent(40, 3*blobChunk+17), []byte("công văn"), {}}
	var docs []model.Document
	for i, content := range contents {
		docs = append(docs, insertOldDocument(t, v, c.ID, "cũ-"+string(rune('a'+i))+".pdf", content))
	}
	// A second document sharing the first content has no rows of its own.
	twin := docs[0]
	twin.ID, twin.Name = newID(), "trùng.pdf"
	db, release, _ := v.conn()
	_, err := db.Exec(`INSERT INTO documents (id, case_id, name, size, sha256, created_at, updated_at, workstation)
		SELECT ?, case_id, ?, size, sha256, created_at, updated_at, workstation FROM documents WHERE id = ?`,
		twin.ID, twin.Name, docs[0].ID)
	release()
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	before, _ := os.Stat(filepath.Join(dir, DatabaseFileName))

	v2, err := Open(dir, testPassphrase)
	if err != nil {
		t.Fatalf("open with chunks: %v", err)
	}
	defer v2.Close()
	for i, d := range docs {
		got, err := readDocument(v2, d.ID)
		if err != nil || !bytes.Equal(got, contents[i]) {
			t.Errorf("document %d after the move: %d bytes, %v", i, len(got), err)
		}
	}
	if got, err := readDocument(v2, twin.ID); err != nil || !bytes.Equal(got, contents[0]) {
		t.Errorf("document sharing a content: %d bytes, %v", len(got), err)
	}
	if n := countChunks(t, v2); n != 0 {
		t.Errorf("%d blob_chunks rows left", n)
	}
	if files := blobFiles(t, dir); len(files) != len(contents) {
		t.Errorf("blobs holds %d files, want %d", len(files), len(contents))
	}
	after, _ := os.Stat(filepath.Join(dir, DatabaseFileName))
	if after.Size() >= before.Size() {
		t.Errorf("vault.db is %d bytes after the move and %d before; VACUUM should shrink it", after.Size(), before.Size())
	}
	if err := v2.Check(); err != nil {
		t.Errorf("check after the move: %v", err)
	}
}

// TestInterruptedMoveFinishes leaves a content both in rows and in its
// file, as a crash between the file and the deletion of its rows does.
func TestInterruptedMoveFinishes(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	content := randomContent(41, 2*blobChunk+1)
	doc := addDocument(t, v, c.ID, "mới.pdf", content)
	db, release, _ := v.conn()
	insertChunks(t, db, doc.SHA256, content)
	release()
	// A half-written temporary file of the interrupted run.
	os.WriteFile(filepath.Join(dir, BlobDirName, blobTempPrefix+"99"), []byte("dở dang"), 0o600)

	v2 := reopen(t, v, dir)
	if got, err := readDocument(v2, doc.ID); err != nil || !bytes.Equal(got, content) {
		t.Errorf("document after the second move: %d bytes, %v", len(got), err)
	}
	if n := countChunks(t, v2); n != 0 {
		t.Errorf("%d blob_chunks rows left", n)
	}
	if files := blobFiles(t, dir); len(files) != 1 {
		t.Errorf("blobs holds %v, want one file", files)
	}
}

func TestDamagedChunksMoveAsDamaged(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	content := randomContent(42, blobChunk+3)
	doc := insertOldDocument(t, v, c.ID, "hỏng.pdf", content)
	db, release, _ := v.conn()
	db.Exec(`DELETE FROM blob_chunks WHERE sha256 = ? AND seq = 1`, doc.SHA256)
	release()

	v2 := reopen(t, v, dir)
	if _, err := readDocument(v2, doc.ID); err == nil {
		t.Error("a content that lost a chunk before the move reads without error")
	}
	if n := countChunks(t, v2); n != 0 {
		t.Errorf("%d blob_chunks rows left", n)
	}
}

func TestLeftoverChunksWithoutRowDeleted(t *testing.T) {
	v, dir := newTestVault(t)
	db, release, _ := v.conn()
	insertChunks(t, db, "pending-0192", []byte("dở dang"))
	release()
	v2 := reopen(t, v, dir)
	if n := countChunks(t, v2); n != 0 {
		t.Errorf("%d blob_chunks rows left", n)
	}
	if files := blobFiles(t, dir); len(files) != 0 {
		t.Errorf("blobs holds %v for rows of no content", files)
	}
}

func TestChunkMoveReportsProgress(t *testing.T) {
	v, dir := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	first := randomContent(41, 2*blobChunk+5)
	second := []byte("biên bản làm việc")
	insertOldDocument(t, v, c.ID, "một.pdf", first)
	insertOldDocument(t, v, c.ID, "hai.pdf", second)
	v.Close()

	type call struct{ done, total int64 }
	var calls []call
	v2, err := OpenWithProgress(dir, testPassphrase, func(done, total int64) {
		calls = append(calls, call{done, total})
	})
	if err != nil {
		t.Fatalf("open with chunks: %v", err)
	}
	want := int64(len(first) + len(second))
	if len(calls) != 3 {
		t.Fatalf("progress called %d times (%v), want 3: at the start and after each content", len(calls), calls)
	}
	if calls[0].done != 0 {
		t.Errorf("first call reports %d bytes done, want 0", calls[0].done)
	}
	for i, c := range calls {
		if c.total != want {
			t.Errorf("call %d reports a total of %d, want %d", i, c.total, want)
		}
	}
	if last := calls[len(calls)-1]; last.done != want {
		t.Errorf("last call reports %d bytes done, want %d", last.done, want)
	}
	v2.Close()

	calls = nil
	v3, err := OpenWithProgress(dir, testPassphrase, func(done, total int64) {
		calls = append(calls, call{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	defer v3.Close()
	if len(calls) != 0 {
		t.Errorf("open with nothing to move called progress %d times", len(calls))
	}
}
