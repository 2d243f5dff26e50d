package vault

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// blobWriter encrypts one content into a temporary file of the blobs
// folder. Write fills 1 MiB chunks, and a goroutine seals and writes each
// full chunk, so that the caller's reading and hashing overlap the
// encryption on a second core. commit pads the content, seals the last
// chunk with the file name, syncs the file and renames it into place.
// abort removes the temporary file.
type blobWriter struct {
	s      *blobStore
	f      *os.File
	header []byte
	cur    []byte // chunk being filled, with room for the tag
	size   int64  // content bytes written
	jobs   chan blobJob
	free   chan []byte
	done   chan struct{}
	ended  bool // jobs is closed and the goroutine has stopped

	mu  sync.Mutex
	err error // first error of the sealing goroutine
}

type blobJob struct {
	buf   []byte
	final bool
	name  []byte
}

// blobBuffers is the number of chunk buffers of a writer or a reader:
// one being filled or written out, one being sealed or opened, one
// waiting in between.
const blobBuffers = 3

// create starts a new temporary file in the blobs folder.
func (s *blobStore) create() (*blobWriter, error) {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(s.key)
	if err != nil {
		return nil, err
	}
	header := make([]byte, blobHeaderSize)
	copy(header, blobMagic)
	header[len(blobMagic)] = blobVersion
	if _, err := rand.Read(header[len(blobMagic)+1:]); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(s.dir, blobTempPrefix+"*")
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(header); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	w := &blobWriter{s: s, f: f, header: header, jobs: make(chan blobJob, blobBuffers-1),
		free: make(chan []byte, blobBuffers), done: make(chan struct{})}
	w.cur = make([]byte, 0, blobSealed)
	for range blobBuffers - 1 {
		w.free <- make([]byte, 0, blobSealed)
	}
	go w.seal(aead)
	return w, nil
}

// reserve preallocates the disk space of the file of a content of size
// bytes, when the size is known before the content is written.
func (w *blobWriter) reserve(size int64) {
	_, _, fileSize := blobLayout(size)
	preallocate(w.f, fileSize)
}

// seal runs in its own goroutine: it seals the chunks in order and
// writes them. After an error it keeps taking chunks without writing
// them, so that Write never blocks on a stopped goroutine.
func (w *blobWriter) seal(aead cipher.AEAD) {
	defer close(w.done)
	prefix := w.header[len(w.header)-blobPrefixSize:]
	nonce := make([]byte, 0, chacha20poly1305.NonceSizeX)
	var i uint32
	failed := false
	written, synced := int64(blobHeaderSize), int64(0)
	for job := range w.jobs {
		if !failed {
			nonce = blobNonce(nonce, prefix, i, job.final)
			sealed := aead.Seal(job.buf[:0], nonce, job.buf, blobAD(w.header, job.name, job.final))
			if _, err := w.f.Write(sealed); err != nil {
				w.fail(err)
				failed = true
			}
			written += int64(len(sealed))
			if written-synced >= writebackStep {
				startWriteback(w.f, synced, written-synced)
				synced = written
			}
			i++
			if i == 0 {
				w.fail(errors.New("attachment has too many chunks"))
				failed = true
			}
		}
		if !job.final {
			w.free <- job.buf[:0]
		}
	}
}

func (w *blobWriter) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *blobWriter) failure() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Write adds content. A full chunk is handed to the sealing goroutine
// only when more bytes follow, because the last chunk is sealed
// differently.
func (w *blobWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		if len(w.cur) == blobChunk {
			if err := w.failure(); err != nil {
				return n, err
			}
			w.jobs <- blobJob{buf: w.cur}
			w.cur = <-w.free
		}
		k := copy(w.cur[len(w.cur):blobChunk], p)
		w.cur = w.cur[:len(w.cur)+k]
		p = p[k:]
		n += k
	}
	w.size += int64(n)
	return n, nil
}

var zeroChunk = make([]byte, 64<<10)

// finish writes the padding and the trailer, seals the last chunk with
// the file name, waits for the goroutine and syncs and closes the file.
func (w *blobWriter) finish(name []byte) error {
	size := w.size
	plain, _, _ := blobLayout(size)
	for pad := plain - blobTrailer - size; pad > 0; {
		n := min(pad, int64(len(zeroChunk)))
		w.Write(zeroChunk[:n])
		pad -= n
	}
	w.Write(binary.BigEndian.AppendUint64(nil, uint64(size)))
	w.size = size
	w.jobs <- blobJob{buf: w.cur, final: true, name: name}
	w.cur = nil
	w.stop()
	if err := w.failure(); err != nil {
		return err
	}
	if err := w.f.Sync(); err != nil {
		return err
	}
	return w.f.Close()
}

func (w *blobWriter) stop() {
	if !w.ended {
		close(w.jobs)
		<-w.done
		w.ended = true
	}
}

// abort stops the goroutine and removes the temporary file. It does
// nothing after a successful commit.
func (w *blobWriter) abort() {
	if w.f == nil {
		return
	}
	w.stop()
	w.f.Close()
	os.Remove(w.f.Name())
	w.f = nil
}

// commit finishes the file and renames it to the name of sum, replacing
// a file of that name, which holds the same content or is an orphan.
// register is called with the final path before the rename, so that
// the caller can track the file even when the rename fails.
func (w *blobWriter) commit(sum string, register func(path string)) error {
	name := w.s.fileName(sum)
	dst := w.s.path(sum)
	if err := w.finish(name); err != nil {
		w.abort()
		return err
	}
	sub := filepath.Dir(dst)
	if _, err := os.Stat(sub); errors.Is(err, os.ErrNotExist) {
		if err := os.Mkdir(sub, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			w.abort()
			return err
		}
		syncDir(w.s.dir)
	}
	register(dst)
	if err := RenameReplace(w.f.Name(), dst); err != nil {
		w.abort()
		return fmt.Errorf("store attachment: %w", err)
	}
	w.f = nil
	syncDir(sub)
	return nil
}
