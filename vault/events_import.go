package vault

import (
	"database/sql"
	"errors"
	"slices"

	"sotay/model"
)

// ImportResult counts what ImportEvents did.
type ImportResult struct {
	Added   int
	Updated int
}

// ImportEvents stores events read from one .ics file in one transaction,
// so that a file is imported whole or not at all. An event whose UID and
// RecurrenceID match a live row updates that row, keeping its id, so
// that importing the same file again changes nothing but the clock.
// progress, when not nil, is called with the count done and the total
// every 500 events and at the end.
func (v *Vault) ImportEvents(events []model.Event, progress func(done, total int)) (ImportResult, error) {
	var res ImportResult
	for i := range events {
		if err := checkEvent(&events[i]); err != nil {
			return res, err
		}
	}
	err := v.write(func(tx *sql.Tx) error {
		res = ImportResult{}
		find, err := tx.Prepare(`SELECT id, created_at FROM events
			WHERE uid = ? AND recurrence_id = ? AND deleted = 0 LIMIT 1`)
		if err != nil {
			return err
		}
		defer find.Close()
		insert, err := tx.Prepare(`INSERT INTO events (` + eventColumns + `)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		update, err := tx.Prepare(`UPDATE events SET kind = ?, title = ?, location = ?,
			notes = ?, all_day = ?, start_at = ?, end_at = ?, zone = ?, start_date = ?,
			end_date = ?, rrule = ?, exdates = ?, cancelled = ?, classification = ?,
			source = ?, sequence = ?, updated_at = ?, workstation = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer update.Close()

		for i := range events {
			e := &events[i]
			var created string
			err := find.QueryRow(e.UID, e.RecurrenceID.String()).Scan(&e.ID, &created)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				e.ID = ""
				v.stamp(&e.Record)
				_, err = insert.Exec(eventArgs(e)...)
				res.Added++
			case err == nil:
				v.stamp(&e.Record)
				e.CreatedAt = parseTime(created)
				args := eventArgs(e)
				_, err = update.Exec(slices.Concat(args[3:16], args[19:20], args[21:23], args[24:26],
					[]any{e.ID})...)
				res.Updated++
			}
			if err != nil {
				return err
			}
			if progress != nil && ((i+1)%500 == 0 || i+1 == len(events)) {
				progress(i+1, len(events))
			}
		}
		return nil
	})
	return res, err
}
