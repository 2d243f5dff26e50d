package vault

import (
	"database/sql"
	"sort"

	"sotay/model"
)

// TaskGroup counts the tasks of one case due in one month ("2026-03")
// that are judged on a day: Done were done by their deadline, Judged are
// done or open with the deadline passed.
type TaskGroup struct {
	Month  string
	Code   string
	Done   int
	Judged int
	Due    int
}

// TaskGroups counts the tasks of live cases due from from to to, both
// included, by month and case, judged on today, in one grouped query.
func (v *Vault) TaskGroups(from, to, today model.Date) ([]TaskGroup, error) {
	var out []TaskGroup
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var g TaskGroup
			if err := rows.Scan(&g.Month, &g.Code, &g.Done, &g.Judged, &g.Due); err != nil {
				return err
			}
			out = append(out, g)
			return nil
		}, `SELECT substr(t.deadline, 1, 7), c.code,
			coalesce(sum(t.status = 'done' AND t.done_on <= t.deadline), 0),
			coalesce(sum(t.status = 'done' OR t.deadline < ?), 0), count(*)
			FROM tasks t JOIN cases c ON c.id = t.case_id AND c.deleted = 0
			WHERE t.deleted = 0 AND t.status IN ('open', 'done') AND t.deadline >= ? AND t.deadline <= ?
			GROUP BY 1, 2 ORDER BY 1, 2`, today.String(), from.String(), to.String())
	})
	return out, err
}

// NoticeDays returns the days from the decision to the notice of
// conclusion of each case whose notice is dated from from to to, keyed
// by case code.
func (v *Vault) NoticeDays(from, to model.Date) (map[string]int, error) {
	out := map[string]int{}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var code, dec, notice string
			if err := rows.Scan(&code, &dec, &notice); err != nil {
				return err
			}
			out[code] = parseDate(dec).DaysUntil(parseDate(notice))
			return nil
		}, `SELECT c.code, o.decision_date, o.notice_date FROM case_outcomes o
			CROSS JOIN cases c ON c.id = o.case_id AND c.deleted = 0
			WHERE o.deleted = 0 AND o.decision_date != '' AND o.notice_date >= ? AND o.notice_date <= ?`,
			from.String(), to.String())
	})
	return out, err
}

// AssignedTask is a task of a case in progress with its assignee.
type AssignedTask struct {
	Assignee string
	Deadline model.Date
	DoneOn   model.Date
}

// AssignedTasks returns the tasks of cases in progress that have an
// assignee and could be overdue on some day from from to to: due by to,
// and open or done on or after from. It also returns every assignee of
// a task in a case in progress, the officers an average is over.
func (v *Vault) AssignedTasks(from, to model.Date) ([]AssignedTask, map[string]bool, error) {
	var out []AssignedTask
	officers := map[string]bool{}
	first, last := from.String(), to.String()
	err := v.read(func(db *sql.DB) error {
		// One pass over the tasks of cases in progress: every assignee
		// counts as an officer, and the tasks that can be overdue in the
		// range are kept.
		return scanEach(db, func(rows *sql.Rows) error {
			var assignee, deadline, done, status string
			if err := rows.Scan(&assignee, &deadline, &done, &status); err != nil {
				return err
			}
			officers[assignee] = true
			if deadline != "" && deadline <= last && (status == "open" || done >= first) {
				out = append(out, AssignedTask{Assignee: assignee, Deadline: parseDate(deadline), DoneOn: parseDate(done)})
			}
			return nil
		}, `SELECT t.assignee, t.deadline, t.done_on, t.status FROM cases c CROSS JOIN tasks t ON t.case_id = c.id
			WHERE c.deleted = 0 AND c.status = 'in_progress' AND t.deleted = 0 AND t.assignee != ''`)
	})
	return out, officers, err
}

// SortedKeys returns the keys of m in order, the basis a KPI shows.
func SortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
