package vault

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	sqlcipher "github.com/mutecomm/go-sqlcipher/v4"

	"sotay/model"
)

// write runs fn in one transaction and commits it when fn returns nil.
func (v *Vault) write(fn func(tx *sql.Tx) error) error {
	db, release, err := v.conn()
	if err != nil {
		return err
	}
	defer release()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return classifyWriteError(err)
	}
	if err := tx.Commit(); err != nil {
		// SQLite keeps the transaction open when COMMIT fails, as on a
		// deferred foreign key, but database/sql counts the transaction as
		// done and would return the connection to the pool inside it. The
		// ROLLBACK fails harmlessly when SQLite already rolled back.
		conn.ExecContext(ctx, "ROLLBACK")
		return classifyWriteError(err)
	}
	return nil
}

// classifyWriteError maps SQLite's "database or disk is full" to
// ErrDiskFull.
func classifyWriteError(err error) error {
	var se sqlcipher.Error
	if errors.As(err, &se) && se.Code == sqlcipher.ErrFull {
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	return err
}

// read runs fn with the open database.
func (v *Vault) read(fn func(db *sql.DB) error) error {
	db, release, err := v.conn()
	if err != nil {
		return err
	}
	defer release()
	return fn(db)
}

// queryAll runs query on the open database and returns every row read by
// scan, in the query's order.
func queryAll[T any](v *Vault, scan func(interface{ Scan(...any) error }) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			item, err := scan(rows)
			if err != nil {
				return err
			}
			out = append(out, item)
		}
		return rows.Err()
	})
	return out, err
}

// stamp fills the identity of a record about to be written: a new UUIDv7
// id when it has none, the creation time, and a fresh clock value.
func (v *Vault) stamp(r *model.Record) {
	if r.ID == "" {
		r.ID = newID()
		r.CreatedAt = time.Now().UTC().Truncate(time.Second)
	}
	r.UpdatedAt = v.clock.Now()
	r.Workstation = v.workstation
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func parseDate(s string) model.Date {
	if s == "" {
		return model.Date{}
	}
	d, _ := model.ParseDate(s)
	return d
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
