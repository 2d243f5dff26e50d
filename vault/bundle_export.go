package vault

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"filippo.io/age"

	"sotay/model"
)

// ExportRequest selects what a bundle holds and whom it is encrypted to.
type ExportRequest struct {
	Kind       BundleKind
	CaseIDs    []string // with KindCases
	MeetingIDs []string // with KindMeetings
	// Recipients are the key cards the bundle is encrypted to.
	Recipients []KeyCard
	// Passphrase, when not empty, encrypts the bundle with age's scrypt
	// recipient instead; it cannot be combined with Recipients.
	Passphrase []byte
	// ConfirmOverLimit is the user's confirmation that a bundle above the
	// USB classification limit may be written; it is recorded.
	ConfirmOverLimit bool
	// FileName is recorded in the exchange log.
	FileName string
	// Progress, when not nil, is called with the plaintext bytes written
	// so far and the total.
	Progress func(done, total int64)

	// packMember and packVersions narrow a KindMeetingPack bundle to one
	// member and the versions sent to them.
	packMember   string
	packVersions []string
}

// exportPlan is a bundle ready to be written: the signed manifest and the
// records; the attachments are read from the snapshot tx while writing.
type exportPlan struct {
	tx         *sql.Tx
	manifest   Manifest
	header     []byte // magic, manifest length, manifest, signature
	records    []byte
	recipients []age.Recipient
	peers      string
	overLimit  bool
	blobs      *blobStore
}

// plainSize returns the plaintext length before padding.
func (p *exportPlan) plainSize() int64 {
	return int64(len(p.header)) + int64(len(p.records)) + p.manifest.AttachmentBytes + int64(len(endMarker))
}

// cipherSize returns the size of the age payload for p, without the age
// header: every 64 KiB plaintext chunk gains a 16-byte tag.
func (p *exportPlan) cipherSize() int64 {
	chunks := paddedSize(p.plainSize()) / ageChunk
	return 16 + chunks*(ageChunk+16)
}

// ExportBundle writes the bundle that req selects to w, encrypted, and
// returns its manifest. The caller closes w. A failure may leave part of
// a bundle in w, so files are written with ExportBundleFile instead.
func (v *Vault) ExportBundle(ctx context.Context, req ExportRequest, w io.Writer) (*Manifest, error) {
	return v.export(ctx, req, func(*exportPlan) (io.Writer, error) { return w, nil }, nil)
}

// export plans the bundle in a snapshot, asks open for the writer once
// the size is known, writes, then calls finish and logs the export. The
// sequence number, the officer key and the log entry are written outside
// the snapshot, so that the vault lock is never taken twice.
func (v *Vault) export(ctx context.Context, req ExportRequest, open func(*exportPlan) (io.Writer, error),
	finish func() error) (*Manifest, error) {
	recipients, peers, err := bundleRecipients(req)
	if err != nil {
		return nil, err
	}
	officer, err := v.EnsureOfficer("", "")
	if err != nil {
		return nil, err
	}
	allowed, err := v.USBClassificationLimit()
	if err != nil {
		return nil, err
	}
	seq, err := v.nextSequence()
	if err != nil {
		return nil, err
	}

	p := &exportPlan{recipients: recipients, peers: peers, blobs: v.blobs}
	err = v.read(func(db *sql.DB) error {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		p.tx = tx
		if err := v.collect(ctx, p, req); err != nil {
			return err
		}
		if p.manifest.Classification > allowed && !req.ConfirmOverLimit {
			return &ClassificationError{Highest: p.manifest.Classification, Allowed: allowed}
		}
		p.overLimit = p.manifest.Classification > allowed
		if err := v.sign(p, officer, seq); err != nil {
			return err
		}
		w, err := open(p)
		if err != nil {
			return err
		}
		return p.write(ctx, w, req.Progress)
	})
	if err == nil && finish != nil {
		err = finish()
	}
	if err != nil {
		return nil, err
	}
	return &p.manifest, v.logExport(p, req)
}

