package vault

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"sotay/model"
)

// blobBatch collects the attachment files that one write transaction
// puts in place, so that they can be removed when it does not commit.
type blobBatch struct {
	v *Vault

	mu    sync.Mutex
	files []batchFile
	rows  []blobRow // contents put in place by putAsync whose rows are to be inserted
	err   error     // first error of putAsync

	pending sync.WaitGroup
	slots   chan struct{} // limits the files that putAsync syncs at once
}

type blobRow struct {
	sum  string
	size int64
}

// maxPendingPuts is the number of files that putAsync syncs and renames
// at once while the caller writes the next one.
const maxPendingPuts = 2

type batchFile struct{ sum, path string }

// writeBlobs runs fn in one transaction as write does. After the
// transaction ends without a commit, it removes each file that fn put in
// place unless a committed row of blobs names it or another transaction
// in flight put the same file in place.
func (v *Vault) writeBlobs(fn func(tx *sql.Tx, b *blobBatch) error) error {
	b := &blobBatch{v: v, slots: make(chan struct{}, maxPendingPuts)}
	err := v.write(func(tx *sql.Tx) error { return fn(tx, b) })
	b.pending.Wait()
	b.settle(err == nil)
	return err
}

// register notes a file about to be renamed into place.
func (b *blobBatch) register(sum string) func(path string) {
	return func(path string) {
		s := b.v.blobs
		s.mu.Lock()
		s.inflight[path]++
		s.mu.Unlock()
		b.mu.Lock()
		b.files = append(b.files, batchFile{sum: sum, path: path})
		b.mu.Unlock()
	}
}

