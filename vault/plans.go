package vault

import (
	"database/sql"
	"fmt"

	"sotay/model"
)

// FieldQuarter names the planned quarter or month of a plan item.
const FieldQuarter Field = "quarter"

// normalizePlanItem puts the texts of it in NFC and checks its year,
// kind, title and planned quarter, month and week.
func normalizePlanItem(it *model.PlanItem) error {
	it.Title = model.Normalize(it.Title)
	it.Subject = model.Normalize(it.Subject)
	it.Lead = model.Normalize(it.Lead)
	it.Notes = model.Normalize(it.Notes)
	if it.Title == "" {
		return invalid(FieldTitle, "the plan item has no content")
	}
	if !it.Kind.Valid() {
		return invalid(FieldKind, fmt.Sprintf("unknown kind %q", it.Kind))
	}
	if it.Year < 2000 || it.Year > 2200 {
		return invalid(FieldDate, fmt.Sprintf("year %d is out of range", it.Year))
	}
	if it.Month != 0 {
		if it.Month < 1 || it.Month > 12 {
			return invalid(FieldQuarter, fmt.Sprintf("month %d is not 1 to 12", it.Month))
		}
		it.Quarter = (it.Month-1)/3 + 1
	}
	if it.Quarter < 1 || it.Quarter > 4 {
		return invalid(FieldQuarter, fmt.Sprintf("quarter %d is not 1 to 4", it.Quarter))
	}
	if it.Week < 0 || it.Week > 53 {
		return invalid(FieldQuarter, fmt.Sprintf("week %d is not 1 to 53", it.Week))
	}
	return nil
}

// SavePlanItem stores a new plan item or updates an existing one. The
// planned quarter and month of an existing item change only through
// MovePlanItem, so that the move is recorded. A *ValidationError comes
// back for bad input, and then nothing is stored.
func (v *Vault) SavePlanItem(it *model.PlanItem) error {
	if err := normalizePlanItem(it); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error { return v.savePlanItem(tx, it) })
}

func (v *Vault) savePlanItem(tx *sql.Tx, it *model.PlanItem) error {
	if it.ID == "" {
		if err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM plan_items
			WHERE year = ?`, it.Year).Scan(&it.Position); err != nil {
			return err
		}
		v.stamp(&it.Record)
		_, err := tx.Exec(`INSERT INTO plan_items (id, year, kind, title, subject, lead,
			quarter, month, week, case_id, notes, position, created_at, updated_at, workstation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			it.ID, it.Year, string(it.Kind), it.Title, it.Subject, it.Lead, it.Quarter,
			it.Month, it.Week, it.CaseID, it.Notes, it.Position, formatTime(it.CreatedAt),
			it.UpdatedAt.String(), it.Workstation)
		return err
	}
	v.stamp(&it.Record)
	return expectRow(tx.Exec(`UPDATE plan_items SET kind = ?, title = ?, subject = ?, lead = ?,
		week = ?, case_id = ?, notes = ?, updated_at = ?, workstation = ?
		WHERE id = ? AND deleted = 0`,
		string(it.Kind), it.Title, it.Subject, it.Lead, it.Week, it.CaseID, it.Notes,
		it.UpdatedAt.String(), it.Workstation, it.ID))
}

// DeletePlanItem marks a plan item deleted.
func (v *Vault) DeletePlanItem(id string) error { return v.markDeleted("plan_items", id) }

// LinkPlanItem links the item to a case, or unlinks it with caseID "".
func (v *Vault) LinkPlanItem(id, caseID string) error {
	return v.write(func(tx *sql.Tx) error {
		if caseID != "" {
			if err := checkLive(tx, "cases", caseID); err != nil {
				return err
			}
		}
		return expectRow(tx.Exec(`UPDATE plan_items SET case_id = ?, updated_at = ?,
			workstation = ? WHERE id = ? AND deleted = 0`,
			caseID, v.clock.Now().String(), v.workstation, id))
	})
}

