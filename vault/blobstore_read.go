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

	"golang.org/x/crypto/chacha20poly1305"
)

// blobPiece is one opened chunk on its way from the reading goroutine to
// the writer: buf[:n] is content, err ends the stream.
type blobPiece struct {
	buf []byte
	n   int
	err error
}

// copyTo writes the content sum of size bytes to w. A goroutine reads,
// authenticates and hashes chunk i+1 while w takes chunk i, so that the
// decryption overlaps whatever w does (age encryption, a disk write) on
// a second core. Bytes reach w only after their chunk passed its
// authentication. The file name (in the last chunk) and the SHA-256 are
// checked after the last byte, so a wrong file can have written part of
// itself to w before copyTo returns ErrBlobDamaged. alive, when not nil,
// is called before each chunk, so that a lock stops a long copy.
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

	pieces := make(chan blobPiece, blobBuffers-1)
	free := make(chan []byte, blobBuffers)
	stop := make(chan struct{})
	for range blobBuffers {
		free <- make([]byte, blobSealed)
	}
	r := &blobReader{f: f, path: path, name: s.fileName(sum), sum: sum, size: size,
		plain: plain, chunks: chunks}
	go r.run(ctx, aead, pieces, free, stop, alive)

	var werr error
	for p := range pieces {
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
	for range pieces {
	}
	return werr
}

// blobReader is the reading side of copyTo.
type blobReader struct {
	f      *os.File
	path   string
	name   []byte
	sum    string
	size   int64
	plain  int64
	chunks int64
}

// run sends every chunk's content to pieces and closes it. The last piece
// carries an error when anything failed, the SHA-256 included.
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
	h := sha256.New()
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
		h.Write(opened[:k])
		left -= k
		if final {
			if err := r.checkEnd(opened, h.Sum(nil)); err != nil {
				send(blobPiece{err: err})
				return
			}
		}
		if !send(blobPiece{buf: buf, n: int(k)}) {
			return
		}
	}
}

// checkEnd compares the trailer of the last chunk with the expected size
// and the hash of the content with its SHA-256.
func (r *blobReader) checkEnd(last, sum []byte) error {
	if len(last) < blobTrailer {
		return damaged(r.path, "last chunk shorter than its trailer")
	}
	if n := binary.BigEndian.Uint64(last[len(last)-blobTrailer:]); n != uint64(r.size) {
		return damaged(r.path, "holds %d bytes of content, the database says %d", n, r.size)
	}
	if hex.EncodeToString(sum) != r.sum {
		return damaged(r.path, "content does not match its SHA-256")
	}
	return nil
}