func (b *blobBatch) settle(committed bool) {
	if len(b.files) == 0 {
		return
	}
	// Take the vault's read lock before the store's mutex, in the same
	// order as a transaction that registers a file, so that a Close
	// waiting between them cannot deadlock the two.
	db, release, err := b.v.conn()
	if err != nil {
		// Closed: the next open removes what no row names.
		return
	}
	defer release()

	s := b.v.blobs
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range b.files {
		s.inflight[f.path]--
		if s.inflight[f.path] <= 0 {
			delete(s.inflight, f.path)
		}
	}
	if committed {
		return
	}

	for _, f := range b.files {
		if s.inflight[f.path] > 0 {
			continue
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM blobs WHERE sha256 = ?`, f.sum).Scan(&n); err != nil || n > 0 {
			continue
		}
		os.Remove(f.path)
	}
}

// store copies r into a new attachment file and returns its SHA-256 and
// size. progress, when not nil, is called with the bytes read so far
// after each chunk. Content over model.MaxDocumentSize is rejected with
// ErrTooLarge.
func (b *blobBatch) store(ctx context.Context, tx *sql.Tx, r io.Reader, progress func(int64)) (string, int64, error) {
	w, err := b.v.blobs.create()
	if err != nil {
		return "", 0, err
	}
	defer w.abort()
	h := sha256.New()
	buf := make([]byte, chunkSize)
	var size int64
	for {
		if err := ctx.Err(); err != nil {
			return "", 0, err
		}
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			size += int64(n)
			if size > model.MaxDocumentSize {
				return "", 0, ErrTooLarge
			}
			h.Write(buf[:n])
			if _, err := w.Write(buf[:n]); err != nil {
				return "", 0, err
			}
			if progress != nil {
				progress(size)
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return "", 0, fmt.Errorf("read file: %w", err)
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))
	return sum, size, b.put(tx, w, sum, size)
}

// put renames w into place as the file of sum and adds the row of blobs
// in tx. When the row and the file exist already, the content is stored
// once and w is dropped. A row whose file is missing gets the file back.
func (b *blobBatch) put(tx *sql.Tx, w *blobWriter, sum string, size int64) error {
	var known int
	if err := tx.QueryRow(`SELECT count(*) FROM blobs WHERE sha256 = ?`, sum).Scan(&known); err != nil {
		return err
	}
	if known > 0 && b.v.blobs.exists(sum) {
		w.abort()
		return nil
	}
	if err := w.commit(sum, b.register(sum)); err != nil {
		return err
	}
	if known > 0 {
		return nil
	}
	_, err := tx.Exec(`INSERT INTO blobs (sha256, size) VALUES (?, ?)`, sum, size)
	return err
}

// putAsync does what put does for a content whose row check the caller
// made (known), but syncs and renames w in a goroutine, so that the
// caller writes the next content while the disk flushes this one. flush
// waits for those goroutines and inserts the rows. putAsync returns the
// error of an earlier put, so that the caller stops early.
func (b *blobBatch) putAsync(w *blobWriter, sum string, size int64, known bool) error {
	b.mu.Lock()
	err := b.err
	b.mu.Unlock()
	if err != nil {
		w.abort()
		return err
	}
	b.slots <- struct{}{}
	b.pending.Add(1)
	go func() {
		defer b.pending.Done()
		defer func() { <-b.slots }()
		err := w.commit(sum, b.register(sum))
		b.mu.Lock()
		defer b.mu.Unlock()
		switch {
		case err != nil && b.err == nil:
			b.err = err
		case err == nil && !known:
			b.rows = append(b.rows, blobRow{sum: sum, size: size})
		}
	}()
	return nil
}

// flush waits for every putAsync and inserts the rows of their contents
// in tx, in the order the contents were put.
func (b *blobBatch) flush(tx *sql.Tx) error {
	b.pending.Wait()
	b.mu.Lock()
	rows, err := b.rows, b.err
	b.rows = nil
	b.mu.Unlock()
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := tx.Exec(`INSERT INTO blobs (sha256, size) VALUES (?, ?)`, r.sum, r.size); err != nil {
			return err
		}
	}
	return nil
}

// copyBlob writes the content sum of size bytes to w; see blobStore.copyTo.
// The copy stops with ErrClosed when the vault is locked meanwhile.
func (v *Vault) copyBlob(sum string, size int64, w io.Writer) error {
	_, release, err := v.conn()
	if err != nil {
		return err
	}
	s := v.blobs
	release()
	return s.copyTo(context.Background(), sum, size, w, v.alive)
}

// alive returns ErrClosed once the vault is closed.
func (v *Vault) alive() error {
	_, release, err := v.conn()
	if err == nil {
		release()
	}
	return err
}

// openBlobs runs while the vault opens, after the SQL migrations: it
// moves contents still in blob_chunks into files and removes the files
// that no row names.
func (v *Vault) openBlobs(ctx context.Context, moved func(done, total int64)) error {
	if err := v.migrateChunks(ctx, moved); err != nil {
		return fmt.Errorf("move attachments out of the database: %w", err)
	}
	sums, err := v.blobSums(ctx)
	if err != nil {
		return err
	}
	// Orphans only take space; a failure to remove one is not worth
	// refusing to open over, and the next open tries again.
	v.blobs.removeOrphans(sums)
	return nil
}

func (v *Vault) blobSums(ctx context.Context) ([]string, error) {
	rows, err := v.db.QueryContext(ctx, `SELECT sha256 FROM blobs`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sums []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		sums = append(sums, s)
	}
	return sums, rows.Err()
}

// BlobProblem is an attachment file that Check found missing or damaged.
type BlobProblem struct {
	SHA256 string
	// Err wraps ErrBlobMissing or ErrBlobDamaged in a *FileError.
	Err error
	// Names are the live documents and material versions with this
	// content.
	Names []string
}

// BlobCheckError lists the attachment files that Check found missing or
// damaged. It matches ErrBlobMissing and ErrBlobDamaged with errors.Is.
type BlobCheckError struct {
	Problems []BlobProblem
}

func (e *BlobCheckError) Error() string {
	missing, bad := e.Counts()
	return fmt.Sprintf("%d attachment files missing, %d damaged: %s", missing, bad, e.Problems[0].Err)
}

func (e *BlobCheckError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.Err
	}
	return out
}

// Counts returns the number of missing and of damaged files.
func (e *BlobCheckError) Counts() (missing, damaged int) {
	for _, p := range e.Problems {
		if errors.Is(p.Err, ErrBlobMissing) {
			missing++
		} else {
			damaged++
		}
	}
	return missing, damaged
}

// Names returns the names of the documents and material versions whose
// content is missing or damaged, each once, in the order found.
func (e *BlobCheckError) Names() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range e.Problems {
		for _, n := range p.Names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// checkBlobs reads every attachment file whole: authentication of each
// chunk, length and SHA-256. It returns a *BlobCheckError listing the
// missing and damaged ones, or another error when the check itself
// failed.
func (v *Vault) checkBlobs() error {
	var list []blobRow
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT sha256, size FROM blobs ORDER BY sha256`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r blobRow
			if err := rows.Scan(&r.sum, &r.size); err != nil {
				return err
			}
			list = append(list, r)
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	var problems []BlobProblem
	for _, r := range list {
		err := v.copyBlob(r.sum, r.size, io.Discard)
		if err == nil {
			continue
		}
		if !errors.Is(err, ErrBlobMissing) && !errors.Is(err, ErrBlobDamaged) {
			return err
		}
		names, nameErr := v.contentNames(r.sum)
		if nameErr != nil {
			return nameErr
		}
		problems = append(problems, BlobProblem{SHA256: r.sum, Err: err, Names: names})
	}
	if len(problems) > 0 {
		return &BlobCheckError{Problems: problems}
	}
	return nil
}

// contentNames returns the names of the live documents and material
// versions whose content is sum.
func (v *Vault) contentNames(sum string) ([]string, error) {
	var names []string
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT name FROM documents WHERE sha256 = ? AND deleted = 0
			UNION SELECT name FROM material_versions WHERE sha256 = ? AND deleted = 0 ORDER BY 1`, sum, sum)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return err
			}
			names = append(names, strings.TrimSpace(n))
		}
		return rows.Err()
	})
	return names, err
}

// copyContext copies r to w in chunkSize pieces and stops when ctx is
// cancelled.
func copyContext(ctx context.Context, w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, chunkSize)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		k, err := io.ReadFull(r, buf)
		if k > 0 {
			if _, err := w.Write(buf[:k]); err != nil {
				return n, err
			}
			n += int64(k)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
