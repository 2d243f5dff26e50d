package vault

import (
	"context"
	"database/sql"
	"errors"
)

// migrateChunks moves every content that earlier versions kept in
// blob_chunks rows into its file, one content at a time: the file is put
// in place, then its rows are deleted in a transaction of their own
// (secure_delete overwrites them). An interrupted run leaves each
// content either in rows (and perhaps also in a complete file, which the
// next run writes again) or in its file alone, so running again
// finishes the work. Older versions of the app that still write
// blob_chunks rows are caught up the same way at the next open. At the
// end VACUUM shrinks vault.db, so that the integrity check at every open
// no longer reads the attachments. All of it runs on one connection, so
// that one 64 MiB page cache fills, not one per pooled connection.
func (v *Vault) migrateChunks(ctx context.Context, moved func(done, total int64)) error {
	if err := v.migrateEmpty(ctx); err != nil {
		return err
	}

	conn, err := v.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()

	// The move reads each page once, so a large cache only takes memory:
	// with 8 MiB the first open of a 1 GiB vault peaked at 245 MiB of
	// resident memory instead of 272 MiB. The pool's connections go back
	// to the 64 MiB of connectionPragmas.
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -8192`); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, `PRAGMA cache_size = -65536`)

	var pending int
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM blob_chunks)`).Scan(&pending); err != nil {
		return err
	}
	if pending == 0 {
		return nil
	}

	var done, total int64
	err = conn.QueryRowContext(ctx, `SELECT coalesce(sum(size), 0) FROM blobs b
		WHERE EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = b.sha256)`).Scan(&total)
	if err != nil {
		return err
	}
	report := func() {
		if moved != nil {
			moved(done, total)
		}
	}
	report()

	for {
		var sum string
		var size int64
		err := conn.QueryRowContext(ctx, `SELECT sha256, size FROM blobs b
			WHERE EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = b.sha256) LIMIT 1`).Scan(&sum, &size)
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return err
		}
		if err := v.migrateContent(ctx, conn, sum); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM blob_chunks WHERE sha256 = ?`, sum); err != nil {
			return classifyWriteError(err)
		}
		done += size
		report()
	}

	// Rows of no content: the pending pieces of a write that an older
	// version did not finish.
	if _, err := conn.ExecContext(ctx, `DELETE FROM blob_chunks`); err != nil {
		return classifyWriteError(err)
	}
	if _, err := conn.ExecContext(ctx, `VACUUM`); err != nil {
		return classifyWriteError(err)
	}
	_, err = conn.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// migrateEmpty writes the file of each empty content that lacks one:
// earlier versions stored an empty content as a row of blobs without
// any blob_chunks row.
func (v *Vault) migrateEmpty(ctx context.Context) error {
	rows, err := v.db.QueryContext(ctx, `SELECT sha256 FROM blobs WHERE size = 0`)
	if err != nil {
		return err
	}
	var sums []string
	for rows.Next() {
		var sum string
		if err := rows.Scan(&sum); err != nil {
			rows.Close()
			return err
		}
		sums = append(sums, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, sum := range sums {
		if v.blobs.exists(sum) {
			continue
		}
		w, err := v.blobs.create()
		if err != nil {
			return err
		}
		if err := w.commit(sum, func(string) {}); err != nil {
			return err
		}
	}
	return nil
}

// migrateContent writes the chunks of one content into its file as they
// are. A content whose chunks do not match its SHA-256 or size was
// damaged before; it moves all the same, and reading it reports
// ErrBlobDamaged.
func (v *Vault) migrateContent(ctx context.Context, conn *sql.Conn, sum string) error {
	rows, err := conn.QueryContext(ctx, `SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY seq`, sum)
	if err != nil {
		return err
	}
	defer rows.Close()
	w, err := v.blobs.create()
	if err != nil {
		return err
	}
	defer w.abort()
	var chunk []byte
	for rows.Next() {
		if err := rows.Scan(&chunk); err != nil {
			return err
		}
		if _, err := w.Write(chunk); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	return w.commit(sum, func(string) {})
}
