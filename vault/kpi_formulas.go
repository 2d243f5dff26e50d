package vault

import (
	"database/sql"
	"fmt"
	"sort"

	"sotay/model"
)

// TasksOnTime counts the tasks of live cases due from from to to, both
// included, that are judged on today: done, or open with the deadline
// passed. It returns how many were done by their deadline, how many were
// judged, and the codes of the cases they belong to.
func (v *Vault) TasksOnTime(from, to, today model.Date) (done, judged int, codes []string, err error) {
	err = v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var code string
			var d, j int
			if err := rows.Scan(&code, &d, &j); err != nil {
				return err
			}
			done, judged = done+d, judged+j
			codes = append(codes, code)
			return nil
		}, `SELECT c.code, sum(t.status = 'done' AND t.done_on <= t.deadline), count(*)
			FROM tasks t JOIN cases c ON c.id = t.case_id AND c.deleted = 0
			WHERE t.deleted = 0 AND t.deadline >= ? AND t.deadline <= ?
				AND (t.status = 'done' OR t.deadline < ?)
			GROUP BY c.code ORDER BY c.code`, from.String(), to.String(), today.String())
	})
	return done, judged, codes, err
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
			JOIN cases c ON c.id = o.case_id AND c.deleted = 0
			WHERE o.deleted = 0 AND o.decision_date != '' AND o.notice_date >= ? AND o.notice_date <= ?`,
			from.String(), to.String())
	})
	return out, err
}

// OverdueByAssignee counts, for every assignee of a task in a case in
// progress, the open tasks past their deadline on day. Assignees with
// none are listed with 0, so that the average is over every officer.
func (v *Vault) OverdueByAssignee(day model.Date) (map[string]int, error) {
	out := map[string]int{}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var who string
			var n int
			if err := rows.Scan(&who, &n); err != nil {
				return err
			}
			out[who] = n
			return nil
		}, `SELECT t.assignee, coalesce(sum(t.status != 'done' AND t.deadline != '' AND t.deadline < ?), 0)
			FROM tasks t JOIN cases c ON c.id = t.case_id AND c.deleted = 0 AND c.status = 'in_progress'
			WHERE t.deleted = 0 AND t.assignee != '' AND c.start_date <= ?
			GROUP BY t.assignee`, day.String(), day.String())
	})
	return out, err
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

// MonthTasks counts the tasks of live cases due in one month: all of
// them, and those done by their deadline.
type MonthTasks struct {
	Due, DoneOnTime int
}

// TasksByMonth counts the tasks of live cases due in each month of
// year, in one grouped query.
func (v *Vault) TasksByMonth(year int) ([12]MonthTasks, error) {
	var out [12]MonthTasks
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var month, due, done int
			if err := rows.Scan(&month, &due, &done); err != nil {
				return err
			}
			if month >= 1 && month <= 12 {
				out[month-1] = MonthTasks{Due: due, DoneOnTime: done}
			}
			return nil
		}, `SELECT CAST(substr(t.deadline, 6, 2) AS INTEGER), count(*),
			coalesce(sum(t.status = 'done' AND t.done_on <= t.deadline), 0)
			FROM tasks t JOIN cases c ON c.id = t.case_id AND c.deleted = 0
			WHERE t.deleted = 0 AND t.deadline >= ? AND t.deadline <= ?
			GROUP BY 1`, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	})
	return out, err
}
