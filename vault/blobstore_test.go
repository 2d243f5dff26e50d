package vault

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// randomContent returns n reproducible pseudo-random bytes.
func randomContent(seed byte, n int) []byte {
	b := make([]byte, n)
	mathrand.NewChaCha8([32]byte{seed}).Read(b)
	return b
}

// newTestStore returns a blob store in a new folder under a random data
// key, and the folder.
func newTestStore(t *testing.T) (*blobStore, string) {
	t.Helper()
	dir := t.TempDir()
	key := make([]byte, dataKeySize)
	rand.Read(key)
	s, err := newBlobStore(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// putContent writes content into s and returns its SHA-256.
func putContent(t *testing.T, s *blobStore, content []byte) string {
	t.Helper()
	w, err := s.create()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(content); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(content)
	hexSum := hex.EncodeToString(sum[:])
	if err := w.commit(hexSum, func(string) {}); err != nil {
		t.Fatal(err)
	}
	return hexSum
}

func getContent(s *blobStore, sum string, size int) ([]byte, error) {
	var buf bytes.Buffer
	err := s.copyTo(context.Background(), sum, int64(size), &buf, nil)
	return buf.Bytes(), err
}

// blobFiles returns the paths of the files under the blobs folder of the
// vault folder dir, temporary files included.
func blobFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, BlobDirName), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, path)
		}
		return nil
	})
	return out
}

func TestPadmeOverhead(t *testing.T) {
	for _, n := range []int64{0, 1, 2, 8, 9, 100, 1000, 1 << 20, 1<<20 + 1, 3<<20 + 12345, 127 << 20, 200 << 20} {
		p := padme(n)
		if p < n {
			t.Errorf("padme(%d) = %d, below the length", n, p)
		}
		if n > 0 && float64(p-n)/float64(n) > 0.12 {
			t.Errorf("padme(%d) = %d, more than 12 %% over", n, p)
		}
	}
	// Lengths close together share a padded length, which is the point.
	if padme(1_000_001) != padme(1_000_100) {
		t.Errorf("padme(1000001) = %d, padme(1000100) = %d; want one bucket", padme(1_000_001), padme(1_000_100))
	}
}

func TestBlobRoundTripSizes(t *testing.T) {
	s, dir := newTestStore(t)
	sizes := []int{0, 1, blobChunk - 9, blobChunk - 8, blobChunk, blobChunk + 1, 3*blobChunk + 4321}
	for i, n := range sizes {
		content := randomContent(byte(i), n)
		sum := putContent(t, s, content)
		got, err := getContent(s, sum, n)
		if err != nil {
			t.Fatalf("%d bytes: read: %v", n, err)
		}
		if !bytes.Equal(got, content) {
			t.Errorf("%d bytes: read back %d bytes that differ", n, len(got))
		}
		info, err := os.Stat(s.path(sum))
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if _, _, want := blobLayout(int64(n)); info.Size() != want {
			t.Errorf("%d bytes: file of %d bytes, want %d", n, info.Size(), want)
		}
	}
	files := blobFiles(t, dir)
	if len(files) != len(sizes) {
		t.Errorf("%d files in blobs, want %d", len(files), len(sizes))
	}
	for _, f := range files {
		base := filepath.Base(f)
		if filepath.Base(filepath.Dir(f)) != base[:2] || len(base) != 64 {
			t.Errorf("file %s is not blobs/<2 hex>/<64 hex>", f)
		}
		if info, _ := os.Stat(f); info.Mode().Perm()&0o077 != 0 {
			t.Errorf("file %s has mode %v, want no access for group and others", f, info.Mode().Perm())
		}
	}
}

func TestBlobNamesHideHashes(t *testing.T) {
	s, dir := newTestStore(t)
	content := []byte("biên bản kiểm tra")
	sum := putContent(t, s, content)
	raw, _ := hex.DecodeString(sum)
	for _, f := range blobFiles(t, dir) {
		if strings.Contains(f, sum[:16]) {
			t.Errorf("file name %s shows the content's SHA-256", f)
		}
		data, _ := os.ReadFile(f)
		for _, secret := range [][]byte{content, []byte(sum), raw} {
			if bytes.Contains(data, secret) {
				t.Errorf("file %s contains %q", f, secret)
			}
		}
	}
}

func TestBlobFlippedByteDetected(t *testing.T) {
	content := randomContent(2, 2*blobChunk+777)
	_, _, fileSize := blobLayout(int64(len(content)))
	for _, at := range []int64{0, 9, int64(blobHeaderSize), int64(blobHeaderSize) + blobSealed + 5, fileSize - 1} {
		s, _ := newTestStore(t)
		sum := putContent(t, s, content)
		path := s.path(sum)
		data, _ := os.ReadFile(path)
		data[at] ^= 0x01
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := getContent(s, sum, len(content))
		if !errors.Is(err, ErrBlobDamaged) {
			t.Errorf("byte %d flipped: err = %v, want ErrBlobDamaged", at, err)
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path {
			t.Errorf("byte %d flipped: error %v does not name %s", at, err, path)
		}
	}
}

func TestBlobTruncationDetected(t *testing.T) {
	content := randomContent(3, 2*blobChunk+100)
	_, _, fileSize := blobLayout(int64(len(content)))
	for _, cut := range []int64{1, 100, blobSealed, fileSize - int64(blobHeaderSize), fileSize} {
		s, _ := newTestStore(t)
		sum := putContent(t, s, content)
		if err := os.Truncate(s.path(sum), fileSize-cut); err != nil {
			t.Fatal(err)
		}
		if _, err := getContent(s, sum, len(content)); !errors.Is(err, ErrBlobDamaged) {
			t.Errorf("cut %d bytes: err = %v, want ErrBlobDamaged", cut, err)
		}
	}
}

// TestBlobLastChunkDropped cuts a file back to its first chunks and
// states the shorter length, so that the file size matches and only the
// last-chunk flag can tell.
func TestBlobLastChunkDropped(t *testing.T) {
	s, _ := newTestStore(t)
	content := randomContent(4, 3*blobChunk)
	sum := putContent(t, s, content)
	shorter := 2*blobChunk - blobTrailer // a length whose file ends after two full chunks
	if plain, chunks, _ := blobLayout(int64(shorter)); plain != 2*blobChunk || chunks != 2 {
		t.Fatalf("layout of %d bytes: %d plaintext bytes in %d chunks", shorter, plain, chunks)
	}
	os.Truncate(s.path(sum), int64(blobHeaderSize+2*blobSealed))
	if _, err := getContent(s, sum, shorter); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("two of four chunks read as a whole file: err = %v, want ErrBlobDamaged", err)
	}
}