// MovePlanItem moves an item to quarter q and month m (0 for the whole
// quarter) and records the move with its reason on day on.
func (v *Vault) MovePlanItem(id string, q, m int, on model.Date, reason string) error {
	return v.write(func(tx *sql.Tx) error {
		it, err := planItemTx(tx, id)
		if err != nil {
			return err
		}
		from := *it
		it.Quarter, it.Month = q, m
		if err := normalizePlanItem(it); err != nil {
			return err
		}
		if from.Quarter == it.Quarter && from.Month == it.Month {
			return nil
		}
		mv := model.PlanMove{ItemID: id, FromQuarter: from.Quarter, FromMonth: from.Month,
			ToQuarter: it.Quarter, ToMonth: it.Month, On: on, Reason: model.Normalize(reason)}
		v.stamp(&mv.Record)
		_, err = tx.Exec(`INSERT INTO plan_moves (id, item_id, from_quarter, from_month,
			to_quarter, to_month, moved_on, reason, created_at, updated_at, workstation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			mv.ID, id, mv.FromQuarter, mv.FromMonth, mv.ToQuarter, mv.ToMonth, on.String(),
			mv.Reason, formatTime(mv.CreatedAt), mv.UpdatedAt.String(), mv.Workstation)
		if err != nil {
			return err
		}
		return expectRow(tx.Exec(`UPDATE plan_items SET quarter = ?, month = ?, updated_at = ?,
			workstation = ? WHERE id = ?`, it.Quarter, it.Month, v.clock.Now().String(),
			v.workstation, id))
	})
}

// PlanMoves returns the moves of an item, oldest first.
func (v *Vault) PlanMoves(itemID string) ([]model.PlanMove, error) {
	var out []model.PlanMove
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var mv model.PlanMove
			var on string
			if err := rows.Scan(&mv.ID, &mv.FromQuarter, &mv.FromMonth, &mv.ToQuarter,
				&mv.ToMonth, &on, &mv.Reason); err != nil {
				return err
			}
			mv.ItemID, mv.On = itemID, parseDate(on)
			out = append(out, mv)
			return nil
		}, `SELECT id, from_quarter, from_month, to_quarter, to_month, moved_on, reason
			FROM plan_moves WHERE item_id = ? AND deleted = 0 ORDER BY moved_on, created_at, id`, itemID)
	})
	return out, err
}

const planColumns = `id, year, kind, title, subject, lead, quarter, month, week,
	case_id, notes, position, created_at, updated_at, workstation`

func scanPlanItem(row interface{ Scan(...any) error }) (*model.PlanItem, error) {
	var it model.PlanItem
	var kind, created, updated string
	err := row.Scan(&it.ID, &it.Year, &kind, &it.Title, &it.Subject, &it.Lead, &it.Quarter,
		&it.Month, &it.Week, &it.CaseID, &it.Notes, &it.Position, &created, &updated, &it.Workstation)
	if err != nil {
		return nil, err
	}
	it.Kind = model.Kind(kind)
	it.CreatedAt = parseTime(created)
	it.UpdatedAt, _ = model.ParseHLC(updated)
	return &it, nil
}

func planItemTx(tx *sql.Tx, id string) (*model.PlanItem, error) {
	it, err := scanPlanItem(tx.QueryRow(`SELECT `+planColumns+` FROM plan_items
		WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return nil, ErrNotFound
	}
	return it, err
}

// PlanItems returns the live items of year's plan by quarter, month and
// position.
func (v *Vault) PlanItems(year int) ([]model.PlanItem, error) {
	var out []model.PlanItem
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			it, err := scanPlanItem(rows)
			if err != nil {
				return err
			}
			out = append(out, *it)
			return nil
		}, `SELECT `+planColumns+` FROM plan_items WHERE deleted = 0 AND year = ?
			ORDER BY quarter, month, position`, year)
	})
	return out, err
}

// CopyPlan copies the items of year from to year to, unlinked from any
// case and with no history, after the items already in that year. It
// returns how many items it copied.
func (v *Vault) CopyPlan(from, to int) (int, error) {
	items, err := v.PlanItems(from)
	if err != nil {
		return 0, err
	}
	err = v.write(func(tx *sql.Tx) error {
		for _, it := range items {
			c := it
			c.Record, c.Year, c.CaseID = model.Record{}, to, ""
			if err := v.savePlanItem(tx, &c); err != nil {
				return err
			}
		}
		return nil
	})
	return len(items), err
}

// CaseProgress returns, for each live case in ids, what the plan roll-up
// needs: status, end, task counts, open tasks past their deadline on
// today and tasks done after their deadline.
func (v *Vault) CaseProgress(ids []string, today model.Date) (map[string]*model.CaseProgress, error) {
	out := map[string]*model.CaseProgress{}
	if len(ids) == 0 {
		return out, nil
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var id, code, status, end string
			var total, done, overdue, late int
			if err := rows.Scan(&id, &code, &status, &end, &total, &done, &overdue, &late); err != nil {
				return err
			}
			if want[id] {
				out[id] = &model.CaseProgress{Code: code, Status: model.Status(status), End: parseDate(end),
					TasksTotal: total, TasksDone: done, OverdueTasks: overdue, DoneLate: late}
			}
			return nil
		}, `SELECT c.id, c.code, c.status, c.end_date, count(t.id),
			coalesce(sum(t.status = 'done'), 0),
			coalesce(sum(t.status != 'done' AND t.deadline != '' AND t.deadline < ?), 0),
			coalesce(sum(t.status = 'done' AND t.deadline != '' AND t.done_on > t.deadline), 0)
			FROM cases c LEFT JOIN tasks t ON t.case_id = c.id AND t.deleted = 0
			WHERE c.deleted = 0 AND c.id IN (SELECT case_id FROM plan_items WHERE deleted = 0 AND case_id != '')
			GROUP BY c.id`, today.String())
	})
	return out, err
}
