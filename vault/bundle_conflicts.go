package vault

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Conflict is a record changed on both sides since two vaults last
// exchanged. The newer version is in the record's table; Other is the
// version that lost, as column name to value.
type Conflict struct {
	ID       string
	Table    string
	RecordID string
	Other    map[string]any
	// OtherOrigin is the vault that Other came from, as the import found
	// it. The version in the table came from the other side then.
	OtherOrigin Origin
	Sender      string // fingerprint of the bundle's sender
	Detected    time.Time
}

// Origin is the vault that a version of a conflict came from.
type Origin string

// The origins of a conflict's versions.
const (
	// OriginUnknown is the origin of conflicts found before schema
	// version 7, which did not store it.
	OriginUnknown Origin = ""
	// OriginLocal is a version this vault held before the import.
	OriginLocal Origin = "local"
	// OriginReceived is a version the imported bundle carried.
	OriginReceived Origin = "received"
)

// Conflicts returns the unresolved conflicts, oldest first.
func (v *Vault) Conflicts() ([]Conflict, error) {
	var out []Conflict
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, table_name, record_id, version, version_origin, sender,
			detected_at FROM exchange_conflicts WHERE resolved_at = '' ORDER BY detected_at, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Conflict
			var version, origin, detected string
			err := rows.Scan(&c.ID, &c.Table, &c.RecordID, &version, &origin, &c.Sender, &detected)
			if err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(version), &c.Other); err != nil {
				return fmt.Errorf("%w: conflict %s", ErrDatabaseDamaged, c.ID)
			}
			c.OtherOrigin = Origin(origin)
			c.Detected = parseTime(detected)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// ResolveConflict closes a conflict. With takeOther the losing version
// replaces the current one, as a new change of this workstation so that
// it travels on; otherwise the current version stays. When the losing
// version is another record holding the current record's document number
// (see recordTable.unique), takeOther returns an error wrapping
// ErrNumberIssued and the conflict stays open.
func (v *Vault) ResolveConflict(id string, takeOther bool) error {
	return v.write(func(tx *sql.Tx) error {
		var table, recordID, version string
		err := tx.QueryRow(`SELECT table_name, record_id, version FROM exchange_conflicts
			WHERE id = ? AND resolved_at = ''`, id).Scan(&table, &recordID, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if takeOther {
			if other, _ := decodeRow(version)["id"].(string); other != recordID {
				return fmt.Errorf("%w: conflict %s: the other version is another %s record", ErrNumberIssued, id, table)
			}
			if err := v.restoreVersion(tx, table, version); err != nil {
				return err
			}
		}
		_, err = tx.Exec(`UPDATE exchange_conflicts SET resolved_at = ? WHERE id = ?`, formatTime(time.Now()), id)
		return err
	})
}

func (v *Vault) restoreVersion(tx *sql.Tx, table, version string) error {
	t, ok := findRecordTable(table)
	if !ok {
		return fmt.Errorf("%w: conflict on table %s", ErrDatabaseDamaged, table)
	}
	rec, err := checkRecord(bundleRecord{Table: table, Row: decodeRow(version)})
	if err != nil {
		return fmt.Errorf("%w: conflict version", ErrDatabaseDamaged)
	}
	rec.table = t
	rec.row["updated_at"] = v.clock.Now().String()
	rec.row["workstation"] = v.workstation
	if err := upsert(tx, rec); err != nil {
		return err
	}
	if id := caseOf(rec); id != "" {
		return reindexImported(tx, id)
	}
	return nil
}

func decodeRow(s string) map[string]any {
	var row map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	dec.Decode(&row)
	return row
}
