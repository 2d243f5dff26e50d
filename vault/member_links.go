package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// UnlinkMemberKey removes the link between a member of the meetings
// directory and a key card, so that no meeting pack is encrypted for the
// member until a card is linked again. It returns ErrNotFound when the
// member has no link. The key card stays in the key directory.
func (v *Vault) UnlinkMemberKey(memberID string) error {
	return v.markDeleted("member_keys", memberID)
}

// MemberKeyLinks returns the fingerprint of the key card linked to each
// member that has a live link, by member id. A link whose card was
// removed from the key directory is left out, as MemberKey treats it.
func (v *Vault) MemberKeyLinks() (map[string]string, error) {
	links := map[string]string{}
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT l.id, l.fingerprint FROM member_keys l
			JOIN key_directory k ON k.id = l.fingerprint AND k.deleted = 0
			WHERE l.deleted = 0`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var member, fingerprint string
			if err := rows.Scan(&member, &fingerprint); err != nil {
				return err
			}
			links[member] = fingerprint
		}
		return rows.Err()
	})
	return links, err
}

// RecordVersion returns the stored row of a record in one of the tables
// that bundles carry, as column name to value (strings, int64 and nil),
// deleted rows included: the version that a Conflict's Other competes
// with. It returns ErrNotFound for an unknown table or id.
func (v *Vault) RecordVersion(table, id string) (map[string]any, error) {
	t, ok := findRecordTable(table)
	if !ok {
		return nil, fmt.Errorf("%w: table %q", ErrNotFound, table)
	}
	var row map[string]any
	err := v.read(func(db *sql.DB) error {
		cols, err := tableColumns(db, table)
		if err != nil {
			return err
		}
		values := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range values {
			ptrs[i] = &values[i]
		}
		err = db.QueryRow(`SELECT `+strings.Join(cols, ", ")+` FROM `+table+` WHERE `+t.idColumn()+` = ?`,
			id).Scan(ptrs...)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		row = make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := values[i].([]byte); ok {
				values[i] = string(b)
			}
			row[c] = values[i]
		}
		return nil
	})
	return row, err
}
