package vault

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// localTables lists the tables of the schema that no bundle carries, each
// with the reason. Every other table must be in recordTables, so that a
// migration that adds a table decides where its rows go: a backup that
// silently leaves a table behind loses data on restore.
var localTables = map[string]string{
	"meta":        "this vault's workstation id, clock and bundle sequence number",
	"blobs":       "file contents travel as attachments, named by the rows that refer to them",
	"blob_chunks": "the stored pieces of those file contents",
	"case_search": "full-text index (FTS5), rebuilt from the cases after an import",

	"exchange_peers":     "the last sequence number this vault imported from each sender",
	"exchange_seen":      "travels as the manifest's seen map, not as rows",
	"exchange_conflicts": "conflicts found by this vault's imports, for its own user to resolve",
	"exchange_log":       "this vault's log of the bundles it wrote and read",

	"meeting_progress": "cache of meeting readiness, recomputed from the meeting tables",
}

// schemaTable is a table of the schema with its columns and primary key.
type schemaTable struct {
	columns map[string]bool
	pk      []string
}

// schemaTables returns the tables of v's schema, without SQLite's own
// tables and the shadow tables of virtual tables (FTS5 keeps its index
// in case_search_data, case_search_idx and so on).
func schemaTables(t *testing.T, v *Vault) map[string]schemaTable {
	t.Helper()
	out := map[string]schemaTable{}
	err := v.read(func(db *sql.DB) error {
		var names, virtual []string
		rows, err := db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'table'
			AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var name, text string
			if err := rows.Scan(&name, &text); err != nil {
				rows.Close()
				return err
			}
			names = append(names, name)
			if strings.HasPrefix(strings.ToUpper(text), "CREATE VIRTUAL TABLE") {
				virtual = append(virtual, name)
			}
		}
		rows.Close()
		for _, name := range names {
			if isShadowTable(name, virtual) {
				continue
			}
			st, err := describeTable(db, name)
			if err != nil {
				return err
			}
			out[name] = st
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func isShadowTable(name string, virtual []string) bool {
	for _, vt := range virtual {
		if strings.HasPrefix(name, vt+"_") {
			return true
		}
	}
	return false
}

func describeTable(db *sql.DB, name string) (schemaTable, error) {
	st := schemaTable{columns: map[string]bool{}}
	rows, err := db.Query(`SELECT name, pk FROM pragma_table_info(?) ORDER BY pk, cid`, name)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var col string
		var pk int
		if err := rows.Scan(&col, &pk); err != nil {
			return st, err
		}
		st.columns[col] = true
		if pk > 0 {
			st.pk = append(st.pk, col)
		}
	}
	return st, rows.Err()
}

// uncoveredTables returns the tables of the schema that are neither
// registered in recordTables nor listed in localTables.
func uncoveredTables(tables map[string]schemaTable) []string {
	var out []string
	for name := range tables {
		_, local := localTables[name]
		if _, carried := findRecordTable(name); !carried && !local {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func TestBundleTablesCoverSchema(t *testing.T) {
	v, _ := newTestVault(t)
	tables := schemaTables(t, v)
	for _, name := range uncoveredTables(tables) {
		t.Errorf("table %s is in neither recordTables (vault/bundle.go) nor localTables "+
			"(vault/bundle_tables_test.go): register it with a scope, or list it with the reason "+
			"no bundle carries it", name)
	}
	seen := map[string]bool{}
	for _, rt := range recordTables {
		if seen[rt.name] {
			t.Errorf("table %s is registered twice", rt.name)
		}
		seen[rt.name] = true
		if reason, ok := localTables[rt.name]; ok {
			t.Errorf("table %s is registered and also listed as local (%s)", rt.name, reason)
		}
		st, ok := tables[rt.name]
		if !ok {
			t.Errorf("registered table %s is not in the schema", rt.name)
			continue
		}
		checkRecordShape(t, rt, st)
	}
}

// checkRecordShape checks that a registered table has the columns the
// bundle code relies on.
func checkRecordShape(t *testing.T, rt recordTable, st schemaTable) {
	t.Helper()
	if rt.key != "" {
		if len(st.pk) != 1 || st.pk[0] != rt.key {
			t.Errorf("%s: key %s is not the primary key %v", rt.name, rt.key, st.pk)
		}
		if rt.scope != "backup" || rt.blob != "" || rt.parent != "" {
			t.Errorf("%s: a keyed table travels only in backups, without parent or blob", rt.name)
		}
	} else {
		if len(st.pk) != 1 || st.pk[0] != "id" {
			t.Errorf("%s: primary key %v, want id", rt.name, st.pk)
		}
		for _, c := range []string{"created_at", "updated_at", "workstation", "deleted"} {
			if !st.columns[c] {
				t.Errorf("%s lacks the record column %s", rt.name, c)
			}
		}
	}
	for _, c := range append([]string{rt.parent, rt.blob}, rt.unique...) {
		if c != "" && !st.columns[c] {
			t.Errorf("%s has no column %s", rt.name, c)
		}
	}
	switch rt.scope {
	case "case", "meeting":
		if rt.parent == "" && rt.name != rt.scope+"s" {
			t.Errorf("%s: a %s row needs a parent column", rt.name, rt.scope)
		}
	case "member", "backup":
	default:
		t.Errorf("%s: unknown scope %q", rt.name, rt.scope)
	}
}

func TestBundleTablesCheckCatchesNewTable(t *testing.T) {
	v, _ := newTestVault(t)
	err := v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE future_notes (id TEXT PRIMARY KEY, text TEXT NOT NULL)`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := uncoveredTables(schemaTables(t, v))
	if len(got) != 1 || got[0] != "future_notes" {
		t.Errorf("uncovered tables = %v, want [future_notes]", got)
	}
}

// RecordTableRows returns, for the external tests, the rows of every
// record table of v that the schema has, each row as a map from column
// to value, by table name and then by id (or key).
func RecordTableRows(t testing.TB, v *Vault) map[string]map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]map[string]any{}
	err := v.read(func(db *sql.DB) error {
		for _, rt := range recordTables {
			cols, err := tableColumns(db, rt.name)
			if err != nil || len(cols) == 0 {
				return err
			}
			rows, err := readRows(db, rt, cols)
			if err != nil {
				return fmt.Errorf("%s: %w", rt.name, err)
			}
			out[rt.name] = rows
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readRows(db *sql.DB, rt recordTable, cols []string) (map[string]map[string]any, error) {
	rows, err := db.Query(`SELECT ` + strings.Join(cols, ", ") + ` FROM ` + rt.name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]any{}
	values := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range values {
		ptrs[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := map[string]any{}
		for i, c := range cols {
			if b, ok := values[i].([]byte); ok {
				values[i] = string(b)
			}
			row[c] = values[i]
		}
		out[fmt.Sprint(row[rt.idColumn()])] = row
	}
	return out, rows.Err()
}

// EmptyContentSHA256 is the SHA-256 of the empty file content, which a
// restored deleted document refers to when its content did not travel.
const EmptyContentSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// CompareRecordTables reports every difference between the record tables
// of want and got, column by column. The one difference allowed is the
// content reference of a deleted row whose content did not travel, which
// got holds as EmptyContentSHA256 when want's content is not in got.
func CompareRecordTables(t testing.TB, want, got *Vault) {
	t.Helper()
	wantRows, gotRows := RecordTableRows(t, want), RecordTableRows(t, got)
	gotBlobs := blobSet(t, got)
	for _, rt := range recordTables {
		w, g := wantRows[rt.name], gotRows[rt.name]
		for id, wr := range w {
			gr, ok := g[id]
			if !ok {
				t.Errorf("%s %s is missing after the restore", rt.name, id)
				continue
			}
			for col, wv := range wr {
				gv := gr[col]
				if col == rt.blob && wr["deleted"] == int64(1) && !gotBlobs[fmt.Sprint(wv)] &&
					gv == EmptyContentSHA256 {
					continue
				}
				if fmt.Sprint(wv) != fmt.Sprint(gv) || fmt.Sprintf("%T", wv) != fmt.Sprintf("%T", gv) {
					t.Errorf("%s %s column %s = %s, want %s", rt.name, id, col, jsonText(gv), jsonText(wv))
				}
			}
		}
		for id := range g {
			if _, ok := w[id]; !ok {
				t.Errorf("%s %s is in the restored vault only: %s", rt.name, id, jsonText(g[id]))
			}
		}
	}
}

func blobSet(t testing.TB, v *Vault) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT sha256 FROM blobs`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sum string
			if err := rows.Scan(&sum); err != nil {
				return err
			}
			out[sum] = true
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// AddFractions adds 0.375 to every real column of every record table of
// v, for the external tests, so that a round trip carries fractions. It
// fails the test when no row of such a column exists.
func AddFractions(t testing.TB, v *Vault) {
	t.Helper()
	changed := int64(0)
	err := v.write(func(tx *sql.Tx) error {
		for _, rt := range recordTables {
			rows, err := tx.Query(`SELECT name FROM pragma_table_info(?) WHERE type = 'REAL'`, rt.name)
			if err != nil {
				return err
			}
			var cols []string
			for rows.Next() {
				var c string
				if err := rows.Scan(&c); err != nil {
					rows.Close()
					return err
				}
				cols = append(cols, c)
			}
			rows.Close()
			for _, c := range cols {
				res, err := tx.Exec(`UPDATE ` + rt.name + ` SET ` + c + ` = ` + c + ` + 0.375`)
				if err != nil {
					return err
				}
				n, _ := res.RowsAffected()
				changed += n
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if changed == 0 {
		t.Fatal("no row has a real column, so no fraction travels")
	}
}
