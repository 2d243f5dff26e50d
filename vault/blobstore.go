package vault

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"
)

// The blob store keeps the contents of attachments (case documents and
// meeting materials) as encrypted files under <vault>/blobs/, outside the
// SQLCipher pages. SQLCipher's software AES read 1 MiB BLOBs at 68 MB/s
// on a 2-core AMD EPYC, and Go's XChaCha20-Poly1305 opens about 2.5 GB/s
// there. The table blobs (sha256, size) in vault.db stays the index, so
// a file counts only while a row names it. docs/VAULT-FORMAT.md
// describes the file format.

// BlobDirName is the folder of the vault that holds attachment files.
const BlobDirName = "blobs"

const (
	blobMagic      = "SOTAYBLB"
	blobVersion    = 1
	blobPrefixSize = 19 // random part of the 24-byte nonce
	blobHeaderSize = len(blobMagic) + 1 + blobPrefixSize
	blobChunk      = 1 << 20 // plaintext bytes per sealed chunk
	blobSealed     = blobChunk + chacha20poly1305.Overhead
	blobTrailer    = 8 // big-endian length of the content, last in the plaintext
	blobTempPrefix = ".tmp-"

	blobKeyInfo  = "sotay blob store v1: XChaCha20-Poly1305 key"
	blobNameInfo = "sotay blob store v1: HMAC-SHA256 file name key"
)

// Errors of reading an attachment file. They come wrapped in a
// *FileError that names the file.
var (
	// ErrBlobMissing is returned when the file of an attachment that the
	// database lists is not in the blobs folder.
	ErrBlobMissing = errors.New("attachment file missing")
	// ErrBlobDamaged is returned when an attachment file fails
	// authentication, has the wrong length or does not match its SHA-256.
	ErrBlobDamaged = errors.New("attachment file damaged")
)

// blobStore reads and writes the files of one open vault's blobs folder.
type blobStore struct {
	dir     string // <vault>/blobs
	key     []byte // XChaCha20-Poly1305 key, from the data key by HKDF
	nameKey []byte // HMAC-SHA256 key for file names, from the data key by HKDF

	mu       sync.Mutex
	inflight map[string]int // file names put in place by transactions not yet ended
}

func newBlobStore(vaultDir string, dataKey []byte) (*blobStore, error) {
	s := &blobStore{dir: filepath.Join(vaultDir, BlobDirName), inflight: map[string]int{}}
	var err error
	if s.key, err = deriveKey(dataKey, blobKeyInfo); err != nil {
		return nil, err
	}
	if s.nameKey, err = deriveKey(dataKey, blobNameInfo); err != nil {
		return nil, err
	}
	return s, nil
}

// deriveKey returns 32 bytes of HKDF-SHA256 of secret with no salt and
// the given info string. The data key is uniformly random, so a salt
// adds nothing.
func deriveKey(secret []byte, info string) ([]byte, error) {
	k := make([]byte, chacha20poly1305.KeySize)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte(info)), k); err != nil {
		return nil, err
	}
	return k, nil
}

// close drops the keys. Streams that already started keep their own copy
// in their cipher until they end.
func (s *blobStore) close() {
	clear(s.key)
	clear(s.nameKey)
}

// fileName returns the raw HMAC-SHA256 of a content's SHA-256 (as the
// lower-case hex text stored in the database) under the name key, so
// that the folder does not show which known file a vault holds.
func (s *blobStore) fileName(sum string) []byte {
	m := hmac.New(sha256.New, s.nameKey)
	m.Write([]byte(sum))
	return m.Sum(nil)
}

// path returns the file of a content: blobs/<first two hex digits>/<hex>.
func (s *blobStore) path(sum string) string {
	name := hex.EncodeToString(s.fileName(sum))
	return filepath.Join(s.dir, name[:2], name)
}

// exists reports whether the file of a content is in place.
func (s *blobStore) exists(sum string) bool {
	_, err := os.Stat(s.path(sum))
	return err == nil
}

// padme returns the length that a content of n bytes is padded to. The
// Padmé rule keeps the top bits of the length and rounds the rest up, so
// a content grows by at most 12 % and usually much less. Source: Nikitin
// et al., "Reducing Metadata Leakage from Encrypted Files and
// Communication with PURBs", PETS 2019.
func padme(n int64) int64 {
	if n < 2 {
		return n
	}
	e := bits.Len64(uint64(n)) - 1
	s := bits.Len64(uint64(e))
	mask := int64(1)<<(e-s) - 1
	return (n + mask) &^ mask
}

// blobLayout returns the plaintext length of the file of a content of
// size bytes (content, zero padding, trailer), its number of chunks and
// the file's size.
func blobLayout(size int64) (plain, chunks, fileSize int64) {
	plain = padme(size + blobTrailer)
	chunks = (plain + blobChunk - 1) / blobChunk
	return plain, chunks, int64(blobHeaderSize) + plain + chunks*chacha20poly1305.Overhead
}

// blobNonce returns the nonce of chunk i: the file's random prefix, the
// chunk counter and the last-chunk flag.
func blobNonce(dst, prefix []byte, i uint32, final bool) []byte {
	dst = append(dst[:0], prefix...)
	dst = append(dst, byte(i>>24), byte(i>>16), byte(i>>8), byte(i))
	if final {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// blobAD returns the additional data of a chunk: the header, and for the
// last chunk also the file name, so that a file renamed over another
// fails at its last chunk.
func blobAD(header, name []byte, final bool) []byte {
	ad := append([]byte(nil), header...)
	if final {
		ad = append(ad, name...)
	}
	return ad
}

// damaged returns ErrBlobDamaged for path with the reason.
func damaged(path, format string, args ...any) error {
	return &FileError{Path: path, Err: fmt.Errorf("%w: %s", ErrBlobDamaged, fmt.Sprintf(format, args...))}
}

// removeOrphans deletes the files of the blobs folder that no row of
// blobs names (left by a crash or a failed transaction) and any leftover
// temporary file. It runs while the vault is being opened, when no
// transaction is in flight. When rows exist and not one file matches
// them, the names were computed wrongly and it deletes nothing.
func (s *blobStore) removeOrphans(sums []string) error {
	want := make(map[string]bool, len(sums))
	for _, sum := range sums {
		want[hex.EncodeToString(s.fileName(sum))] = true
	}

	subdirs, err := os.ReadDir(s.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}

	var orphans []string
	matched := 0
	for _, sub := range subdirs {
		p := filepath.Join(s.dir, sub.Name())
		if !sub.IsDir() {
			if strings.HasPrefix(sub.Name(), blobTempPrefix) {
				orphans = append(orphans, p)
			}
			continue
		}
		files, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		for _, f := range files {
			if want[f.Name()] && strings.HasPrefix(f.Name(), sub.Name()) {
				matched++
				continue
			}
			orphans = append(orphans, filepath.Join(p, f.Name()))
		}
	}
	if matched == 0 && len(want) > 0 {
		return nil
	}

	var errs []error
	for _, p := range orphans {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
