package vault

import (
	"bytes"
	"context"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// blobPiece is one opened chunk on its way from the reading goroutine
// through the hashing goroutine to the writer: buf[:n] is content, last
// marks the last chunk, and err ends the stream.
type blobPiece struct {
	buf  []byte
	n    int
	last bool
	err  error
}

// readBuffers is the number of chunk buffers of copyTo: one each being
// read, hashed and written, and one waiting.
const readBuffers = 4

// copyTo writes the content sum of size bytes to w. One goroutine reads
// and authenticates the chunks and another hashes them, while w takes
// the chunk before, so that decryption, hashing and whatever w does (age
// encryption, a disk write) run on both cores. Bytes reach w only after
// their chunk passed its authentication. The file name (in the last
// chunk) and the SHA-256 are checked before the last chunk reaches w, so
// a wrong file can have written part of itself to w before copyTo
// returns ErrBlobDamaged. alive, when not nil, is called before each
// chunk, so that a lock stops a long copy.
func (s *blobStore) copyTo(ctx context.Context, sum string, size int64, w io.Writer, alive func() error) error {
	path := s.path(sum)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &FileError{Path: path, Err: ErrBlobMissing}
	}
	if err != nil {
		return err
	}
	defer f.Close()
	aead, err := chacha20poly1305.NewX(s.key)
	if err != nil {
		return err
	}
	plain, chunks, fileSize := blobLayout(size)
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() != fileSize {
		return damaged(path, "%d bytes, expected %d for %d bytes of content", info.Size(), fileSize, size)
	}

	opened := make(chan blobPiece, 1)
	hashed := make(chan blobPiece, 1)
	free := make(chan []byte, readBuffers)
	stop := make(chan struct{})
	for range readBuffers {
		free <- make([]byte, blobSealed)
	}
	r := &blobReader{f: f, path: path, name: s.fileName(sum), size: size, plain: plain, chunks: chunks}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.run(ctx, aead, opened, free, stop, alive)
	}()
	go func() {
		defer wg.Done()
		hashPieces(opened, hashed, stop, path, sum)
	}()

	var werr error
	for p := range hashed {
		if p.err != nil {
			werr = p.err
			break
		}
		if _, err := w.Write(p.buf[:p.n]); err != nil {
			werr = err
			break
		}
		free <- p.buf
	}
	close(stop)
	for range hashed {
	}
	wg.Wait()
	return werr
}

// hashPieces passes the pieces from in to out in order, hashing their
// content, and replaces the last piece by an error when the SHA-256
// differs from sum. It closes out when in ends, after an error, or when
// stop is closed.
func hashPieces(in <-chan blobPiece, out chan<- blobPiece, stop <-chan struct{}, path, sum string) {
	defer close(out)
	h := sha256.New()
	for p := range in {
		if p.err == nil {
			h.Write(p.buf[:p.n])
			if p.last && hex.EncodeToString(h.Sum(nil)) != sum {
				p = blobPiece{err: damaged(path, "content does not match its SHA-256")}
			}
		}
		select {
		case out <- p:
		case <-stop:
			return
		}
		if p.err != nil {
			return
		}
	}
}

// blobReader is the reading side of copyTo.
type blobReader struct {
	f      *os.File
	path   string
	name   []byte
	size   int64
	plain  int64
	chunks int64
}

// run opens every chunk and sends its content to pieces, then closes
// it. A failure ends the stream with a piece that carries the error.
func (r *blobReader) run(ctx context.Context, aead cipher.AEAD, pieces chan<- blobPiece, free chan []byte,
	stop <-chan struct{}, alive func() error) {
	defer close(pieces)
	send := func(p blobPiece) bool {
		select {
		case pieces <- p:
			return true
		case <-stop:
			return false
		}
	}
	header := make([]byte, blobHeaderSize)
	if _, err := io.ReadFull(r.f, header); err != nil {
		send(blobPiece{err: damaged(r.path, "header: %v", err)})
		return
	}
	if !bytes.Equal(header[:len(blobMagic)], []byte(blobMagic)) || header[len(blobMagic)] != blobVersion {
		send(blobPiece{err: damaged(r.path, "unknown header")})
		return
	}
	prefix := header[len(blobMagic)+1:]
	nonce := make([]byte, 0, chacha20poly1305.NonceSizeX)
	adPlain, adFinal := blobAD(header, r.name, false), blobAD(header, r.name, true)
	left := r.size // content bytes still to send
	for i := range r.chunks {
		if err := ctx.Err(); err != nil {
			send(blobPiece{err: err})
			return
		}
		if alive != nil {
			if err := alive(); err != nil {
				send(blobPiece{err: err})
				return
			}
		}
		var buf []byte
		select {
		case buf = <-free:
		case <-stop:
			return
		}
		final := i == r.chunks-1
		n := int64(blobChunk)
		if final {
			n = r.plain - i*blobChunk
		}
		sealed := buf[:n+chacha20poly1305.Overhead]
		if _, err := io.ReadFull(r.f, sealed); err != nil {
			send(blobPiece{err: damaged(r.path, "chunk %d: %v", i, err)})
			return
		}
		ad := adPlain
		if final {
			ad = adFinal
		}
		opened, err := aead.Open(sealed[:0], blobNonce(nonce, prefix, uint32(i), final), sealed, ad)
		if err != nil {
			send(blobPiece{err: damaged(r.path, "chunk %d fails authentication", i)})
			return
		}
		k := min(left, int64(len(opened)))
		left -= k
		if final {
			if err := r.checkTrailer(opened); err != nil {
				send(blobPiece{err: err})
				return
			}
		}
		if !send(blobPiece{buf: buf, n: int(k), last: final}) {
			return
		}
	}
}

// checkTrailer compares the length in the trailer of the last chunk
// with the expected size.
func (r *blobReader) checkTrailer(last []byte) error {
	if len(last) < blobTrailer {
		return damaged(r.path, "last chunk shorter than its trailer")
	}
	if n := binary.BigEndian.Uint64(last[len(last)-blobTrailer:]); n != uint64(r.size) {
		return damaged(r.path, "holds %d bytes of content, the database says %d", n, r.size)
	}
	return nil
}
