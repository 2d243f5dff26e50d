package vault

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"path/filepath"

	"sotay/model"
)

// chunkSize is the size of the pieces in which a file is read and
// stored.
const chunkSize = blobChunk

// AddDocument reads a file from r and stores it in the case doc.CaseID
// with doc's metadata, in one transaction: a failure or a cancelled ctx
// stores nothing. progress, when not nil, is called with the bytes read
// so far after each chunk. A file larger than model.MaxDocumentSize is
// rejected with ErrTooLarge. Identical contents are stored once.
func (v *Vault) AddDocument(ctx context.Context, doc *model.Document, r io.Reader, progress func(int64)) error {
	doc.Name = model.Normalize(doc.Name)
	doc.Number = model.Normalize(doc.Number)
	if doc.Name == "" {
		return invalid(FieldName, "the document has no name")
	}
	if !doc.Classification.Valid() {
		return invalid(FieldKind, "unknown classification")
	}
	return v.writeBlobs(func(tx *sql.Tx, b *blobBatch) error {
		var exists int
		err := tx.QueryRow(`SELECT count(*) FROM cases WHERE id = ? AND deleted = 0`, doc.CaseID).Scan(&exists)
		if err != nil {
			return err
		}
		if exists == 0 {
			return ErrNotFound
		}
		sum, size, err := b.store(ctx, tx, r, progress)
		if err != nil {
			return err
		}
		doc.SHA256, doc.Size = sum, size
		v.stamp(&doc.Record)
		_, err = tx.Exec(`INSERT INTO documents (id, case_id, name, media_type, size,
			sha256, number, doc_date, classification, created_at, updated_at, workstation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.ID, doc.CaseID, doc.Name, doc.MediaType, doc.Size, doc.SHA256, doc.Number,
			doc.Date.String(), int(doc.Classification), formatTime(doc.CreatedAt),
			doc.UpdatedAt.String(), doc.Workstation)
		return err
	})
}

const documentColumns = `id, case_id, name, media_type, size, sha256, number,
	doc_date, classification, created_at, updated_at, workstation`

// Documents returns the live documents of a case, newest first.
func (v *Vault) Documents(caseID string) ([]model.Document, error) {
	return queryAll(v, scanDocument, `SELECT `+documentColumns+` FROM documents
			WHERE case_id = ? AND deleted = 0 ORDER BY created_at DESC, id DESC`, caseID)
}

// Document returns one live document's metadata, or ErrNotFound.
func (v *Vault) Document(id string) (model.Document, error) {
	var d model.Document
	err := v.read(func(db *sql.DB) error {
		var err error
		d, err = scanDocument(db.QueryRow(`SELECT `+documentColumns+` FROM documents
			WHERE id = ? AND deleted = 0`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	return d, err
}

func scanDocument(row interface{ Scan(...any) error }) (model.Document, error) {
	var d model.Document
	var date, created, updated string
	err := row.Scan(&d.ID, &d.CaseID, &d.Name, &d.MediaType, &d.Size, &d.SHA256, &d.Number,
		&date, &d.Classification, &created, &updated, &d.Workstation)
	d.Date, d.CreatedAt = parseDate(date), parseTime(created)
	d.UpdatedAt, _ = model.ParseHLC(updated)
	return d, err
}

// DeleteDocument marks a document deleted. Its content stays while any
// other document refers to it.
func (v *Vault) DeleteDocument(id string) error {
	return v.markDeleted("documents", id)
}

// WriteDocument copies a document's content to w, chunk by chunk, and
// checks each chunk's authentication and the SHA-256 on the way. A
// missing or damaged file returns ErrBlobMissing or ErrBlobDamaged in a
// *FileError, possibly after part of the content was written to w.
func (v *Vault) WriteDocument(id string, w io.Writer) error {
	doc, err := v.Document(id)
	if err != nil {
		return err
	}
	return v.copyBlob(doc.SHA256, doc.Size, w)
}

// MediaTypeOf guesses a media type from a file name's extension, for the
// types officers attach; unknown extensions get application/octet-stream.
func MediaTypeOf(name string) string {
	switch filepath.Ext(lowerASCII(name)) {
	case ".pdf":
		return "application/pdf"
	case ".doc":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".odt":
		return "application/vnd.oasis.opendocument.text"
	case ".txt":
		return "text/plain"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".png":
		return "image/png"
	}
	return "application/octet-stream"
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
