package vault

import (
	"database/sql"

	"sotay/model"
)

// AddJournalEntry stores a dated note in a case's journal.
func (v *Vault) AddJournalEntry(e *model.JournalEntry) error {
	e.Text = model.Normalize(e.Text)
	if e.Text == "" {
		return invalid(FieldText, "the note is empty")
	}
	if e.Date.IsZero() {
		return invalid(FieldDate, "the note has no date")
	}
	return v.write(func(tx *sql.Tx) error {
		v.stamp(&e.Record)
		_, err := tx.Exec(`INSERT INTO journal (id, case_id, entry_date, text,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			e.ID, e.CaseID, e.Date.String(), e.Text, formatTime(e.CreatedAt),
			e.UpdatedAt.String(), e.Workstation)
		if err != nil {
			return err
		}
		return reindexCase(tx, e.CaseID)
	})
}

// DeleteJournalEntry marks a journal entry deleted.
func (v *Vault) DeleteJournalEntry(id string) error {
	var caseID string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT case_id FROM journal WHERE id = ?`, id).Scan(&caseID)
	})
	if err != nil {
		return ErrNotFound
	}
	if err := v.markDeleted("journal", id); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error { return reindexCase(tx, caseID) })
}

// Journal returns a case's journal, oldest entry first.
func (v *Vault) Journal(caseID string) ([]model.JournalEntry, error) {
	var out []model.JournalEntry
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, case_id, entry_date, text, created_at, updated_at,
			workstation FROM journal WHERE case_id = ? AND deleted = 0
			ORDER BY entry_date, created_at`, caseID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e model.JournalEntry
			var date, created, updated string
			if err := rows.Scan(&e.ID, &e.CaseID, &date, &e.Text, &created, &updated, &e.Workstation); err != nil {
				return err
			}
			e.Date, e.CreatedAt = parseDate(date), parseTime(created)
			e.UpdatedAt, _ = model.ParseHLC(updated)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
