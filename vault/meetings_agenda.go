package vault

import (
	"database/sql"

	"sotay/model"
)

func checkAgendaItem(tx *sql.Tx, it *model.AgendaItem) error {
	it.Title = model.Normalize(it.Title)
	it.Presenter = model.Normalize(it.Presenter)
	if it.Title == "" {
		return invalid(FieldAgendaTitle, "the agenda item has no title")
	}
	if it.Duration < 0 || it.Duration > 24*60 {
		return invalid(FieldDuration, "the duration must be 0 to 1440 minutes")
	}
	if it.CaseID != "" {
		if err := checkLive(tx, "cases", it.CaseID); err != nil {
			return err
		}
	}
	return checkLive(tx, "meetings", it.MeetingID)
}

// AddAgendaItem stores a new item at the end of its meeting's agenda.
func (v *Vault) AddAgendaItem(it *model.AgendaItem) error {
	return v.write(func(tx *sql.Tx) error {
		if err := checkAgendaItem(tx, it); err != nil {
			return err
		}
		err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM agenda_items
			WHERE meeting_id = ?`, it.MeetingID).Scan(&it.Position)
		if err != nil {
			return err
		}
		v.stamp(&it.Record)
		_, err = tx.Exec(`INSERT INTO agenda_items (id, meeting_id, position, title, presenter,
			case_id, duration, created_at, updated_at, workstation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			it.ID, it.MeetingID, it.Position, it.Title, it.Presenter, it.CaseID, it.Duration,
			formatTime(it.CreatedAt), it.UpdatedAt.String(), it.Workstation)
		return err
	})
}

// UpdateAgendaItem saves the title, presenter, case and duration of an
// item; its place in the agenda moves only with MoveAgendaItem.
func (v *Vault) UpdateAgendaItem(it *model.AgendaItem) error {
	return v.write(func(tx *sql.Tx) error {
		if err := checkAgendaItem(tx, it); err != nil {
			return err
		}
		v.stamp(&it.Record)
		return expectRow(tx.Exec(`UPDATE agenda_items SET title = ?, presenter = ?, case_id = ?,
			duration = ?, updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
			it.Title, it.Presenter, it.CaseID, it.Duration, it.UpdatedAt.String(),
			it.Workstation, it.ID))
	})
}

// DeleteAgendaItem marks an item and its materials deleted. What was
// sent of those materials stays in the distribution record.
func (v *Vault) DeleteAgendaItem(id string) error {
	return v.write(func(tx *sql.Tx) error {
		h := v.clock.Now().String()
		err := expectRow(tx.Exec(`UPDATE agenda_items SET deleted = 1, updated_at = ?,
			workstation = ? WHERE id = ? AND deleted = 0`, h, v.workstation, id))
		if err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE materials SET deleted = 1, updated_at = ?, workstation = ?
			WHERE item_id = ? AND deleted = 0`, h, v.workstation, id)
		return err
	})
}

// MoveAgendaItem moves an item to index to (from 0) of its meeting's
// agenda and renumbers the others; an index past either end is clamped.
func (v *Vault) MoveAgendaItem(id string, to int) error {
	return v.write(func(tx *sql.Tx) error {
		var meetingID string
		err := tx.QueryRow(`SELECT meeting_id FROM agenda_items WHERE id = ? AND deleted = 0`, id).Scan(&meetingID)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		ids, err := agendaOrder(tx, meetingID)
		if err != nil {
			return err
		}
		from := 0
		for i, x := range ids {
			if x == id {
				from = i
			}
		}
		to = max(0, min(to, len(ids)-1))
		ids = append(ids[:from], ids[from+1:]...)
		ids = append(ids[:to], append([]string{id}, ids[to:]...)...)
		h := v.clock.Now().String()
		for pos, x := range ids {
			_, err := tx.Exec(`UPDATE agenda_items SET position = ?, updated_at = ?, workstation = ?
				WHERE id = ? AND position != ?`, pos, h, v.workstation, x, pos)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func agendaOrder(tx *sql.Tx, meetingID string) ([]string, error) {
	rows, err := tx.Query(`SELECT id FROM agenda_items WHERE meeting_id = ? AND deleted = 0
		ORDER BY position, created_at`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// AgendaItems returns the live items of a meeting's agenda in order.
func (v *Vault) AgendaItems(meetingID string) ([]model.AgendaItem, error) {
	var out []model.AgendaItem
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, meeting_id, position, title, presenter, case_id,
			duration, created_at, updated_at, workstation FROM agenda_items
			WHERE meeting_id = ? AND deleted = 0 ORDER BY position, created_at`, meetingID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it model.AgendaItem
			var created, updated string
			err := rows.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, &it.Presenter,
				&it.CaseID, &it.Duration, &created, &updated, &it.Workstation)
			if err != nil {
				return err
			}
			it.CreatedAt = parseTime(created)
			it.UpdatedAt, _ = model.ParseHLC(updated)
			out = append(out, it)
		}
		return rows.Err()
	})
	return out, err
}
