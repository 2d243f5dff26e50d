package vault

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// KeyFileFormat is the version of vault.key this build writes. A key
// file with a higher version is rejected with ErrNewerFormat.
const KeyFileFormat = 1

// MinPassphraseLength is the shortest passphrase Create accepts, in
// characters (runes), not bytes.
const MinPassphraseLength = 12

// KDFParams are the Argon2id parameters of a key file.
type KDFParams struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// FloorKDF is the least work Create accepts: RFC 9106's second
// recommended setting, t=3 and 64 MiB, with four lanes.
var FloorKDF = KDFParams{Time: 3, MemoryKiB: 64 << 10, Threads: 4}

// maxKDF caps the parameters Open reads from a key file, so that a
// tampered file cannot make the app run a derivation for hours or
// allocate more memory than a workstation has.
var maxKDF = KDFParams{Time: 64, MemoryKiB: 2 << 20, Threads: 16}

// calibrationTarget is the time one derivation should take on the
// machine that creates the vault; Calibrate aims between 0.5 s and 1 s.
const (
	calibrationMin = 500 * time.Millisecond
	calibrationAim = 700 * time.Millisecond
	// calibrationMaxMemoryKiB keeps the memory cost modest on office
	// machines; beyond it only the number of passes grows.
	calibrationMaxMemoryKiB = 256 << 10
)

// Calibrate returns Argon2id parameters at least FloorKDF for which one
// derivation takes about calibrationAim on this machine. It runs several
// derivations, so it takes a few seconds.
func Calibrate() KDFParams {
	p := FloorKDF
	for {
		elapsed := timeDerivation(p)
		if elapsed >= calibrationMin {
			return p
		}
		if p.MemoryKiB < calibrationMaxMemoryKiB && elapsed*2 <= calibrationAim {
			p.MemoryKiB *= 2
			continue
		}
		scaled := uint32(float64(p.Time)*float64(calibrationAim)/float64(elapsed)) + 1
		if scaled <= p.Time {
			scaled = p.Time + 1
		}
		if scaled >= maxKDF.Time {
			p.Time = maxKDF.Time
			return p
		}
		p.Time = scaled
	}
}

func timeDerivation(p KDFParams) time.Duration {
	start := time.Now()
	deriveKEK([]byte("calibration passphrase"), make([]byte, 16), p)
	return time.Since(start)
}

func deriveKEK(passphrase, salt []byte, p KDFParams) []byte {
	return argon2.IDKey(passphrase, salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize)
}

// keyFile is the JSON document stored in vault.key.
type keyFile struct {
	Format     int       `json:"format"`
	KDF        string    `json:"kdf"`
	Params     KDFParams `json:"params"`
	Salt       []byte    `json:"salt"`
	Nonce      []byte    `json:"nonce"`
	WrappedKey []byte    `json:"wrapped_key"`
}

const kdfArgon2id = "argon2id"

// additionalData binds the format and the KDF parameters to the wrapped
// key, so that editing them in the file makes unwrapping fail.
func (k *keyFile) additionalData() []byte {
	return fmt.Appendf(nil, "sotay vault.key %d %s t=%d m=%d p=%d salt=%x",
		k.Format, k.KDF, k.Params.Time, k.Params.MemoryKiB, k.Params.Threads, k.Salt)
}

// wrapKey returns a key file that holds dataKey under passphrase.
func wrapKey(dataKey, passphrase []byte, p KDFParams) (*keyFile, error) {
	k := &keyFile{
		Format: KeyFileFormat,
		KDF:    kdfArgon2id,
		Params: p,
		Salt:   make([]byte, 16),
		Nonce:  make([]byte, chacha20poly1305.NonceSizeX),
	}
	if _, err := rand.Read(k.Salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(k.Nonce); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(deriveKEK(passphrase, k.Salt, p))
	if err != nil {
		return nil, err
	}
	k.WrappedKey = aead.Seal(nil, k.Nonce, dataKey, k.additionalData())
	return k, nil
}

// unwrap returns the data key, or ErrWrongPassphrase.
func (k *keyFile) unwrap(passphrase []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(deriveKEK(passphrase, k.Salt, k.Params))
	if err != nil {
		return nil, err
	}
	key, err := aead.Open(nil, k.Nonce, k.WrappedKey, k.additionalData())
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return key, nil
}

func (k *keyFile) marshal() []byte {
	b, _ := json.MarshalIndent(k, "", "  ")
	return append(b, '\n')
}

// readKeyFile reads and checks vault.key without running the KDF.
func readKeyFile(path string) (*keyFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseKeyFile(path, b)
}

func parseKeyFile(path string, b []byte) (*keyFile, error) {
	damaged := func(reason string) error {
		return &FileError{Path: path, Err: fmt.Errorf("%w: %s", ErrKeyFileDamaged, reason)}
	}
	var k keyFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&k); err != nil {
		// A newer format may add fields; report it as newer when the
		// format number says so.
		var probe struct {
			Format int `json:"format"`
		}
		if json.Unmarshal(b, &probe) == nil && probe.Format > KeyFileFormat {
			return nil, &FileError{Path: path, Err: ErrNewerFormat}
		}
		return nil, damaged("not a key file")
	}
	switch {
	case k.Format > KeyFileFormat:
		return nil, &FileError{Path: path, Err: ErrNewerFormat}
	case k.Format < 1:
		return nil, damaged("missing format")
	case k.KDF != kdfArgon2id:
		return nil, damaged("unknown key derivation " + k.KDF)
	case k.Params.Time < 1 || k.Params.Threads < 1 || k.Params.MemoryKiB < 8*uint32(k.Params.Threads):
		return nil, damaged("key derivation parameters out of range")
	case k.Params.Time > maxKDF.Time || k.Params.MemoryKiB > maxKDF.MemoryKiB || k.Params.Threads > maxKDF.Threads:
		return nil, damaged("key derivation parameters above the allowed maximum")
	case len(k.Salt) != 16 || len(k.Nonce) != chacha20poly1305.NonceSizeX:
		return nil, damaged("salt or nonce of the wrong length")
	case len(k.WrappedKey) != dataKeySize+chacha20poly1305.Overhead:
		return nil, damaged("wrapped key of the wrong length")
	}
	return &k, nil
}

const dataKeySize = 32
