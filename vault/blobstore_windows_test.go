//go:build windows

package vault

import (
	"bytes"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// windowsStore returns a blob store in a new folder that the test removes
// entry by entry, deepest first, because os.RemoveAll fails under Wine
// 8.0 with Go 1.26.
func windowsStore(t *testing.T) (*blobStore, string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "sotay-windows-blobs-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var paths []string
		filepath.Walk(dir, func(path string, _ os.FileInfo, err error) error {
			if err == nil {
				paths = append(paths, path)
			}
			return nil
		})
		sort.Sort(sort.Reverse(sort.StringSlice(paths)))
		for _, p := range paths {
			os.Remove(p)
		}
	})
	key := make([]byte, dataKeySize)
	rand.Read(key)
	s, err := newBlobStore(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func TestWindowsBlobRoundTripAndDamage(t *testing.T) {
	s, dir := windowsStore(t)
	content := randomContent(50, 2*blobChunk+99)
	sum := putContent(t, s, content)
	got, err := getContent(s, sum, len(content))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	if files := blobFiles(t, dir); len(files) != 1 {
		t.Errorf("blobs holds %v, want one file and no temporary file", files)
	}

	orphan := putContent(t, s, []byte("mồ côi"))
	if err := s.removeOrphans([]string{sum}); err != nil {
		t.Fatal(err)
	}
	if s.exists(orphan) || !s.exists(sum) {
		t.Errorf("after the orphan pass: orphan kept %v, content kept %v", s.exists(orphan), s.exists(sum))
	}

	path := s.path(sum)
	data, _ := os.ReadFile(path)
	data[blobHeaderSize+5] ^= 0x01
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := getContent(s, sum, len(content)); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("flipped byte: err = %v, want ErrBlobDamaged", err)
	}
}

// TestWindowsBlobReplaceWhileOpen writes a content again while another
// handle keeps its file open: the rename over it fails after the retries
// of RenameReplace, and no temporary file is left.
func TestWindowsBlobReplaceWhileOpen(t *testing.T) {
	s, dir := windowsStore(t)
	content := []byte("biên bản")
	sum := putContent(t, s, content)
	held, err := os.Open(s.path(sum))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	w, err := s.create()
	if err != nil {
		t.Fatal(err)
	}
	w.Write(content)
	if err := w.commit(sum, func(string) {}); !errors.Is(err, ErrTargetBusy) {
		t.Errorf("rename over an open file: err = %v, want ErrTargetBusy", err)
	}
	held.Close()
	if files := blobFiles(t, dir); len(files) != 1 {
		t.Errorf("blobs holds %v, want only the first file", files)
	}
	if got, err := getContent(s, sum, len(content)); err != nil || !bytes.Equal(got, content) {
		t.Errorf("the first file after the failed replace: %q, %v", got, err)
	}
}