func bundleRecipients(req ExportRequest) ([]age.Recipient, string, error) {
	if len(req.Passphrase) > 0 && len(req.Recipients) > 0 {
		return nil, "", ErrPassphraseWithKeys
	}
	if len(req.Passphrase) > 0 {
		r, err := age.NewScryptRecipient(string(req.Passphrase))
		if err != nil {
			return nil, "", err
		}
		r.SetWorkFactor(ExportScryptWorkFactor)
		return []age.Recipient{r}, "passphrase", nil
	}
	if len(req.Recipients) == 0 {
		return nil, "", ErrNoRecipients
	}
	var out []age.Recipient
	var names []string
	for _, c := range req.Recipients {
		r, err := age.ParseX25519Recipient(c.Recipient)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", ErrKeyCardInvalid, err)
		}
		out = append(out, r)
		names = append(names, c.Fingerprint())
	}
	return out, strings.Join(names, " "), nil
}

// USBClassificationLimit returns the highest classification a bundle may
// hold without confirmation.
func (v *Vault) USBClassificationLimit() (model.Classification, error) {
	s, err := v.Setting(SettingUSBMaxClassification, "")
	if err != nil || s == "" {
		return DefaultUSBMaxClassification, err
	}
	n, err := strconv.Atoi(s)
	if err != nil || !model.Classification(n).Valid() {
		return DefaultUSBMaxClassification, nil
	}
	return model.Classification(n), nil
}

// collect reads the selected records into p.records as JSON lines, in
// the snapshot of p.tx, and fills the counts of the manifest.
func (v *Vault) collect(ctx context.Context, p *exportPlan, req ExportRequest) error {
	sel, err := newSelection(p.tx, req)
	if err != nil {
		return err
	}
	m := &p.manifest
	m.Kind = req.Kind
	m.Tables = map[string]int{}
	blobs := map[string]bool{}
	var buf bytes.Buffer
	for _, t := range recordTables {
		where, args, ok := sel.where(t)
		if !ok || (t.secret && len(req.Passphrase) == 0) {
			continue
		}
		columns, err := tableColumns(p.tx, t.name)
		if err != nil {
			return err
		}
		if len(columns) == 0 {
			continue
		}
		n, err := exportRows(ctx, p.tx, t, columns, where, args, &buf, m, blobs)
		if err != nil {
			return fmt.Errorf("export %s: %w", t.name, err)
		}
		if n > 0 {
			m.Tables[t.name] = n
			m.Records += n
		}
	}
	if m.Records == 0 {
		return ErrNothingToExport
	}
	p.records = buf.Bytes()
	return collectAttachments(p.tx, blobs, m)
}

func exportRows(ctx context.Context, tx *sql.Tx, t recordTable, columns []string, where string,
	args []any, buf *bytes.Buffer, m *Manifest, blobs map[string]bool) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+strings.Join(columns, ", ")+` FROM `+t.name+
		` WHERE `+where+` ORDER BY `+t.idColumn(), args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	enc := newRowEncoder(t, columns)
	values := make([]any, len(columns))
	ptrs := make([]any, len(columns))
	for i := range values {
		ptrs[i] = &values[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		if err := enc.append(buf, values); err != nil {
			return n, err
		}
		n++
		enc.note(values, m, blobs)
	}
	return n, rows.Err()
}

// rowEncoder writes the records of one table as JSON lines. Its output is
// byte for byte what json.Marshal gives for a bundleRecord (keys in
// sorted order, the same escapes), without building a map per row.
type rowEncoder struct {
	t     recordTable
	order []int    // column indexes in key order
	keys  [][]byte // `"name":` of each column of order, with the separator
	head  []byte   // `{"table":"name","row":{`
	tail  []byte   // `}}` and a newline
	// Indexes of the columns that note reads, -1 when absent.
	deleted, classification, blob int
}

