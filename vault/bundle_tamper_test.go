package vault

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"sync"
	"testing"

	"filippo.io/age"
)

// bundleErrors are the errors a damaged bundle may be rejected with.
var bundleErrors = []error{ErrNotABundle, ErrBundleTruncated, ErrBundleExtended, ErrBundleTampered,
	ErrBundleBadSignature, ErrBundleNewer, ErrBundleLimits, ErrBundleNotForThisKey}

func isBundleError(err error) bool {
	for _, e := range bundleErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func smallBundle(t testing.TB, docSize int) (*Vault, []byte) {
	a, b := officerPair(t.(*testing.T))
	c := addCaseWithDocument(t.(*testing.T), a, "KT-20", docSize)
	return b, exportTo(t.(*testing.T), a, cardOf(t.(*testing.T), b), c.ID)
}

func verifyBytes(key BundleKey, b []byte) error {
	_, err := VerifyBundle(context.Background(), bytes.NewReader(b), int64(len(b)), key, nil)
	return err
}

func TestBundleEveryByteChangeRejected(t *testing.T) {
	b, bundle := smallBundle(t, 100)
	key, _ := b.OfficerKey()
	if err := verifyBytes(key, bundle); err != nil {
		t.Fatalf("intact bundle: %v", err)
	}
	// Positions are split among workers, each with its own copy.
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			changed := bytes.Clone(bundle)
			for i := w; i < len(changed); i += workers {
				changed[i] ^= 0x01
				err := verifyBytes(key, changed)
				if err == nil || !isBundleError(err) {
					t.Errorf("byte %d of %d changed: err = %v", i, len(changed), err)
				}
				changed[i] ^= 0x01
			}
		}()
	}
	wg.Wait()
	changed := bytes.Clone(bundle)
	before := recordDump(t, b)
	for _, i := range []int{0, 40, 200, len(bundle) / 2, len(bundle) - 1} {
		changed[i] ^= 0xff
		if _, err := importBytes(b, changed, ImportOptions{}); err == nil {
			t.Errorf("import with byte %d changed succeeded", i)
		}
		changed[i] ^= 0xff
	}
	if recordDump(t, b) != before {
		t.Errorf("rejected imports changed the vault")
	}
}

func TestBundleTruncationRejected(t *testing.T) {
	b, bundle := smallBundle(t, 300_000)
	key, _ := b.OfficerKey()
	for boundary := 0; boundary <= len(bundle)+ageChunk; boundary += ageChunk {
		for _, cut := range []int{boundary - 1, boundary, boundary + 1} {
			if cut < 0 || cut >= len(bundle) {
				continue
			}
			if err := verifyBytes(key, bundle[:cut]); !errors.Is(err, ErrBundleTruncated) {
				t.Errorf("cut at %d of %d: err = %v, want ErrBundleTruncated", cut, len(bundle), err)
			}
			// Without the file size, only the stream shows the cut.
			_, err := VerifyBundle(context.Background(), bytes.NewReader(bundle[:cut]), -1, key, nil)
			if err == nil {
				t.Errorf("cut at %d with unknown size accepted", cut)
			}
		}
	}
	for _, extra := range []int{1, 16, sealedChunk, 100_000} {
		longer := append(bytes.Clone(bundle), make([]byte, extra)...)
		if err := verifyBytes(key, longer); !errors.Is(err, ErrBundleExtended) {
			t.Errorf("%d bytes appended: err = %v, want ErrBundleExtended", extra, err)
		}
		_, err := VerifyBundle(context.Background(), bytes.NewReader(longer), -1, key, nil)
		if !errors.Is(err, ErrBundleExtended) {
			t.Errorf("%d bytes appended, unknown size: err = %v, want ErrBundleExtended", extra, err)
		}
	}
}

