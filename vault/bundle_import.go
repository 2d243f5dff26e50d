package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	sqlcipher "github.com/mutecomm/go-sqlcipher/v4"

	"sotay/model"
)

// ImportOptions tunes ImportBundle.
type ImportOptions struct {
	// Key opens the bundle; the zero value uses the vault's officer key.
	Key BundleKey
	// DryRun reads and checks the whole bundle and returns the preview,
	// changing nothing.
	DryRun bool
	// TrustSender accepts a sender that is not in the key directory and
	// adds its key to the directory.
	TrustSender bool
	// AllowReplay applies a bundle whose sequence number is not above the
	// last one imported from its sender.
	AllowReplay bool
	// Progress, when not nil, is called with the plaintext bytes read.
	Progress func(done, total int64)
}

// ImportPreview describes what a bundle holds and what importing it
// changes.
type ImportPreview struct {
	Manifest Manifest
	// SenderKnown is true when the sender key is in the key directory or
	// is this vault's own key.
	SenderKnown bool
	SenderName  string
	// Replay is true when a bundle with this sequence number or a later
	// one was already imported from the sender.
	Replay       bool
	LastSequence int64
	Total        Changes
	Tables       map[string]Changes
	// Cases lists the cases that are added, updated or in conflict.
	Cases []CaseChange
	// Conflicts lists the records of other tables that are in conflict,
	// the first maxPreviewCases of them, so that the preview can name
	// them before anything is applied.
	Conflicts []RecordConflict
	Applied   bool
}

// RecordConflict names a record of the bundle that was changed on both
// sides: its table and its received version, as column name to value.
type RecordConflict struct {
	Table string
	Row   map[string]any
}

// Changes counts what an import does to the records of a table.
type Changes struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Kept counts records whose local version is newer and stays.
	Kept      int `json:"kept"`
	Conflicts int `json:"conflicts"`
}

// CaseChange is a case that an import adds, updates or puts in conflict.
type CaseChange struct {
	Code, Title string
	Action      Action
	Deleted     bool
}

// Action is the import's decision for one record.
type Action string

// The actions of an import.
const (
	ActionAdd       Action = "add"
	ActionUpdate    Action = "update"
	ActionUnchanged Action = "unchanged"
	ActionKeep      Action = "keep"
	ActionConflict  Action = "conflict"
)

const maxPreviewCases = 500

// errDryRun rolls back the transaction of a dry run.
var errDryRun = errors.New("dry run")