func newRowEncoder(t recordTable, columns []string) *rowEncoder {
	e := &rowEncoder{t: t, deleted: -1, classification: -1, blob: -1}
	e.order = make([]int, len(columns))
	for i, c := range columns {
		e.order[i] = i
		switch c {
		case "deleted":
			e.deleted = i
		case "classification":
			e.classification = i
		}
		if t.blob != "" && c == t.blob {
			e.blob = i
		}
	}
	sort.Slice(e.order, func(a, b int) bool { return columns[e.order[a]] < columns[e.order[b]] })
	for k, i := range e.order {
		var key []byte
		if k > 0 {
			key = append(key, ',')
		}
		key = appendJSONString(key, columns[i])
		e.keys = append(e.keys, append(key, ':'))
	}
	e.head = append(appendJSONString([]byte(`{"table":`), t.name), `,"row":{`...)
	e.tail = []byte("}}\n")
	return e
}

// append writes one record line. Text comes from the driver as []byte
// or string, and whole numbers as int64. A float64 or any other type goes
// through encoding/json.
func (e *rowEncoder) append(buf *bytes.Buffer, values []any) error {
	line := buf.AvailableBuffer()
	line = append(line, e.head...)
	for k, i := range e.order {
		line = append(line, e.keys[k]...)
		switch v := values[i].(type) {
		case nil:
			line = append(line, "null"...)
		case []byte:
			line = appendJSONBytes(line, v)
		case string:
			line = appendJSONString(line, v)
		case int64:
			line = strconv.AppendInt(line, v, 10)
		default:
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			line = append(line, b...)
		}
	}
	line = append(line, e.tail...)
	buf.Write(line)
	return nil
}

// note raises the highest classification and collects the blob of a
// live row. A row with a deletion mark travels without its content: the
// mark is all the receiver needs, and a deleted file must not leave the
// vault again. Its content still travels when a live row names it too.
func (e *rowEncoder) note(values []any, m *Manifest, blobs map[string]bool) {
	if e.deleted >= 0 {
		if deleted, _ := values[e.deleted].(int64); deleted != 0 {
			return
		}
	}
	if e.classification >= 0 {
		if c, ok := values[e.classification].(int64); ok {
			m.Classification = max(m.Classification, model.Classification(c))
		}
	}
	if e.blob >= 0 {
		switch sum := values[e.blob].(type) {
		case []byte:
			blobs[string(sum)] = true
		case string:
			blobs[sum] = true
		}
	}
}

func collectAttachments(tx *sql.Tx, blobs map[string]bool, m *Manifest) error {
	m.Attachments = []Attachment{}
	for sum := range blobs {
		var size int64
		if err := tx.QueryRow(`SELECT size FROM blobs WHERE sha256 = ?`, sum).Scan(&size); err != nil {
			return fmt.Errorf("%w: blob %s: %v", ErrDatabaseDamaged, sum, err)
		}
		m.Attachments = append(m.Attachments, Attachment{SHA256: sum, Size: size})
		m.AttachmentBytes += size
	}
	sort.Slice(m.Attachments, func(i, j int) bool { return m.Attachments[i].SHA256 < m.Attachments[j].SHA256 })
	return nil
}

