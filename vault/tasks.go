package vault

import (
	"database/sql"
	"errors"
	"fmt"

	"sotay/model"
)

func insertTask(tx *sql.Tx, t *model.Task) error {
	_, err := tx.Exec(`INSERT INTO tasks (id, case_id, phase, title, assignee,
		deadline, important, urgent, status, done_on, position, created_at,
		updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.CaseID, int(t.Phase), t.Title, t.Assignee, t.Deadline.String(),
		boolInt(t.Important), boolInt(t.Urgent), string(t.Status), t.DoneOn.String(),
		t.Position, formatTime(t.CreatedAt), t.UpdatedAt.String(), t.Workstation)
	return err
}

// checkTask normalises t and checks it against its case: a title, a known
// phase, and a deadline inside the case period.
func checkTask(tx *sql.Tx, t *model.Task) error {
	t.Title = model.Normalize(t.Title)
	t.Assignee = model.Normalize(t.Assignee)
	if t.Title == "" {
		return invalid(FieldTitle, "the task title is empty")
	}
	if t.Phase < model.Preparation || t.Phase > model.Closing {
		return invalid(FieldKind, "unknown phase")
	}
	if t.Status == "" {
		t.Status = model.TaskOpen
	}
	if t.Status == model.TaskOpen {
		t.DoneOn = model.Date{}
	}
	var start, end string
	err := tx.QueryRow(`SELECT start_date, end_date FROM cases WHERE id = ? AND deleted = 0`,
		t.CaseID).Scan(&start, &end)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if !t.Deadline.IsZero() {
		s, e := parseDate(start), parseDate(end)
		if t.Deadline.Before(s) || t.Deadline.After(e) {
			return invalid(FieldDeadline, fmt.Sprintf("the deadline %s is outside the case period %s–%s",
				t.Deadline.Display(), s.Display(), e.Display()))
		}
	}
	return nil
}

// AddTask stores a new task at the end of its phase.
func (v *Vault) AddTask(t *model.Task) error {
	return v.write(func(tx *sql.Tx) error {
		if err := checkTask(tx, t); err != nil {
			return err
		}
		err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM tasks
			WHERE case_id = ?`, t.CaseID).Scan(&t.Position)
		if err != nil {
			return err
		}
		v.stamp(&t.Record)
		return insertTask(tx, t)
	})
}

// UpdateTask saves every field of an existing task.
func (v *Vault) UpdateTask(t *model.Task) error {
	return v.write(func(tx *sql.Tx) error {
		if err := checkTask(tx, t); err != nil {
			return err
		}
		v.stamp(&t.Record)
		res, err := tx.Exec(`UPDATE tasks SET phase = ?, title = ?, assignee = ?,
			deadline = ?, important = ?, urgent = ?, status = ?, done_on = ?,
			updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
			int(t.Phase), t.Title, t.Assignee, t.Deadline.String(), boolInt(t.Important),
			boolInt(t.Urgent), string(t.Status), t.DoneOn.String(), t.UpdatedAt.String(),
			t.Workstation, t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// DeleteTask marks a task deleted.
func (v *Vault) DeleteTask(id string) error {
	return v.markDeleted("tasks", id)
}

func (v *Vault) markDeleted(table, id string) error {
	return v.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE `+table+` SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, v.clock.Now().String(), v.workstation, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

const taskColumns = `id, case_id, phase, title, assignee, deadline, important,
	urgent, status, done_on, position, created_at, updated_at, workstation`

func scanTask(row interface{ Scan(...any) error }) (model.Task, error) {
	var t model.Task
	var deadline, status, doneOn, created, updated string
	err := row.Scan(&t.ID, &t.CaseID, &t.Phase, &t.Title, &t.Assignee, &deadline,
		&t.Important, &t.Urgent, &status, &doneOn, &t.Position, &created, &updated,
		&t.Workstation)
	t.Deadline, t.DoneOn = parseDate(deadline), parseDate(doneOn)
	t.Status = model.TaskStatus(status)
	t.CreatedAt = parseTime(created)
	t.UpdatedAt, _ = model.ParseHLC(updated)
	return t, err
}

// Tasks returns the live tasks of a case by phase and position.
func (v *Vault) Tasks(caseID string) ([]model.Task, error) {
	return queryAll(v, scanTask, `SELECT `+taskColumns+` FROM tasks
			WHERE case_id = ? AND deleted = 0 ORDER BY phase, position`, caseID)
}

// DueTask is an open task with the case it belongs to, for the Hôm nay
// screen and the agenda.
type DueTask struct {
	model.Task
	CaseCode           string
	CaseTitle          string
	CaseClassification model.Classification
}

// DueTasks returns the open tasks of live cases due on or before until,
// overdue ones included, earliest first, at most limit of them.
func (v *Vault) DueTasks(until model.Date, limit int) ([]DueTask, error) {
	var out []DueTask
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT t.id, t.case_id, t.phase, t.title, t.assignee,
			t.deadline, t.important, t.urgent, t.status, t.done_on, t.position,
			t.created_at, t.updated_at, t.workstation, c.code, c.title, c.classification
			FROM tasks t JOIN cases c ON c.id = t.case_id
			WHERE t.deleted = 0 AND t.status = 'open' AND t.deadline != ''
				AND t.deadline <= ? AND c.deleted = 0
			ORDER BY t.deadline, c.code, t.position LIMIT ?`, until.String(), limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d DueTask
			var deadline, status, doneOn, created, updated string
			err := rows.Scan(&d.ID, &d.CaseID, &d.Phase, &d.Title, &d.Assignee, &deadline,
				&d.Important, &d.Urgent, &status, &doneOn, &d.Position, &created, &updated,
				&d.Workstation, &d.CaseCode, &d.CaseTitle, &d.CaseClassification)
			if err != nil {
				return err
			}
			d.Deadline, d.DoneOn = parseDate(deadline), parseDate(doneOn)
			d.Status = model.TaskStatus(status)
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}