// reseal decrypts bundle with key, lets edit change the plaintext, and
// encrypts it again to the same officer.
func reseal(t *testing.T, v *Vault, bundle []byte, edit func([]byte) []byte) []byte {
	t.Helper()
	o, _ := v.Officer()
	r, err := age.Decrypt(bytes.NewReader(bundle), o.identity)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(r)
	var out bytes.Buffer
	w, _ := age.Encrypt(&out, o.identity.Recipient())
	w.Write(edit(plain))
	w.Close()
	return out.Bytes()
}

func TestBundleContentChecks(t *testing.T) {
	b, bundle := smallBundle(t, 100)
	key, _ := b.OfficerKey()
	manifestLen := func(p []byte) int { return int(binary.BigEndian.Uint32(p[15:19])) }
	cases := []struct {
		name string
		edit func([]byte) []byte
		want error
	}{
		{"newer format", func(p []byte) []byte { p[13] = '2'; return p }, ErrBundleNewer},
		{"not a sotay bundle", func(p []byte) []byte { return bytes.Repeat([]byte("hello"), ageChunk/5+1)[:ageChunk] }, ErrNotABundle},
		{"bad signature", func(p []byte) []byte { p[19+manifestLen(p)] ^= 1; return p }, ErrBundleBadSignature},
		{"manifest changed", func(p []byte) []byte {
			return bytes.Replace(p, []byte(`"sequence":1`), []byte(`"sequence":9`), 1)
		}, ErrBundleBadSignature},
		{"record changed", func(p []byte) []byte {
			return bytes.Replace(p, []byte("KT-20"), []byte("KT-21"), 1)
		}, ErrBundleTampered},
		{"padding changed", func(p []byte) []byte { p[len(p)-1] = 1; return p }, ErrBundleTampered},
		{"padding removed", func(p []byte) []byte { return p[:len(p)-100] }, ErrBundleTruncated},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			changed := reseal(t, b, bundle, tc.edit)
			if err := verifyBytes(key, changed); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestBundleAbsurdCounts(t *testing.T) {
	b, _ := smallBundle(t, 100)
	o, _ := b.Officer()
	m := Manifest{Format: 1, Kind: KindCases, Workstation: "w", Sequence: 1, Records: 1 << 40}
	card := o.Card()
	m.Sender = Sender{Fingerprint: card.Fingerprint(), Recipient: card.Recipient, SignKey: hexKey(card.SignKey)}
	body, _ := jsonMarshal(m)
	plain := append([]byte("sotay-bundle/1\n"), binary.BigEndian.AppendUint32(nil, uint32(len(body)))...)
	plain = append(append(plain, body...), ed25519.Sign(o.signing, signedManifest(body))...)
	var out bytes.Buffer
	w, _ := age.Encrypt(&out, o.identity.Recipient())
	w.Write(plain)
	w.Close()
	key, _ := b.OfficerKey()
	if err := verifyBytes(key, out.Bytes()); !errors.Is(err, ErrBundleLimits) {
		t.Errorf("err = %v, want ErrBundleLimits", err)
	}
}

// FuzzBundleReader feeds arbitrary files to the reader with a fixed key:
// it must return an error or a manifest, never panic or hang.
func FuzzBundleReader(f *testing.F) {
	identity, _ := age.ParseX25519Identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
	key := BundleKey{officer: &Officer{identity: identity}}
	var out bytes.Buffer
	w, _ := age.Encrypt(&out, identity.Recipient())
	w.Write([]byte("sotay-bundle/1\n\x00\x00\x00\x02{}"))
	w.Close()
	f.Add(out.Bytes())
	f.Add([]byte("age-encryption.org/v1\n-> X25519 abc\n--- abc\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		VerifyBundle(context.Background(), bytes.NewReader(data), int64(len(data)), key, nil)
		VerifyBundle(context.Background(), bytes.NewReader(data), -1, key, nil)
	})
}

func hexKey(k []byte) string { return hex.EncodeToString(k) }

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
