package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sotay/model"
)

// normalizeCase puts every text field of c in NFC and checks it. The case
// must have a title, a known kind and a period that splits into phases.
func normalizeCase(c *model.Case) error {
	c.Code = model.Normalize(c.Code)
	c.Title = model.Normalize(c.Title)
	c.Subject.Name = model.Normalize(c.Subject.Name)
	c.Subject.Unit = model.Normalize(c.Subject.Unit)
	c.Lead = model.Normalize(c.Lead)
	if c.Title == "" {
		return invalid(FieldTitle, "the title is empty")
	}
	if !c.Kind.Valid() {
		return invalid(FieldKind, fmt.Sprintf("unknown kind %q", c.Kind))
	}
	if c.Status == "" {
		c.Status = model.StatusDraft
	}
	if !c.Status.Valid() || !c.Classification.Valid() {
		return invalid(FieldKind, "unknown status or classification")
	}
	if c.Start.IsZero() || c.End.IsZero() {
		return invalid(FieldPeriod, "the start or end date is missing")
	}
	if c.End.Before(c.Start) {
		return invalid(FieldPeriod, "the end date is before the start date")
	}
	if _, err := model.SplitPhases(c.Start, c.End, model.DefaultShares); err != nil {
		return invalid(FieldPeriod, err.Error())
	}
	if c.PrepEnd.IsZero() != c.ExecEnd.IsZero() {
		c.PrepEnd, c.ExecEnd = model.Date{}, model.Date{}
	}
	if _, err := c.Phases(); err != nil {
		return invalid(FieldBounds, err.Error())
	}
	for i := range c.Team {
		c.Team[i].Name = model.Normalize(c.Team[i].Name)
	}
	return nil
}

// CreateCase stores a new case, with its team, and gives it an id. An
// empty code is filled with the next free "HS-YYYY-NNN" of the start
// year. With fromTemplate the standard tasks of each phase are added with
// deadlines spread inside the phase. A *ValidationError comes back for
// bad input, and then nothing is stored.
func (v *Vault) CreateCase(c *model.Case, fromTemplate bool) error {
	if err := normalizeCase(c); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		if c.Code == "" {
			code, err := nextCaseCode(tx, c.Start.Year)
			if err != nil {
				return err
			}
			c.Code = code
		} else if err := checkCodeFree(tx, c.Code, ""); err != nil {
			return err
		}
		v.stamp(&c.Record)
		if err := v.insertCase(tx, c); err != nil {
			return err
		}
		if err := v.saveTeam(tx, c.ID, c.Team); err != nil {
			return err
		}
		if fromTemplate {
			phases, _ := c.Phases()
			for _, t := range model.TemplateTasks(phases) {
				t.CaseID = c.ID
				v.stamp(&t.Record)
				if err := insertTask(tx, &t); err != nil {
					return err
				}
			}
		}
		return reindexCase(tx, c.ID)
	})
}

func nextCaseCode(tx *sql.Tx, year int) (string, error) {
	prefix := fmt.Sprintf("HS-%04d-", year)
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM cases WHERE code LIKE ? || '%'`, prefix).Scan(&n)
	if err != nil {
		return "", err
	}
	for {
		n++
		code := fmt.Sprintf("%s%03d", prefix, n)
		if checkCodeFree(tx, code, "") == nil {
			return code, nil
		}
	}
}

func checkCodeFree(tx *sql.Tx, code, exceptID string) error {
	var id string
	err := tx.QueryRow(`SELECT id FROM cases WHERE code = ? AND deleted = 0 AND id != ?`, code, exceptID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return invalid(FieldCode, fmt.Sprintf("the code %s is already used by another case", code))
}

func (v *Vault) insertCase(tx *sql.Tx, c *model.Case) error {
	_, err := tx.Exec(`INSERT INTO cases (id, code, title, kind, subject_type,
		subject_name, subject_unit, classification, status, lead, start_date,
		end_date, prep_end, exec_end, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Code, c.Title, string(c.Kind), string(c.Subject.Type),
		c.Subject.Name, c.Subject.Unit, int(c.Classification), string(c.Status),
		c.Lead, c.Start.String(), c.End.String(), c.PrepEnd.String(),
		c.ExecEnd.String(), formatTime(c.CreatedAt), c.UpdatedAt.String(), c.Workstation)
	return err
}

