package vault

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"filippo.io/age"

	"sotay/model"
)

// BundleKey opens bundles: a vault's officer key, or a passphrase.
type BundleKey struct {
	officer    *Officer
	passphrase []byte
}

// PassphraseKey returns the key that opens bundles encrypted with
// passphrase.
func PassphraseKey(passphrase []byte) BundleKey { return BundleKey{passphrase: passphrase} }

// OfficerKey returns the key that opens bundles encrypted to this
// vault's officer key, or ErrNoIdentity.
func (v *Vault) OfficerKey() (BundleKey, error) {
	o, err := v.Officer()
	if err != nil {
		return BundleKey{}, err
	}
	return BundleKey{officer: o}, nil
}

const (
	ageMagic      = "age-encryption.org/v1\n"
	maxAgeHeader  = 64 << 10
	sealedChunk   = ageChunk + 16
	ageNonceSize  = 16
	maxMagicDigit = 4
)

// bundleReader reads the plaintext of a bundle in order and classifies
// every failure as one of the bundle errors.
type bundleReader struct {
	src       *ageSource
	size      int64 // of the file, or -1
	headerLen int64 // of the age header
	done      int64 // plaintext bytes read
	ended     bool  // the end marker and padding were read
	ctx       context.Context
	progress  func(done, total int64)

	manifest Manifest
	verified bool // the manifest signature was checked
	records  []byte
}

// ageSource remembers the last error of age's reader, so that the
// classification reads it even after io.ReadFull changes io.EOF into
// io.ErrUnexpectedEOF.
type ageSource struct {
	r   io.Reader
	err error
}

func (s *ageSource) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

// HeaderNeedsPassphrase reports whether the age header at the start of
// head names a passphrase (scrypt) recipient.
func HeaderNeedsPassphrase(head []byte) bool {
	stanzas, _, _ := parseAgeHeader(head)
	for _, s := range stanzas {
		if s[0] == "scrypt" {
			return true
		}
	}
	return false
}

// parseAgeHeader returns the stanza lines ("-> type args…", split) of an
// age header and its length, or false when head ends before the header.
func parseAgeHeader(head []byte) ([][]string, int64, bool) {
	if !bytes.HasPrefix(head, []byte(ageMagic)) {
		return nil, 0, false
	}
	var stanzas [][]string
	pos := len(ageMagic)
	for {
		nl := bytes.IndexByte(head[pos:], '\n')
		if nl < 0 {
			return stanzas, 0, false
		}
		line := string(head[pos : pos+nl])
		pos += nl + 1
		if rest, ok := strings.CutPrefix(line, "-> "); ok {
			if fields := strings.Fields(rest); len(fields) > 0 {
				stanzas = append(stanzas, fields)
			}
		}
		if strings.HasPrefix(line, "--- ") {
			return stanzas, int64(pos), true
		}
	}
}

// openBundle reads the age header of src (size bytes, or -1 when
// unknown), picks the identity from key and starts decryption.
func openBundle(ctx context.Context, src io.Reader, size int64, key BundleKey) (*bundleReader, error) {
	br := bufio.NewReaderSize(src, maxAgeHeader)
	head, peekErr := br.Peek(maxAgeHeader)
	stanzas, headerLen, ok := parseAgeHeader(head)
	if !ok {
		if err := readFailure(peekErr); err != nil {
			return nil, err
		}
		return nil, classifyHeader(head)
	}
	identity, err := pickIdentity(stanzas, key)
	if err != nil {
		return nil, err
	}
	plain, err := age.Decrypt(br, identity)
	var noMatch *age.NoIdentityMatchError
	switch {
	case readFailure(err) != nil:
		return nil, readFailure(err)
	case errors.As(err, &noMatch) && key.officer == nil:
		return nil, ErrBundleWrongPassphrase
	case errors.As(err, &noMatch):
		return nil, ErrBundleNotForThisKey
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return nil, ErrBundleTruncated
	case err != nil:
		return nil, fmt.Errorf("%w: %v", ErrBundleTampered, err)
	}
	return &bundleReader{src: &ageSource{r: plain}, size: size, headerLen: headerLen, ctx: ctx}, nil
}