func TestBlobChunkReorderDetected(t *testing.T) {
	s, _ := newTestStore(t)
	content := randomContent(4, 3*blobChunk)
	sum := putContent(t, s, content)
	path := s.path(sum)
	data, _ := os.ReadFile(path)
	h := blobHeaderSize
	first, second := data[h:h+blobSealed], data[h+blobSealed:h+2*blobSealed]
	swapped := append(append(append(bytes.Clone(data[:h]), second...), first...), data[h+2*blobSealed:]...)
	os.WriteFile(path, swapped, 0o600)
	if _, err := getContent(s, sum, len(content)); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("chunks 0 and 1 swapped: err = %v, want ErrBlobDamaged", err)
	}
}

func TestBlobSwappedFilesDetected(t *testing.T) {
	s, _ := newTestStore(t)
	a, b := randomContent(5, blobChunk+10), randomContent(6, blobChunk+10)
	sumA, sumB := putContent(t, s, a), putContent(t, s, b)
	pa, pb := s.path(sumA), s.path(sumB)
	tmp := pa + ".swap"
	if err := os.Rename(pa, tmp); err != nil {
		t.Fatal(err)
	}
	os.Rename(pb, pa)
	os.Rename(tmp, pb)
	for _, sum := range []string{sumA, sumB} {
		_, err := getContent(s, sum, len(a))
		if !errors.Is(err, ErrBlobDamaged) {
			t.Errorf("%s read from the other's file: err = %v, want ErrBlobDamaged", sum[:8], err)
		}
		if err != nil && !strings.Contains(err.Error(), "fails authentication") {
			t.Errorf("%s: err = %v, want the last chunk to fail authentication", sum[:8], err)
		}
	}
}

func TestBlobMissingFile(t *testing.T) {
	s, _ := newTestStore(t)
	sum := putContent(t, s, []byte("quyết định"))
	path := s.path(sum)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	_, err := getContent(s, sum, len("quyết định"))
	if !errors.Is(err, ErrBlobMissing) {
		t.Fatalf("err = %v, want ErrBlobMissing", err)
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != path {
		t.Errorf("error %v does not name %s", err, path)
	}
}

func TestBlobWrongSizeDetected(t *testing.T) {
	s, _ := newTestStore(t)
	content := randomContent(7, 5000)
	sum := putContent(t, s, content)
	// 5001 bytes pad to the same file size, so only the length in the
	// trailer can show the mismatch.
	if _, err := getContent(s, sum, 5001); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("read with a size one too large: err = %v, want ErrBlobDamaged", err)
	}
}

func TestOrphanBlobsRemoved(t *testing.T) {
	s, dir := newTestStore(t)
	kept := putContent(t, s, []byte("tờ trình"))
	orphan := putContent(t, s, []byte("tờ trình bị bỏ"))
	temp := filepath.Join(dir, BlobDirName, blobTempPrefix+"123")
	os.WriteFile(temp, []byte("x"), 0o600)
	if err := s.removeOrphans([]string{kept}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{s.path(orphan), temp} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left: %v", p, err)
		}
	}
	if got, err := getContent(s, kept, len("tờ trình")); err != nil || string(got) != "tờ trình" {
		t.Errorf("kept content: %q, %v", got, err)
	}
}

func TestOrphanPassKeepsAllWhenNoneMatch(t *testing.T) {
	s, _ := newTestStore(t)
	a := putContent(t, s, []byte("một"))
	// Rows that match no file at all mean the names are computed
	// differently from when the files were written: delete nothing.
	if err := s.removeOrphans([]string{"khác"}); err != nil {
		t.Fatal(err)
	}
	if !s.exists(a) {
		t.Error("the pass removed every file when no row matched")
	}
}

func TestBlobKeysDifferFromDataKey(t *testing.T) {
	key := bytes.Repeat([]byte{7}, dataKeySize)
	s, err := newBlobStore(t.TempDir(), key)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(s.key, key) || bytes.Equal(s.nameKey, key) || bytes.Equal(s.key, s.nameKey) {
		t.Error("the blob keys repeat the data key or each other")
	}
	s.close()
	if !bytes.Equal(s.key, make([]byte, len(s.key))) || !bytes.Equal(s.nameKey, make([]byte, len(s.nameKey))) {
		t.Error("close left key bytes")
	}
}