// tableColumns returns the column names of table, or none when the
// schema has no such table.
func tableColumns(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, table string) ([]string, error) {
	rows, err := q.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// sign fills the rest of the manifest and builds the signed header.
func (v *Vault) sign(p *exportPlan, o *Officer, seq int64) error {
	var err error
	card := o.Card()
	sum := sha256.Sum256(p.records)
	m := &p.manifest
	m.Format, m.Schema = BundleFormat, SchemaVersion()
	m.Sender = Sender{Name: card.Name, Title: card.Title, Fingerprint: card.Fingerprint(),
		Recipient: card.Recipient, SignKey: hex.EncodeToString(card.SignKey)}
	m.Workstation, m.Sequence = v.workstation, seq
	m.Created = time.Now().UTC().Truncate(time.Second)
	m.RecordsSize, m.RecordsSHA256 = int64(len(p.records)), hex.EncodeToString(sum[:])
	if m.Seen, err = loadSeen(p.tx); err != nil {
		return err
	}
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	sig := ed25519.Sign(o.signing, signedManifest(body))
	header := fmt.Appendf(nil, "%s%d\n", bundleMagic, BundleFormat)
	header = binary.BigEndian.AppendUint32(header, uint32(len(body)))
	header = append(header, body...)
	p.header = append(header, sig...)
	return nil
}

func signedManifest(body []byte) []byte {
	return append([]byte(manifestContext), body...)
}

func (v *Vault) nextSequence() (int64, error) {
	var seq int64
	err := v.write(func(tx *sql.Tx) error {
		var s string
		err := tx.QueryRow(`SELECT value FROM meta WHERE key = 'bundle_sequence'`).Scan(&s)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		seq, _ = strconv.ParseInt(s, 10, 64)
		seq++
		_, err = tx.Exec(`INSERT INTO meta (key, value) VALUES ('bundle_sequence', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(seq, 10))
		return err
	})
	return seq, err
}

func loadSeen(tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.Query(`SELECT workstation, last_hlc FROM exchange_seen`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]string{}
	for rows.Next() {
		var ws, h string
		if err := rows.Scan(&ws, &h); err != nil {
			return nil, err
		}
		seen[ws] = h
	}
	return seen, rows.Err()
}

// write encrypts the plaintext of p to w: header, records, attachments
// streamed chunk by chunk from the snapshot, end marker and padding.
func (p *exportPlan) write(ctx context.Context, w io.Writer, progress func(done, total int64)) error {
	enc, err := age.Encrypt(w, p.recipients...)
	if err != nil {
		return err
	}
	pw := &progressWriter{w: enc, ctx: ctx, total: p.plainSize(), progress: progress}
	pw.Write(p.header)
	pw.Write(p.records)
	for _, a := range p.manifest.Attachments {
		if err := p.writeBlob(ctx, pw, a); err != nil {
			return err
		}
	}
	pw.Write([]byte(endMarker))
	pad := paddedSize(pw.done) - pw.done
	pw.Write(make([]byte, pad))
	if pw.err != nil {
		return pw.err
	}
	return enc.Close()
}

// writeBlob streams one attachment from its file: a goroutine reads,
// authenticates and hashes the next chunk while age encrypts this one.
func (p *exportPlan) writeBlob(ctx context.Context, w *progressWriter, a Attachment) error {
	return p.blobs.copyTo(ctx, a.SHA256, a.Size, w, nil)
}

// progressWriter remembers its first error, checks for cancellation on
// every write and reports progress.
type progressWriter struct {
	w        io.Writer
	ctx      context.Context
	done     int64
	total    int64
	progress func(done, total int64)
	err      error
}

func (pw *progressWriter) Write(b []byte) (int, error) {
	if pw.err != nil {
		return 0, pw.err
	}
	if pw.err = pw.ctx.Err(); pw.err != nil {
		return 0, pw.err
	}
	n, err := pw.w.Write(b)
	pw.done += int64(n)
	pw.err = err
	if pw.progress != nil {
		pw.progress(pw.done, pw.total)
	}
	return n, err
}

func (v *Vault) logExport(p *exportPlan, req ExportRequest) error {
	m := &p.manifest
	return v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO exchange_log (id, direction, at, kind, sequence, peers,
			records, attachments, classification, over_limit_confirmed, file_name)
			VALUES (?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			newID(), formatTime(time.Now()), string(m.Kind), m.Sequence, p.peers, m.Records,
			len(m.Attachments), int(m.Classification), boolInt(p.overLimit), req.FileName)
		return err
	})
}
