package vault

import (
	"database/sql"

	"sotay/model"
)

// DatedTasks returns the tasks of live cases whose deadline lies from
// from to to, both included, done or not, by deadline, with their case.
// The agenda command lists them beside the meetings.
func (v *Vault) DatedTasks(from, to model.Date) ([]DueTask, error) {
	var out []DueTask
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT t.id, t.case_id, t.title, t.assignee, t.deadline, t.status,
			c.code, c.title, c.classification FROM tasks t JOIN cases c ON c.id = t.case_id
			WHERE t.deleted = 0 AND c.deleted = 0 AND t.deadline != ''
				AND t.deadline >= ? AND t.deadline <= ?
			ORDER BY t.deadline, c.code, t.position`, from.String(), to.String())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d DueTask
			var deadline, status string
			err := rows.Scan(&d.ID, &d.CaseID, &d.Title, &d.Assignee, &deadline, &status,
				&d.CaseCode, &d.CaseTitle, &d.CaseClassification)
			if err != nil {
				return err
			}
			d.Deadline, d.Status = parseDate(deadline), model.TaskStatus(status)
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}
