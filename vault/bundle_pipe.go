package vault

import (
	"io"
	"os"
)

// writebackStep is the number of bytes written between two calls of
// startWriteback.
const writebackStep = 8 << 20

// pipeWriter buffers writes in 1 MiB blocks and hands each full block to
// a goroutine that writes it to dst, so that the caller (age encryption)
// and the hashing and the system calls of dst use two cores. After every
// writebackStep bytes it starts the disk write of file, when not nil.
type pipeWriter struct {
	cur    []byte
	blocks chan []byte
	free   chan []byte
	done   chan struct{}
	err    error // of the goroutine, read after done is closed
	closed bool
}

const pipeBlock = 1 << 20

func newPipeWriter(dst io.Writer, file *os.File) *pipeWriter {
	p := &pipeWriter{blocks: make(chan []byte, blobBuffers-1), free: make(chan []byte, blobBuffers),
		done: make(chan struct{})}
	p.cur = make([]byte, 0, pipeBlock)
	for range blobBuffers - 1 {
		p.free <- make([]byte, 0, pipeBlock)
	}
	go p.run(dst, file)
	return p
}

// run writes the blocks in order. After an error it keeps taking blocks
// without writing them, so that Write never waits on a stopped goroutine.
func (p *pipeWriter) run(dst io.Writer, file *os.File) {
	defer close(p.done)
	var written, started int64
	for b := range p.blocks {
		if p.err == nil {
			_, p.err = dst.Write(b)
			written += int64(len(b))
			if file != nil && written-started >= writebackStep {
				startWriteback(file, started, written-started)
				started = written
			}
		}
		p.free <- b[:0]
	}
}

func (p *pipeWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if len(p.cur) == pipeBlock {
			p.blocks <- p.cur
			p.cur = <-p.free
		}
		k := copy(p.cur[len(p.cur):pipeBlock], b)
		p.cur = p.cur[:len(p.cur)+k]
		b = b[k:]
		n += k
	}
	return n, nil
}

// Close writes what is buffered, waits for the goroutine and returns its
// first error. Closing twice returns the same error.
func (p *pipeWriter) Close() error {
	if !p.closed {
		p.closed = true
		if len(p.cur) > 0 {
			p.blocks <- p.cur
		}
		close(p.blocks)
	}
	<-p.done
	return p.err
}