// readFailure returns err wrapped in ErrBundleReadFailed when it is a
// failed read of the file itself, which the operating system reports as
// a *fs.PathError, and nil otherwise. age v1.3.2 passes such errors through
// unchanged, and its own authentication failures are not path errors.
func readFailure(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w: %w", ErrBundleReadFailed, err)
	}
	return nil
}

// classifyHeader explains a file whose age header could not be read. An
// empty file counts as cut short: it is what a copy to a stick that was
// pulled out or full at once leaves behind.
func classifyHeader(head []byte) error {
	switch {
	case len(head) == 0:
		return ErrBundleTruncated
	case len(head) < len(ageMagic) && strings.HasPrefix(ageMagic, string(head)):
		return ErrBundleTruncated
	case !bytes.HasPrefix(head, []byte(ageMagic)):
		return ErrNotABundle
	case len(head) < maxAgeHeader:
		return ErrBundleTruncated
	}
	return fmt.Errorf("%w: age header longer than %d bytes", ErrBundleTampered, maxAgeHeader)
}

func pickIdentity(stanzas [][]string, key BundleKey) (age.Identity, error) {
	for _, s := range stanzas {
		if s[0] != "scrypt" {
			continue
		}
		if len(key.passphrase) == 0 {
			return nil, ErrBundleNeedsPassphrase
		}
		if len(s) == 3 {
			if logN, err := strconv.Atoi(s[2]); err == nil && logN > MaxScryptWorkFactor {
				return nil, fmt.Errorf("%w: 2^%d, at most 2^%d", ErrBundleKDFLimit, logN, MaxScryptWorkFactor)
			}
		}
		id, err := age.NewScryptIdentity(string(key.passphrase))
		if err != nil {
			return nil, err
		}
		id.SetMaxWorkFactor(MaxScryptWorkFactor)
		return id, nil
	}
	if len(key.passphrase) > 0 {
		return nil, ErrBundleNeedsKey
	}
	if key.officer == nil {
		return nil, ErrBundleNotForThisKey
	}
	return key.officer.identity, nil
}

