package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Constants of the plaintext layout inside the age encryption; see
// docs/BUNDLE-FORMAT.md.
const (
	bundleMagic     = "sotay-bundle/"
	manifestContext = "sotay bundle manifest v1\n"
	endMarker       = "sotay-end\n"
	// ageChunk is age's plaintext chunk size. The plaintext is padded
	// with zeros to a whole number of chunks, so a complete payload is a
	// whole number of 64 KiB + 16 byte sealed chunks and a cut anywhere
	// else shows as truncation.
	ageChunk = 64 << 10
)

func paddedSize(n int64) int64 {
	return (n + ageChunk - 1) / ageChunk * ageChunk
}

// bundleRecord is one line of the records section: a row of a record
// table, with each column's value as a JSON string, number or null.
type bundleRecord struct {
	Table string         `json:"table"`
	Row   map[string]any `json:"row"`
}

// selection turns an export request into a WHERE clause per table.
type selection struct {
	kind     BundleKind
	cases    []string
	meetings []string
	member   string   // a meeting pack's member
	versions []string // a meeting pack's versions
}

// newSelection checks that every selected case or meeting exists and
// loads their ids into the temporary table selectedTable. The query of
// each table joins it, so a selection of 10,000 cases is stored once and
// not parsed again as an IN list for every table. The table lives in
// memory (temp_store) and in the export transaction, whose rollback
// drops it.
func newSelection(tx *sql.Tx, req ExportRequest) (*selection, error) {
	s := &selection{kind: req.Kind, cases: req.CaseIDs, meetings: req.MeetingIDs,
		member: req.packMember, versions: req.packVersions}
	switch req.Kind {
	case KindBackup:
		return s, nil
	case KindCases:
		return s, selectIDs(tx, "cases", s.cases)
	case KindMeetings, KindMeetingPack:
		cols, err := tableColumns(tx, "meetings")
		if err != nil {
			return nil, err
		}
		if len(cols) == 0 {
			return nil, ErrMeetingsUnavailable
		}
		return s, selectIDs(tx, "meetings", s.meetings)
	}
	return nil, fmt.Errorf("%w: unknown bundle kind %q", ErrInvalid, req.Kind)
}

// selectedTable holds the ids of the selected cases or meetings, in the
// order of the request.
const selectedTable = "temp.bundle_selected"

// selectIDs stores ids in selectedTable and returns ErrNotFound naming
// the first one, in the request's order, that is not a live row of table.
func selectIDs(tx *sql.Tx, table string, ids []string) error {
	if len(ids) == 0 {
		return ErrNothingToExport
	}
	stmts := newStmtCache(tx)
	defer stmts.close()
	if err := fillIDTable(stmts, selectedTable, ids); err != nil {
		return err
	}
	var missing string
	err := tx.QueryRow(`SELECT s.id FROM ` + selectedTable + ` s
		WHERE NOT EXISTS (SELECT 1 FROM ` + table + ` t WHERE t.id = s.id AND t.deleted = 0)
		ORDER BY s.rowid LIMIT 1`).Scan(&missing)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return fmt.Errorf("%s %s: %w", table, missing, ErrNotFound)
}

// where returns the condition that selects the rows of t, or false when
// the bundle carries none of them.
func (s *selection) where(t recordTable) (string, []any, bool) {
	if s.kind == KindMeetingPack {
		return s.packWhere(t)
	}
	switch {
	case s.kind == KindBackup:
		return "1 = 1", nil, true
	case s.kind == KindCases && t.scope == "case":
		return inSelected(t.parent)
	case s.kind == KindMeetings && t.scope == "meeting":
		return inSelected(t.parent)
	case s.kind == KindMeetings && t.scope == "member":
		cond, _, _ := inSelected("meeting_id")
		q := `id IN (SELECT member_id FROM meeting_attendees WHERE ` + cond +
			` UNION SELECT member_id FROM distributions WHERE ` + cond + `)`
		return q, nil, true
	}
	return "", nil, false
}

// packWhere selects a meeting pack: the meeting, its agenda and
// materials, the member's own attendance row and member row, and only the
// versions being sent. Distribution rows stay with the sender.
func (s *selection) packWhere(t recordTable) (string, []any, bool) {
	switch t.name {
	case "meetings", "agenda_items", "materials":
		return inSelected(t.parent)
	case "material_versions":
		if len(s.versions) == 0 {
			return "", nil, false
		}
		return inList("", s.versions)
	case "meeting_attendees":
		cond, _, _ := inSelected(t.parent)
		return cond + " AND member_id = ?", []any{s.member}, true
	case "members":
		return "id = ?", []any{s.member}, true
	}
	return "", nil, false
}

// fillIDTable makes the temporary table name (as "temp.table") hold ids
// in their order, each once. Temporary tables live in memory (temp_store)
// and only on the transaction's connection.
func fillIDTable(tx sqlRunner, name string, ids []string) error {
	if _, err := tx.Exec(`CREATE TABLE IF NOT EXISTS ` + name + ` (id TEXT NOT NULL UNIQUE)`); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM ` + name); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO `+name+` (id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	return nil
}

// inSelected returns "column IN (the selected ids)"; an empty column
// means the id column.
func inSelected(column string) (string, []any, bool) {
	if column == "" {
		column = "id"
	}
	return column + " IN (SELECT id FROM " + selectedTable + ")", nil, true
}

// inList returns "column IN (?, …)" with ids as arguments; an empty
// column means the id column.
func inList(column string, ids []string) (string, []any, bool) {
	if column == "" {
		column = "id"
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	return column + " IN (" + marks + ")", args, true
}
