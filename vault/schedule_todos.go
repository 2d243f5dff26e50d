package vault

import (
	"database/sql"
	"errors"

	"sotay/model"
)

// SaveTodo stores a personal to-do: a new row when it has no id,
// otherwise every field of the existing one.
func (v *Vault) SaveTodo(t *model.Todo) error {
	t.Title = model.Normalize(t.Title)
	t.Notes = model.Normalize(t.Notes)
	t.Assignee = model.Normalize(t.Assignee)
	if t.Title == "" {
		return invalid(FieldTitle, "the to-do title is empty")
	}
	if t.Status == "" {
		t.Status = model.TaskOpen
	}
	return v.write(func(tx *sql.Tx) error {
		isNew := t.ID == ""
		v.stamp(&t.Record)
		if isNew {
			_, err := tx.Exec(`INSERT INTO todos (id, title, notes, assignee, deadline, important,
				urgent, urgent_set, status, done_on, created_at, updated_at, workstation)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				t.ID, t.Title, t.Notes, t.Assignee, t.Deadline.String(), boolInt(t.Important),
				boolInt(t.Urgent), boolInt(t.UrgentSet), string(t.Status), t.DoneOn.String(),
				formatTime(t.CreatedAt), t.UpdatedAt.String(), t.Workstation)
			return err
		}
		res, err := tx.Exec(`UPDATE todos SET title = ?, notes = ?, assignee = ?, deadline = ?,
			important = ?, urgent = ?, urgent_set = ?, status = ?, done_on = ?, updated_at = ?,
			workstation = ? WHERE id = ? AND deleted = 0`,
			t.Title, t.Notes, t.Assignee, t.Deadline.String(), boolInt(t.Important),
			boolInt(t.Urgent), boolInt(t.UrgentSet), string(t.Status), t.DoneOn.String(),
			t.UpdatedAt.String(), t.Workstation, t.ID)
		return expectRow(res, err)
	})
}

// DeleteTodo marks a to-do deleted.
func (v *Vault) DeleteTodo(id string) error { return v.markDeleted("todos", id) }

// Todo returns the live to-do with id, or ErrNotFound.
func (v *Vault) Todo(id string) (model.Todo, error) {
	todos, err := v.queryTodos(`WHERE id = ? AND deleted = 0`, id)
	if err == nil && len(todos) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return model.Todo{}, err
	}
	return todos[0], nil
}

// OpenTodos returns the live open to-dos, by deadline (none last).
func (v *Vault) OpenTodos() ([]model.Todo, error) {
	return v.queryTodos(`WHERE deleted = 0 AND status = 'open'
		ORDER BY deadline = '', deadline, created_at`)
}

func (v *Vault) queryTodos(where string, args ...any) ([]model.Todo, error) {
	var out []model.Todo
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, title, notes, assignee, deadline, important, urgent,
			urgent_set, status, done_on, created_at, updated_at, workstation FROM todos `+where, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t model.Todo
			var deadline, status, doneOn, created, updated string
			err := rows.Scan(&t.ID, &t.Title, &t.Notes, &t.Assignee, &deadline, &t.Important,
				&t.Urgent, &t.UrgentSet, &status, &doneOn, &created, &updated, &t.Workstation)
			if err != nil {
				return err
			}
			t.Deadline, t.DoneOn, t.Status = parseDate(deadline), parseDate(doneOn), model.TaskStatus(status)
			t.CreatedAt = parseTime(created)
			t.UpdatedAt, _ = model.ParseHLC(updated)
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// BoardTasks returns the open tasks of live cases as Eisenhower board
// items, with whether the user set their urgency by hand.
func (v *Vault) BoardTasks() ([]model.BoardItem, error) {
	var out []model.BoardItem
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT t.id, t.title, c.code, t.assignee, t.deadline,
			t.important, t.urgent, EXISTS (SELECT 1 FROM task_urgency u
				WHERE u.task_id = t.id AND u.deleted = 0), c.classification
			FROM tasks t JOIN cases c ON c.id = t.case_id
			WHERE t.deleted = 0 AND t.status = 'open' AND c.deleted = 0
			ORDER BY t.deadline = '', t.deadline, c.code, t.position`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			b := model.BoardItem{Kind: model.LinkTask}
			var deadline string
			err := rows.Scan(&b.ID, &b.Title, &b.Detail, &b.Assignee, &deadline, &b.Important,
				&b.Urgent, &b.UrgentSet, &b.Classification)
			if err != nil {
				return err
			}
			b.Deadline = parseDate(deadline)
			out = append(out, b)
		}
		return rows.Err()
	})
	return out, err
}

// SetTaskPriority sets the flags of a case task from the Eisenhower
// board, records that its urgency is now set by hand, and changes its
// assignee when assignee is not empty.
func (v *Vault) SetTaskPriority(taskID string, important, urgent bool, assignee string) error {
	assignee = model.Normalize(assignee)
	return v.write(func(tx *sql.Tx) error {
		now := v.clock.Now().String()
		res, err := tx.Exec(`UPDATE tasks SET important = ?, urgent = ?,
			assignee = CASE WHEN ? = '' THEN assignee ELSE ? END, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`,
			boolInt(important), boolInt(urgent), assignee, assignee, now, v.workstation, taskID)
		if err := expectRow(res, err); err != nil {
			return err
		}
		var id string
		err = tx.QueryRow(`SELECT id FROM task_urgency WHERE task_id = ? AND deleted = 0`, taskID).Scan(&id)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		r := model.Record{}
		v.stamp(&r)
		_, err = tx.Exec(`INSERT INTO task_urgency (id, task_id, created_at, updated_at, workstation)
			VALUES (?, ?, ?, ?, ?)`, r.ID, taskID, formatTime(r.CreatedAt), r.UpdatedAt.String(), r.Workstation)
		return err
	})
}