// fail turns an error from the plaintext stream into a bundle error.
func (r *bundleReader) fail(err error) error {
	var known = []error{ErrBundleTruncated, ErrBundleExtended, ErrBundleTampered,
		ErrBundleBadSignature, ErrBundleNewer, ErrBundleLimits, ErrNotABundle}
	for _, k := range known {
		if errors.Is(err, k) {
			return err
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	cause := r.src.err
	if cause == nil {
		cause = err
	}
	if failed := readFailure(cause); failed != nil {
		return failed
	}
	switch {
	case r.ended:
		return ErrBundleExtended
	case errors.Is(cause, io.ErrUnexpectedEOF):
		return ErrBundleTruncated
	case r.misaligned():
		return ErrBundleTruncated
	}
	return fmt.Errorf("%w: %v", ErrBundleTampered, cause)
}

// misaligned reports whether the payload is not a whole number of sealed
// chunks, which a complete bundle always is.
func (r *bundleReader) misaligned() bool {
	if r.size < 0 {
		return false
	}
	payload := r.size - r.headerLen - ageNonceSize
	return payload <= 0 || payload%sealedChunk != 0
}

func (r *bundleReader) readFull(p []byte) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	n, err := io.ReadFull(r.src, p)
	r.done += int64(n)
	if r.progress != nil {
		r.progress(r.done, r.total())
	}
	if err != nil {
		return r.fail(err)
	}
	return nil
}

func (r *bundleReader) total() int64 {
	m := &r.manifest
	return m.RecordsSize + m.AttachmentBytes
}

// readManifest reads the magic, the manifest and its signature, checks
// the signature and the limits, and compares the announced sizes with
// the file size.
func (r *bundleReader) readManifest() error {
	magic := make([]byte, len(bundleMagic))
	if err := r.readFull(magic); err != nil {
		return err
	}
	if string(magic) != bundleMagic {
		return ErrNotABundle
	}
	version, err := r.readVersion()
	if err != nil {
		return err
	}
	if version > BundleFormat {
		return fmt.Errorf("%w: format %d", ErrBundleNewer, version)
	}
	if version != BundleFormat {
		return fmt.Errorf("%w: format %d", ErrBundleTampered, version)
	}
	var lenBuf [4]byte
	if err := r.readFull(lenBuf[:]); err != nil {
		return err
	}
	n := int64(binary.BigEndian.Uint32(lenBuf[:]))
	if n > bundleLimits.manifestSize {
		return fmt.Errorf("%w: manifest of %d bytes", ErrBundleLimits, n)
	}
	body := make([]byte, n)
	if err := r.readFull(body); err != nil {
		return err
	}
	sig := make([]byte, ed25519.SignatureSize)
	if err := r.readFull(sig); err != nil {
		return err
	}
	if err := r.checkManifest(body, sig); err != nil {
		return err
	}
	return r.checkSize()
}

func (r *bundleReader) readVersion() (int, error) {
	var digits []byte
	for len(digits) <= maxMagicDigit {
		var b [1]byte
		if err := r.readFull(b[:]); err != nil {
			return 0, err
		}
		if b[0] == '\n' {
			break
		}
		if b[0] < '0' || b[0] > '9' {
			return 0, ErrNotABundle
		}
		digits = append(digits, b[0])
	}
	v, err := strconv.Atoi(string(digits))
	if err != nil || len(digits) > maxMagicDigit {
		return 0, ErrNotABundle
	}
	return v, nil
}

func (r *bundleReader) checkManifest(body, sig []byte) error {
	m := &r.manifest
	var probe struct {
		Format int `json:"format"`
	}
	if err := json.Unmarshal(body, &probe); err != nil {
		return fmt.Errorf("%w: manifest: %v", ErrBundleTampered, err)
	}
	if probe.Format > BundleFormat {
		return fmt.Errorf("%w: manifest format %d", ErrBundleNewer, probe.Format)
	}
	if err := json.Unmarshal(body, m); err != nil || m.Format != BundleFormat {
		return fmt.Errorf("%w: manifest", ErrBundleTampered)
	}
	key, err := hex.DecodeString(m.Sender.SignKey)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: sender key", ErrBundleBadSignature)
	}
	if keyFingerprint(key, m.Sender.Recipient) != m.Sender.Fingerprint {
		return fmt.Errorf("%w: sender fingerprint", ErrBundleBadSignature)
	}
	if !ed25519.Verify(key, signedManifest(body), sig) {
		return ErrBundleBadSignature
	}
	r.verified = true
	return checkLimits(m)
}

func checkLimits(m *Manifest) error {
	l := bundleLimits
	if m.Records < 0 || m.Records > l.records || m.RecordsSize < 0 || m.RecordsSize > l.recordsSize ||
		len(m.Attachments) > l.attachments || m.AttachmentBytes < 0 || m.AttachmentBytes > l.attachmentBytes {
		return fmt.Errorf("%w: %d records, %d bytes of records, %d attachments, %d bytes of attachments",
			ErrBundleLimits, m.Records, m.RecordsSize, len(m.Attachments), m.AttachmentBytes)
	}
	var sum int64
	prev := ""
	for _, a := range m.Attachments {
		if a.Size < 0 || a.Size > model.MaxDocumentSize {
			return fmt.Errorf("%w: attachment of %d bytes", ErrBundleLimits, a.Size)
		}
		if b, err := hex.DecodeString(a.SHA256); err != nil || len(b) != sha256.Size || a.SHA256 <= prev ||
			a.SHA256 != strings.ToLower(a.SHA256) {
			return fmt.Errorf("%w: attachment list", ErrBundleTampered)
		}
		prev = a.SHA256
		sum += a.Size
	}
	if sum != m.AttachmentBytes || m.Sequence < 1 || m.Workstation == "" || !m.Classification.Valid() {
		return fmt.Errorf("%w: manifest fields", ErrBundleTampered)
	}
	switch m.Kind {
	case KindCases, KindMeetings, KindMeetingPack, KindBackup:
		return nil
	}
	return fmt.Errorf("%w: bundle kind %q", ErrBundleNewer, m.Kind)
}

