package vault

import (
	"database/sql"

	"sotay/model"
)

// SaveHandbookEntry stores a new handbook entry or updates one.
func (v *Vault) SaveHandbookEntry(e *model.HandbookEntry) error {
	for _, s := range []*string{&e.TaskTitle, &e.Guidance, &e.LegalBasis, &e.Forms} {
		*s = model.Normalize(*s)
	}
	if e.TaskTitle == "" {
		return invalid(FieldTitle, "the handbook entry names no task")
	}
	if e.LimitDays < 0 || e.Extension < 0 {
		return invalid(FieldDeadline, "the time limit is negative")
	}
	return v.write(func(tx *sql.Tx) error { return v.saveHandbookEntry(tx, e) })
}

func (v *Vault) saveHandbookEntry(tx *sql.Tx, e *model.HandbookEntry) error {
	isNew := e.ID == ""
	v.stamp(&e.Record)
	if isNew {
		return insertHandbookEntry(tx, e)
	}
	return expectRow(tx.Exec(`UPDATE handbook SET task_title = ?, kind = ?, guidance = ?, legal_basis = ?,
		forms = ?, limit_days = ?, limit_working = ?, extension = ?, updated_at = ?, workstation = ?
		WHERE id = ? AND deleted = 0`,
		e.TaskTitle, string(e.Kind), e.Guidance, e.LegalBasis, e.Forms, e.LimitDays,
		boolInt(e.LimitWorking), e.Extension, e.UpdatedAt.String(), e.Workstation, e.ID))
}

func insertHandbookEntry(tx *sql.Tx, e *model.HandbookEntry) error {
	_, err := tx.Exec(`INSERT INTO handbook (id, task_title, kind, guidance, legal_basis, forms,
		limit_days, limit_working, extension, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.TaskTitle, string(e.Kind), e.Guidance, e.LegalBasis, e.Forms, e.LimitDays,
		boolInt(e.LimitWorking), e.Extension, formatTime(e.CreatedAt), e.UpdatedAt.String(), e.Workstation)
	return err
}

// handbookSeeds are the seeded handbook entries, keyed by kind and task
// title. An entry for every kind has the empty kind.
var handbookSeeds = seedTable{name: "handbook", key: "kind || char(31) || task_title"}

func handbookSeedKey(e model.HandbookEntry) string {
	return "handbook:" + string(e.Kind) + ":" + e.TaskTitle
}

// SeedHandbook stores entries as seeded defaults when the vault has no
// entry yet, live or deleted. In a vault that has entries it drops the
// unchanged defaults that entries from an older backup duplicate (see
// dropShadowedSeeds).
func (v *Vault) SeedHandbook(entries []model.HandbookEntry) error {
	return v.write(func(tx *sql.Tx) error {
		empty, err := tableEmpty(tx, "handbook")
		if err != nil {
			return err
		}
		if !empty {
			ids := make([]string, len(entries))
			for i, e := range entries {
				ids[i] = seedID(handbookSeedKey(e))
			}
			return dropShadowedSeeds(tx, handbookSeeds, ids)
		}
		for i := range entries {
			stampSeed(&entries[i].Record, handbookSeedKey(entries[i]))
			if err := insertHandbookEntry(tx, &entries[i]); err != nil {
				return err
			}
		}
		return markSeedsSeen(tx)
	})
}

// Handbook returns the live entries in the order they were made.
func (v *Vault) Handbook() ([]model.HandbookEntry, error) {
	var out []model.HandbookEntry
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var e model.HandbookEntry
			var kind string
			var working int
			if err := rows.Scan(&e.ID, &e.TaskTitle, &kind, &e.Guidance, &e.LegalBasis, &e.Forms,
				&e.LimitDays, &working, &e.Extension); err != nil {
				return err
			}
			e.Kind, e.LimitWorking = model.Kind(kind), working == 1
			out = append(out, e)
			return nil
		}, `SELECT id, task_title, kind, guidance, legal_basis, forms, limit_days, limit_working, extension
			FROM handbook WHERE deleted = 0 ORDER BY created_at, rowid`)
	})
	return out, err
}
