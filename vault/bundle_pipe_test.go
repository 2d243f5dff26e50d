package vault

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPipeWriterKeepsOrder(t *testing.T) {
	var out bytes.Buffer
	p := newPipeWriter(&out, nil)
	want := randomContent(30, 5*pipeBlock+123)
	for rest := want; len(rest) > 0; {
		n := min(len(rest), 70_001)
		if _, err := p.Write(rest[:n]); err != nil {
			t.Fatal(err)
		}
		rest = rest[n:]
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("wrote %d bytes that differ from the %d given", out.Len(), len(want))
	}
}

type brokenWriter struct{ after int }

func (w *brokenWriter) Write(p []byte) (int, error) {
	if w.after <= 0 {
		return 0, errors.New("input/output error")
	}
	w.after -= len(p)
	return len(p), nil
}

func TestPipeWriterReportsError(t *testing.T) {
	p := newPipeWriter(&brokenWriter{after: 2 * pipeBlock}, nil)
	for range 8 {
		p.Write(make([]byte, pipeBlock))
	}
	if err := p.Close(); err == nil {
		t.Error("Close returned no error after the writer failed")
	}
	if err := p.Close(); err == nil {
		t.Error("a second Close lost the error")
	}
}

// corruptingFile reports every write as done but changes one byte of
// the bytes at offset at, like a file system that loses a write.
type corruptingFile struct {
	*os.File
	at, off int64
}

func (f *corruptingFile) Write(p []byte) (int, error) {
	if f.at >= f.off && f.at < f.off+int64(len(p)) {
		p = bytes.Clone(p)
		p[f.at-f.off] ^= 0x01
	}
	f.off += int64(len(p))
	return f.File.Write(p)
}

func TestExportReadBackCatchesLostWrite(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-34", 3*blobChunk)
	dir := t.TempDir()
	path := filepath.Join(dir, "goi.sotay")
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	defer func(orig func(string, string) (bundleFile, error)) { createBundleTemp = orig }(createBundleTemp)
	createBundleTemp = func(dir, pattern string) (bundleFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		return &corruptingFile{File: f, at: 2 * blobChunk}, err
	}
	if _, err := a.ExportBundleFile(context.Background(), req, path); !errors.Is(err, ErrReadBack) {
		t.Errorf("err = %v, want ErrReadBack", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %d files in the folder", len(entries))
	}
}