// ImportBundle reads a bundle from src (size bytes, or -1 when unknown),
// checks all of it, and applies it in one transaction: nothing is
// committed unless the decryption, the signature, the records and every
// attachment were checked. It returns the preview, also together with
// ErrUntrustedSender or ErrBundleReplay, which are returned after the
// whole bundle was checked and nothing was applied. Other errors are the
// bundle errors of this package, ErrNoIdentity, context errors and
// storage errors; the vault is unchanged after any of them.
func (v *Vault) ImportBundle(ctx context.Context, src io.Reader, size int64, opts ImportOptions) (*ImportPreview, error) {
	key := opts.Key
	if key.officer == nil && len(key.passphrase) == 0 {
		k, err := v.OfficerKey()
		if err != nil && !errors.Is(err, ErrNoIdentity) {
			return nil, err
		}
		key = k
	}
	r, err := openBundle(ctx, src, size, key)
	if err != nil {
		return nil, err
	}
	r.progress = opts.Progress
	if err := r.readManifest(); err != nil {
		return nil, err
	}
	if err := r.readRecords(); err != nil {
		return nil, err
	}
	records, err := parseRecords(r.records)
	if err != nil {
		return nil, err
	}
	if err := checkCounts(&r.manifest, records); err != nil {
		return nil, err
	}

	var preview *ImportPreview
	var refusal error
	err = v.writeBlobs(func(tx *sql.Tx, blobs *blobBatch) error {
		im := &importer{v: v, tx: tx, stmts: newStmtCache(tx), blobs: blobs, r: r, records: records}
		defer im.stmts.close()
		var err error
		preview, refusal, err = im.run(ctx, opts)
		if err != nil {
			return err
		}
		if !preview.Applied {
			return errDryRun
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return nil, rejectedRows(err)
	}
	if preview.Applied {
		v.observe(records)
	}
	return preview, refusal
}

// rejectedRows wraps an error of a constraint of the schema (NOT NULL, a
// foreign key checked at commit, CHECK) in ErrBundleTampered. An export
// carries every column and the parents its rows refer to, so such rows
// were most likely damaged or forged before the signature was made.
func rejectedRows(err error) error {
	var se sqlcipher.Error
	if errors.As(err, &se) && se.Code == sqlcipher.ErrConstraint {
		return fmt.Errorf("%w: rows break the vault's constraints: %w", ErrBundleTampered, err)
	}
	return err
}

func checkCounts(m *Manifest, records []incomingRecord) error {
	counts := map[string]int{}
	for _, rec := range records {
		counts[rec.table.name]++
	}
	if len(records) != m.Records || len(counts) != len(m.Tables) {
		return fmt.Errorf("%w: record counts differ from the manifest", ErrBundleTampered)
	}
	for t, n := range m.Tables {
		if counts[t] != n {
			return fmt.Errorf("%w: record counts differ from the manifest", ErrBundleTampered)
		}
	}
	return nil
}

func (v *Vault) observe(records []incomingRecord) {
	for _, rec := range records {
		if h, err := model.ParseHLC(rec.updated); err == nil {
			v.clock.Observe(h)
		}
	}
}

// importer applies one bundle inside one transaction.
type importer struct {
	v  *Vault
	tx *sql.Tx
	// stmts runs the statements that repeat per record on tx.
	stmts   *stmtCache
	blobs   *blobBatch
	r       *bundleReader
	records []incomingRecord
	actions []Action
	columns map[string]map[string]bool
	ourSeen map[string]string
	// emptyBlob is the SHA-256 of the empty content once storeEmptyBlob
	// has stored it.
	emptyBlob string
}

// run checks trust and replay, plans every record, reads the attachments
// (storing the new ones when applying), checks the end of the stream and
// applies the plan. The refusal is ErrUntrustedSender or ErrBundleReplay.
func (im *importer) run(ctx context.Context, opts ImportOptions) (*ImportPreview, error, error) {
	m := &im.r.manifest
	p := &ImportPreview{Manifest: *m, Tables: map[string]Changes{}}
	if _, err := im.tx.Exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
		return nil, nil, err
	}
	if err := im.checkSender(p); err != nil {
		return nil, nil, err
	}
	var refusal error
	switch {
	case !p.SenderKnown && !opts.TrustSender:
		refusal = fmt.Errorf("%w: %s", ErrUntrustedSender, ReadAloud(m.Sender.Fingerprint))
	case p.Replay && !opts.AllowReplay:
		refusal = fmt.Errorf("%w: sequence %d, last imported %d", ErrBundleReplay, m.Sequence, p.LastSequence)
	}
	apply := refusal == nil && !opts.DryRun

	if err := im.plan(p); err != nil {
		return nil, nil, err
	}
	if err := im.r.readAttachments(func(a Attachment, content io.Reader) error {
		if !apply {
			return nil
		}
		return im.storeAttachment(ctx, a, content)
	}); err != nil {
		return nil, nil, err
	}
	if err := im.blobs.flush(im.tx); err != nil {
		return nil, nil, err
	}
	if err := im.r.readEnd(); err != nil {
		return nil, nil, err
	}
	if !apply {
		return p, refusal, nil
	}
	if err := im.apply(ctx, p, opts.TrustSender); err != nil {
		return nil, nil, err
	}
	p.Applied = true
	return p, nil, nil
}

func (im *importer) checkSender(p *ImportPreview) error {
	m := &p.Manifest
	p.SenderName = m.Sender.Name
	if o, err := loadOfficer(im.tx); err == nil && o.Card().Fingerprint() == m.Sender.Fingerprint {
		p.SenderKnown = true
	} else if err != nil && !errors.Is(err, ErrNoIdentity) {
		return err
	}
	var name string
	err := im.tx.QueryRow(`SELECT name FROM key_directory WHERE id = ? AND deleted = 0`,
		m.Sender.Fingerprint).Scan(&name)
	if err == nil {
		p.SenderKnown, p.SenderName = true, name
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = im.tx.QueryRow(`SELECT last_sequence FROM exchange_peers WHERE fingerprint = ?`,
		m.Sender.Fingerprint).Scan(&p.LastSequence)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	p.Replay = err == nil && m.Sequence <= p.LastSequence
	return nil
}

// plan decides the action for every record and fills the preview.
func (im *importer) plan(p *ImportPreview) error {
	seen, err := loadSeen(im.tx)
	if err != nil {
		return err
	}
	im.ourSeen = seen
	im.columns = map[string]map[string]bool{}
	attachments := map[string]bool{}
	for _, a := range p.Manifest.Attachments {
		attachments[a.SHA256] = true
	}
	for _, rec := range im.records {
		if err := im.checkColumns(rec, attachments); err != nil {
			return err
		}
		action, err := im.decide(rec, &p.Manifest)
		if err != nil {
			return err
		}
		im.actions = append(im.actions, action)
		c := p.Tables[rec.table.name]
		count(&c, action)
		count(&p.Total, action)
		p.Tables[rec.table.name] = c
		if rec.table.name != "cases" && action == ActionConflict && len(p.Conflicts) < maxPreviewCases {
			p.Conflicts = append(p.Conflicts, RecordConflict{Table: rec.table.name, Row: rec.row})
		}
		if rec.table.name == "cases" && action != ActionUnchanged && action != ActionKeep &&
			len(p.Cases) < maxPreviewCases {
			code, _ := rec.row["code"].(string)
			title, _ := rec.row["title"].(string)
			deleted, _ := rec.row["deleted"].(int64)
			p.Cases = append(p.Cases, CaseChange{Code: code, Title: title, Action: action, Deleted: deleted == 1})
		}
	}
	return nil
}

func count(c *Changes, a Action) {
	switch a {
	case ActionAdd:
		c.Added++
	case ActionUpdate:
		c.Updated++
	case ActionUnchanged:
		c.Unchanged++
	case ActionKeep:
		c.Kept++
	case ActionConflict:
		c.Conflicts++
	}
}

// checkColumns rejects a column this schema lacks, and a live row's blob
// that is neither in the bundle nor in the vault. A row with a deletion
// mark comes without its content (see rowEncoder.note).
func (im *importer) checkColumns(rec incomingRecord, attachments map[string]bool) error {
	cols, ok := im.columns[rec.table.name]
	if !ok {
		list, err := tableColumns(im.tx, rec.table.name)
		if err != nil {
			return err
		}
		cols = map[string]bool{}
		for _, c := range list {
			cols[c] = true
		}
		im.columns[rec.table.name] = cols
	}
	if len(cols) == 0 {
		return fmt.Errorf("%w: table %s", ErrBundleNewer, rec.table.name)
	}
	for c := range rec.row {
		if !cols[c] {
			return fmt.Errorf("%w: column %s.%s", ErrBundleNewer, rec.table.name, c)
		}
	}
	if rec.table.blob == "" || rec.deleted() {
		return nil
	}
	sum, _ := rec.row[rec.table.blob].(string)
	if attachments[sum] {
		return nil
	}
	var n int
	if err := im.stmts.QueryRow(`SELECT count(*) FROM blobs WHERE sha256 = ?`, sum).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: %s %s refers to a file content the bundle lacks", ErrBundleTampered, rec.table.name, rec.id)
	}
	return nil
}

// decide applies the merge rule to one record. The newer version wins,
// by clock value and then workstation id. It is a conflict when each side
// holds a change the other had not seen. This vault has not seen the
// incoming version when it is newer than what the vault received from
// that workstation. The sender has not seen the local version when it is
// newer than what the manifest's Seen records the sender received from
// the local version's workstation. A row whose unique values another
// local row already has is a conflict too (see recordTable.unique).
func (im *importer) decide(rec incomingRecord, m *Manifest) (Action, error) {
	if rec.table.key != "" {
		return im.decideKeyed(rec)
	}
	if holder, err := im.uniqueHolder(rec); err != nil || holder != "" {
		return ActionConflict, err
	}
	var updated, ws string
	err := im.stmts.QueryRow(`SELECT updated_at, workstation FROM `+rec.table.name+` WHERE id = ?`,
		rec.id).Scan(&updated, &ws)
	if errors.Is(err, sql.ErrNoRows) {
		return ActionAdd, nil
	}
	if err != nil {
		return "", err
	}
	order := strings.Compare(rec.updated, updated)
	if order == 0 {
		order = strings.Compare(rec.workstation, ws)
	}
	if order == 0 {
		return ActionUnchanged, nil
	}
	if rec.table.secret {
		return ActionKeep, nil
	}
	incomingUnseen := rec.workstation != im.v.workstation && rec.updated > im.ourSeen[rec.workstation]
	localUnseen := ws != m.Workstation && updated > m.Seen[ws]
	switch {
	case incomingUnseen && localUnseen:
		return ActionConflict, nil
	case order > 0:
		return ActionUpdate, nil
	}
	return ActionKeep, nil
}

// decideKeyed adds a keyed row the vault lacks and keeps the local value
// of one it has, because such rows carry no clock to tell which is newer.
func (im *importer) decideKeyed(rec incomingRecord) (Action, error) {
	local, err := loadRow(im.stmts, *rec.table, rec.id)
	if errors.Is(err, sql.ErrNoRows) {
		return ActionAdd, nil
	}
	if err != nil {
		return "", err
	}
	if rowJSON(local) == rowJSON(rec.row) {
		return ActionUnchanged, nil
	}
	return ActionKeep, nil
}

// uniqueHolder returns the id of another local row with the same values
// in rec's unique columns, or "" when there is none.
func (im *importer) uniqueHolder(rec incomingRecord) (string, error) {
	if len(rec.table.unique) == 0 {
		return "", nil
	}
	conds := []string{"id <> ?"}
	args := []any{rec.id}
	for _, c := range rec.table.unique {
		conds = append(conds, c+" = ?")
		args = append(args, rec.row[c])
	}
	var id string
	err := im.stmts.QueryRow(`SELECT id FROM `+rec.table.name+` WHERE `+strings.Join(conds, " AND "),
		args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// storeAttachment writes an attachment the vault lacks straight under
// its announced SHA-256. The reader checks the hash after the last
// byte, and a mismatch rolls the transaction back, after which the file
// is removed again (see writeBlobs), so the content needs no second pass.
// The file is synced and renamed in the background while the next
// attachment streams in; run inserts the rows once all are read.
func (im *importer) storeAttachment(ctx context.Context, a Attachment, content io.Reader) error {
	var n int
	if err := im.tx.QueryRow(`SELECT count(*) FROM blobs WHERE sha256 = ?`, a.SHA256).Scan(&n); err != nil {
		return err
	}
	if n > 0 && im.v.blobs.exists(a.SHA256) {
		return nil
	}
	w, err := im.v.blobs.create()
	if err != nil {
		return err
	}
	w.reserve(a.Size)
	if _, err := copyContext(ctx, w, content); err != nil {
		w.abort()
		return err
	}
	return im.blobs.putAsync(w, a.SHA256, a.Size, n > 0)
}

// apply writes the planned records, the kept versions of conflicts and
// the bookkeeping, and rebuilds the search rows of the touched cases.
func (im *importer) apply(ctx context.Context, p *ImportPreview, trust bool) error {
	m := &p.Manifest
	cases := map[string]bool{}
	now := formatTime(time.Now())
	for i, rec := range im.records {
		rec, err := im.withoutContent(ctx, rec)
		if err != nil {
			return fmt.Errorf("apply %s %s: %w", rec.table.name, rec.id, err)
		}
		if err := im.applyRecord(rec, im.actions[i], m, now); err != nil {
			return fmt.Errorf("apply %s %s: %w", rec.table.name, rec.id, err)
		}
		if id := caseOf(rec); id != "" {
			cases[id] = true
		}
	}
	if err := im.reindexCases(cases); err != nil {
		return err
	}
	if err := im.saveSeen(); err != nil {
		return err
	}
	return im.saveSender(p, trust, now)
}

// reindexCases rebuilds the search rows of the touched cases, or drops
// those of deleted cases, like reindexImported, in rowid order. FTS5
// writes its pending inserts to the index whenever a rowid is below the
// previous one (sqlite3Fts5IndexBeginWrite in SQLite 3.33.0, bundled
// with go-sqlcipher v4.4.2). In the random order of a map that happens
// for about every other case.
// reindexCases rebuilds the search rows of the touched cases from one
// query over the cases and their journals. It writes them in rowid order:
// FTS5 writes its pending inserts to the index whenever a rowid is below
// the previous one. A deleted case loses its search row.
func (im *importer) reindexCases(cases map[string]bool) error {
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	if err := fillIDTable(im.stmts, importCasesTable, ids); err != nil {
		return err
	}
	rows, err := im.stmts.Query(`SELECT c.rowid, c.deleted, c.code, c.title, c.subject_name,
		c.subject_unit, j.text
		FROM ` + importCasesTable + ` t JOIN cases c ON c.id = t.id
		LEFT JOIN journal j ON j.case_id = c.id AND j.deleted = 0
		ORDER BY c.rowid, j.entry_date`)
	if err != nil {
		return err
	}
	var found []caseSearch
	for rows.Next() {
		var cs caseSearch
		var note sql.NullString
		if err := rows.Scan(&cs.rowid, &cs.deleted, &cs.code, &cs.title, &cs.subjectName,
			&cs.subjectUnit, &note); err != nil {
			rows.Close()
			return err
		}
		if n := len(found); n == 0 || found[n-1].rowid != cs.rowid {
			found = append(found, cs)
		}
		if note.Valid {
			last := &found[len(found)-1]
			last.notes = append(last.notes, note.String)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, cs := range found {
		if err := cs.write(im.stmts); err != nil {
			return err
		}
	}
	_, err = im.stmts.Exec(`DROP TABLE ` + importCasesTable)
	return err
}

// importCasesTable contains the ids of the cases an import touched.
const importCasesTable = "temp.import_cases"

func caseOf(rec incomingRecord) string {
	if rec.table.name == "cases" {
		return rec.id
	}
	if rec.table.parent == "case_id" {
		id, _ := rec.row["case_id"].(string)
		return id
	}
	return ""
}

func (im *importer) applyRecord(rec incomingRecord, action Action, m *Manifest, now string) error {
	switch action {
	case ActionUnchanged, ActionKeep:
		return nil
	case ActionConflict:
		if holder, err := im.uniqueHolder(rec); err != nil || holder != "" {
			if err != nil {
				return err
			}
			return im.keepClash(rec, holder, m, now)
		}
		if err := im.keepConflict(rec, m, now); err != nil {
			return err
		}
		var updated, ws string
		im.stmts.QueryRow(`SELECT updated_at, workstation FROM `+rec.table.name+` WHERE id = ?`, rec.id).Scan(&updated, &ws)
		if rec.updated < updated || (rec.updated == updated && rec.workstation < ws) {
			return nil
		}
	case ActionAdd:
		if rec.table.secret {
			if _, err := loadOfficer(im.tx); err == nil || m.Kind != KindBackup {
				return nil
			}
		}
	}
	return upsert(im.stmts, rec)
}

// keepConflict stores the version that loses, with its origin: the
// local row when the incoming one is newer, the incoming row otherwise.
func (im *importer) keepConflict(rec incomingRecord, m *Manifest, now string) error {
	loser, origin := rec.row, OriginReceived
	local, err := loadRow(im.stmts, *rec.table, rec.id)
	if err != nil {
		return err
	}
	lu, _ := local["updated_at"].(string)
	lw, _ := local["workstation"].(string)
	if rec.updated > lu || (rec.updated == lu && rec.workstation > lw) {
		loser, origin = local, OriginLocal
	}
	lu, _ = loser["updated_at"].(string)
	lw, _ = loser["workstation"].(string)
	_, err = im.stmts.Exec(`INSERT INTO exchange_conflicts (id, table_name, record_id, version,
		version_origin, updated_at, workstation, sender, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), rec.table.name, rec.id, rowJSON(loser), string(origin), lu, lw, m.Sender.Fingerprint, now)
	return err
}

// keepClash stores an incoming row whose unique values the local row
// holder already has, as a conflict on holder. The unique index admits
// only one of the two, so the local row stays and the received one is
// kept aside.
func (im *importer) keepClash(rec incomingRecord, holder string, m *Manifest, now string) error {
	_, err := im.stmts.Exec(`INSERT INTO exchange_conflicts (id, table_name, record_id, version,
		version_origin, updated_at, workstation, sender, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), rec.table.name, holder, rowJSON(rec.row), string(OriginReceived), rec.updated,
		rec.workstation, m.Sender.Fingerprint, now)
	return err
}

// withoutContent returns rec ready to write when it is a deleted row
// whose file content is in neither the bundle nor the vault. The local
// row, when there is one, keeps its own content reference. A new row
// refers to the empty content instead, which the vault then holds,
// because the blob column must name a stored content.
func (im *importer) withoutContent(ctx context.Context, rec incomingRecord) (incomingRecord, error) {
	t := rec.table
	if t.blob == "" || !rec.deleted() {
		return rec, nil
	}
	sum, _ := rec.row[t.blob].(string)
	var n int
	if err := im.stmts.QueryRow(`SELECT count(*) FROM blobs WHERE sha256 = ?`, sum).Scan(&n); err != nil || n > 0 {
		return rec, err
	}
	row := maps.Clone(rec.row)
	err := im.stmts.QueryRow(`SELECT `+t.blob+` FROM `+t.name+` WHERE id = ?`, rec.id).Scan(&sum)
	if errors.Is(err, sql.ErrNoRows) {
		sum, err = im.storeEmptyBlob(ctx)
	}
	if err != nil {
		return rec, err
	}
	row[t.blob] = sum
	rec.row = row
	return rec, nil
}

// storeEmptyBlob stores the empty content once per import and returns
// its SHA-256.
func (im *importer) storeEmptyBlob(ctx context.Context) (string, error) {
	if im.emptyBlob != "" {
		return im.emptyBlob, nil
	}
	sum, _, err := im.blobs.store(ctx, im.tx, bytes.NewReader(nil), nil)
	im.emptyBlob = sum
	return sum, err
}

// deleted reports whether the row carries a deletion mark.
func (rec incomingRecord) deleted() bool {
	d, _ := rec.row["deleted"].(int64)
	return d == 1
}

func loadRow(tx sqlRunner, t recordTable, id string) (map[string]any, error) {
	table := t.name
	cols, err := tableColumns(tx, table)
	if err != nil {
		return nil, err
	}
	values := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range values {
		ptrs[i] = &values[i]
	}
	err = tx.QueryRow(`SELECT `+strings.Join(cols, ", ")+` FROM `+table+` WHERE `+t.idColumn()+` = ?`,
		id).Scan(ptrs...)
	if err != nil {
		return nil, err
	}
	row := map[string]any{}
	for i, c := range cols {
		if b, ok := values[i].([]byte); ok {
			values[i] = string(b)
		}
		row[c] = values[i]
	}
	return row, nil
}

// upsert writes a row under its id (or key), replacing every column it
// carries. The columns go in name order, so that rows with the same
// columns share one SQL text, which a stmtCache prepares once.
func upsert(tx sqlRunner, rec incomingRecord) error {
	id := rec.table.idColumn()
	cols := slices.Sorted(maps.Keys(rec.row))
	marks := make([]string, len(cols))
	args := make([]any, len(cols))
	sets := make([]string, 0, len(cols))
	for i, c := range cols {
		marks[i] = "?"
		args[i] = rec.row[c]
		if c != id {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	_, err := tx.Exec(`INSERT INTO `+rec.table.name+` (`+strings.Join(cols, ", ")+`) VALUES (`+
		strings.Join(marks, ", ")+`) ON CONFLICT (`+id+`) DO UPDATE SET `+strings.Join(sets, ", "), args...)
	return err
}

// reindexImported rebuilds the search row of a case, or drops it when
// the case is deleted or absent.
func reindexImported(tx sqlRunner, caseID string) error {
	var deleted int
	err := tx.QueryRow(`SELECT deleted FROM cases WHERE id = ?`, caseID).Scan(&deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if deleted == 1 {
		_, err := tx.Exec(`DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)`, caseID)
		return err
	}
	return reindexCase(tx, caseID)
}

func (im *importer) saveSeen() error {
	seen := map[string]string{}
	for _, rec := range im.records {
		if rec.workstation != im.v.workstation && rec.updated > max(seen[rec.workstation], im.ourSeen[rec.workstation]) {
			seen[rec.workstation] = rec.updated
		}
	}
	for ws, h := range seen {
		_, err := im.tx.Exec(`INSERT INTO exchange_seen (workstation, last_hlc) VALUES (?, ?)
			ON CONFLICT (workstation) DO UPDATE SET last_hlc = max(last_hlc, excluded.last_hlc)`, ws, h)
		if err != nil {
			return err
		}
	}
	return nil
}

// saveSender records the sequence number, trusts the sender when asked,
// and logs the import.
func (im *importer) saveSender(p *ImportPreview, trust bool, now string) error {
	m := &p.Manifest
	own, err := im.senderIsOfficer(m)
	if err != nil {
		return err
	}
	if !p.SenderKnown && trust && !own {
		_, err := im.tx.Exec(`INSERT INTO key_directory (id, name, title, age_recipient,
			ed25519_public, created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET deleted = 0, updated_at = excluded.updated_at,
			workstation = excluded.workstation`,
			m.Sender.Fingerprint, m.Sender.Name, m.Sender.Title, m.Sender.Recipient, m.Sender.SignKey,
			now, im.v.clock.Now().String(), im.v.workstation)
		if err != nil {
			return err
		}
	}
	if p.Replay && p.Total.Added+p.Total.Updated+p.Total.Conflicts == 0 {
		return nil
	}
	_, err = im.tx.Exec(`INSERT INTO exchange_peers (fingerprint, last_sequence, last_import)
		VALUES (?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET
		last_sequence = max(last_sequence, excluded.last_sequence), last_import = excluded.last_import`,
		m.Sender.Fingerprint, m.Sequence, now)
	if err != nil {
		return err
	}
	_, err = im.tx.Exec(`INSERT INTO exchange_log (id, direction, at, kind, sequence, peers,
		records, attachments, classification, file_name) VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, '')`,
		newID(), now, string(m.Kind), m.Sequence, m.Sender.Fingerprint, m.Records,
		len(m.Attachments), int(m.Classification))
	return err
}

// senderIsOfficer reports whether the bundle's sender is this vault's
// own officer, as after a backup restored the officer keys. The key
// directory holds the cards of other officers only.
func (im *importer) senderIsOfficer(m *Manifest) (bool, error) {
	o, err := loadOfficer(im.tx)
	if errors.Is(err, ErrNoIdentity) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return o.Card().Fingerprint() == m.Sender.Fingerprint, nil
}
