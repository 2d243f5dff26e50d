package vault

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"sotay/model"
)

// CaseSort is an order of the case list.
type CaseSort int

// The orders of the case list. The default puts the newest case first.
const (
	SortByStartDesc CaseSort = iota
	SortByCode
	SortByTitle
	SortByEnd
)

// CaseQuery selects and orders cases for the case list. Zero fields do not
// filter.
type CaseQuery struct {
	Kind           model.Kind
	Status         model.Status
	Classification *model.Classification
	// OverdueOnly keeps cases with an open task due before Today.
	OverdueOnly bool
	Today       model.Date
	Sort        CaseSort
	Offset      int
	Limit       int
}

// CaseSummary is one row of the case list.
type CaseSummary struct {
	ID             string
	Code           string
	Title          string
	Kind           model.Kind
	Status         model.Status
	Classification model.Classification
	SubjectName    string
	Start, End     model.Date
	TasksTotal     int
	TasksDone      int
	TasksOverdue   int
}

// Progress returns the share of tasks done, from 0 to 1.
func (s CaseSummary) Progress() float64 {
	if s.TasksTotal == 0 {
		return 0
	}
	return float64(s.TasksDone) / float64(s.TasksTotal)
}

func (q CaseQuery) where() (string, []any) {
	conds := []string{"c.deleted = 0"}
	var args []any
	if q.Kind != "" {
		conds = append(conds, "c.kind = ?")
		args = append(args, string(q.Kind))
	}
	if q.Status != "" {
		conds = append(conds, "c.status = ?")
		args = append(args, string(q.Status))
	}
	if q.Classification != nil {
		conds = append(conds, "c.classification = ?")
		args = append(args, int(*q.Classification))
	}
	if q.OverdueOnly {
		conds = append(conds, `EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
			AND t.deleted = 0 AND t.status = 'open' AND t.deadline != '' AND t.deadline < ?)`)
		args = append(args, q.Today.String())
	}
	return strings.Join(conds, " AND "), args
}

func (q CaseQuery) orderBy() string {
	switch q.Sort {
	case SortByCode:
		return "c.code"
	case SortByTitle:
		return "c.title COLLATE NOCASE, c.code"
	case SortByEnd:
		return "c.end_date, c.code"
	}
	return "c.start_date DESC, c.code"
}

const summaryColumns = `c.id, c.code, c.title, c.kind, c.status, c.classification,
	c.subject_name, c.start_date, c.end_date,
	(SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.deleted = 0),
	(SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.deleted = 0 AND t.status = 'done'),
	(SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.deleted = 0
		AND t.status = 'open' AND t.deadline != '' AND t.deadline < ?)`

// ListCases returns one page of the case list, in q's order.
func (v *Vault) ListCases(q CaseQuery) ([]CaseSummary, error) {
	where, args := q.where()
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	query := fmt.Sprintf(`SELECT %s FROM cases c WHERE %s ORDER BY %s LIMIT ? OFFSET ?`,
		summaryColumns, where, q.orderBy())
	all := append([]any{q.Today.String()}, args...)
	all = append(all, limit, q.Offset)
	var out []CaseSummary
	err := v.read(func(db *sql.DB) error {
		var err error
		out, err = querySummaries(db, query, all...)
		return err
	})
	return out, err
}

// CountCases returns how many cases q selects, ignoring Offset and Limit.
func (v *Vault) CountCases(q CaseQuery) (int, error) {
	where, args := q.where()
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM cases c WHERE `+where, args...).Scan(&n)
	})
	return n, err
}

func querySummaries(db *sql.DB, query string, args ...any) ([]CaseSummary, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CaseSummary
	for rows.Next() {
		var s CaseSummary
		var kind, status, start, end string
		err := rows.Scan(&s.ID, &s.Code, &s.Title, &kind, &status, &s.Classification,
			&s.SubjectName, &start, &end, &s.TasksTotal, &s.TasksDone, &s.TasksOverdue)
		if err != nil {
			return nil, err
		}
		s.Kind, s.Status = model.Kind(kind), model.Status(status)
		s.Start, s.End = parseDate(start), parseDate(end)
		out = append(out, s)
	}
	return out, rows.Err()
}

// maxSearchResults caps how many matches SearchCases ranks.
const maxSearchResults = 500

// SearchCases returns the cases whose code, title, subject or journal
// contain every word of query as a word prefix, ignoring tone marks and
// treating đ as d. Cases whose text contains the query exactly as typed,
// marks included, come first; the rest follow in full-text rank order.
func (v *Vault) SearchCases(query string, today model.Date, limit int) ([]CaseSummary, error) {
	terms := model.FoldedTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 || limit > maxSearchResults {
		limit = maxSearchResults
	}
	match := make([]string, len(terms))
	for i, t := range terms {
		match[i] = `"` + t + `"*`
	}
	sqlText := fmt.Sprintf(`SELECT %s FROM case_search s JOIN cases c ON c.rowid = s.rowid
		WHERE case_search MATCH ? AND c.deleted = 0
		ORDER BY bm25(case_search, 4.0, 3.0, 2.0, 1.0) LIMIT ?`, summaryColumns)
	var out []CaseSummary
	err := v.read(func(db *sql.DB) error {
		var err error
		out, err = querySummaries(db, sqlText, today.String(), strings.Join(match, " "), maxSearchResults)
		return err
	})
	if err != nil {
		return nil, err
	}
	rankExactFirst(out, query)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// rankExactFirst moves the results whose code, title or subject contain
// query with its marks to the front, keeping the order within each group.
func rankExactFirst(results []CaseSummary, query string) {
	needle := strings.ToLower(model.Normalize(query))
	exact := func(s CaseSummary) bool {
		for _, f := range []string{s.Code, s.Title, s.SubjectName} {
			if strings.Contains(strings.ToLower(f), needle) {
				return true
			}
		}
		return false
	}
	sort.SliceStable(results, func(i, j int) bool {
		return exact(results[i]) && !exact(results[j])
	})
}
