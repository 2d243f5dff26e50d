package vault

import (
	"context"
	"database/sql"
	"fmt"
)

// Stats counts the live records of a vault.
type Stats struct {
	SchemaVersion int   `json:"schema_version"`
	Cases         int   `json:"cases"`
	Tasks         int   `json:"tasks"`
	TeamMembers   int   `json:"team_members"`
	Documents     int   `json:"documents"`
	JournalItems  int   `json:"journal_entries"`
	BlobBytes     int64 `json:"document_bytes"`
}

// Stats returns the schema version and the number of records of each
// kind.
func (v *Vault) Stats() (Stats, error) {
	var s Stats
	err := v.read(func(db *sql.DB) error {
		if err := db.QueryRow("PRAGMA user_version").Scan(&s.SchemaVersion); err != nil {
			return err
		}
		counts := []struct {
			table string
			dst   *int
		}{
			{"cases", &s.Cases}, {"tasks", &s.Tasks}, {"team_members", &s.TeamMembers},
			{"documents", &s.Documents}, {"journal", &s.JournalItems},
		}
		for _, c := range counts {
			q := fmt.Sprintf("SELECT count(*) FROM %s WHERE deleted = 0", c.table)
			if err := db.QueryRow(q).Scan(c.dst); err != nil {
				return err
			}
		}
		return db.QueryRow("SELECT coalesce(sum(size), 0) FROM blobs").Scan(&s.BlobBytes)
	})
	return s, err
}

// Check runs SQLCipher's HMAC check over every page and SQLite's quick
// check, as Open does, and returns ErrDatabaseDamaged on any problem.
// Then it reads every attachment file whole (see checkBlobs) and returns
// a *BlobCheckError that lists the missing and damaged ones.
func (v *Vault) Check() error {
	err := v.read(func(db *sql.DB) error {
		conn, err := db.Conn(context.Background())
		if err != nil {
			return err
		}
		defer conn.Close()
		return integrityCheck(context.Background(), conn)
	})
	if err != nil {
		return err
	}
	return v.checkBlobs()
}