// UpdateCase saves the fields and the team of an existing case. Tasks
// keep their deadlines; the caller moves them if the period changed.
func (v *Vault) UpdateCase(c *model.Case) error {
	if err := normalizeCase(c); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		if c.Code == "" {
			return invalid(FieldCode, "the code is empty")
		}
		if err := checkCodeFree(tx, c.Code, c.ID); err != nil {
			return err
		}
		v.stamp(&c.Record)
		res, err := tx.Exec(`UPDATE cases SET code = ?, title = ?, kind = ?,
			subject_type = ?, subject_name = ?, subject_unit = ?, classification = ?,
			status = ?, lead = ?, start_date = ?, end_date = ?, prep_end = ?,
			exec_end = ?, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`,
			c.Code, c.Title, string(c.Kind), string(c.Subject.Type), c.Subject.Name,
			c.Subject.Unit, int(c.Classification), string(c.Status), c.Lead,
			c.Start.String(), c.End.String(), c.PrepEnd.String(), c.ExecEnd.String(),
			c.UpdatedAt.String(), c.Workstation, c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if err := v.saveTeam(tx, c.ID, c.Team); err != nil {
			return err
		}
		return reindexCase(tx, c.ID)
	})
}

// DeleteCase marks a case and everything in it deleted. The rows stay as
// deletion marks so that the deletion can travel to other vaults. The
// case leaves the search index at once.
func (v *Vault) DeleteCase(id string) error {
	return v.write(func(tx *sql.Tx) error {
		h := v.clock.Now().String()
		res, err := tx.Exec(`UPDATE cases SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, h, v.workstation, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		for _, table := range []string{"tasks", "team_members", "documents", "journal", "case_outcomes"} {
			_, err := tx.Exec(`UPDATE `+table+` SET deleted = 1, updated_at = ?, workstation = ?
				WHERE case_id = ? AND deleted = 0`, h, v.workstation, id)
			if err != nil {
				return err
			}
		}
		_, err = tx.Exec(`DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)`, id)
		return err
	})
}

const caseColumns = `id, code, title, kind, subject_type, subject_name,
	subject_unit, classification, status, lead, start_date, end_date,
	prep_end, exec_end, created_at, updated_at, workstation`

func scanCase(row interface{ Scan(...any) error }) (*model.Case, error) {
	var c model.Case
	var kind, subjectType, status, start, end, prepEnd, execEnd, created, updated string
	err := row.Scan(&c.ID, &c.Code, &c.Title, &kind, &subjectType, &c.Subject.Name,
		&c.Subject.Unit, &c.Classification, &status, &c.Lead, &start, &end,
		&prepEnd, &execEnd, &created, &updated, &c.Workstation)
	if err != nil {
		return nil, err
	}
	c.Kind, c.Subject.Type, c.Status = model.Kind(kind), model.SubjectType(subjectType), model.Status(status)
	c.Start, c.End = parseDate(start), parseDate(end)
	c.PrepEnd, c.ExecEnd = parseDate(prepEnd), parseDate(execEnd)
	c.CreatedAt = parseTime(created)
	c.UpdatedAt, _ = model.ParseHLC(updated)
	return &c, nil
}

// Case returns the case with id and its team, or ErrNotFound.
func (v *Vault) Case(id string) (*model.Case, error) {
	return v.caseWhere("id = ?", id)
}

// CaseByCode returns the live case with code: ErrNotFound when no live
// case has it, and a *CodeSharedError when several do.
func (v *Vault) CaseByCode(code string) (*model.Case, error) {
	ids, err := v.CaseIDsByCode(code)
	if err != nil {
		return nil, err
	}
	switch len(ids) {
	case 0:
		return nil, ErrNotFound
	case 1:
		return v.Case(ids[0])
	}
	return nil, &CodeSharedError{Code: model.Normalize(code), IDs: ids}
}

func (v *Vault) caseWhere(cond string, arg any) (*model.Case, error) {
	var c *model.Case
	err := v.read(func(db *sql.DB) error {
		var err error
		c, err = scanCase(db.QueryRow(`SELECT `+caseColumns+` FROM cases WHERE deleted = 0 AND `+cond, arg))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		c.Team, err = loadTeam(db, c.ID)
		return err
	})
	return c, err
}

func (v *Vault) saveTeam(tx *sql.Tx, caseID string, team []model.TeamMember) error {
	h := v.clock.Now().String()
	_, err := tx.Exec(`UPDATE team_members SET deleted = 1, updated_at = ?, workstation = ?
		WHERE case_id = ? AND deleted = 0`, h, v.workstation, caseID)
	if err != nil {
		return err
	}
	for i := range team {
		m := &team[i]
		if m.Name == "" {
			continue
		}
		if m.ID == "" {
			m.ID = newID()
		}
		_, err := tx.Exec(`INSERT INTO team_members (id, case_id, name, role, position,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
			position = excluded.position, updated_at = excluded.updated_at,
			workstation = excluded.workstation, deleted = 0`,
			m.ID, caseID, m.Name, string(m.Role), i, h, v.workstation)
		if err != nil {
			return err
		}
	}
	return nil
}

func loadTeam(db *sql.DB, caseID string) ([]model.TeamMember, error) {
	rows, err := db.Query(`SELECT id, name, role FROM team_members
		WHERE case_id = ? AND deleted = 0 ORDER BY position`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var team []model.TeamMember
	for rows.Next() {
		var m model.TeamMember
		var role string
		if err := rows.Scan(&m.ID, &m.Name, &role); err != nil {
			return nil, err
		}
		m.Role = model.Role(role)
		team = append(team, m)
	}
	return team, rows.Err()
}

// reindexCase rewrites the search row of a case from its code, title,
// subject and journal, all folded.
func reindexCase(tx sqlRunner, caseID string) error {
	var cs caseSearch
	err := tx.QueryRow(`SELECT rowid, code, title, subject_name, subject_unit FROM cases
		WHERE id = ?`, caseID).Scan(&cs.rowid, &cs.code, &cs.title, &cs.subjectName, &cs.subjectUnit)
	if err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT text FROM journal WHERE case_id = ? AND deleted = 0
		ORDER BY entry_date`, caseID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		cs.notes = append(cs.notes, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return cs.write(tx)
}

// caseSearch holds the texts of a case's search row: its code, title and
// subject, and its journal texts in date order.
type caseSearch struct {
	rowid                    int64
	deleted                  int
	code, title              string
	subjectName, subjectUnit string
	notes                    []string
}

// write replaces the case's search row with the folded texts, or only
// removes it when the case is deleted.
func (cs *caseSearch) write(tx sqlRunner) error {
	if _, err := tx.Exec(`DELETE FROM case_search WHERE rowid = ?`, cs.rowid); err != nil {
		return err
	}
	if cs.deleted != 0 {
		return nil
	}
	notes := make([]string, len(cs.notes))
	for i, n := range cs.notes {
		notes[i] = model.Fold(n)
	}
	_, err := tx.Exec(`INSERT INTO case_search (rowid, code, title, subject, notes)
		VALUES (?, ?, ?, ?, ?)`, cs.rowid, model.Fold(cs.code), model.Fold(cs.title),
		model.Fold(cs.subjectName+" "+cs.subjectUnit), strings.Join(notes, "\n"))
	return err
}