// checkSize compares the file size with the size the manifest implies,
// so that a cut or an addition is reported before the long part is read.
func (r *bundleReader) checkSize() error {
	if r.size < 0 {
		return nil
	}
	m := &r.manifest
	plain := r.done + m.RecordsSize + m.AttachmentBytes + int64(len(endMarker))
	want := r.headerLen + ageNonceSize + paddedSize(plain)/ageChunk*sealedChunk
	switch {
	case r.size < want:
		return ErrBundleTruncated
	case r.size > want:
		return ErrBundleExtended
	}
	return nil
}

// readRecords reads the records section and checks its SHA-256.
func (r *bundleReader) readRecords() error {
	r.records = make([]byte, r.manifest.RecordsSize)
	if err := r.readFull(r.records); err != nil {
		return err
	}
	sum := sha256.Sum256(r.records)
	if hex.EncodeToString(sum[:]) != r.manifest.RecordsSHA256 {
		return fmt.Errorf("%w: records do not match the manifest", ErrBundleTampered)
	}
	return nil
}

// readAttachments passes each attachment to fn as a reader of exactly its
// size, then checks its SHA-256. fn may leave bytes unread.
func (r *bundleReader) readAttachments(fn func(a Attachment, content io.Reader) error) error {
	buf := make([]byte, ageChunk)
	for _, a := range r.manifest.Attachments {
		h := sha256.New()
		content := &attachmentReader{r: r, left: a.Size, h: h, buf: buf}
		if err := fn(a, content); err != nil {
			return err
		}
		if err := content.drain(); err != nil {
			return err
		}
		if hex.EncodeToString(h.Sum(nil)) != a.SHA256 {
			return fmt.Errorf("%w: attachment %s does not match its SHA-256", ErrBundleTampered, a.SHA256)
		}
	}
	return nil
}

// attachmentReader reads one attachment from the plaintext and hashes it.
type attachmentReader struct {
	r    *bundleReader
	left int64
	h    io.Writer
	buf  []byte
	err  error
}

func (a *attachmentReader) Read(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	if a.left == 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), a.left)]
	if err := a.r.readFull(p); err != nil {
		a.err = err
		return 0, err
	}
	a.left -= int64(len(p))
	a.h.Write(p)
	return len(p), nil
}

func (a *attachmentReader) drain() error {
	for a.left > 0 && a.err == nil {
		a.Read(a.buf)
	}
	return a.err
}

// readEnd reads the end marker and the zero padding and checks that the
// stream ends there.
func (r *bundleReader) readEnd() error {
	end := make([]byte, len(endMarker))
	if err := r.readFull(end); err != nil {
		return err
	}
	pad := make([]byte, paddedSize(r.done)-r.done)
	if err := r.readFull(pad); err != nil {
		return err
	}
	if string(end) != endMarker || bytes.IndexFunc(pad, func(c rune) bool { return c != 0 }) >= 0 {
		return fmt.Errorf("%w: end of bundle", ErrBundleTampered)
	}
	r.ended = true
	var one [1]byte
	n, err := r.src.Read(one[:])
	if failed := readFailure(err); failed != nil {
		return failed
	}
	if n > 0 || !errors.Is(err, io.EOF) {
		return ErrBundleExtended
	}
	return nil
}

// VerifyBundle reads a whole bundle from src (size bytes, or -1 when
// unknown) with key: decryption, signature, records and every attachment.
// It returns the manifest, also with the error when the manifest itself
// was read, and changes nothing anywhere.
func VerifyBundle(ctx context.Context, src io.Reader, size int64, key BundleKey,
	progress func(done, total int64)) (*Manifest, error) {
	r, err := openBundle(ctx, src, size, key)
	if err != nil {
		return nil, err
	}
	r.progress = progress
	if err := r.readManifest(); err != nil {
		return manifestIfRead(r), err
	}
	if err := r.readRecords(); err != nil {
		return &r.manifest, err
	}
	if _, err := parseRecords(r.records); err != nil {
		return &r.manifest, err
	}
	if err := r.readAttachments(func(Attachment, io.Reader) error { return nil }); err != nil {
		return &r.manifest, err
	}
	return &r.manifest, r.readEnd()
}

func manifestIfRead(r *bundleReader) *Manifest {
	if !r.verified {
		return nil
	}
	return &r.manifest
}
