package app

import (
	"errors"
	"fmt"
	"testing"

	"sotay/vault"
)

func TestExplainBlobErrors(t *testing.T) {
	path := "/kho/blobs/ab/abcd"
	for _, tc := range []struct {
		err error
		key string
	}{
		{&vault.FileError{Path: path, Err: fmt.Errorf("%w: chunk 3 fails authentication", vault.ErrBlobDamaged)}, "err.blob_damaged"},
		{&vault.FileError{Path: path, Err: vault.ErrBlobMissing}, "err.blob_missing"},
	} {
		msg := Explain(tc.err)
		if msg.Key != tc.key || len(msg.Args) != 1 || msg.Args[0] != path {
			t.Errorf("Explain(%v) = %+v, want %s naming the file", tc.err, msg, tc.key)
		}
	}
}

func TestExplainBlobCheck(t *testing.T) {
	err := &vault.BlobCheckError{Problems: []vault.BlobProblem{
		{SHA256: "a", Err: &vault.FileError{Path: "x", Err: vault.ErrBlobMissing}, Names: []string{"tờ trình.pdf"}},
		{SHA256: "b", Err: &vault.FileError{Path: "y", Err: vault.ErrBlobDamaged}, Names: []string{"biên bản.docx"}},
		{SHA256: "c", Err: &vault.FileError{Path: "z", Err: vault.ErrBlobDamaged}},
	}}
	msg := Explain(fmt.Errorf("check: %w", err))
	if msg.Key != "err.blobs_check" {
		t.Fatalf("key = %s", msg.Key)
	}
	if msg.Args[0] != 2 || msg.Args[1] != 1 || msg.Args[2] != "tờ trình.pdf, biên bản.docx" {
		t.Errorf("args = %v, want 2 damaged, 1 missing and both names", msg.Args)
	}
	if !errors.Is(err, vault.ErrBlobDamaged) {
		t.Error("a check error does not match ErrBlobDamaged")
	}
}
