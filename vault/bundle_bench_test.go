package vault

import (
	"bytes"
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"sotay/model"
)

// BenchmarkExportBundleFile exports one case with a 64 MiB document to a
// file, in process; the CLI benchmarks beside tar | age are in package
// main.
func BenchmarkExportBundleFile(b *testing.B) {
	a, err := Create(filepath.Join(b.TempDir(), "a"), testPassphrase, CreateOptions{KDF: FloorKDF})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	peer, err := Create(filepath.Join(b.TempDir(), "b"), testPassphrase, CreateOptions{KDF: FloorKDF})
	if err != nil {
		b.Fatal(err)
	}
	defer peer.Close()
	o, _ := peer.EnsureOfficer("Người nhận", "")
	c := sampleCase()
	if err := a.CreateCase(c, false); err != nil {
		b.Fatal(err)
	}
	data := make([]byte, 64<<20)
	rand.NewChaCha8([32]byte{2}).Read(data)
	doc := &model.Document{CaseID: c.ID, Name: "a.pdf"}
	if err := a.AddDocument(context.Background(), doc, bytes.NewReader(data), nil); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "b.sotay")
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{o.Card()}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.ExportBundleFile(context.Background(), req, out); err != nil {
			b.Fatal(err)
		}
	}
}
